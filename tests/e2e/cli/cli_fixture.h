#ifndef COREBALANCE_TESTS_E2E_CLI_CLI_FIXTURE_H_
#define COREBALANCE_TESTS_E2E_CLI_CLI_FIXTURE_H_

// One real corebalance-server (fresh database, migrated, bootstrapped) for
// the suite, and a helper that runs the real `corebalance` binary with a
// private HOME so no user config leaks in.

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "tests/support/process.h"
#include "tests/support/test_database.h"

namespace corebalance::test {

// The corebalance CLI built with the tests (COREBALANCE_CLI_BIN overrides).
std::string CliBinary();

// The first string value of `"key": "..."` in the CLI's JSON output (also
// JSON Lines without spaces).
std::string JsonString(const std::string& json, const std::string& key);

class CliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite();
  static void TearDownTestSuite();
  void SetUp() override;
  void TearDown() override;

  // Runs `corebalance args...` with COREBALANCE_ADDR and COREBALANCE_TOKEN of
  // the suite's server (unless overridden in `env`; "" removes nothing but
  // sets empty).
  ProcessResult Cli(const std::vector<std::string>& args,
                    std::map<std::string, std::string> env = {});
  // The environment Cli() uses.
  std::map<std::string, std::string> CliEnv() const;
  // Adds a patient and returns its resource name (fails the test otherwise).
  std::string AddPatient(const std::string& given, const std::string& family);

  static std::string addr() { return addr_; }
  static std::string admin_token() { return admin_token_; }
  const std::string& home() const { return home_; }

 private:
  static std::unique_ptr<TestDatabase> database_;
  static std::unique_ptr<Process> server_;
  static std::string addr_;
  static std::string admin_token_;
  std::string home_;
};

}  // namespace corebalance::test

#endif  // COREBALANCE_TESTS_E2E_CLI_CLI_FIXTURE_H_

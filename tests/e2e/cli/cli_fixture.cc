#include "tests/e2e/cli/cli_fixture.h"

#include <stdlib.h>

#include <cstdlib>
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "tests/support/free_port.h"

namespace corebalance::test {

std::unique_ptr<TestDatabase> CliTest::database_;
std::unique_ptr<Process> CliTest::server_;
std::string CliTest::addr_;
std::string CliTest::admin_token_;

std::string JsonString(const std::string& json, const std::string& key) {
  for (const std::string& needle :
       {"\"" + key + "\": \"", "\"" + key + "\":\""}) {
    const auto at = json.find(needle);
    if (at == std::string::npos) continue;
    const auto start = at + needle.size();
    return json.substr(start, json.find('"', start) - start);
  }
  return "";
}

std::string CliBinary() {
  const char* path = std::getenv("COREBALANCE_CLI_BIN");
  return path != nullptr ? path : COREBALANCE_CLI_BIN_DEFAULT;
}

void CliTest::SetUpTestSuite() {
  database_ = std::make_unique<TestDatabase>();
  const std::map<std::string, std::string> db{
      {"COREBALANCE_MYSQL_URL", database_->url()}};
  ProcessResult migrate = RunProcess({ServerBinary(), "migrate"}, db);
  ASSERT_EQ(migrate.exit_code, 0) << migrate.err;
  ProcessResult boot =
      RunProcess({ServerBinary(), "bootstrap", "--clinic", "San Clemente",
                  "--admin-name", "Clinic Admin"},
                 db);
  ASSERT_EQ(boot.exit_code, 0) << boot.err;
  admin_token_ = boot.out.substr(0, boot.out.find('\n'));
  const int port = PickFreePort();
  addr_ = absl::StrCat("127.0.0.1:", port);
  auto env = db;
  env["COREBALANCE_LISTEN"] = addr_;
  server_ =
      std::make_unique<Process>(std::vector<std::string>{ServerBinary()}, env);
  ASSERT_TRUE(WaitForServing(port)) << server_->err();
}

void CliTest::TearDownTestSuite() {
  server_.reset();
  database_.reset();
}

void CliTest::SetUp() {
  char pattern[] = "/tmp/corebalance-cli-home-XXXXXX";
  ASSERT_NE(mkdtemp(pattern), nullptr);
  home_ = pattern;
}

void CliTest::TearDown() {
  std::error_code ec;
  std::filesystem::remove_all(home_, ec);
}

std::map<std::string, std::string> CliTest::CliEnv() const {
  return {{"HOME", home_},
          {"XDG_CONFIG_HOME", home_ + "/config"},
          {"COREBALANCE_ADDR", addr_},
          {"COREBALANCE_TOKEN", admin_token_},
          {"COREBALANCE_PROFILE", ""}};
}

ProcessResult CliTest::Cli(const std::vector<std::string>& args,
                           std::map<std::string, std::string> env) {
  auto full = CliEnv();
  for (auto& [k, v] : env) full[k] = v;
  std::vector<std::string> argv{CliBinary()};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunProcess(argv, full, absl::Seconds(60));
}

std::string CliTest::AddPatient(const std::string& given,
                                const std::string& family) {
  ProcessResult r = Cli({"patients", "add", "--given-name", given,
                         "--family-name", family, "--output", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string key = "\"name\": \"";
  const auto at = r.out.find(key);
  if (at == std::string::npos) {
    ADD_FAILURE() << "no name in " << r.out;
    return "";
  }
  const auto begin = at + key.size();
  return r.out.substr(begin, r.out.find('"', begin) - begin);
}

}  // namespace corebalance::test

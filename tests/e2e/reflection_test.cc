// Server reflection works with an independent client: Node's @grpc/grpc-js
// lists the services and calls one using only what reflection told it.

#include <gtest/gtest.h>
#include <signal.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "tests/support/free_port.h"
#include "tests/support/process.h"
#include "tests/support/test_database.h"

namespace corebalance {
namespace {

using test::Process;
using test::RunProcess;
using test::ServerBinary;

TEST(ReflectionTest, NodeClientDiscoversAndCallsTheApi) {
  test::TestDatabase db;
  const std::map<std::string, std::string> env{{"COREBALANCE_MYSQL_URL", db.url()}};
  ASSERT_EQ(RunProcess({ServerBinary(), "migrate"}, env).exit_code, 0);
  const std::string out =
      RunProcess({ServerBinary(), "bootstrap", "--clinic", "San Clemente",
                  "--admin-name", "Clinic Admin"},
                 env)
          .out;
  const std::string token = out.substr(0, out.find('\n'));
  ASSERT_FALSE(token.empty());

  const int port = test::PickFreePort();
  const std::string address = absl::StrCat("127.0.0.1:", port);
  auto server_env = env;
  server_env["COREBALANCE_LISTEN"] = address;
  Process server({ServerBinary()}, server_env);
  ASSERT_TRUE(test::WaitForServing(port)) << server.err();

  const std::string source = COREBALANCE_SOURCE_DIR;
  auto result = RunProcess(
      {"/usr/bin/env", "node", source + "/tests/e2e/node/reflection_check.js",
       address, token},
      {{"COREBALANCE_NODE_MODULES", source + "/.tools/node_modules"}});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(absl::StrContains(result.out, "\"corebalance.v1.AccessService\""))
      << result.out;
  EXPECT_TRUE(absl::StrContains(result.out, "\"grpc.health.v1.Health\""))
      << result.out;
  EXPECT_TRUE(absl::StrContains(result.out, "\"display_name\":\"Clinic Admin\""))
      << result.out;
  server.Signal(SIGTERM);
  EXPECT_EQ(server.Wait(), 0);
}

}  // namespace
}  // namespace corebalance

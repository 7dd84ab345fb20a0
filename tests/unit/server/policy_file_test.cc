#include "services/server/policy_file.h"

#include <cstdio>
#include <fstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace corebalance::server {
namespace {

using ::testing::HasSubstr;

// A policy file in the test's temporary directory, removed afterwards.
class PolicyFile : public ::testing::Test {
 protected:
  std::string Write(const std::string& json) {
    path_ = ::testing::TempDir() + "corebalance_policy_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name() +
            ".json";
    std::ofstream(path_) << json;
    return path_;
  }
  void TearDown() override {
    if (!path_.empty()) std::remove(path_.c_str());
  }

  std::string path_;
};

TEST_F(PolicyFile, EmptyPathGivesTheDefaults) {
  const auto policy = LoadPolicyFile("");
  ASSERT_TRUE(policy.ok()) << policy.status();
  EXPECT_EQ(policy->SerializeAsString(),
            config::v1::ServerPolicy().SerializeAsString());
}

TEST_F(PolicyFile, KnownFieldsAreRead) {
  for (const std::string json : {"{}", R"({"intake": {}})", "  {\n}\n"}) {
    const auto policy = LoadPolicyFile(Write(json));
    EXPECT_TRUE(policy.ok()) << json << ": " << policy.status();
  }
  const auto policy = LoadPolicyFile(Write(R"({"intake": {}})"));
  ASSERT_TRUE(policy.ok());
  EXPECT_TRUE(policy->has_intake());
}

TEST_F(PolicyFile, UnknownFieldsAreRefusedNamingTheFile) {
  for (const std::string json :
       {R"({"intkae": {}})", R"({"intake": {"chronicAboveWeek": 12}})",
        R"({"intake": {}, "extra": true})"}) {
    const std::string path = Write(json);
    const auto policy = LoadPolicyFile(path);
    ASSERT_FALSE(policy.ok()) << json;
    EXPECT_EQ(policy.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(policy.status().message(), HasSubstr(path));
    EXPECT_THAT(policy.status().message(), HasSubstr("--policy-file"));
  }
}

TEST_F(PolicyFile, MalformedJsonIsRefusedNamingTheFile) {
  for (const std::string json : {"", "{", "intake: {}", R"({"intake": 12})"}) {
    const std::string path = Write(json);
    const auto policy = LoadPolicyFile(path);
    ASSERT_FALSE(policy.ok()) << "\"" << json << "\"";
    EXPECT_EQ(policy.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(policy.status().message(), HasSubstr(path));
  }
}

TEST_F(PolicyFile, MissingFileIsRefusedNamingIt) {
  const std::string path =
      ::testing::TempDir() + "corebalance_policy_does_not_exist.json";
  std::remove(path.c_str());
  const auto policy = LoadPolicyFile(path);
  ASSERT_FALSE(policy.ok());
  EXPECT_EQ(policy.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(policy.status().message(), HasSubstr(path));
}

}  // namespace
}  // namespace corebalance::server

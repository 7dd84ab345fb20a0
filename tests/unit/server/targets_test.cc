#include "services/server/targets.h"

#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace corebalance::server {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<std::string> Names(const std::vector<Target>& targets) {
  std::vector<std::string> names;
  for (Target t : targets) names.emplace_back(TargetName(t));
  return names;
}

TEST(ParseTargets, AllIsEveryTarget) {
  const auto targets = ParseTargets("all");
  ASSERT_TRUE(targets.ok()) << targets.status();
  EXPECT_EQ(*targets, AllTargets());
  EXPECT_FALSE(targets->empty());
}

TEST(ParseTargets, AllWinsInsideAList) {
  const auto targets =
      ParseTargets(std::string(TargetName(AllTargets()[0])) + ",all");
  ASSERT_TRUE(targets.ok()) << targets.status();
  EXPECT_EQ(*targets, AllTargets());
}

TEST(ParseTargets, EachNameAloneIsThatTarget) {
  for (Target t : AllTargets()) {
    const auto targets = ParseTargets(TargetName(t));
    ASSERT_TRUE(targets.ok()) << targets.status();
    EXPECT_THAT(*targets, ElementsAre(t));
    EXPECT_TRUE(Hosts(*targets, t));
  }
}

TEST(ParseTargets, CommaListWithSpacesAndEmptyEntries) {
  const std::vector<std::string> names = Names(AllTargets());
  for (const std::string& spec :
       {absl::StrJoin(names, ","), absl::StrJoin(names, " , "),
        " " + absl::StrJoin(names, ",  ") + " ",
        "," + absl::StrJoin(names, ",,") + ","}) {
    const auto targets = ParseTargets(spec);
    ASSERT_TRUE(targets.ok()) << "\"" << spec << "\": " << targets.status();
    EXPECT_EQ(Names(*targets), names) << spec;
  }
}

TEST(ParseTargets, DuplicatesCountOnce) {
  const std::string name(TargetName(AllTargets()[0]));
  const auto targets = ParseTargets(name + ", " + name + "," + name);
  ASSERT_TRUE(targets.ok()) << targets.status();
  EXPECT_THAT(*targets, ElementsAre(AllTargets()[0]));
}

TEST(ParseTargets, UnknownNameIsRefusedListingTheValidOnes) {
  const std::string known(TargetName(AllTargets()[0]));
  for (const std::string& spec :
       {std::string("billing"), known + ",billing", "billing, " + known}) {
    const auto targets = ParseTargets(spec);
    ASSERT_FALSE(targets.ok()) << spec;
    EXPECT_EQ(targets.status().code(), absl::StatusCode::kInvalidArgument);
    const std::string message(targets.status().message());
    EXPECT_THAT(message, HasSubstr("\"billing\""));
    EXPECT_THAT(message, HasSubstr("--target"));
    EXPECT_THAT(message, HasSubstr("all"));
    for (const std::string& name : Names(AllTargets())) {
      EXPECT_THAT(message, HasSubstr(name));
    }
  }
}

TEST(ParseTargets, MisspeltNameIsRefused) {
  const std::string known(TargetName(AllTargets()[0]));
  for (const std::string& spec :
       {known.substr(1), known + "s", std::string("al"), std::string("*"),
        known + ";"}) {
    EXPECT_EQ(ParseTargets(spec).status().code(),
              absl::StatusCode::kInvalidArgument)
        << spec;
  }
}

TEST(ParseTargets, EmptyIsRefused) {
  for (absl::string_view spec : {"", " ", ",", " , ,"}) {
    const auto targets = ParseTargets(spec);
    ASSERT_FALSE(targets.ok()) << "\"" << spec << "\"";
    EXPECT_EQ(targets.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(targets.status().message(), HasSubstr("--target"));
  }
}

TEST(TargetName, IsDistinctForEveryTarget) {
  const std::vector<std::string> names = Names(AllTargets());
  EXPECT_EQ(std::set<std::string>(names.begin(), names.end()).size(),
            names.size());
  for (const std::string& name : names) {
    EXPECT_FALSE(name.empty());
    EXPECT_NE(name, "all");
    EXPECT_NE(name, "unknown");
  }
}

TEST(Hosts, IsFalseForAnEmptyList) {
  for (Target t : AllTargets()) EXPECT_FALSE(Hosts({}, t));
}

}  // namespace
}  // namespace corebalance::server

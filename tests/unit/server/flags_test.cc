#include "services/server/flags.h"

#include <cctype>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/logging.h"

namespace corebalance::server {
namespace {

using ::testing::HasSubstr;

// Sets an environment variable for one test and puts back what was there.
class ScopedEnv {
 public:
  ScopedEnv(std::string name, const std::string& value)
      : name_(std::move(name)) {
    if (const char* old = std::getenv(name_.c_str())) old_ = old;
    setenv(name_.c_str(), value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old_) {
      setenv(name_.c_str(), old_->c_str(), 1);
    } else {
      unsetenv(name_.c_str());
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  std::string name_;
  std::optional<std::string> old_;
};

// FinishConfig sets the process-wide log level; leave it as found.
class Flags : public ::testing::Test {
 protected:
  void TearDown() override { ASSERT_TRUE(log::SetLevel("info").ok()); }

  // Parses `args` (after the program name) the way main does.
  void Parse(std::vector<std::string> args) {
    AddServerFlags(app_, config_, raw_);
    args.insert(args.begin(), "corebalance-server");
    std::vector<const char*> argv;
    for (const std::string& arg : args) argv.push_back(arg.c_str());
    app_.parse(static_cast<int>(argv.size()), argv.data());
  }

  CLI::App app_{"test"};
  ServerConfig config_;
  RawFlags raw_;
};

struct DurationFlag {
  std::string flag;
  std::string RawFlags::*raw;
  absl::Duration ServerConfig::*config;
};

std::vector<DurationFlag> DurationFlags() {
  return {
      {"pool-checkout-timeout", &RawFlags::pool_checkout_timeout,
       &ServerConfig::pool_checkout_timeout},
      {"max-call-deadline", &RawFlags::max_call_deadline,
       &ServerConfig::max_call_deadline},
      {"auth-cache-ttl", &RawFlags::auth_cache_ttl,
       &ServerConfig::auth_cache_ttl},
      {"health-interval", &RawFlags::health_interval,
       &ServerConfig::health_interval},
      {"drain-delay", &RawFlags::drain_delay, &ServerConfig::drain_delay},
      {"drain-timeout", &RawFlags::drain_timeout, &ServerConfig::drain_timeout},
      {"max-connection-age", &RawFlags::max_connection_age,
       &ServerConfig::max_connection_age},
  };
}

TEST_F(Flags, DefaultsFinish) {
  const absl::Status status = FinishConfig(raw_, config_);
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_EQ(config_.targets, AllTargets());
}

TEST_F(Flags, DurationsAreParsed) {
  struct Case {
    std::string text;
    absl::Duration value;
  };
  for (const DurationFlag& d : DurationFlags()) {
    for (const Case& c :
         {Case{"250ms", absl::Milliseconds(250)}, Case{"5s", absl::Seconds(5)},
          Case{"1m30s", absl::Seconds(90)},
          Case{"1.5s", absl::Milliseconds(1500)}}) {
      RawFlags raw;
      ServerConfig config;
      raw.*d.raw = c.text;
      const absl::Status status = FinishConfig(raw, config);
      ASSERT_TRUE(status.ok()) << d.flag << "=" << c.text << ": " << status;
      EXPECT_EQ(config.*d.config, c.value) << d.flag << "=" << c.text;
    }
  }
}

TEST_F(Flags, BadDurationsAreRefusedNamingTheFlag) {
  for (const DurationFlag& d : DurationFlags()) {
    for (const std::string text : {"soon", "-5s", "-1ms", "5", "", "5 s"}) {
      RawFlags raw;
      ServerConfig config;
      raw.*d.raw = text;
      const absl::Status status = FinishConfig(raw, config);
      ASSERT_EQ(status.code(), absl::StatusCode::kInvalidArgument)
          << d.flag << "=\"" << text << "\"";
      EXPECT_THAT(status.message(), HasSubstr("--" + d.flag)) << text;
      EXPECT_THAT(status.message(), HasSubstr("\"" + text + "\""));
    }
  }
}

TEST_F(Flags, ZeroIsAllowedWhereItMeansNever) {
  raw_.drain_delay = "0s";
  raw_.max_connection_age = "0";
  const absl::Status status = FinishConfig(raw_, config_);
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_EQ(config_.drain_delay, absl::ZeroDuration());
  EXPECT_EQ(config_.max_connection_age, absl::ZeroDuration());
}

TEST_F(Flags, HealthIntervalHasAFloor) {
  raw_.health_interval = "5ms";
  const absl::Status status = FinishConfig(raw_, config_);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("--health-interval"));
  raw_.health_interval = "10ms";
  EXPECT_TRUE(FinishConfig(raw_, config_).ok());
}

TEST_F(Flags, BadTargetsLogLevelOrPolicyFileAreRefused) {
  {
    RawFlags raw;
    ServerConfig config;
    raw.targets = "billing";
    EXPECT_EQ(FinishConfig(raw, config).code(),
              absl::StatusCode::kInvalidArgument);
  }
  {
    RawFlags raw;
    ServerConfig config;
    config.log_level = "chatty";
    EXPECT_EQ(FinishConfig(raw, config).code(),
              absl::StatusCode::kInvalidArgument);
  }
  {
    RawFlags raw;
    ServerConfig config;
    config.policy_file = ::testing::TempDir() + "no_such_policy_file.json";
    const absl::Status status = FinishConfig(raw, config);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(status.message(), HasSubstr("no_such_policy_file.json"));
  }
}

TEST_F(Flags, EnvironmentSetsValues) {
  ScopedEnv listen("COREBALANCE_LISTEN", "0.0.0.0:6000");
  ScopedEnv pool("COREBALANCE_POOL_SIZE", "3");
  ScopedEnv url("COREBALANCE_MYSQL_URL", "mysql://app@db:3306/cb");
  ScopedEnv drain("COREBALANCE_DRAIN_TIMEOUT", "7s");
  ScopedEnv level("COREBALANCE_LOG_LEVEL", "warn");
  Parse({});
  EXPECT_EQ(config_.listen, "0.0.0.0:6000");
  EXPECT_EQ(config_.pool_size, 3);
  EXPECT_EQ(config_.mysql_url, "mysql://app@db:3306/cb");
  EXPECT_EQ(config_.log_level, "warn");
  EXPECT_EQ(raw_.drain_timeout, "7s");
  const absl::Status status = FinishConfig(raw_, config_);
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_EQ(config_.drain_timeout, absl::Seconds(7));
}

TEST_F(Flags, AFlagBeatsTheEnvironment) {
  ScopedEnv listen("COREBALANCE_LISTEN", "0.0.0.0:6000");
  ScopedEnv pool("COREBALANCE_POOL_SIZE", "3");
  ScopedEnv drain("COREBALANCE_DRAIN_TIMEOUT", "7s");
  Parse({"--listen", "127.0.0.1:7000", "--pool-size=4", "--drain-timeout",
         "250ms"});
  EXPECT_EQ(config_.listen, "127.0.0.1:7000");
  EXPECT_EQ(config_.pool_size, 4);
  ASSERT_TRUE(FinishConfig(raw_, config_).ok());
  EXPECT_EQ(config_.drain_timeout, absl::Milliseconds(250));
}

TEST_F(Flags, WithoutFlagsOrEnvironmentTheDefaultsStay) {
  const ServerConfig defaults;
  Parse({});
  EXPECT_EQ(config_.listen, defaults.listen);
  EXPECT_EQ(config_.pool_size, defaults.pool_size);
  EXPECT_EQ(config_.mysql_url, defaults.mysql_url);
  ASSERT_TRUE(FinishConfig(raw_, config_).ok());
  EXPECT_EQ(config_.drain_timeout, defaults.drain_timeout);
}

TEST_F(Flags, PeerAddressesComeFromFlagOrEnvironmentPerTarget) {
  const Target target = AllTargets()[0];
  const std::string name(TargetName(target));
  std::string env = "COREBALANCE_" + name + "_ADDR";
  for (char& ch : env) ch = static_cast<char>(std::toupper(ch));
  ScopedEnv address(env, "dns:///peer.internal:50051");
  Parse({"--target", name});
  ASSERT_TRUE(FinishConfig(raw_, config_).ok());
  EXPECT_EQ(config_.peer_addresses[target], "dns:///peer.internal:50051");

  CLI::App app("test");
  ServerConfig config;
  RawFlags raw;
  AddServerFlags(app, config, raw);
  const std::string flag = "--" + name + "-addr=10.0.0.9:50051";
  const char* argv[] = {"corebalance-server", flag.c_str()};
  app.parse(2, argv);
  ASSERT_TRUE(FinishConfig(raw, config).ok());
  EXPECT_EQ(config.peer_addresses[target], "10.0.0.9:50051");
}

TEST_F(Flags, UnsetPeerAddressesStayUnset) {
  Parse({});
  ASSERT_TRUE(FinishConfig(raw_, config_).ok());
  EXPECT_TRUE(config_.peer_addresses.empty());
}

TEST_F(Flags, OutOfRangeNumbersAreRefusedByTheParser) {
  EXPECT_THROW(Parse({"--pool-size", "0"}), CLI::ValidationError);
}

TEST_F(Flags, OutOfRangeNumbersFromTheEnvironmentAreRefusedToo) {
  ScopedEnv workers("COREBALANCE_WORKERS", "0");
  EXPECT_THROW(Parse({}), CLI::ValidationError);
}

}  // namespace
}  // namespace corebalance::server

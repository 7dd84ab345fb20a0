#include "services/server/server_runtime.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>

#include <cctype>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/common/logging.h"
#include "services/common/sha256.h"
#include "services/server/credentials.h"
#include "services/server/database_settings.h"
#include "services/server/health_monitor.h"
#include "services/server/malformed_request.h"
#include "services/server/migrations_for.h"
#include "services/server/module.h"
#include "services/store/migrations.h"

namespace corebalance::server {
namespace {

constexpr int kMaxMessageBytes = 4 * 1024 * 1024;

void ApplyChannelSettings(const ServerConfig& config,
                          grpc::ServerBuilder& builder) {
  // gRPC sets SO_REUSEPORT by default: a second server would silently share
  // the port instead of failing.
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  builder.SetMaxReceiveMessageSize(kMaxMessageBytes);
  builder.SetMaxSendMessageSize(kMaxMessageBytes);
  // Ping idle connections every minute, under the idle timeouts of common L4
  // load balancers (AWS NLB 350 s, GCP 600 s), so they are not cut silently,
  // and accept client keepalive pings down to every 10 s.
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIME_MS, 60 * 1000);
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 20 * 1000);
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
  builder.AddChannelArgument(
      GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS, 10 * 1000);
  builder.AddChannelArgument(GRPC_ARG_HTTP2_MAX_PINGS_WITHOUT_DATA, 0);
  if (config.max_connection_age > absl::ZeroDuration()) {
    builder.AddChannelArgument(
        GRPC_ARG_MAX_CONNECTION_AGE_MS,
        static_cast<int>(absl::ToInt64Milliseconds(config.max_connection_age)));
    builder.AddChannelArgument(
        GRPC_ARG_MAX_CONNECTION_AGE_GRACE_MS,
        static_cast<int>(absl::ToInt64Milliseconds(config.drain_timeout)));
  }
}

store::MysqlConfig DatabaseConfig(const ServerConfig& config,
                                  store::MysqlConfig parsed) {
  parsed.pool_size = config.pool_size;
  parsed.checkout_timeout = config.pool_checkout_timeout;
  return parsed;
}

// Every target a hosted one calls (and access, for auth and audit) must be
// co-hosted or have an address.
absl::Status CheckPeerAddresses(const ServerConfig& config) {
  std::vector<Target> needed{Target::kAccess};
  for (Target t : config.targets) {
    for (Target c : FactoryFor(t).calls) needed.push_back(c);
  }
  for (Target t : needed) {
    if (!Hosts(config.targets, t) && !config.peer_addresses.count(t)) {
      std::string flag(TargetName(t));
      std::string env = flag + "_ADDR";
      for (char& ch : env) ch = static_cast<char>(std::toupper(ch));
      return absl::InvalidArgumentError(absl::StrCat(
          "--", flag, "-addr (COREBALANCE_", env, ") is required: the ", flag,
          " service is not hosted in this process"));
    }
  }
  return absl::OkStatus();
}

// A channel to another process's service. dns:/// targets resolve to every
// pod behind a headless Service; round_robin spreads calls over them.
std::shared_ptr<grpc::Channel> RemoteChannel(const std::string& address) {
  grpc::ChannelArguments args;
  args.SetLoadBalancingPolicyName("round_robin");
  args.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, 60 * 1000);
  // A peer back from an outage is used within a second, not after gRPC's
  // default backoff of up to two minutes.
  args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 100);
  args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 1000);
  return grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(),
                                   args);
}

class Runtime final : public ServerRuntime {
 public:
  ~Runtime() override { Shutdown(); }

  absl::Status Init(const ServerConfig& config) {
    config_ = config;
    auto mysql = DatabaseSettings(config);
    if (!mysql.ok()) return mysql.status();
    const store::MysqlConfig database = DatabaseConfig(config, *mysql);
    // The health checks' own connection, so busy services never starve them.
    store::MysqlConfig health_database = database;
    health_database.pool_size = 1;
    pool_ = std::make_unique<store::Pool>(health_database);

    const bool access_here = Hosts(config.targets, Target::kAccess);
    std::string internal_key = config.internal_key;
    if (internal_key.empty()) {
      if (!access_here) {
        return absl::InvalidArgumentError(
            "--internal-key (COREBALANCE_INTERNAL_KEY) is required when the "
            "access service runs in another process");
      }
      // Every internal caller is in this process: a fresh key will do.
      internal_key = RandomUrlSafeToken(32);
    }
    if (absl::Status s = CheckPeerAddresses(config); !s.ok()) return s;
    for (const auto& factory : ModuleFactories()) {
      if (Hosts(config.targets, factory.target)) {
        // Each hosted service has its own connection budget: one service's
        // queue of writes cannot take the connections another's reads need.
        module_pools_.push_back(std::make_unique<store::Pool>(database));
        modules_.push_back(
            factory.make(config, module_pools_.back().get(), internal_key));
        if (absl::Status s = modules_.back()->ConfigStatus(); !s.ok()) return s;
      }
    }

    auto credentials = ServerCredentials(config);
    if (!credentials.ok()) return credentials.status();
    grpc::EnableDefaultHealthCheckService(true);
    grpc::reflection::InitProtoReflectionServerBuilderPlugin();
    grpc::ServerBuilder builder;
    builder.AddListeningPort(config.listen, *credentials, &port_);
    ApplyChannelSettings(config, builder);
    std::vector<std::string> service_names;
    grpc::ServerBuilder in_process_builder;
    for (auto& m : modules_) {
      m->Register(builder);
      m->Register(in_process_builder);
      for (auto& n : m->ServiceNames()) service_names.push_back(n);
    }
    std::vector<
        std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>>
        interceptors;
    interceptors.push_back(MalformedRequestInterceptors(service_names));
    builder.experimental().SetInterceptorCreators(std::move(interceptors));
    // Co-hosted services call each other through a separate port-less
    // server: it keeps serving them while the public server drains (gRPC
    // 1.51 crashes creating an in-process call on a server shutting down).
    in_process_server_ = in_process_builder.BuildAndStart();
    server_ = builder.BuildAndStart();
    if (!server_ || port_ == 0) {
      return absl::UnavailableError(absl::StrCat(
          "cannot listen on ", config.listen,
          ": the address is in use, not local, or the TLS files are invalid"));
    }

    std::vector<grpc::HealthCheckServiceInterface*> health{
        server_->GetHealthCheckService()};
    if (!config.health_listen.empty()) {
      grpc::ServerBuilder health_builder;
      health_builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
      health_builder.AddListeningPort(config.health_listen,
                                      grpc::InsecureServerCredentials(),
                                      &health_port_);
      health_server_ = health_builder.BuildAndStart();
      if (!health_server_ || health_port_ == 0) {
        return absl::UnavailableError(absl::StrCat(
            "cannot listen on ", config.health_listen, " (--health-listen)"));
      }
      health.push_back(health_server_->GetHealthCheckService());
    }

    // Peers: co-hosted services are reached in-process.
    Peers peers;
    grpc::ChannelArguments args;
    for (const auto& factory : ModuleFactories()) {
      const Target t = factory.target;
      if (Hosts(config.targets, t)) {
        peers.channels[t] = in_process_server_->InProcessChannel(args);
        peers.in_process.insert(t);
      } else if (auto it = config.peer_addresses.find(t);
                 it != config.peer_addresses.end()) {
        peers.channels[t] = RemoteChannel(it->second);
      }
    }
    Authenticator::Options auth_options;
    auth_options.ttl = config.auth_cache_ttl;
    authenticator_ = std::make_unique<Authenticator>(
        peers.Channel(Target::kAccess), internal_key, auth_options);
    peers.authenticator = authenticator_.get();
    for (auto& m : modules_) m->Wire(peers);

    const std::vector<store::Migration> schema = MigrationsFor(config.targets);
    health_monitor_ = std::make_unique<HealthMonitor>(
        pool_.get(),
        [this, schema] { return store::CheckSchema(*pool_, schema); },
        service_names, health, config.health_interval);
    std::vector<store::Pool*> service_pools;
    for (auto& p : module_pools_) service_pools.push_back(p.get());
    health_monitor_->DistrustOnFailure(std::move(service_pools));
    health_monitor_->Start();
    log::Info("serving", {{"listen", config.listen},
                          {"port", absl::StrCat(port_)},
                          {"health_port", absl::StrCat(health_port_)}});
    return absl::OkStatus();
  }

  int port() const override { return port_; }
  int health_port() const override { return health_port_; }

  void Shutdown() override {
    if (shut_down_ || !server_) return;
    shut_down_ = true;
    log::Info("shutdown", {{"phase", "not_serving"}});
    if (health_monitor_) health_monitor_->StopAndReportNotServing();
    absl::SleepFor(config_.drain_delay);
    log::Info("shutdown", {{"phase", "draining"}});
    const absl::Time drained = absl::Now() + config_.drain_timeout;
    for (auto& m : modules_) m->EndStreams();
    server_->Shutdown(absl::ToChronoTime(drained));
    // What the last calls wrote goes to the audit log now, while a co-hosted
    // access service still serves; anything left is relayed after restart.
    const absl::Time relayed =
        std::max(drained, absl::Now() + absl::Seconds(2));
    for (auto& m : modules_) m->StopRelay(relayed);
    // Only now: the calls that drained above needed the co-hosted services.
    in_process_server_->Shutdown(absl::ToChronoTime(drained));
    for (auto& m : modules_) m->StopWorkers();
    if (health_server_) health_server_->Shutdown();
    for (auto& p : module_pools_) p->Close();
    pool_->Close();
    log::Info("shutdown", {{"phase", "done"}});
  }

 private:
  ServerConfig config_;
  std::unique_ptr<store::Pool> pool_;
  std::vector<std::unique_ptr<store::Pool>> module_pools_;
  std::vector<std::unique_ptr<Module>> modules_;
  std::unique_ptr<grpc::Server> in_process_server_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<grpc::Server> health_server_;
  std::unique_ptr<Authenticator> authenticator_;
  std::unique_ptr<HealthMonitor> health_monitor_;
  int port_ = 0;
  int health_port_ = 0;
  bool shut_down_ = false;
};

}  // namespace

absl::StatusOr<std::unique_ptr<ServerRuntime>> ServerRuntime::Start(
    const ServerConfig& config) {
  auto runtime = std::make_unique<Runtime>();
  absl::Status status = runtime->Init(config);
  if (!status.ok()) return status;
  return runtime;
}

}  // namespace corebalance::server

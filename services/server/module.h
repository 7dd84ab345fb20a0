#ifndef COREBALANCE_SERVICES_SERVER_MODULE_H_
#define COREBALANCE_SERVICES_SERVER_MODULE_H_

#include <grpcpp/channel.h>
#include <grpcpp/server_builder.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "services/common/authenticator.h"
#include "services/server/server_config.h"
#include "services/server/targets.h"
#include "services/store/migrations.h"
#include "services/store/pool.h"

namespace corebalance::server {

// What a hosted module may reach once the server runs: the shared
// authenticator, and channels to the other services (in-process when
// co-hosted). Each module relays its own outbox to the audit log.
struct Peers {
  Authenticator* authenticator = nullptr;
  // One channel per service this process can reach, in-process when
  // co-hosted, else to --<target>-addr.
  std::map<Target, std::shared_ptr<grpc::Channel>> channels;
  // The co-hosted ones, whose channels are in-process.
  std::set<Target> in_process;

  std::shared_ptr<grpc::Channel> Channel(Target target) const {
    auto it = channels.find(target);
    return it == channels.end() ? nullptr : it->second;
  }
  bool InProcess(Target target) const { return in_process.count(target) > 0; }
};

// One --target: its gRPC services, their worker pools and storage.
class Module {
 public:
  virtual ~Module() = default;
  // A configuration problem found while building the module (e.g. a clinic
  // policy that makes no sense): the server refuses to start with it.
  virtual absl::Status ConfigStatus() const { return absl::OkStatus(); }
  // Adds the module's services to the server being built. Called twice: for
  // the public server and for the port-less in-process one that co-hosted
  // services call (gRPC registers a service object with one server only, so
  // make fresh service objects per call; they share the module's state).
  virtual void Register(grpc::ServerBuilder& builder) = 0;
  // Full names of the services, for health checking.
  virtual std::vector<std::string> ServiceNames() const = 0;
  // Called once the server runs; calls wait until then.
  virtual void Wire(const Peers& peers) = 0;
  // When the server starts draining: stop background jobs and end open
  // streams (their clients reconnect elsewhere), so the drain can finish.
  virtual void EndStreams() {}
  // Once the public server has drained: relay the outbox rows the last calls
  // wrote (while a co-hosted access service still serves) and stop relaying.
  virtual void StopRelay(absl::Time deadline) { (void)deadline; }
  // After the server has shut down: finish queued work, join threads.
  virtual void StopWorkers() = 0;
};

// How the runtime knows a target: its schema, the services it calls, and how
// to build it. One entry per target in module_registry.cc.
struct ModuleFactory {
  Target target;
  std::vector<store::Migration> (*migrations)();
  // Other targets this one calls (access is always reachable).
  std::vector<Target> calls;
  // `pool` is the module's own: its connection budget.
  std::unique_ptr<Module> (*make)(const ServerConfig& config, store::Pool* pool,
                                  const std::string& internal_key);
};

const std::vector<ModuleFactory>& ModuleFactories();

// Stands in for a module whose configuration is bad (e.g. a clinic policy
// that makes no sense): its ConfigStatus() is `problem`, so the runtime
// reports it and stops before serving.
std::unique_ptr<Module> MakeMisconfiguredModule(absl::Status problem);
const ModuleFactory& FactoryFor(Target target);

}  // namespace corebalance::server

#endif  // COREBALANCE_SERVICES_SERVER_MODULE_H_

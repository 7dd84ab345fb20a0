#include "services/server/migrations_for.h"

#include "services/server/module.h"

namespace corebalance::server {

std::vector<store::Migration> MigrationsFor(
    const std::vector<Target>& targets) {
  std::vector<store::Migration> out;
  for (const auto& factory : ModuleFactories()) {
    if (!Hosts(targets, factory.target)) continue;
    auto more = factory.migrations();
    out.insert(out.end(), more.begin(), more.end());
  }
  return out;
}

}  // namespace corebalance::server

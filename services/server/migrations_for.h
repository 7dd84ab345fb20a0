#ifndef COREBALANCE_SERVICES_SERVER_MIGRATIONS_FOR_H_
#define COREBALANCE_SERVICES_SERVER_MIGRATIONS_FOR_H_

#include <vector>

#include "services/server/targets.h"
#include "services/store/migrations.h"

namespace corebalance::server {

// The schema the given targets own, in the order to apply it.
std::vector<store::Migration> MigrationsFor(const std::vector<Target>& targets);

}  // namespace corebalance::server

#endif  // COREBALANCE_SERVICES_SERVER_MIGRATIONS_FOR_H_

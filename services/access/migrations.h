#ifndef COREBALANCE_SERVICES_ACCESS_MIGRATIONS_H_
#define COREBALANCE_SERVICES_ACCESS_MIGRATIONS_H_

#include <vector>

#include "services/store/migrations.h"

namespace corebalance::access {

// The access component's schema (services/access/migrations/*.sql).
std::vector<store::Migration> Migrations();

}  // namespace corebalance::access

#endif  // COREBALANCE_SERVICES_ACCESS_MIGRATIONS_H_

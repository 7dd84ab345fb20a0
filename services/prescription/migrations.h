#ifndef COREBALANCE_SERVICES_PRESCRIPTION_MIGRATIONS_H_
#define COREBALANCE_SERVICES_PRESCRIPTION_MIGRATIONS_H_

#include <vector>

#include "services/store/migrations.h"

namespace corebalance::prescription {

// The prescription component's schema and catalogue seed
// (services/prescription/migrations/*.sql).
std::vector<store::Migration> Migrations();

}  // namespace corebalance::prescription

#endif  // COREBALANCE_SERVICES_PRESCRIPTION_MIGRATIONS_H_

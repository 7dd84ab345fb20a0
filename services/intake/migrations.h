#ifndef COREBALANCE_SERVICES_INTAKE_MIGRATIONS_H_
#define COREBALANCE_SERVICES_INTAKE_MIGRATIONS_H_

#include <vector>

#include "services/store/migrations.h"

namespace corebalance::intake {

// The intake component's schema (services/intake/migrations/*.sql).
std::vector<store::Migration> Migrations();

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_MIGRATIONS_H_

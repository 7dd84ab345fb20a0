#ifndef COREBALANCE_SERVICES_PROGRESS_MIGRATIONS_H_
#define COREBALANCE_SERVICES_PROGRESS_MIGRATIONS_H_

#include <vector>

#include "services/store/migrations.h"

namespace corebalance::progress {

// The progress component's schema (services/progress/migrations/*.sql).
std::vector<store::Migration> Migrations();

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_MIGRATIONS_H_

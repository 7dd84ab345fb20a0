#ifndef COREBALANCE_TESTS_INTEGRATION_STORE_TEST_MIGRATIONS_H_
#define COREBALANCE_TESTS_INTEGRATION_STORE_TEST_MIGRATIONS_H_

#include <vector>

#include "services/store/migrations.h"

namespace corebalance::store_test {

// migrations/*.sql, embedded by corebalance_migrations() (component
// "storetest").
std::vector<store::Migration> TestMigrations();

}  // namespace corebalance::store_test

#endif  // COREBALANCE_TESTS_INTEGRATION_STORE_TEST_MIGRATIONS_H_

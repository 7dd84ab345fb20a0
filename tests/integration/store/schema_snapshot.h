#ifndef COREBALANCE_TESTS_INTEGRATION_STORE_SCHEMA_SNAPSHOT_H_
#define COREBALANCE_TESTS_INTEGRATION_STORE_SCHEMA_SNAPSHOT_H_

#include <string>

#include "services/store/pool.h"

namespace corebalance::store_test {

// What a migration leaves in the pool's database, for comparing two
// databases: each table's SHOW CREATE TABLE (without its AUTO_INCREMENT
// counter) and row count, and the migrations recorded (without their times).
std::string SchemaSnapshot(store::Pool& pool);

}  // namespace corebalance::store_test

#endif  // COREBALANCE_TESTS_INTEGRATION_STORE_SCHEMA_SNAPSHOT_H_

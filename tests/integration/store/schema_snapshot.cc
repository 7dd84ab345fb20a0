#include "tests/integration/store/schema_snapshot.h"

#include <cppconn/resultset.h>

#include <regex>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/store/run.h"

namespace corebalance::store_test {

std::string SchemaSnapshot(store::Pool& pool) {
  auto snapshot = store::WithConnection(
      pool, absl::Now() + absl::Seconds(30),
      [&](store::Connection& c) -> absl::StatusOr<std::string> {
        std::vector<std::string> tables;
        auto names = c.Query(
            "SELECT table_name FROM information_schema.tables"
            " WHERE table_schema = DATABASE() ORDER BY table_name");
        while (names->next()) tables.emplace_back(names->getString(1));
        std::string text;
        const std::regex counter(" AUTO_INCREMENT=[0-9]+");
        for (const std::string& table : tables) {
          auto create = c.Query("SHOW CREATE TABLE `" + table + "`");
          if (create->next()) {
            absl::StrAppend(
                &text, std::regex_replace(std::string(create->getString(2)),
                                          counter, ""));
          }
          auto count = c.Query("SELECT COUNT(*) FROM `" + table + "`");
          if (count->next()) {
            absl::StrAppend(&text, "\n-- rows: ", count->getInt64(1), "\n");
          }
        }
        auto applied = c.Query(
            "SELECT component, version, name FROM schema_migrations"
            " ORDER BY component, version");
        while (applied->next()) {
          absl::StrAppend(&text, "applied ", std::string(applied->getString(1)),
                          "/", applied->getInt(2), " ",
                          std::string(applied->getString(3)), "\n");
        }
        return text;
      });
  return snapshot.ok() ? *snapshot : snapshot.status().ToString();
}

}  // namespace corebalance::store_test

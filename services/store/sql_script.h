#ifndef COREBALANCE_SERVICES_STORE_SQL_SCRIPT_H_
#define COREBALANCE_SERVICES_STORE_SQL_SCRIPT_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace corebalance::store {

// Splits a migration file into statements: a statement ends at a ';' that
// ends a line (trailing spaces allowed). Lines whose first non-blank
// characters are "--" or "#" are comments and dropped; blank statements are
// dropped. A ';' inside a line (e.g. in a string literal) does not split, so
// write one statement end per line. No DELIMITER support: migrations hold
// no stored procedures.
std::vector<std::string> SplitSqlStatements(absl::string_view script);

}  // namespace corebalance::store

#endif  // COREBALANCE_SERVICES_STORE_SQL_SCRIPT_H_

#include "services/store/migration_steps.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"

namespace corebalance::store {

bool IsDdlStatement(const std::string& statement) {
  const absl::string_view text = absl::StripLeadingAsciiWhitespace(statement);
  for (absl::string_view verb :
       {"CREATE", "ALTER", "DROP", "RENAME", "TRUNCATE"}) {
    if (text.size() > verb.size() && absl::StartsWithIgnoreCase(text, verb) &&
        absl::ascii_isspace(static_cast<unsigned char>(text[verb.size()]))) {
      return true;
    }
  }
  return false;
}

std::vector<MigrationStep> StepsOf(const std::vector<std::string>& statements) {
  std::vector<MigrationStep> steps;
  for (size_t i = 0; i < statements.size(); ++i) {
    const bool ddl = IsDdlStatement(statements[i]);
    if (!ddl && !steps.empty() && !steps.back().ddl) {
      ++steps.back().count;
    } else {
      steps.push_back({.first = i, .count = 1, .ddl = ddl});
    }
  }
  return steps;
}

bool IsAlreadyAppliedError(int mysql_errno) {
  switch (mysql_errno) {
    case 1050:  // ER_TABLE_EXISTS_ERROR
    case 1051:  // ER_BAD_TABLE_ERROR (DROP TABLE of a missing table)
    case 1060:  // ER_DUP_FIELDNAME
    case 1061:  // ER_DUP_KEYNAME
    case 1091:  // ER_CANT_DROP_FIELD_OR_KEY
    case 1826:  // ER_FK_DUP_NAME
      return true;
    default:
      return false;
  }
}

}  // namespace corebalance::store

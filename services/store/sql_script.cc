#include "services/store/sql_script.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace corebalance::store {

std::vector<std::string> SplitSqlStatements(absl::string_view script) {
  std::vector<std::string> statements;
  std::string current;
  auto flush = [&] {
    absl::string_view text = absl::StripAsciiWhitespace(current);
    if (!text.empty()) statements.emplace_back(text);
    current.clear();
  };
  for (absl::string_view line : absl::StrSplit(script, '\n')) {
    absl::string_view trimmed = absl::StripAsciiWhitespace(line);
    if (absl::StartsWith(trimmed, "--") || absl::StartsWith(trimmed, "#")) {
      continue;
    }
    absl::string_view body = absl::StripTrailingAsciiWhitespace(line);
    if (absl::ConsumeSuffix(&body, ";")) {
      current.append(body.data(), body.size());
      flush();
    } else {
      current.append(body.data(), body.size());
      current.push_back('\n');
    }
  }
  flush();
  return statements;
}

}  // namespace corebalance::store

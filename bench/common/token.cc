#include "bench/common/token.h"

#include <cstdlib>
#include <fstream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace corebalance::bench {

absl::StatusOr<std::string> ResolveToken(const std::string& token,
                                         const std::string& token_file) {
  if (!token.empty()) return token;
  if (!token_file.empty()) {
    std::ifstream in(token_file);
    std::string line;
    if (!in || !std::getline(in, line)) {
      return absl::NotFoundError(
          absl::StrCat("cannot read a token from ", token_file));
    }
    std::string trimmed(absl::StripAsciiWhitespace(line));
    if (trimmed.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(token_file, " starts with an empty line"));
    }
    return trimmed;
  }
  if (const char* env = std::getenv("COREBALANCE_TOKEN");
      env != nullptr && *env != '\0') {
    return std::string(env);
  }
  return absl::InvalidArgumentError(
      "no API token: pass --token, --token-file or set COREBALANCE_TOKEN");
}

}  // namespace corebalance::bench

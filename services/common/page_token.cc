#include "services/common/page_token.h"

#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "services/common/errors.h"
#include "services/common/sha256.h"

namespace corebalance {
namespace {

// A short fingerprint: enough to tell filter sets apart, not a secret.
std::string Fingerprint(absl::string_view filters) {
  return Sha256Hex(filters).substr(0, 12);
}

}  // namespace

absl::StatusOr<int> EffectivePageSize(int requested) {
  if (requested < 0) {
    return InvalidArgumentError(
        "page_size", absl::StrCat("must not be negative, got ", requested));
  }
  if (requested == 0) return PageSize::kDefault;
  return std::min(requested, PageSize::kMax);
}

std::string EncodePageToken(const PageCursor& cursor,
                            absl::string_view filter_fingerprint) {
  return absl::WebSafeBase64Escape(
      absl::StrCat("v1|", Fingerprint(filter_fingerprint), "|", cursor.last_key,
                   "|", cursor.last_id));
}

absl::StatusOr<std::optional<PageCursor>> DecodePageToken(
    absl::string_view token, absl::string_view filter_fingerprint) {
  if (token.empty()) return std::nullopt;
  const auto invalid = [] {
    return InvalidArgumentError(
        "page_token",
        "is not a token this list returned; start again without it");
  };
  std::string decoded;
  if (!absl::WebSafeBase64Unescape(token, &decoded)) return invalid();
  std::vector<std::string> parts =
      absl::StrSplit(decoded, absl::MaxSplits('|', 3));
  PageCursor cursor;
  if (parts.size() != 4 || parts[0] != "v1" ||
      !absl::SimpleAtoi(parts[2], &cursor.last_key)) {
    return invalid();
  }
  if (parts[1] != Fingerprint(filter_fingerprint)) {
    return InvalidArgumentError("page_token",
                                "was issued for a request with other filters");
  }
  cursor.last_id = parts[3];
  return cursor;
}

}  // namespace corebalance

#include "services/common/validation.h"

#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "services/common/resource_id.h"

namespace corebalance {
namespace {

// Counts code points; -1 for malformed UTF-8 (overlong forms, surrogates and
// values above U+10FFFF included, which MySQL's utf8mb4 would refuse).
long Utf8Length(absl::string_view s) {
  long count = 0;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const size_t len = c < 0x80           ? 1
                       : (c >> 5) == 0x6  ? 2
                       : (c >> 4) == 0xE  ? 3
                       : (c >> 3) == 0x1E ? 4
                                          : 0;
    if (len == 0 || i + len > s.size()) return -1;
    uint32_t code = len == 1 ? c : c & (0x3F >> (len - 1));
    for (size_t k = 1; k < len; ++k) {
      const unsigned char next = static_cast<unsigned char>(s[i + k]);
      if ((next >> 6) != 0x2) return -1;
      code = (code << 6) | (next & 0x3F);
    }
    static constexpr uint32_t kMinForLength[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < kMinForLength[len] || code > 0x10FFFF ||
        (code >= 0xD800 && code <= 0xDFFF)) {
      return -1;
    }
    i += len;
    ++count;
  }
  return count;
}

}  // namespace

void CheckOptionalText(absl::string_view field, absl::string_view value,
                       size_t max_chars, FieldViolations& out) {
  if (value.empty()) return;
  const long length = Utf8Length(value);
  if (length < 0) {
    out.push_back({std::string(field), "must be valid UTF-8"});
  } else if (static_cast<size_t>(length) > max_chars) {
    out.push_back(
        {std::string(field), absl::StrCat("must be at most ", max_chars,
                                          " characters, got ", length)});
  }
}

void CheckRequiredText(absl::string_view field, absl::string_view value,
                       size_t max_chars, FieldViolations& out) {
  if (absl::StripAsciiWhitespace(value).empty()) {
    out.push_back({std::string(field), "is required"});
    return;
  }
  CheckOptionalText(field, value, max_chars, out);
}

void CheckOptionalEmail(absl::string_view field, absl::string_view value,
                        FieldViolations& out) {
  if (value.empty()) return;
  const size_t at = value.find('@');
  const bool ok =
      value.size() <= 320 && at != absl::string_view::npos && at > 0 &&
      value.find('@', at + 1) == absl::string_view::npos &&
      value.find_first_of(" \t\r\n,;<>") == absl::string_view::npos && [&] {
        absl::string_view domain = value.substr(at + 1);
        const size_t dot = domain.rfind('.');
        return dot != absl::string_view::npos && dot > 0 &&
               dot + 1 < domain.size();
      }();
  if (!ok) {
    out.push_back(
        {std::string(field), absl::StrCat("must be an email address like "
                                          "name@example.com, got \"",
                                          value, "\"")});
  }
}

void CheckRequestId(absl::string_view value, FieldViolations& out) {
  if (value.empty()) return;
  bool printable = value.size() <= 100;
  for (char c : value) printable = printable && c > 0x20 && c < 0x7f;
  if (!printable) {
    out.push_back({"request_id",
                   "must be at most 100 printable ASCII characters (a UUID "
                   "is typical)"});
  }
}

std::string IdFromName(absl::string_view name, absl::string_view collection) {
  if (!absl::ConsumePrefix(&name, collection) ||
      !absl::ConsumePrefix(&name, "/") || !IsValidResourceId(name)) {
    return {};
  }
  return std::string(name);
}

std::string CheckPatientName(absl::string_view field, absl::string_view name,
                             FieldViolations& out) {
  std::string id = IdFromName(name, "patients");
  if (id.empty()) {
    out.push_back(
        {std::string(field), absl::StrCat("must be a resource name like "
                                          "\"patients/abc123\", got \"",
                                          name, "\"")});
  }
  return id;
}

}  // namespace corebalance

#include "services/common/validation.h"

#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "services/common/errors.h"
#include "services/common/resource_id.h"

namespace corebalance {
namespace {

// What a text holds: its code points, and whether it is valid UTF-8 and
// free of control characters.
struct TextScan {
  long length = 0;
  bool valid_utf8 = true;
  // C0 controls other than tab and line breaks, DEL, C1 controls.
  bool control = false;
  bool line_break_or_tab = false;
};

// Malformed UTF-8 includes overlong forms, surrogates and values above
// U+10FFFF, which MySQL's utf8mb4 would refuse.
TextScan Scan(absl::string_view s) {
  TextScan scan;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const size_t len = c < 0x80           ? 1
                       : (c >> 5) == 0x6  ? 2
                       : (c >> 4) == 0xE  ? 3
                       : (c >> 3) == 0x1E ? 4
                                          : 0;
    if (len == 0 || i + len > s.size()) {
      scan.valid_utf8 = false;
      return scan;
    }
    uint32_t code = len == 1 ? c : c & (0x3F >> (len - 1));
    for (size_t k = 1; k < len; ++k) {
      const unsigned char next = static_cast<unsigned char>(s[i + k]);
      if ((next >> 6) != 0x2) {
        scan.valid_utf8 = false;
        return scan;
      }
      code = (code << 6) | (next & 0x3F);
    }
    static constexpr uint32_t kMinForLength[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < kMinForLength[len] || code > 0x10FFFF ||
        (code >= 0xD800 && code <= 0xDFFF)) {
      scan.valid_utf8 = false;
      return scan;
    }
    if (code == '\t' || code == '\n' || code == '\r') {
      scan.line_break_or_tab = true;
    } else if (code < 0x20 || (code >= 0x7F && code <= 0x9F)) {
      scan.control = true;
    }
    i += len;
    ++scan.length;
  }
  return scan;
}

// Free text may span lines; a name is one line.
void CheckText(absl::string_view field, absl::string_view value,
               size_t max_chars, bool one_line, FieldViolations& out) {
  if (value.empty()) return;
  const TextScan scan = Scan(value);
  if (!scan.valid_utf8) {
    out.push_back({std::string(field), "must be valid UTF-8"});
  } else if (scan.control) {
    out.push_back({std::string(field),
                   "must not contain control characters (such as NUL)"});
  } else if (one_line && scan.line_break_or_tab) {
    out.push_back(
        {std::string(field), "must be one line, without tabs or line breaks"});
  } else if (static_cast<size_t>(scan.length) > max_chars) {
    out.push_back(
        {std::string(field), absl::StrCat("must be at most ", max_chars,
                                          " characters, got ", scan.length)});
  }
}

void CheckRequired(absl::string_view field, absl::string_view value,
                   size_t max_chars, bool one_line, FieldViolations& out) {
  if (absl::StripAsciiWhitespace(value).empty()) {
    out.push_back({std::string(field), "is required"});
    return;
  }
  CheckText(field, value, max_chars, one_line, out);
}

}  // namespace

void CheckOptionalText(absl::string_view field, absl::string_view value,
                       size_t max_chars, FieldViolations& out) {
  CheckText(field, value, max_chars, /*one_line=*/false, out);
}

void CheckRequiredText(absl::string_view field, absl::string_view value,
                       size_t max_chars, FieldViolations& out) {
  CheckRequired(field, value, max_chars, /*one_line=*/false, out);
}

void CheckOptionalName(absl::string_view field, absl::string_view value,
                       size_t max_chars, FieldViolations& out) {
  CheckText(field, value, max_chars, /*one_line=*/true, out);
}

void CheckRequiredName(absl::string_view field, absl::string_view value,
                       size_t max_chars, FieldViolations& out) {
  CheckRequired(field, value, max_chars, /*one_line=*/true, out);
}

bool CheckTimestamp(absl::string_view field,
                    const google::protobuf::Timestamp& value,
                    FieldViolations& out) {
  // The range google.protobuf.Timestamp documents: 0001-01-01 to 9999-12-31.
  constexpr int64_t kMinSeconds = -62135596800;
  constexpr int64_t kMaxSeconds = 253402300799;
  if (value.nanos() < 0 || value.nanos() > 999999999) {
    out.push_back({std::string(field), "nanos must be 0..999999999"});
    return false;
  }
  if (value.seconds() < kMinSeconds || value.seconds() > kMaxSeconds) {
    out.push_back({std::string(field),
                   "must be between 0001-01-01 and 9999-12-31 (UTC)"});
    return false;
  }
  return true;
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

absl::StatusOr<std::string> ParseId(const std::string& name,
                                    absl::string_view collection,
                                    absl::string_view field) {
  std::string id = IdFromName(name, collection);
  if (id.empty()) {
    return InvalidArgumentError(
        std::string(field),
        absl::StrCat("must be a resource name like \"", collection,
                     "/abc123\", got \"", name, "\""));
  }
  return id;
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

#include "services/common/resource_id.h"

#include <openssl/rand.h>

#include <stdexcept>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace corebalance {

std::string NewResourceId() {
  static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::string id;
  while (id.size() < 16) {
    unsigned char byte = 0;
    if (RAND_bytes(&byte, 1) != 1)
      throw std::runtime_error("RAND_bytes failed");
    if (byte >= 252) continue;  // 252 = 7 * 36: reject to stay unbiased
    id.push_back(kAlphabet[byte % 36]);
  }
  return id;
}

bool IsValidResourceId(absl::string_view id) {
  if (id.empty() || id.size() > 63) return false;
  for (char c : id) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string LastSegment(absl::string_view name) {
  const size_t slash = name.rfind('/');
  return std::string(slash == absl::string_view::npos ? name
                                                      : name.substr(slash + 1));
}

std::string ClinicName(int64_t clinic_id) {
  return absl::StrCat("clinics/", clinic_id);
}

int64_t ClinicIdFromName(absl::string_view name) {
  int64_t id = 0;
  if (!absl::ConsumePrefix(&name, "clinics/") || !absl::SimpleAtoi(name, &id)) {
    return 0;
  }
  return id;
}

}  // namespace corebalance

#ifndef COREBALANCE_SERVICES_COMMON_SHA256_H_
#define COREBALANCE_SERVICES_COMMON_SHA256_H_

#include <string>

#include "absl/strings/string_view.h"

namespace corebalance {

// Lower-case hex SHA-256 of `data` (OpenSSL).
std::string Sha256Hex(absl::string_view data);

// Random bytes from OpenSSL's CSPRNG, as URL-safe base64 without padding.
std::string RandomUrlSafeToken(int bytes);

// Compares secrets in time independent of where they differ.
bool ConstantTimeEquals(absl::string_view a, absl::string_view b);

}  // namespace corebalance

#endif  // COREBALANCE_SERVICES_COMMON_SHA256_H_

#ifndef COREBALANCE_SERVICES_ACCESS_TOKEN_SECRET_H_
#define COREBALANCE_SERVICES_ACCESS_TOKEN_SECRET_H_

#include <string>

namespace corebalance::access {

struct TokenSecret {
  // "cbt_" + 43 URL-safe characters (32 random bytes). Shown once.
  std::string secret;
  // SHA-256 hex: the only form stored.
  std::string hash;
  // The first 12 characters, to tell tokens apart in listings.
  std::string prefix;
};

TokenSecret NewTokenSecret();

}  // namespace corebalance::access

#endif  // COREBALANCE_SERVICES_ACCESS_TOKEN_SECRET_H_

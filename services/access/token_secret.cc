#include "services/access/token_secret.h"

#include "services/common/sha256.h"

namespace corebalance::access {

TokenSecret NewTokenSecret() {
  TokenSecret t;
  t.secret = "cbt_" + RandomUrlSafeToken(32);
  t.hash = Sha256Hex(t.secret);
  t.prefix = t.secret.substr(0, 12);
  return t;
}

}  // namespace corebalance::access

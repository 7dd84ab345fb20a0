#ifndef COREBALANCE_BENCH_COMMON_TOKEN_H_
#define COREBALANCE_BENCH_COMMON_TOKEN_H_

// The API token the tools call the server with: --token, else the first
// line of --token-file, else $COREBALANCE_TOKEN.

#include <string>

#include "absl/status/statusor.h"

namespace corebalance::bench {

absl::StatusOr<std::string> ResolveToken(const std::string& token,
                                         const std::string& token_file);

}  // namespace corebalance::bench

#endif  // COREBALANCE_BENCH_COMMON_TOKEN_H_

#ifndef COREBALANCE_SERVICES_COMMON_INTERNAL_KEY_H_
#define COREBALANCE_SERVICES_COMMON_INTERNAL_KEY_H_

namespace corebalance {

// Metadata entry with the deployment's internal key, which calls between
// corebalance's own services carry.
inline constexpr char kInternalKeyHeader[] = "x-corebalance-internal-key";

}  // namespace corebalance

#endif  // COREBALANCE_SERVICES_COMMON_INTERNAL_KEY_H_

#ifndef COREBALANCE_SERVICES_SERVER_CREDENTIALS_H_
#define COREBALANCE_SERVICES_SERVER_CREDENTIALS_H_

#include <grpcpp/security/server_credentials.h>

#include <memory>

#include "absl/status/statusor.h"
#include "services/server/server_config.h"

namespace corebalance::server {

// Plaintext unless a certificate and key are configured; with a client CA,
// clients must present a certificate it signed (mTLS). INVALID_ARGUMENT
// naming the flag when a file is missing or only half the pair is given.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> ServerCredentials(
    const ServerConfig& config);

}  // namespace corebalance::server

#endif  // COREBALANCE_SERVICES_SERVER_CREDENTIALS_H_

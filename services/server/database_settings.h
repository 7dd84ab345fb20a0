#ifndef COREBALANCE_SERVICES_SERVER_DATABASE_SETTINGS_H_
#define COREBALANCE_SERVICES_SERVER_DATABASE_SETTINGS_H_

#include "absl/status/statusor.h"
#include "services/server/server_config.h"
#include "services/store/mysql_config.h"

namespace corebalance::server {

// The database `config` names: --mysql-url (with its TLS parameters) and
// the password from --mysql-password-file, else --mysql-password, else the
// URL's. INVALID_ARGUMENT for a bad URL or a password file that cannot be
// read (the message names the file, never its contents).
absl::StatusOr<store::MysqlConfig> DatabaseSettings(const ServerConfig& config);

}  // namespace corebalance::server

#endif  // COREBALANCE_SERVICES_SERVER_DATABASE_SETTINGS_H_

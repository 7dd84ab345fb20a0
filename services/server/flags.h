#ifndef COREBALANCE_SERVICES_SERVER_FLAGS_H_
#define COREBALANCE_SERVICES_SERVER_FLAGS_H_

#include <CLI/CLI.hpp>
#include <map>
#include <string>

#include "absl/status/status.h"
#include "services/server/server_config.h"

namespace corebalance::server {

// Flag values as typed; durations like "5s" or "250ms", targets "all".
struct RawFlags {
  std::string targets = "all";
  std::string pool_checkout_timeout = "2s";
  std::string max_call_deadline = "30s";
  std::string auth_cache_ttl = "5s";
  std::string health_interval = "1s";
  std::string drain_delay = "0s";
  std::string drain_timeout = "20s";
  std::string max_connection_age = "0s";
  std::string alert_scan_interval = "5m";
  std::string relay_interval = "500ms";
  std::map<Target, std::string> peer_addresses;
};

// Adds every server flag to `app`, each with a COREBALANCE_* environment
// variable, e.g. --mysql-url / COREBALANCE_MYSQL_URL.
void AddServerFlags(CLI::App& app, ServerConfig& config, RawFlags& raw);

// Parses the typed values of `raw` into `config`; INVALID_ARGUMENT naming the
// flag otherwise. Also applies the log level.
absl::Status FinishConfig(const RawFlags& raw, ServerConfig& config);

}  // namespace corebalance::server

#endif  // COREBALANCE_SERVICES_SERVER_FLAGS_H_

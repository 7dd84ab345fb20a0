#include "services/server/flags.h"

#include <cctype>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "services/common/logging.h"
#include "services/server/policy_file.h"

namespace corebalance::server {
namespace {

absl::Status ParseDurationFlag(const std::string& flag, const std::string& text,
                               absl::Duration& out) {
  if (!absl::ParseDuration(text, &out) || out < absl::ZeroDuration()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--", flag, ": want a duration like 5s or 250ms, got \"", text, "\""));
  }
  return absl::OkStatus();
}

}  // namespace

void AddServerFlags(CLI::App& app, ServerConfig& c, RawFlags& raw) {
  auto opt = [&app](const std::string& name, auto& value,
                    const std::string& help, const std::string& env) {
    return app.add_option("--" + name, value, help)
        ->envname("COREBALANCE_" + env)
        ->capture_default_str();
  };
  std::string names;
  for (Target t : AllTargets()) {
    names += (names.empty() ? "" : ",") + std::string(TargetName(t));
  }
  opt("target", raw.targets,
      "services to host: all, or a comma list of " + names, "TARGET");
  opt("listen", c.listen, "gRPC listen address", "LISTEN");
  opt("health-listen", c.health_listen,
      "extra plaintext listener serving only grpc.health.v1 (for probes)",
      "HEALTH_LISTEN");
  opt("mysql-url", c.mysql_url,
      "mysql://user[:password]@host[:port]/database[?ssl-mode=VERIFY_IDENTITY"
      "&ssl-ca=FILE&ssl-cert=FILE&ssl-key=FILE]",
      "MYSQL_URL");
  opt("mysql-password", c.mysql_password,
      "database password (overrides the URL's; prefer the env variable)",
      "MYSQL_PASSWORD");
  opt("mysql-password-file", c.mysql_password_file,
      "file holding the database password (e.g. a mounted Secret); wins over "
      "--mysql-password",
      "MYSQL_PASSWORD_FILE");
  opt("pool-size", c.pool_size,
      "database connections per hosted service (each has its own)", "POOL_SIZE")
      ->check(CLI::Range(1, 1000));
  opt("pool-checkout-timeout", raw.pool_checkout_timeout,
      "how long a call waits for a free database connection",
      "POOL_CHECKOUT_TIMEOUT");
  opt("workers", c.workers, "worker threads per hosted service", "WORKERS")
      ->check(CLI::Range(1, 1000));
  opt("max-queued-calls", c.max_queued_calls,
      "calls a service queues before answering RESOURCE_EXHAUSTED",
      "MAX_QUEUED_CALLS")
      ->check(CLI::Range(1, 1000000));
  opt("max-call-deadline", raw.max_call_deadline,
      "deadline of calls that set none, and the longest allowed",
      "MAX_CALL_DEADLINE");
  opt("tls-cert", c.tls_cert, "PEM certificate chain: serve TLS", "TLS_CERT");
  opt("tls-key", c.tls_key, "PEM private key of --tls-cert", "TLS_KEY");
  opt("tls-client-ca", c.tls_client_ca,
      "PEM CA bundle: require client certificates it signed (mTLS)",
      "TLS_CLIENT_CA");
  for (Target t : AllTargets()) {
    const std::string name(TargetName(t));
    std::string env = name + "_ADDR";
    for (char& ch : env) ch = static_cast<char>(std::toupper(ch));
    opt(name + "-addr", raw.peer_addresses[t],
        "address of the " + name + " service when not hosted here", env);
  }
  opt("internal-key", c.internal_key,
      "shared secret of the deployment's internal calls (required when "
      "services run in separate processes)",
      "INTERNAL_KEY");
  opt("auth-cache-ttl", raw.auth_cache_ttl,
      "how long a verified token is trusted before asking again (a revoked "
      "token works at most this long)",
      "AUTH_CACHE_TTL");
  opt("max-watches-per-clinic", c.max_watches_per_clinic,
      "WatchAlerts streams a clinic may have open on this process",
      "MAX_WATCHES_PER_CLINIC")
      ->check(CLI::Range(1, 100000));
  opt("max-watches", c.max_watches,
      "WatchAlerts streams this process serves at once", "MAX_WATCHES")
      ->check(CLI::Range(1, 1000000));
  opt("health-interval", raw.health_interval, "database health check period",
      "HEALTH_INTERVAL");
  opt("drain-delay", raw.drain_delay,
      "on SIGTERM, time NOT_SERVING before draining", "DRAIN_DELAY");
  opt("drain-timeout", raw.drain_timeout,
      "on SIGTERM, time in-flight calls get to finish", "DRAIN_TIMEOUT");
  opt("max-connection-age", raw.max_connection_age,
      "close client connections older than this (0: never)",
      "MAX_CONNECTION_AGE");
  opt("alert-scan-interval", raw.alert_scan_interval,
      "how often the progress service looks for NON_ADHERENCE and "
      "LOW_ADHERENCE alerts (0: never)",
      "ALERT_SCAN_INTERVAL");
  opt("relay-interval", raw.relay_interval,
      "how often each service's outbox relay looks for audit events other "
      "replicas wrote (0: this process relays nothing)",
      "RELAY_INTERVAL");
  opt("log-level", c.log_level, "debug, info, warn or error", "LOG_LEVEL");
  opt("policy-file", c.policy_file,
      "JSON file of clinic policies (see README); defaults otherwise",
      "POLICY_FILE");
  opt("clinic-time-zone", c.clinic_time_zone,
      "IANA time zone of the clinic, for what \"today\" is",
      "CLINIC_TIME_ZONE");
}

absl::Status FinishConfig(const RawFlags& raw, ServerConfig& c) {
  auto targets = ParseTargets(raw.targets);
  if (!targets.ok()) return targets.status();
  c.targets = *targets;
  for (const auto& [target, address] : raw.peer_addresses) {
    if (!address.empty()) c.peer_addresses[target] = address;
  }
  for (auto [flag, text, out] :
       {std::tuple{"pool-checkout-timeout", &raw.pool_checkout_timeout,
                   &c.pool_checkout_timeout},
        std::tuple{"max-call-deadline", &raw.max_call_deadline,
                   &c.max_call_deadline},
        std::tuple{"auth-cache-ttl", &raw.auth_cache_ttl, &c.auth_cache_ttl},
        std::tuple{"health-interval", &raw.health_interval, &c.health_interval},
        std::tuple{"drain-delay", &raw.drain_delay, &c.drain_delay},
        std::tuple{"drain-timeout", &raw.drain_timeout, &c.drain_timeout},
        std::tuple{"max-connection-age", &raw.max_connection_age,
                   &c.max_connection_age},
        std::tuple{"alert-scan-interval", &raw.alert_scan_interval,
                   &c.alert_scan_interval},
        std::tuple{"relay-interval", &raw.relay_interval, &c.relay_interval}}) {
    absl::Status s = ParseDurationFlag(flag, *text, *out);
    if (!s.ok()) return s;
  }
  if (c.health_interval < absl::Milliseconds(10)) {
    return absl::InvalidArgumentError("--health-interval: at least 10ms");
  }
  auto policy = LoadPolicyFile(c.policy_file);
  if (!policy.ok()) return policy.status();
  c.policy = *std::move(policy);
  return log::SetLevel(c.log_level);
}

}  // namespace corebalance::server

#ifndef COREBALANCE_SERVICES_SERVER_SERVER_CONFIG_H_
#define COREBALANCE_SERVICES_SERVER_SERVER_CONFIG_H_

// Everything corebalance-server can be told, with the local defaults. Each
// field has a flag and a COREBALANCE_* environment variable (flags.cc).

#include <map>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "corebalance/config/v1/policy.pb.h"
#include "services/server/targets.h"

namespace corebalance::server {

struct ServerConfig {
  std::vector<Target> targets = AllTargets();
  std::string listen = "127.0.0.1:50051";
  // Plaintext listener with only grpc.health.v1 on it, for the kubelet's
  // gRPC probes when the main port serves TLS. Empty: none.
  std::string health_listen;

  std::string mysql_url = "mysql://root@127.0.0.1:3306/corebalance";
  // Kept apart from the URL so it can come from a secret.
  std::string mysql_password;
  // A file holding the password (a Kubernetes Secret volume); wins over
  // mysql_password and the URL's.
  std::string mysql_password_file;
  int pool_size = 16;
  absl::Duration pool_checkout_timeout = absl::Seconds(2);

  // Threads per hosted service for blocking work, and calls they may queue.
  int workers = 16;
  int max_queued_calls = 1000;
  absl::Duration max_call_deadline = absl::Seconds(30);

  std::string tls_cert;  // PEM file; with tls_key, serve TLS
  std::string tls_key;
  std::string tls_client_ca;  // PEM file; require client certificates (mTLS)

  // Where hosted services find the ones hosted elsewhere (host:port or a
  // dns:/// target), by target. Unused for co-hosted ones: in-process.
  std::map<Target, std::string> peer_addresses;
  // Shared by the deployment's processes to authenticate internal calls.
  // Generated at start when every caller is in-process.
  std::string internal_key;

  absl::Duration auth_cache_ttl = absl::Seconds(5);
  absl::Duration health_interval = absl::Seconds(1);
  // On SIGTERM: report NOT_SERVING, wait drain_delay for load balancers to
  // notice, then let in-flight calls finish for up to drain_timeout.
  absl::Duration drain_delay = absl::ZeroDuration();
  absl::Duration drain_timeout = absl::Seconds(20);
  // Closes connections older than this (0: never) so new pods get traffic.
  absl::Duration max_connection_age = absl::ZeroDuration();

  // WatchAlerts streams open at once, per clinic and per process; more are
  // RESOURCE_EXHAUSTED.
  int max_watches_per_clinic = 100;
  int max_watches = 1000;
  // The progress service's NON_ADHERENCE / LOW_ADHERENCE scan (0: off).
  absl::Duration alert_scan_interval = absl::Minutes(5);
  // How often each hosted service's outbox relay looks for audit events when
  // no commit of this process woke it (0: this process does not relay).
  absl::Duration relay_interval = absl::Milliseconds(500);

  std::string log_level = "info";

  // Clinic policies (--policy-file, JSON); defaults from the clinical
  // reference for everything the file leaves out.
  std::string policy_file;
  config::v1::ServerPolicy policy;
  // IANA time zone of the clinic: what "today" is (e.g. an assessment's
  // default date).
  std::string clinic_time_zone = "America/Los_Angeles";
};

}  // namespace corebalance::server

#endif  // COREBALANCE_SERVICES_SERVER_SERVER_CONFIG_H_

#ifndef COREBALANCE_SERVICES_STORE_MYSQL_CONFIG_H_
#define COREBALANCE_SERVICES_STORE_MYSQL_CONFIG_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace corebalance::store {

// How the connection to the database is encrypted, as MySQL's --ssl-mode.
enum class TlsMode {
  kDisabled,        // plaintext
  kRequired,        // TLS, the server's certificate not checked
  kVerifyCa,        // TLS, the certificate signed by `ca`
  kVerifyIdentity,  // and naming the host connected to
};

struct MysqlTls {
  TlsMode mode = TlsMode::kDisabled;
  std::string ca;    // PEM file: the CA of the server's certificate
  std::string cert;  // PEM file: a client certificate (users REQUIRE X509)
  std::string key;   // PEM file: its private key
};

// Where the database is and how the pool treats it.
struct MysqlConfig {
  std::string host = "127.0.0.1";
  int port = 3306;
  std::string user = "root";
  std::string password;
  // Empty: connect without selecting a database (used to CREATE DATABASE).
  std::string database = "corebalance";
  MysqlTls tls;

  int pool_size = 8;
  // How long Acquire waits for a free connection before RESOURCE_EXHAUSTED.
  absl::Duration checkout_timeout = absl::Seconds(2);
  absl::Duration connect_timeout = absl::Seconds(3);
  // A connection idle longer than this is pinged before it is handed out.
  absl::Duration validate_idle_after = absl::Seconds(30);
  // Socket read/write timeout of every statement: a server that stops
  // answering turns into UNAVAILABLE instead of a hung thread.
  absl::Duration io_timeout = absl::Seconds(30);
  // Prepared statements kept per connection (least recently used go first).
  int statement_cache_size = 128;
};

// Parses mysql://user[:password]@host[:port]/database[?parameters]. The
// database may be empty ("mysql://root@127.0.0.1:3306/"). User and password
// may be percent-encoded; an IPv6 host is written in brackets. Parameters
// set TLS, with the names of the mysql client's options: ssl-mode
// (DISABLED, REQUIRED, VERIFY_CA, VERIFY_IDENTITY; VERIFY_IDENTITY when
// only ssl-ca is given), ssl-ca, ssl-cert and ssl-key (file paths). The
// VERIFY modes need ssl-ca; ssl-cert and ssl-key go together.
// INVALID_ARGUMENT otherwise (the message never repeats the password).
absl::StatusOr<MysqlConfig> ParseMysqlUrl(std::string_view url);

// The URL form of `config` that ParseMysqlUrl reads back, password included
// (percent-encoded): for handing a database to a child process.
std::string FormatMysqlUrl(const MysqlConfig& config);

// The same with the password replaced by ***, for logs and errors.
std::string RedactedUrl(const MysqlConfig& config);

}  // namespace corebalance::store

#endif  // COREBALANCE_SERVICES_STORE_MYSQL_CONFIG_H_

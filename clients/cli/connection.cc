#include "clients/cli/connection.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "clients/cli/config_file.h"
#include "clients/cli/errors.h"

namespace corebalance::cli {
namespace {

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw CliError(kExitUsage, "cannot read " + path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string FirstLine(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) {
    line.pop_back();
  }
  return line;
}

// First non-empty of flag, environment, profile value.
std::string Pick(const std::string& flag, const char* env,
                 const Profile& profile, const std::string& key) {
  if (!flag.empty()) return flag;
  if (std::string v = Env(env); !v.empty()) return v;
  auto it = profile.find(key);
  return it != profile.end() ? it->second : "";
}

bool IsLocalHost(const std::string& addr) {
  std::string host = addr;
  if (host.rfind("dns:", 0) == 0) host = host.substr(4);
  if (!host.empty() && host[0] == '[') {
    host = host.substr(1, host.find(']') - 1);
  } else if (host.find(':') != std::string::npos) {
    host = host.substr(0, host.rfind(':'));
  }
  return host == "localhost" || host == "127.0.0.1" || host == "::1" ||
         host.rfind("unix:", 0) == 0;
}

}  // namespace

std::chrono::milliseconds ParseTimeout(const std::string& text) {
  size_t used = 0;
  double value = 0;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  const std::string unit = text.substr(used);
  double ms = -1;
  if (used > 0 && value > 0) {
    if (unit == "ms") ms = value;
    if (unit == "s" || unit.empty()) ms = value * 1000;
    if (unit == "m") ms = value * 60000;
  }
  if (ms <= 0) {
    throw CliError(kExitUsage,
                   "--timeout: expected a duration such as 10s, "
                   "500ms or 2m, got \"" +
                       text + "\"");
  }
  return std::chrono::milliseconds(static_cast<long long>(ms));
}

ConnectionSettings ResolveSettings(const GlobalFlags& flags,
                                   bool allow_new_profile) {
  ConnectionSettings s;
  s.profile = !flags.profile.empty()                ? flags.profile
              : !Env("COREBALANCE_PROFILE").empty() ? Env("COREBALANCE_PROFILE")
                                                    : "default";
  const ProfileMap profiles = ReadConfigFile(ConfigFilePath());
  Profile profile;
  if (auto it = profiles.find(s.profile); it != profiles.end()) {
    profile = it->second;
  } else if (s.profile != "default" && !allow_new_profile) {
    throw CliError(kExitUsage, "profile \"" + s.profile + "\" is not in " +
                                   ConfigFilePath() +
                                   " (create it with `corebalance login`)");
  }
  s.addr = Pick(flags.addr, "COREBALANCE_ADDR", profile, "addr");
  if (s.addr.empty()) s.addr = kDefaultAddr;
  if (!flags.token.empty()) {
    s.token = flags.token, s.token_source = "--token";
  } else if (!Env("COREBALANCE_TOKEN").empty()) {
    s.token = Env("COREBALANCE_TOKEN"), s.token_source = "COREBALANCE_TOKEN";
  } else if (profile.count("token") > 0 && !profile.at("token").empty()) {
    s.token = profile.at("token"), s.token_source = "profile " + s.profile;
  } else if (std::ifstream local(".local/admin.token"); local) {
    // The local runner (deploy/local/up.sh) leaves the admin token here.
    std::stringstream buffer;
    buffer << local.rdbuf();
    s.token = FirstLine(buffer.str());
    s.token_source = ".local/admin.token";
  }
  s.ca = Pick(flags.ca, "COREBALANCE_CA", profile, "ca");
  s.cert = Pick(flags.cert, "COREBALANCE_CERT", profile, "cert");
  s.key = Pick(flags.key, "COREBALANCE_KEY", profile, "key");
  s.insecure = flags.insecure;
  s.timeout = ParseTimeout(flags.timeout);
  return s;
}

Connection::Connection(const ConnectionSettings& settings, bool require_token)
    : settings_(settings) {
  if (require_token && settings_.token.empty()) {
    throw CliError(kExitAuth,
                   "not logged in: no token was given.\n"
                   "Pass --token, set COREBALANCE_TOKEN, or run `corebalance "
                   "login --token TOKEN` once.");
  }
  std::shared_ptr<grpc::ChannelCredentials> credentials;
  const bool tls = !settings_.ca.empty() || !settings_.cert.empty() ||
                   !settings_.key.empty();
  if (tls || (!IsLocalHost(settings_.addr) && !settings_.insecure)) {
    // A remote server without --insecure: TLS with the system's roots.
    grpc::SslCredentialsOptions options;
    if (!settings_.ca.empty()) options.pem_root_certs = ReadFile(settings_.ca);
    if (!settings_.cert.empty())
      options.pem_cert_chain = ReadFile(settings_.cert);
    if (!settings_.key.empty())
      options.pem_private_key = ReadFile(settings_.key);
    credentials = grpc::SslCredentials(options);
  } else {
    credentials = grpc::InsecureChannelCredentials();
  }
  channel_ = grpc::CreateChannel(settings_.addr, credentials);
}

void Connection::Call(
    bool read,
    const std::function<grpc::Status(grpc::ClientContext*)>& rpc) const {
  const int tries = read ? 3 : 1;
  grpc::Status status;
  for (int attempt = 1; attempt <= tries; ++attempt) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + settings_.timeout);
    if (!settings_.token.empty()) {
      context.AddMetadata("authorization", "Bearer " + settings_.token);
    }
    status = rpc(&context);
    if (status.error_code() != grpc::StatusCode::UNAVAILABLE) break;
    if (attempt < tries) {
      std::this_thread::sleep_for(std::chrono::milliseconds(200 * attempt));
    }
  }
  if (!status.ok()) throw ErrorFromStatus(status, settings_.addr);
}

}  // namespace corebalance::cli

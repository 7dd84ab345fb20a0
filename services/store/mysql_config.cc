#include "services/store/mysql_config.h"

#include <optional>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace corebalance::store {
namespace {

constexpr absl::string_view kScheme = "mysql://";

absl::Status Invalid(absl::string_view why) {
  return absl::InvalidArgumentError(
      absl::StrCat("invalid MySQL URL (want "
                   "mysql://user[:password]@host[:port]/database[?ssl-mode=...]"
                   "): ",
                   why));
}

constexpr std::pair<TlsMode, absl::string_view> kTlsModes[] = {
    {TlsMode::kDisabled, "DISABLED"},
    {TlsMode::kRequired, "REQUIRED"},
    {TlsMode::kVerifyCa, "VERIFY_CA"},
    {TlsMode::kVerifyIdentity, "VERIFY_IDENTITY"},
};

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = absl::ascii_tolower(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::optional<std::string> PercentDecode(absl::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out.push_back(in[i]);
      continue;
    }
    if (i + 2 >= in.size()) return std::nullopt;
    const int hi = HexValue(in[i + 1]);
    const int lo = HexValue(in[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  return out;
}

bool IsSafeDatabaseName(absl::string_view name) {
  if (name.size() > 64) return false;
  for (char c : name) {
    if (!absl::ascii_isalnum(c) && c != '_' && c != '$' && c != '-') {
      return false;
    }
  }
  return true;
}

// Leaves RFC 3986 unreserved characters alone and encodes the rest.
std::string PercentEncode(absl::string_view in) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : in) {
    if (absl::ascii_isalnum(c) || c == '-' || c == '.' || c == '_' ||
        c == '~') {
      out.push_back(c);
    } else {
      const auto byte = static_cast<unsigned char>(c);
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0xF]);
    }
  }
  return out;
}

std::string TlsParameters(const MysqlTls& tls) {
  if (tls.mode == TlsMode::kDisabled) return "";
  std::string out;
  for (const auto& [mode, name] : kTlsModes) {
    if (mode == tls.mode) absl::StrAppend(&out, "?ssl-mode=", name);
  }
  for (const auto& [key, value] :
       {std::pair<absl::string_view, const std::string&>{"ssl-ca", tls.ca},
        {"ssl-cert", tls.cert},
        {"ssl-key", tls.key}}) {
    if (!value.empty())
      absl::StrAppend(&out, "&", key, "=", PercentEncode(value));
  }
  return out;
}

std::string FormatUrl(const MysqlConfig& config, absl::string_view password) {
  const bool ipv6 = config.host.find(':') != std::string::npos;
  return absl::StrCat("mysql://", PercentEncode(config.user),
                      config.password.empty() ? "" : ":",
                      config.password.empty() ? "" : password, "@",
                      ipv6 ? "[" : "", config.host, ipv6 ? "]" : "", ":",
                      config.port, "/", config.database,
                      TlsParameters(config.tls));
}

// The TLS settings of the URL's query ("ssl-mode=VERIFY_CA&ssl-ca=...").
absl::StatusOr<MysqlTls> ParseTlsParameters(absl::string_view query) {
  MysqlTls tls;
  bool mode_given = false;
  for (absl::string_view pair : absl::StrSplit(query, '&')) {
    const size_t equals = pair.find('=');
    const absl::string_view key = pair.substr(0, equals);
    auto value = PercentDecode(
        equals == absl::string_view::npos ? "" : pair.substr(equals + 1));
    if (!value.has_value() || value->empty()) {
      return Invalid(absl::StrCat("parameter '", key, "' needs a value"));
    }
    if (key == "ssl-mode") {
      mode_given = true;
      bool known = false;
      for (const auto& [mode, name] : kTlsModes) {
        if (absl::EqualsIgnoreCase(*value, name)) {
          tls.mode = mode;
          known = true;
        }
      }
      if (!known) {
        return Invalid(
            absl::StrCat("ssl-mode must be DISABLED, REQUIRED, VERIFY_CA or "
                         "VERIFY_IDENTITY, not '",
                         *value, "'"));
      }
    } else if (key == "ssl-ca") {
      tls.ca = *std::move(value);
    } else if (key == "ssl-cert") {
      tls.cert = *std::move(value);
    } else if (key == "ssl-key") {
      tls.key = *std::move(value);
    } else {
      return Invalid(absl::StrCat("unknown parameter '", key,
                                  "' (known: ssl-mode, ssl-ca, ssl-cert, "
                                  "ssl-key)"));
    }
  }
  if (!mode_given && !tls.ca.empty()) tls.mode = TlsMode::kVerifyIdentity;
  const bool verify =
      tls.mode == TlsMode::kVerifyCa || tls.mode == TlsMode::kVerifyIdentity;
  if (verify && tls.ca.empty()) {
    return Invalid("ssl-mode VERIFY_CA and VERIFY_IDENTITY need ssl-ca");
  }
  if (tls.cert.empty() != tls.key.empty()) {
    return Invalid("ssl-cert and ssl-key go together");
  }
  if (tls.mode == TlsMode::kDisabled && !(tls.ca.empty() && tls.cert.empty())) {
    return Invalid("ssl-ca, ssl-cert and ssl-key need TLS (ssl-mode)");
  }
  return tls;
}

}  // namespace

absl::StatusOr<MysqlConfig> ParseMysqlUrl(std::string_view url_text) {
  const absl::string_view url(url_text.data(), url_text.size());
  if (!absl::StartsWithIgnoreCase(url, kScheme)) {
    return Invalid("it must start with mysql://");
  }
  absl::string_view rest = url.substr(kScheme.size());
  if (rest.find('#') != absl::string_view::npos) {
    return Invalid("fragments are not supported");
  }
  absl::string_view query;
  if (const size_t question = rest.find('?');
      question != absl::string_view::npos) {
    query = rest.substr(question + 1);
    rest = rest.substr(0, question);
  }

  const size_t slash = rest.find('/');
  absl::string_view authority = rest.substr(0, slash);
  absl::string_view database = slash == absl::string_view::npos
                                   ? absl::string_view()
                                   : rest.substr(slash + 1);

  const size_t at = authority.rfind('@');
  if (at == absl::string_view::npos) return Invalid("missing user@");
  absl::string_view userinfo = authority.substr(0, at);
  absl::string_view hostport = authority.substr(at + 1);

  MysqlConfig config;
  const size_t colon = userinfo.find(':');
  auto user = PercentDecode(userinfo.substr(0, colon));
  if (!user.has_value()) return Invalid("bad percent-encoding in the user");
  if (user->empty()) return Invalid("empty user");
  config.user = *std::move(user);
  config.password.clear();
  if (colon != absl::string_view::npos) {
    auto password = PercentDecode(userinfo.substr(colon + 1));
    if (!password.has_value()) {
      return Invalid("bad percent-encoding in the password");
    }
    config.password = *std::move(password);
  }

  absl::string_view host = hostport;
  absl::string_view port;
  if (absl::StartsWith(hostport, "[")) {
    const size_t close = hostport.find(']');
    if (close == absl::string_view::npos) return Invalid("unclosed [ in host");
    host = hostport.substr(1, close - 1);
    absl::string_view after = hostport.substr(close + 1);
    if (!after.empty()) {
      if (after[0] != ':') return Invalid("unexpected text after ]");
      port = after.substr(1);
    }
  } else if (const size_t c = hostport.rfind(':');
             c != absl::string_view::npos) {
    host = hostport.substr(0, c);
    port = hostport.substr(c + 1);
    if (port.empty()) return Invalid("empty port");
  }
  if (host.empty()) return Invalid("empty host");
  config.host = std::string(host);
  if (!port.empty()) {
    int value = 0;
    if (!absl::SimpleAtoi(port, &value) || value < 1 || value > 65535) {
      return Invalid(absl::StrCat("port '", port, "' is not in 1..65535"));
    }
    config.port = value;
  } else {
    config.port = 3306;
  }

  if (!IsSafeDatabaseName(database)) {
    return Invalid(absl::StrCat("database name '", database,
                                "' must be at most 64 letters, digits, _ $ -"));
  }
  config.database = std::string(database);
  if (!query.empty()) {
    auto tls = ParseTlsParameters(query);
    if (!tls.ok()) return tls.status();
    config.tls = *std::move(tls);
  }
  return config;
}

std::string FormatMysqlUrl(const MysqlConfig& config) {
  return FormatUrl(config, PercentEncode(config.password));
}

std::string RedactedUrl(const MysqlConfig& config) {
  return FormatUrl(config, "***");
}

}  // namespace corebalance::store

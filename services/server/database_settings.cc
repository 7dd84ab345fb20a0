#include "services/server/database_settings.h"

#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace corebalance::server {

absl::StatusOr<store::MysqlConfig> DatabaseSettings(
    const ServerConfig& config) {
  auto mysql = store::ParseMysqlUrl(config.mysql_url);
  if (!mysql.ok()) return mysql.status();
  if (!config.mysql_password_file.empty()) {
    std::ifstream in(config.mysql_password_file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--mysql-password-file: cannot read ", config.mysql_password_file));
    }
    // A Secret written by hand often ends with a line break; a password
    // never does.
    mysql->password =
        std::string(absl::StripTrailingAsciiWhitespace(text.str()));
  } else if (!config.mysql_password.empty()) {
    mysql->password = config.mysql_password;
  }
  return mysql;
}

}  // namespace corebalance::server

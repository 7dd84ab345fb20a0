#include "clients/cli/config_file.h"

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "clients/cli/cli_context.h"

namespace corebalance::cli {
namespace {

std::string Trim(const std::string& s) {
  const auto begin = s.find_first_not_of(" \t\r");
  if (begin == std::string::npos) return "";
  const auto end = s.find_last_not_of(" \t\r");
  return s.substr(begin, end - begin + 1);
}

}  // namespace

std::string ConfigFilePath() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  if (xdg != nullptr && *xdg != '\0') {
    return std::string(xdg) + "/corebalance/config";
  }
  const char* home = std::getenv("HOME");
  return std::string(home != nullptr ? home : ".") +
         "/.config/corebalance/config";
}

ProfileMap ReadConfigFile(const std::string& path) {
  std::ifstream in(path);
  return ParseConfigFile(in);
}

ProfileMap ParseConfigFile(std::istream& in) {
  ProfileMap profiles;
  std::string line;
  std::string section = "default";
  while (std::getline(in, line)) {
    line = Trim(line);
    if (line.empty() || line[0] == '#' || line[0] == ';') continue;
    if (line.front() == '[' && line.back() == ']') {
      std::string header = Trim(line.substr(1, line.size() - 2));
      if (header.rfind("profile ", 0) == 0) header = Trim(header.substr(8));
      section = header;
      profiles[section];
      continue;
    }
    const auto eq = line.find('=');
    if (eq == std::string::npos) continue;
    profiles[section][Trim(line.substr(0, eq))] = Trim(line.substr(eq + 1));
  }
  return profiles;
}

void WriteConfigFile(const std::string& path, const ProfileMap& profiles) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path dir = fs::path(path).parent_path();
  fs::create_directories(dir, ec);
  ::chmod(dir.c_str(), 0700);
  const std::string tmp = path + ".tmp";
  {
    // Create with 0600 before any secret is written.
    std::ofstream(tmp, std::ios::trunc).close();
    ::chmod(tmp.c_str(), 0600);
    std::ofstream out(tmp, std::ios::trunc);
    out << "# corebalance CLI configuration (written by `corebalance login`)\n";
    for (const auto& [name, values] : profiles) {
      out << "\n[profile " << name << "]\n";
      for (const auto& [key, value] : values)
        out << key << " = " << value << "\n";
    }
    if (!out) throw CliError(kExitRefused, "cannot write " + tmp);
  }
  fs::rename(tmp, path, ec);
  if (ec)
    throw CliError(kExitRefused, "cannot write " + path + ": " + ec.message());
}

}  // namespace corebalance::cli

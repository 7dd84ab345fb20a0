#ifndef COREBALANCE_CLIENTS_CLI_CONFIG_FILE_H_
#define COREBALANCE_CLIENTS_CLI_CONFIG_FILE_H_

// The INI-like config file: [profile NAME] sections of key = value lines.
// Lines starting with # or ; are comments. Keys: addr, token, ca, cert, key.

#include <istream>
#include <map>
#include <string>

namespace corebalance::cli {

using Profile = std::map<std::string, std::string>;
using ProfileMap = std::map<std::string, Profile>;

// $XDG_CONFIG_HOME/corebalance/config, else ~/.config/corebalance/config.
std::string ConfigFilePath();

// Empty map when the file does not exist.
ProfileMap ReadConfigFile(const std::string& path);

// The profiles in a config file's text (what ReadConfigFile reads).
ProfileMap ParseConfigFile(std::istream& in);

// Writes all profiles with mode 0600 (creating the directory, mode 0700).
// Throws CliError on failure.
void WriteConfigFile(const std::string& path, const ProfileMap& profiles);

}  // namespace corebalance::cli

#endif  // COREBALANCE_CLIENTS_CLI_CONFIG_FILE_H_

#ifndef COREBALANCE_CLIENTS_CLI_PARSE_VALUES_H_
#define COREBALANCE_CLIENTS_CLI_PARSE_VALUES_H_

// Parsing of flag values shared by commands; errors are usage errors that
// name the flag.

#include <string>
#include <vector>

#include "google/type/date.pb.h"

namespace corebalance::cli {

// "YYYY-MM-DD"; throws CliError(kExitUsage) naming `flag`.
google::type::Date ParseDate(const std::string& flag, const std::string& text);

// "0,1,-,3" -> {0,1,-1,3}: "-" or "" means unanswered (-1).
std::vector<int> ParseIntList(const std::string& flag, const std::string& text);

// "front-desk" / "front desk" -> "FRONT_DESK".
std::string UpperSnake(const std::string& text);

// Reads a whole file; throws CliError(kExitUsage).
std::string ReadWholeFile(const std::string& path);

}  // namespace corebalance::cli

#endif  // COREBALANCE_CLIENTS_CLI_PARSE_VALUES_H_

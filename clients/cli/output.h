#ifndef COREBALANCE_CLIENTS_CLI_OUTPUT_H_
#define COREBALANCE_CLIENTS_CLI_OUTPUT_H_

// What commands print: aligned tables and key/value details (the default),
// or the protobuf JSON mapping (lowerCamelCase field names) with --output json.

#include <google/protobuf/message.h>
#include <google/protobuf/timestamp.pb.h>

#include <string>
#include <utility>
#include <vector>

#include "google/type/date.pb.h"

namespace corebalance::cli {

// Colours only when stdout is a terminal and NO_COLOR is unset.
bool UseColour();
// Wraps `text` in an ANSI colour ("green", "yellow", "red", "bold") if on.
std::string Colour(const std::string& text, const std::string& colour);

class Table {
 public:
  explicit Table(std::vector<std::string> headers);
  void AddRow(std::vector<std::string> row);
  // Prints the header and rows with columns padded; "No NOUN." when empty.
  void Print(const std::string& empty_noun) const;

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
};

// "Key:  value" lines, keys aligned; empty values are skipped.
void PrintDetails(const std::vector<std::pair<std::string, std::string>>& rows);

// Prints `message` as protobuf JSON, indented.
void PrintJson(const google::protobuf::Message& message);
// One message per line (JSON Lines), flushed: for streams read by scripts.
void PrintJsonLine(const google::protobuf::Message& message);

std::string FormatTime(const google::protobuf::Timestamp& time);
std::string FormatDate(const google::type::Date& date);
// "STATE_ACTIVE" -> "active", "ROLE_FRONT_DESK" -> "front desk".
std::string EnumWords(const std::string& enum_name, const std::string& prefix);
// The id part of a resource name: "patients/abc" -> "abc".
std::string LastSegment(const std::string& name);

}  // namespace corebalance::cli

#endif  // COREBALANCE_CLIENTS_CLI_OUTPUT_H_

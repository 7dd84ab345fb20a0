#include "clients/cli/output.h"

#include <google/protobuf/util/json_util.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>

namespace corebalance::cli {
namespace {

// Display width in columns, counting UTF-8 code points, not bytes.
size_t Width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

bool UseColour() {
  const char* no_colour = std::getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) && (no_colour == nullptr || *no_colour == '\0');
}

std::string Colour(const std::string& text, const std::string& colour) {
  if (!UseColour()) return text;
  const char* code = colour == "green"    ? "32"
                     : colour == "yellow" ? "33"
                     : colour == "red"    ? "31"
                                          : "1";
  return std::string("\033[") + code + "m" + text + "\033[0m";
}

Table::Table(std::vector<std::string> headers) : headers_(std::move(headers)) {}

void Table::AddRow(std::vector<std::string> row) {
  row.resize(headers_.size());
  rows_.push_back(std::move(row));
}

void Table::Print(const std::string& empty_noun) const {
  if (rows_.empty()) {
    std::cout << "No " << empty_noun << ".\n";
    return;
  }
  std::vector<size_t> widths(headers_.size());
  for (size_t i = 0; i < headers_.size(); ++i) widths[i] = Width(headers_[i]);
  for (const auto& row : rows_) {
    for (size_t i = 0; i < row.size(); ++i) {
      widths[i] = std::max(widths[i], Width(row[i]));
    }
  }
  auto print_row = [&](const std::vector<std::string>& row, bool header) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      std::string cell = row[i];
      if (i + 1 < row.size())
        cell += std::string(widths[i] - Width(row[i]) + 2, ' ');
      line += cell;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    std::cout << (header ? Colour(line, "bold") : line) << "\n";
  };
  print_row(headers_, true);
  for (const auto& row : rows_) print_row(row, false);
}

void PrintDetails(
    const std::vector<std::pair<std::string, std::string>>& rows) {
  size_t width = 0;
  for (const auto& [key, value] : rows) {
    if (!value.empty()) width = std::max(width, Width(key));
  }
  for (const auto& [key, value] : rows) {
    if (value.empty()) continue;
    // Continuation lines of a multi-line value line up under its first line.
    std::string aligned;
    for (char c : value) {
      aligned += c;
      if (c == '\n') aligned += std::string(width + 3, ' ');
    }
    std::cout << Colour(key + ":", "bold")
              << std::string(width - Width(key) + 2, ' ') << aligned << "\n";
  }
}

void PrintJson(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  std::string json;
  (void)google::protobuf::util::MessageToJsonString(message, &json, options);
  std::cout << json;
  if (json.empty() || json.back() != '\n') std::cout << "\n";
}

void PrintJsonLine(const google::protobuf::Message& message) {
  std::string json;
  (void)google::protobuf::util::MessageToJsonString(message, &json);
  std::cout << json << std::endl;
}

std::string FormatTime(const google::protobuf::Timestamp& time) {
  if (time.seconds() == 0 && time.nanos() == 0) return "";
  const std::time_t t = static_cast<std::time_t>(time.seconds());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M UTC", &tm);
  return buffer;
}

std::string FormatDate(const google::type::Date& date) {
  if (date.year() == 0) return "";
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year(),
                date.month(), date.day());
  return buffer;
}

std::string EnumWords(const std::string& enum_name, const std::string& prefix) {
  std::string s = enum_name.rfind(prefix, 0) == 0
                      ? enum_name.substr(prefix.size())
                      : enum_name;
  if (s == "UNSPECIFIED") return "";
  for (char& c : s) {
    c = c == '_'
            ? ' '
            : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return s;
}

std::string LastSegment(const std::string& name) {
  return name.substr(name.rfind('/') + 1);
}

}  // namespace corebalance::cli

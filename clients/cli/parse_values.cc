#include "clients/cli/parse_values.h"

#include <cctype>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "clients/cli/cli_context.h"

namespace corebalance::cli {

google::type::Date ParseDate(const std::string& flag, const std::string& text) {
  int y = 0, m = 0, d = 0;
  char extra = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 ||
      m < 1 || m > 12 || d < 1 || d > 31) {
    throw CliError(kExitUsage,
                   flag + ": expected a date YYYY-MM-DD, got \"" + text + "\"");
  }
  google::type::Date date;
  date.set_year(y);
  date.set_month(m);
  date.set_day(d);
  return date;
}

std::vector<int> ParseIntList(const std::string& flag,
                              const std::string& text) {
  std::vector<int> values;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (item.empty() || item == "-") {
      values.push_back(-1);
      continue;
    }
    try {
      size_t used = 0;
      values.push_back(std::stoi(item, &used));
      if (used != item.size()) throw std::invalid_argument(item);
    } catch (const std::exception&) {
      throw CliError(kExitUsage, flag +
                                     ": expected comma-separated numbers, "
                                     "got \"" +
                                     item + "\"");
    }
  }
  return values;
}

std::string UpperSnake(const std::string& text) {
  std::string s = text;
  for (char& c : s) {
    c = (c == '-' || c == ' ')
            ? '_'
            : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return s;
}

std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw CliError(kExitUsage, "cannot read " + path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace corebalance::cli

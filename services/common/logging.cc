#include "services/common/logging.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "absl/strings/str_cat.h"

namespace corebalance::log {
namespace {

spdlog::logger& Logger() {
  static spdlog::logger* logger = [] {
    auto sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
    auto* l = new spdlog::logger("corebalance", std::move(sink));
    l->set_pattern("ts=%Y-%m-%dT%H:%M:%S.%eZ level=%l %v",
                   spdlog::pattern_time_type::utc);
    l->set_level(spdlog::level::info);
    l->flush_on(spdlog::level::trace);
    return l;
  }();
  return *logger;
}

bool NeedsQuotes(absl::string_view value) {
  if (value.empty()) return true;
  for (char c : value) {
    if (c == ' ' || c == '"' || c == '=' || c == '\\' ||
        static_cast<unsigned char>(c) < 0x20) {
      return true;
    }
  }
  return false;
}

void AppendValue(std::string& out, absl::string_view value) {
  if (!NeedsQuotes(value)) {
    out.append(value.data(), value.size());
    return;
  }
  out.push_back('"');
  for (char c : value) {
    if (c == '"' || c == '\\') out.push_back('\\');
    if (c == '\n') {
      out.append("\\n");
      continue;
    }
    out.push_back(c);
  }
  out.push_back('"');
}

void Emit(spdlog::level::level_enum level, absl::string_view event,
          std::initializer_list<Field> fields) {
  auto& logger = Logger();
  if (!logger.should_log(level)) return;
  std::string line = absl::StrCat("event=", event);
  if (fields.size() > 0) absl::StrAppend(&line, " ", Logfmt(fields));
  logger.log(level, "{}", line);
}

}  // namespace

absl::Status SetLevel(absl::string_view level) {
  spdlog::level::level_enum parsed;
  if (level == "debug") {
    parsed = spdlog::level::debug;
  } else if (level == "info") {
    parsed = spdlog::level::info;
  } else if (level == "warn") {
    parsed = spdlog::level::warn;
  } else if (level == "error") {
    parsed = spdlog::level::err;
  } else {
    return absl::InvalidArgumentError(absl::StrCat(
        "log level must be debug, info, warn or error, got \"", level, "\""));
  }
  Logger().set_level(parsed);
  return absl::OkStatus();
}

std::string Logfmt(std::initializer_list<Field> fields) {
  std::string out;
  for (const auto& [key, value] : fields) {
    if (!out.empty()) out.push_back(' ');
    absl::StrAppend(&out, key, "=");
    AppendValue(out, value);
  }
  return out;
}

void Debug(absl::string_view e, std::initializer_list<Field> f) {
  Emit(spdlog::level::debug, e, f);
}
void Info(absl::string_view e, std::initializer_list<Field> f) {
  Emit(spdlog::level::info, e, f);
}
void Warn(absl::string_view e, std::initializer_list<Field> f) {
  Emit(spdlog::level::warn, e, f);
}
void Error(absl::string_view e, std::initializer_list<Field> f) {
  Emit(spdlog::level::err, e, f);
}

}  // namespace corebalance::log

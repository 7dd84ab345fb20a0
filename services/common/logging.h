#ifndef COREBALANCE_SERVICES_COMMON_LOGGING_H_
#define COREBALANCE_SERVICES_COMMON_LOGGING_H_

// Structured logs: one logfmt line per event on stderr, e.g.
//   ts=2026-11-23T20:01:08.123Z level=info event=rpc method=... code=OK
// Never log tokens or patient data: log resource names and ids only.

#include <initializer_list>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace corebalance::log {

using Field = std::pair<absl::string_view, std::string>;

// "debug", "info", "warn", "error". INVALID_ARGUMENT on anything else.
absl::Status SetLevel(absl::string_view level);

void Debug(absl::string_view event, std::initializer_list<Field> fields = {});
void Info(absl::string_view event, std::initializer_list<Field> fields = {});
void Warn(absl::string_view event, std::initializer_list<Field> fields = {});
void Error(absl::string_view event, std::initializer_list<Field> fields = {});

// `key=value` pairs, values quoted when they hold spaces, quotes or '='.
std::string Logfmt(std::initializer_list<Field> fields);

}  // namespace corebalance::log

#endif  // COREBALANCE_SERVICES_COMMON_LOGGING_H_

#ifndef COREBALANCE_BENCH_COMMON_REPORT_H_
#define COREBALANCE_BENCH_COMMON_REPORT_H_

// What a benchmark run measured, as text for people and one JSON object for
// bench/run.sh. corebalance-bench and corebalance-bench-rawdb print the same
// shape, so their figures can be divided.

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "bench/common/samples.h"

namespace corebalance::bench {

struct LatencyStats {
  int64_t calls = 0;   // measured calls, failed ones included
  int64_t errors = 0;  // measured calls that did not end OK
  double rps = 0;      // calls that ended OK, per second
  double mean_ms = 0;
  double p50_ms = 0;
  double p90_ms = 0;
  double p99_ms = 0;
  double p999_ms = 0;
  double max_ms = 0;
  std::map<std::string, int64_t> errors_by_code;  // e.g. "UNAVAILABLE" -> 3
};

struct Report {
  std::string tool;
  std::string scenario;
  int connections = 0;
  int in_flight = 0;
  int threads = 0;
  double warmup_seconds = 0;
  double measured_seconds = 0;
  LatencyStats total;
  // Per operation, when the scenario has more than one (mixed).
  std::vector<std::pair<std::string, LatencyStats>> per_op;
  int64_t warmup_calls = 0;
  int64_t warmup_errors = 0;
  // The first message of each failing code, e.g. "INVALID_ARGUMENT" -> ...
  std::map<std::string, std::string> first_errors;
  // Anything a reader must know to interpret the figures.
  std::vector<std::string> notes;
};

// "OK", "INVALID_ARGUMENT", ... for a canonical code number.
std::string CodeName(int code);

// Fills `report.total`, `report.per_op`, the warm-up errors and first
// errors from the recorders; `measured_seconds` is the measured window.
void Summarize(const std::vector<const Recorder*>& recorders,
               const std::vector<std::string>& op_names,
               double measured_seconds, Report& report);

std::string ReportText(const Report& report);
std::string ReportJson(const Report& report);

// A loud multi-line warning when any call failed, else empty: a benchmark
// of refused calls measures nothing.
std::string ErrorWarning(const Report& report);

}  // namespace corebalance::bench

#endif  // COREBALANCE_BENCH_COMMON_REPORT_H_

#include "bench/common/report.h"

#include <algorithm>
#include <cmath>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace corebalance::bench {
namespace {

// Nearest rank: the smallest value with at least p of the samples at or
// below it.
double Percentile(const std::vector<uint32_t>& sorted, double p) {
  if (sorted.empty()) return 0;
  const size_t rank =
      static_cast<size_t>(std::ceil(p * static_cast<double>(sorted.size())));
  const size_t index = std::min(sorted.size() - 1, rank == 0 ? 0 : rank - 1);
  return sorted[index] / 1000.0;
}

LatencyStats StatsOf(const std::vector<const Recorder*>& recorders, int op,
                     double seconds) {
  LatencyStats stats;
  std::vector<uint32_t> micros;
  double sum = 0;
  for (const Recorder* r : recorders) {
    for (const Sample& s : r->samples()) {
      if (op >= 0 && s.op != op) continue;
      ++stats.calls;
      if (s.code != 0) {
        ++stats.errors;
        ++stats.errors_by_code[CodeName(s.code)];
      }
      micros.push_back(s.micros);
      sum += s.micros;
    }
  }
  std::sort(micros.begin(), micros.end());
  if (!micros.empty()) {
    stats.mean_ms = sum / static_cast<double>(micros.size()) / 1000.0;
    stats.max_ms = micros.back() / 1000.0;
  }
  stats.p50_ms = Percentile(micros, 0.50);
  stats.p90_ms = Percentile(micros, 0.90);
  stats.p99_ms = Percentile(micros, 0.99);
  stats.p999_ms = Percentile(micros, 0.999);
  if (seconds > 0) {
    stats.rps = static_cast<double>(stats.calls - stats.errors) / seconds;
  }
  return stats;
}

std::string JsonString(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          out += absl::StrFormat("\\u%04x", c);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  return out + "\"";
}

std::string StatsJson(const LatencyStats& s) {
  std::string codes;
  for (const auto& [code, count] : s.errors_by_code) {
    absl::StrAppend(&codes, codes.empty() ? "" : ",", JsonString(code), ":",
                    count);
  }
  return absl::StrFormat(
      "{\"calls\":%d,\"errors\":%d,\"rps\":%.1f,\"mean_ms\":%.3f,"
      "\"p50_ms\":%.3f,\"p90_ms\":%.3f,\"p99_ms\":%.3f,\"p999_ms\":%.3f,"
      "\"max_ms\":%.3f,\"errors_by_code\":{%s}}",
      s.calls, s.errors, s.rps, s.mean_ms, s.p50_ms, s.p90_ms, s.p99_ms,
      s.p999_ms, s.max_ms, codes);
}

std::string StatsLine(const std::string& label, const LatencyStats& s) {
  return absl::StrFormat(
      "%-18s %9.1f req/s  p50 %8.2f  p90 %8.2f  p99 %8.2f  p99.9 %8.2f  "
      "max %8.2f ms  (%d calls, %d errors)\n",
      label, s.rps, s.p50_ms, s.p90_ms, s.p99_ms, s.p999_ms, s.max_ms, s.calls,
      s.errors);
}

}  // namespace

std::string CodeName(int code) {
  return absl::StatusCodeToString(static_cast<absl::StatusCode>(code));
}

void Summarize(const std::vector<const Recorder*>& recorders,
               const std::vector<std::string>& op_names,
               double measured_seconds, Report& report) {
  report.measured_seconds = measured_seconds;
  report.total = StatsOf(recorders, -1, measured_seconds);
  report.per_op.clear();
  if (op_names.size() > 1) {
    for (size_t op = 0; op < op_names.size(); ++op) {
      report.per_op.emplace_back(
          op_names[op],
          StatsOf(recorders, static_cast<int>(op), measured_seconds));
    }
  }
  report.warmup_calls = 0;
  report.warmup_errors = 0;
  report.first_errors.clear();
  for (const Recorder* r : recorders) {
    report.warmup_calls += r->warmup_calls();
    report.warmup_errors += r->warmup_errors();
    for (const auto& [code, message] : r->first_errors()) {
      report.first_errors.emplace(CodeName(code), message);
    }
  }
}

std::string ReportText(const Report& r) {
  std::string out = absl::StrFormat(
      "%s %s: %d connection(s), %d in flight, %d thread(s), warm-up %.1f s, "
      "measured %.2f s\n",
      r.tool, r.scenario, r.connections, r.in_flight, r.threads,
      r.warmup_seconds, r.measured_seconds);
  out += StatsLine("total", r.total);
  for (const auto& [name, stats] : r.per_op) {
    out += StatsLine("  " + name, stats);
  }
  for (const auto& [code, count] : r.total.errors_by_code) {
    absl::StrAppend(&out, "  errors ", code, ": ", count, "\n");
  }
  for (const std::string& note : r.notes) {
    absl::StrAppend(&out, "note: ", note, "\n");
  }
  return out + ErrorWarning(r);
}

std::string ReportJson(const Report& r) {
  std::string per_op;
  for (const auto& [name, stats] : r.per_op) {
    absl::StrAppend(&per_op, per_op.empty() ? "" : ",", JsonString(name), ":",
                    StatsJson(stats));
  }
  std::string first_errors;
  for (const auto& [code, message] : r.first_errors) {
    absl::StrAppend(&first_errors, first_errors.empty() ? "" : ",",
                    JsonString(code), ":", JsonString(message));
  }
  std::string notes;
  for (const std::string& note : r.notes) {
    absl::StrAppend(&notes, notes.empty() ? "" : ",", JsonString(note));
  }
  return absl::StrFormat(
      "{\"tool\":%s,\"scenario\":%s,\"connections\":%d,\"in_flight\":%d,"
      "\"threads\":%d,\"warmup_seconds\":%.3f,\"measured_seconds\":%.3f,"
      "\"total\":%s,\"per_op\":{%s},\"warmup_calls\":%d,"
      "\"warmup_errors\":%d,"
      "\"first_errors\":{%s},\"notes\":[%s]}",
      JsonString(r.tool), JsonString(r.scenario), r.connections, r.in_flight,
      r.threads, r.warmup_seconds, r.measured_seconds, StatsJson(r.total),
      per_op, r.warmup_calls, r.warmup_errors, first_errors, notes);
}

std::string ErrorWarning(const Report& r) {
  if (r.total.errors == 0 && r.warmup_errors == 0) return "";
  std::string out = absl::StrFormat(
      "\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n"
      "!!! WARNING: %d of %d measured calls FAILED (and %d in the warm-up).\n"
      "!!! These figures do not measure the intended work.\n",
      r.total.errors, r.total.calls, r.warmup_errors);
  for (const auto& [code, message] : r.first_errors) {
    absl::StrAppend(&out, "!!! first ", code, ": ", message, "\n");
  }
  return out +
         "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
         "\n";
}

}  // namespace corebalance::bench

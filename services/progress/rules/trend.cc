#include "services/progress/rules/trend.h"

#include <algorithm>

#include <vector>

namespace corebalance::progress {

std::optional<double> PainSlopePerWeek(std::span<const PainPoint> points) {
  if (points.size() < 2) return std::nullopt;
  // A slope per week from sessions of a single day (minutes apart) would be
  // an extrapolation by orders of magnitude: ask for at least a day's spread.
  auto [earliest, latest] = std::minmax_element(
      points.begin(), points.end(),
      [](const PainPoint& a, const PainPoint& b) { return a.at < b.at; });
  if (latest->at - earliest->at < absl::Hours(24)) return std::nullopt;
  // Weeks since the first point keep the numbers small and well-conditioned.
  const absl::Time origin = points.front().at;
  double mean_x = 0;
  double mean_y = 0;
  for (const PainPoint& point : points) {
    mean_x += absl::ToDoubleHours(point.at - origin) / (24.0 * 7.0);
    mean_y += point.pain;
  }
  mean_x /= points.size();
  mean_y /= points.size();
  double sxy = 0;
  double sxx = 0;
  for (const PainPoint& point : points) {
    const double dx =
        absl::ToDoubleHours(point.at - origin) / (24.0 * 7.0) - mean_x;
    sxy += dx * (point.pain - mean_y);
    sxx += dx * dx;
  }
  if (sxx == 0) return std::nullopt;
  return sxy / sxx;
}

PainTrend SummarizePainTrend(std::span<const PainPoint> points,
                             std::optional<int> baseline, absl::Time now,
                             const TrendPolicy& policy) {
  PainTrend trend;
  trend.baseline = baseline;
  trend.recent_window = LastDays(now, policy.recent_days);
  std::vector<PainPoint> past;
  int recent_sum = 0;
  for (const PainPoint& point : points) {
    if (point.at > now) continue;
    past.push_back(point);
    if (trend.recent_window.Contains(UtcDay(point.at))) {
      ++trend.recent_points;
      recent_sum += point.pain;
    }
  }
  trend.points = static_cast<int>(past.size());
  trend.slope_per_week = PainSlopePerWeek(past);
  if (trend.recent_points == 0) return trend;
  trend.recent_average = static_cast<double>(recent_sum) / trend.recent_points;
  if (baseline.has_value()) {
    trend.change_from_baseline = *trend.recent_average - *baseline;
    // sum / n >= baseline + points, multiplied out to stay in integers.
    trend.worsened = recent_sum >= (*baseline + policy.worsening_points) *
                                       trend.recent_points;
  }
  return trend;
}

}  // namespace corebalance::progress

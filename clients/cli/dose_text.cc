#include "clients/cli/dose_text.h"

namespace corebalance::cli {

std::string DoseText(const v1::Dose& d) {
  std::string parts;
  auto add = [&](const std::string& part) {
    parts += (parts.empty() ? "" : ", ") + part;
  };
  if (d.reps() > 0) {
    add(std::to_string(d.sets()) + " x " + std::to_string(d.reps()) + " reps" +
        (d.per_side() ? " per side" : ""));
  } else if (d.sets() > 0) {
    add(std::to_string(d.sets()) + " sets" + (d.per_side() ? " per side" : ""));
  }
  if (d.hold_seconds() > 0) add(std::to_string(d.hold_seconds()) + " s hold");
  if (d.duration_minutes() > 0)
    add(std::to_string(d.duration_minutes()) + " min");
  if (d.rest_seconds() > 0) add(std::to_string(d.rest_seconds()) + " s rest");
  if (d.frequency_per_week() > 0)
    add(std::to_string(d.frequency_per_week()) + "x/week");
  return parts;
}

}  // namespace corebalance::cli

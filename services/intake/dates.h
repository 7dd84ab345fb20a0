#ifndef COREBALANCE_SERVICES_INTAKE_DATES_H_
#define COREBALANCE_SERVICES_INTAKE_DATES_H_

// Calendar dates between google.type.Date and absl::CivilDay, and "today"
// in the clinic's time zone.

#include <optional>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "google/type/date.pb.h"
#include "services/common/field_violation.h"

namespace corebalance::intake {

// nullopt for an unset date (absent or all zero). A partial or impossible
// date (2026-02-30, year 0) appends a violation on `field` and gives nullopt.
std::optional<absl::CivilDay> DateFromProto(const google::type::Date& date,
                                            absl::string_view field,
                                            FieldViolations& out);

google::type::Date DateToProto(absl::CivilDay day);

// The clinic's calendar date now.
absl::CivilDay Today(absl::TimeZone clinic_zone);

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_DATES_H_

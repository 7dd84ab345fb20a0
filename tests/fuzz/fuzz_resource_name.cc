// Resource names and ids as clients send them in requests.

#include <cstddef>
#include <cstdint>
#include <string>

#include "services/common/resource_id.h"
#include "services/common/validation.h"
#include "services/intake/names.h"
#include "services/prescription/names.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string name(reinterpret_cast<const char*>(data), size);
  using namespace corebalance;

  if (IsValidResourceId(name)) FUZZ_CHECK(LastSegment(name) == name);
  LastSegment(name);

  // A parsed clinic id names the same clinic again.
  if (const int64_t clinic = ClinicIdFromName(name); clinic != 0) {
    FUZZ_CHECK(ClinicIdFromName(ClinicName(clinic)) == clinic);
  }

  // What parses is exactly the name rebuilt from its parts.
  for (const char* collection : {"patients", "exercises", "planTemplates"}) {
    const std::string id = IdFromName(name, collection);
    if (!id.empty()) {
      FUZZ_CHECK(IsValidResourceId(id));
      FUZZ_CHECK(std::string(collection) + "/" + id == name);
    }
  }
  if (auto a = intake::ParseAssessmentName(name)) {
    FUZZ_CHECK(intake::AssessmentName(a->patient_id, a->assessment_id) == name);
  }
  if (auto p = prescription::ParsePlanName(name)) {
    FUZZ_CHECK(prescription::PlanName(p->patient_id, p->plan_id) == name);
  }
  FieldViolations violations;
  CheckPatientName("parent", name, violations);
  return 0;
}

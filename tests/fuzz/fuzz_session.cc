// LogSession's request as it arrives on the wire: checked the way the
// handler and the use case do, then given its traffic light.

#include <cstddef>
#include <cstdint>

#include "absl/time/time.h"
#include "corebalance/v1/prescription.pb.h"
#include "corebalance/v1/progress.pb.h"
#include "google/protobuf/stubs/logging.h"
#include "services/common/validation.h"
#include "services/progress/rules/traffic_light.h"
#include "services/progress/session_checks.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using namespace corebalance;

// The plan the session is checked against (in the service: prescription's).
v1::Plan SamplePlan() {
  v1::Plan plan;
  plan.set_name("patients/p1/plans/plan1");
  plan.set_revision(2);
  plan.mutable_create_time()->set_seconds(1700000000);
  plan.add_exercises()->set_exercise("exercises/bird-dog");
  plan.add_exercises()->set_exercise("exercises/dead-bug");
  return plan;
}

}  // namespace

// Invalid UTF-8 in a string field fails the parse with a log line per input;
// the log would cost more than the fuzzing.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const v1::Plan plan = SamplePlan();
  v1::LogSessionRequest request;
  if (!request.ParseFromArray(data, static_cast<int>(size))) return 0;

  const v1::Session& s = request.session();
  FieldViolations violations;
  CheckPatientName("parent", request.parent(), violations);
  // A fixed "now" keeps each input's outcome reproducible.
  progress::CheckSessionFields(s, absl::FromUnixSeconds(1750000000),
                               violations);
  CheckRequestId(request.request_id(), violations);
  if (!violations.empty()) return 0;
  progress::CheckAgainstPlan(s, plan, violations);

  // What the checks let through, the traffic light must classify.
  progress::SessionPain pain;
  if (s.has_pain_before()) pain.pain_before = s.pain_before();
  pain.worst_during = s.worst_pain_during();
  pain.after = s.pain_after();
  if (s.has_pain_after_24h()) pain.pain_24h = s.pain_after_24h();
  pain.leg_pain_or_new_neuro_symptoms = s.leg_pain_or_new_neuro_symptoms();
  FUZZ_CHECK(progress::ClassifySession(pain, std::nullopt).ok());
  return 0;
}

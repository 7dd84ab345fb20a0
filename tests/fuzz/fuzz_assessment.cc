// SubmitAssessment's request as it arrives on the wire: read and validated
// the way the handler does, then scored when the validation passed.

#include <cstddef>
#include <cstdint>

#include "absl/time/civil_time.h"
#include "corebalance/v1/intake.pb.h"
#include "google/protobuf/stubs/logging.h"
#include "services/common/validation.h"
#include "services/intake/assessment_convert.h"
#include "services/intake/names.h"
#include "services/intake/rules/score_assessment.h"
#include "services/intake/rules/scoring_policy.h"
#include "tests/fuzz/fuzz_check.h"

// Invalid UTF-8 in a string field fails the parse with a log line per input;
// the log would cost more than the fuzzing.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace corebalance;
  v1::SubmitAssessmentRequest request;
  if (!request.ParseFromArray(data, static_cast<int>(size))) return 0;

  FieldViolations violations;
  const std::string patient_id = intake::ParsePatientName(request.parent());
  CheckRequestId(request.request_id(), violations);
  // A fixed "today" keeps each input's outcome reproducible.
  const intake::SubmittedAssessment submitted =
      intake::ReadSubmittedAssessment(request.assessment(), patient_id,
                                      absl::CivilDay(2025, 6, 15), violations);
  if (!violations.empty()) return 0;

  // What the validation lets through, the scoring must accept.
  auto scores =
      intake::ScoreAssessment(submitted.input, intake::ScoringPolicy());
  FUZZ_CHECK(scores.ok());
  intake::ResultToProto(*scores);
  return 0;
}

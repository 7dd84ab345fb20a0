// CreateExercise's request as it arrives on the wire: checked the way the
// handler does; a plan for a patient on the reduced dose then derives its
// dose from the exercise's default one.

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "corebalance/v1/prescription.pb.h"
#include "google/protobuf/stubs/logging.h"
#include "services/prescription/request_checks.h"
#include "services/prescription/rules/reduced_dose.h"
#include "tests/fuzz/fuzz_check.h"

// Invalid UTF-8 in a string field fails the parse with a log line per input;
// the log would cost more than the fuzzing.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace corebalance;
  using namespace corebalance::prescription;
  v1::CreateExerciseRequest request;
  if (!request.ParseFromArray(data, static_cast<int>(size))) return 0;

  // Regressions and progressions may name one of these.
  static const std::map<std::string, Dose> known = {
      {"bird-dog", Dose{.sets = 2, .reps = 8}},
      {"side-plank", Dose{.sets = 2, .hold_seconds = 20}},
  };
  FieldViolations violations;
  CheckRequestId(request.request_id(), violations);
  const ExerciseRecord exercise =
      ExerciseFromProto(request.exercise(), request.exercise_id(), known,
                        DoseLimits(), violations);
  if (!violations.empty()) return 0;

  const Dose& standard = exercise.default_dose;
  const Dose reduced = ReduceDose(standard);
  FUZZ_CHECK(reduced.sets <= standard.sets);
  FUZZ_CHECK(reduced.reps <= standard.reps);
  FUZZ_CHECK(reduced.hold_seconds <= standard.hold_seconds);
  FUZZ_CHECK(reduced.duration_minutes <= standard.duration_minutes);
  return 0;
}

#!/usr/bin/env bash
# Encodes the readable seeds of the proto targets (proto_seeds/<target>/
# *.textpb) into their binary corpus files (corpus/<target>/*.bin). Rerun
# after editing a seed.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
includes=(-I "$repo/proto" -I /usr/share/gocode/src/github.com/gogo/googleapis
  -I /usr/share/grpc-proto -I /usr/include)

encode() {  # target message proto
  local target=$1 message=$2 proto=$3 seed out
  mkdir -p "$here/corpus/$target"
  for seed in "$here/proto_seeds/$target"/*.textpb; do
    out=$here/corpus/$target/$(basename "$seed" .textpb).bin
    protoc "${includes[@]}" --encode="$message" "$proto" <"$seed" >"$out"
  done
}

encode fuzz_assessment corebalance.v1.SubmitAssessmentRequest \
  corebalance/v1/intake.proto
encode fuzz_exercise corebalance.v1.CreateExerciseRequest \
  corebalance/v1/prescription.proto
encode fuzz_session corebalance.v1.LogSessionRequest \
  corebalance/v1/progress.proto

#!/usr/bin/env bash
# Builds the libFuzzer targets (clang-14, ASan + UBSan, only what they link)
# and runs each for a bounded time on a copy of its seed corpus. Prints each
# target's executions and the total; exits non-zero when any target crashes
# (its input is kept in the build directory, named in the output).
#
# Usage: tests/fuzz/run.sh [--seconds N]   (default 30 per target)
#
# Environment:
#   COREBALANCE_FUZZ_BUILD_DIR  build directory (default: build/fuzz)
#   COREBALANCE_FUZZ_JOBS       parallel build jobs (default: 2)
#   ASAN_OPTIONS, UBSAN_OPTIONS  override the defaults below
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"

seconds=30
while (($#)); do
  case $1 in
    --seconds)
      seconds=${2:?--seconds needs a number}
      shift 2
      ;;
    *)
      echo "usage: tests/fuzz/run.sh [--seconds N]" >&2
      exit 2
      ;;
  esac
done
[[ $seconds =~ ^[0-9]+$ ]] || {
  echo "tests/fuzz/run.sh: --seconds wants a whole number, got $seconds" >&2
  exit 2
}

build=${COREBALANCE_FUZZ_BUILD_DIR:-build/fuzz}
jobs=${COREBALANCE_FUZZ_JOBS:-2}
targets=(fuzz_assessment fuzz_cli_config fuzz_exercise fuzz_page_token
  fuzz_policy_json fuzz_request_headers fuzz_resource_name fuzz_session)

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

echo "== tests/fuzz/run.sh: configure $build (clang-14, fuzzer + ASan + UBSan)"
CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCOREBALANCE_FUZZ=ON >/dev/null
echo "== tests/fuzz/run.sh: build"
cmake --build "$build" -j "$jobs" --target "${targets[@]}"

work=$(mktemp -d "${TMPDIR:-/tmp}/corebalance-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
artifacts=$repo/$build/crashes
mkdir -p "$artifacts"

total_runs=0
failed=()
for target in "${targets[@]}"; do
  # A copy: what a run adds to the corpus is not kept in the tree.
  corpus=$work/$target
  cp -r "tests/fuzz/corpus/$target" "$corpus"
  log=$work/$target.log
  status=0
  "$build/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=0 \
    -artifact_prefix="$artifacts/$target-" "$corpus" >"$log" 2>&1 ||
    status=$?
  # libFuzzer's last line on success: "Done N runs in S second(s)".
  runs=$(sed -n 's/^Done \([0-9]*\) runs in .*/\1/p' "$log" | tail -n 1)
  if ((status != 0)) || [[ -z $runs ]]; then
    echo "$target: CRASHED (exit $status); the end of its log:"
    tail -n 40 "$log"
    failed+=("$target")
    continue
  fi
  echo "$target: $runs executions in $seconds s"
  total_runs=$((total_runs + runs))
done

echo "fuzz total: $total_runs executions, ${#targets[@]} targets x $seconds s," \
  "${#failed[@]} crashed${failed[*]:+: ${failed[*]}}"
((${#failed[@]} == 0))

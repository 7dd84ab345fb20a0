#!/usr/bin/env bash
# Builds corebalance (Debug, ASan + UBSan) and runs every test against a
# throwaway MariaDB that lives only as long as this script; then runs each
# fuzz target for a bounded time (tests/fuzz/run.sh, its own clang build).
#
# Usage: tests/run.sh [ctest args...]     e.g. tests/run.sh -R store
#
# Environment:
#   COREBALANCE_TEST_BUILD_DIR  build directory (default: build/test)
#   COREBALANCE_SANITIZE        ON or OFF (default: ON)
#   COREBALANCE_TEST_JOBS       parallel build and test jobs (default: 2)
#   COREBALANCE_FUZZ_SECONDS    seconds per fuzz target (default: 10; 0 skips)
#   ASAN_OPTIONS, UBSAN_OPTIONS, LSAN_OPTIONS  override the defaults below
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

build=${COREBALANCE_TEST_BUILD_DIR:-build/test}
sanitize=${COREBALANCE_SANITIZE:-ON}
jobs=${COREBALANCE_TEST_JOBS:-2}
fuzz_seconds=${COREBALANCE_FUZZ_SECONDS:-10}

echo "== tests/run.sh: dependencies"
bash deploy/local/install-deps.sh

# shellcheck source=deploy/local/lib/mariadb.sh
source deploy/local/lib/mariadb.sh

# Set before the build too: gtest_discover_tests runs the test binaries then.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:check_initialization_order=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
if [[ -z ${LSAN_OPTIONS:-} && -f $repo/tests/lsan.supp ]]; then
  export LSAN_OPTIONS=suppressions=$repo/tests/lsan.supp:print_suppressions=0
fi

echo "== tests/run.sh: configure $build (Debug, sanitizers $sanitize)"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DCOREBALANCE_SANITIZE="$sanitize" -DCOREBALANCE_BUILD_TESTS=ON
echo "== tests/run.sh: build"
cmake --build "$build" -j "$jobs"

db_dir=$(mktemp -d "${TMPDIR:-/tmp}/corebalance-test-db.XXXXXX")
# shellcheck disable=SC2317  # invoked by the EXIT trap
cleanup() {
  mariadb_stop
  rm -rf "$db_dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "== tests/run.sh: start a throwaway MariaDB in $db_dir"
mariadb_init "$db_dir"
# Another process may take the free port before mariadbd binds it; retry.
for attempt in 1 2 3; do
  port=$(free_port)
  if mariadb_start "$db_dir" "$port" "${MARIADB_FAST_ARGS[@]}"; then
    break
  fi
  if ((attempt == 3)); then
    echo "tests/run.sh: could not start MariaDB" >&2
    exit 1
  fi
done
export COREBALANCE_TEST_MYSQL_URL=mysql://root@127.0.0.1:$port/

echo "== tests/run.sh: ctest $*"
status=0
# --timeout is only the default; a test's TIMEOUT property overrides it.
ctest --test-dir "$build" --output-on-failure --no-tests=error \
  --timeout 600 -j "$jobs" "$@" || status=$?

if ((fuzz_seconds > 0)); then
  echo "== tests/run.sh: fuzz targets, $fuzz_seconds s each (ASan + UBSan)"
  COREBALANCE_FUZZ_JOBS=$jobs bash tests/fuzz/run.sh --seconds "$fuzz_seconds" ||
    status=1
fi
exit "$status"

#!/usr/bin/env bash
# Benchmarks corebalance-server (issue #8) and writes bench/RESULTS.md.
#
# Builds Release in build/bench, starts a private MariaDB with production
# durability (innodb_flush_log_at_trx_commit=1, doublewrite), migrates and
# bootstraps it, starts the server (the monolith; the microservices shape for
# assign-plan), seeds a clinic with corebalance-bench-seed, then runs every
# scenario of corebalance-bench, the raw-database baseline
# (corebalance-bench-rawdb) and an h2load cross-check, and writes a table of
# the figures and the goals. Not part of the test run.
#
# Usage: bench/run.sh [--quick] [--scale] [--soak SECONDS] [--skip-build]
#   --quick        short runs on a small clinic: a smoke test of this script
#   --scale        then grow the clinic to 100,000 patients x 100 sessions and
#                  run get-patient, log-session and progress-summary again
#   --soak SECONDS mixed load for SECONDS, the server's RSS sampled every 5 s
#   --skip-build   use the binaries already in the build directory
#
# Environment (defaults in brackets):
#   COREBALANCE_BENCH_BUILD_DIR   build directory [<repo>/build/bench]
#   COREBALANCE_BENCH_RESULTS     report to write [<repo>/bench/RESULTS.md]
#   COREBALANCE_BENCH_BUFFER_POOL innodb_buffer_pool_size [1G]
#   COREBALANCE_BENCH_SERVER_ARGS extra corebalance-server flags, e.g.
#                                 "--pool-size=16" (default: none)
#   COREBALANCE_BENCH_DURATION    seconds measured per scenario [10; quick 3]
#   COREBALANCE_BENCH_WARMUP      seconds of warm-up per scenario [2; quick 1]
#
# The server, MariaDB and the load generators share this machine: compare
# the ratios in RESULTS.md, not the absolute figures.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${COREBALANCE_BENCH_BUILD_DIR:-$repo/build/bench}
results_md=${COREBALANCE_BENCH_RESULTS:-$repo/bench/RESULTS.md}
buffer_pool=${COREBALANCE_BENCH_BUFFER_POOL:-1G}
read -r -a extra_server_args <<<"${COREBALANCE_BENCH_SERVER_ARGS:-}"

say() { echo "run.sh: $*" >&2; }
die() {
  echo "run.sh: $*" >&2
  exit 1
}
usage() { sed -n '2,30p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

quick=0 scale=0 soak=0 skip_build=0
while (($#)); do
  case $1 in
    --quick) quick=1 ;;
    --scale) scale=1 ;;
    --soak)
      [[ ${2:-} =~ ^[0-9]+$ ]] || die "--soak wants a number of seconds"
      soak=$2
      shift
      ;;
    --skip-build) skip_build=1 ;;
    -h | --help)
      usage
      exit 0
      ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
  shift
done

if ((quick)); then
  duration=${COREBALANCE_BENCH_DURATION:-3}
  warmup=${COREBALANCE_BENCH_WARMUP:-1}
  patients=200
  scan_plans=5000
else
  duration=${COREBALANCE_BENCH_DURATION:-10}
  warmup=${COREBALANCE_BENCH_WARMUP:-2}
  patients=1000
  scan_plans=100000
fi
# The curve: summary time against the length of the history.
curve=(30 100 1000)
scale_patients=100000
scale_sessions=100

work=$build/bench-run
server=$build/services/server/corebalance-server
bench=$build/bench/corebalance-bench
seed=$build/bench/corebalance-bench-seed
rawdb=$build/bench/corebalance-bench-rawdb
scan=$build/bench/corebalance-bench-scan
seed_file=$work/seed.tsv
token_file=$work/admin.token
out=$work/results

# --- build -----------------------------------------------------------------
if ((!skip_build)); then
  say "installing dependencies"
  bash "$repo/deploy/local/install-deps.sh"
  say "building Release in $build"
  cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCOREBALANCE_BUILD_TESTS=OFF >/dev/null
  cmake --build "$build" --target corebalance-server corebalance-bench \
    corebalance-bench-seed corebalance-bench-rawdb corebalance-bench-scan
fi
for binary in "$server" "$bench" "$seed" "$rawdb" "$scan"; do
  [[ -x $binary ]] || die "missing $binary (build without --skip-build)"
done
command -v h2load >/dev/null || say "h2load not found (Debian package" \
  "nghttp2-client): the cross-check is skipped"

# --- children and clean-up ---------------------------------------------------
# shellcheck source=deploy/local/lib/mariadb.sh
source "$repo/deploy/local/lib/mariadb.sh"

declare -A server_pid=()
sampler_pid=
# SIGTERM, then SIGKILL when the server has not exited after 60 s (noted
# in the report: a server should drain within --drain-timeout).
stop_server() {
  local name=$1 pid=${server_pid[$1]:-} waited=0
  [[ -n $pid ]] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && [[ $(awk '{print $3}' \
    "/proc/$pid/stat" 2>/dev/null) != Z ]]; do
    if ((++waited > 600)); then
      echo "$name: still running 60 s after SIGTERM; killed" \
        >>"${out:-/dev/null}/shutdown" 2>/dev/null || true
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.1
  done
  wait "$pid" 2>/dev/null || true
  if ((waited > 50)); then
    echo "$name: exited $((waited / 10)) s after SIGTERM" \
      >>"${out:-/dev/null}/shutdown" 2>/dev/null || true
  fi
  unset "server_pid[$name]"
}
# shellcheck disable=SC2317  # invoked by the trap
cleanup() {
  if [[ -n $sampler_pid ]]; then
    kill "$sampler_pid" 2>/dev/null || true
    wait "$sampler_pid" 2>/dev/null || true
  fi
  local name
  for name in "${!server_pid[@]}"; do stop_server "$name"; done
  if [[ -n ${MARIADB_PID:-} ]]; then mariadb_stop; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- database ----------------------------------------------------------------
rm -rf "$work"
mkdir -p "$out"
db_port=$(free_port)
mysql_url=mysql://root@127.0.0.1:$db_port/corebalance
mariadb_init "$work/mariadb"
mariadb_start "$work/mariadb" "$db_port" "${MARIADB_DURABLE_ARGS[@]}" \
  --innodb-flush-log-at-trx-commit=1 \
  --innodb-buffer-pool-size="$buffer_pool" \
  --innodb-log-file-size=1G \
  --max-connections=2000
sql() {
  mariadb --no-defaults -h127.0.0.1 -P "$db_port" -uroot -N -B "$@"
}
sql -e 'CREATE DATABASE corebalance
          CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci'
"$server" migrate --mysql-url "$mysql_url"
"$server" bootstrap --mysql-url "$mysql_url" --clinic "San Clemente" \
  --admin-name "Bench Admin" >"$token_file"
[[ -s $token_file ]] || die "bootstrap printed no token"

# --- servers -----------------------------------------------------------------
wait_serving() {
  local name=$1 addr=$2 tries=0
  until "$bench" --addr "$addr" --scenario health --requests 1 --warmup 0 \
    --connections 1 --in-flight 1 >/dev/null 2>&1; do
    kill -0 "${server_pid[$name]}" 2>/dev/null ||
      die "server $name exited; see $work/$name.log"
    ((++tries < 100)) || die "server $name does not answer on $addr"
    sleep 0.2
  done
}
# start_server NAME PORT FLAGS...: a direct child, logging to work/NAME.log.
start_server() {
  local name=$1 port=$2
  shift 2
  "$server" --mysql-url "$mysql_url" --listen "127.0.0.1:$port" \
    "${extra_server_args[@]}" "$@" >"$work/$name.log" 2>&1 &
  server_pid[$name]=$!
  wait_serving "$name" "127.0.0.1:$port"
  say "server $name (pid ${server_pid[$name]}) serving on 127.0.0.1:$port"
}

mono_port=$(free_port)
mono=127.0.0.1:$mono_port
start_server monolith "$mono_port" --target=all

# --- recording ---------------------------------------------------------------
status_vars="'Questions','Com_select','Com_insert','Com_update','Com_commit',"
status_vars+="'Com_begin','Innodb_data_fsyncs','Rows_read'"
db_status() {
  sql -e "SHOW GLOBAL STATUS WHERE Variable_name IN ($status_vars)"
}
# RPC lines of a server log from line $2 on, counted by method and code.
count_rpcs() {
  tail -n "+$2" "$1" | awk '/event=rpc/ {
      method = ""; code = ""
      for (i = 1; i <= NF; i++) {
        if ($i ~ /^method=/) method = substr($i, 8)
        if ($i ~ /^code=/) code = substr($i, 6)
      }
      n[method " " code]++
    } END { for (k in n) print n[k], k }'
}
log_lines() { echo $(($(wc -l <"$1") + 1)); }
# CPU time so far (clock ticks): the machine's busy time, the servers',
# MariaDB's and this script's finished children's (the load tools).
proc_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
cpu_snapshot() {
  local servers=0 pid children
  for pid in "${server_pid[@]}"; do
    servers=$((servers + $(proc_ticks "$pid")))
  done
  times >"$work/times" # in this shell: a subshell's children are its own
  children=$(tail -n 1 "$work/times" | awk -v hz="$(getconf CLK_TCK)" '{
      t = 0
      for (i = 1; i <= 2; i++) { split($i, p, /[ms]/); t += p[1] * 60 + p[2] }
      printf "%d", t * hz }')
  echo "$(date +%s.%N) $(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' \
    /proc/stat) $servers $(proc_ticks "$MARIADB_PID") $children" \
    "$(getconf CLK_TCK)"
}
# run NAME COMMAND...: runs a load tool with --json, keeping its report, the
# database's counters, the CPU used and the monolith's RPC log lines around
# it.
run() {
  local name=$1 log_from
  shift
  log_from=$(log_lines "$work/monolith.log")
  db_status >"$out/$name.db-before"
  cpu_snapshot >"$out/$name.cpu-before"
  say "scenario $name"
  "$@" --json >"$out/$name.json" 2>"$out/$name.txt" || true
  cpu_snapshot >"$out/$name.cpu-after"
  db_status >"$out/$name.db-after"
  if [[ -f $work/monolith.log ]]; then
    count_rpcs "$work/monolith.log" "$log_from" >"$out/$name.rpcs"
  fi
  grep -v '^note:' "$out/$name.txt" >&2 || true
  [[ -s $out/$name.json ]] || die "$name produced no report; see $out/$name.txt"
}
bench_args=(--token-file "$token_file" --seed-file "$seed_file"
  --duration "$duration" --warmup "$warmup" --connections 4)
rawdb_args=(--mysql-url "$mysql_url" --seed-file "$seed_file"
  --duration "$duration" --warmup "$warmup")
# Samples the server's resident memory (kB) every $2 seconds into $3.
sample_rss() {
  local pid=$1 every=$2 file=$3
  (
    start=$(date +%s.%N)
    while [[ -r /proc/$pid/status ]]; do
      rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null) ||
        break
      echo "$(awk -v s="$start" -v n="$(date +%s.%N)" \
        'BEGIN {printf "%.1f", n - s}') $rss"
      sleep "$every"
    done
  ) >"$file" &
  sampler_pid=$!
}
stop_sampler() {
  kill "$sampler_pid" 2>/dev/null || true
  wait "$sampler_pid" 2>/dev/null || true
  sampler_pid=
}
peak_rss() { awk '/^VmHWM:/ {print $2}' "/proc/$1/status"; }
# The relay lag: every 0.2 s, the age in ms of the oldest audit event still
# waiting in any service's outbox (0 when none waits), one line per sample.
sample_relay_lag() {
  local file=$1
  (
    while true; do
      sql corebalance -e "SELECT COALESCE(MAX(TIMESTAMPDIFF(MICROSECOND,
          t, UTC_TIMESTAMP(6))) / 1000, 0) FROM (
        SELECT MIN(create_time) t FROM access_outbox WHERE stream = 1
        UNION ALL SELECT MIN(create_time) FROM intake_outbox WHERE stream = 1
        UNION ALL SELECT MIN(create_time) FROM prescription_outbox
          WHERE stream = 1
        UNION ALL SELECT MIN(create_time) FROM progress_outbox
          WHERE stream = 1) oldest" 2>/dev/null || break
      sleep 0.2
    done
  ) >"$file" &
  lag_sampler_pid=$!
}

# gRPC frame (uncompressed) of a request whose field 1 is the string $1,
# such as GetPatientRequest.name; an empty $1 gives an empty message.
grpc_frame() {
  local value=$1 n=${#1}
  if ((n == 0)); then
    printf '\0\0\0\0\0'
  else
    printf "\\0\\0\\0\\0\\x$(printf %02x $((n + 2)))\\x0a\\x$(printf %02x "$n")%s" \
      "$value"
  fi
}
# h2load_run NAME PATH BODY_FILE: the load of the corebalance-bench runs (4
# connections x 8 streams = 32 in flight, one thread, same durations).
# h2load counts any HTTP 200 as success whatever the grpc-status, so the
# server's request log says how the calls really ended (NAME.rpcs).
h2load_run() {
  local name=$1 method=$2 body=$3 log_from
  log_from=$(log_lines "$work/monolith.log")
  cpu_snapshot >"$out/$name.cpu-before"
  say "scenario $name"
  h2load -t 1 -c 4 -m 8 -D "$duration" --warm-up-time "$warmup" -d "$body" \
    -H 'content-type: application/grpc' -H 'te: trailers' \
    -H "authorization: Bearer $(cat "$token_file")" \
    "http://$mono/$method" >"$out/$name.txt" 2>&1 || true
  cpu_snapshot >"$out/$name.cpu-after"
  count_rpcs "$work/monolith.log" "$log_from" >"$out/$name.rpcs"
  grep -E 'finished in|requests:' "$out/$name.txt" >&2 || true
}
# --- seed --------------------------------------------------------------------
seed_started=$(date +%s)
"$seed" --addr "$mono" --token-file "$token_file" --mysql-url "$mysql_url" \
  --out "$seed_file" --patients "$patients" --sessions-per-patient 365 \
  --curve "$(
    IFS=,
    echo "${curve[*]}"
  )" 2>&1 | tee "$out/seed.txt" >&2
echo "$(($(date +%s) - seed_started))" >"$out/seed.seconds"
seeded_at=$(sql -e 'SELECT UTC_TIMESTAMP(6)')
# Back to the seeded clinic before a scenario that writes or reads recent
# history: the sessions (and their alerts) and follow-up assessments earlier
# scenarios added would otherwise make later ones read more per call (e.g.
# LogSession reads the patient's last 7 days of sessions).
reset_clinic() {
  sql corebalance -e "
    DELETE e FROM progress_session_exercises e
      JOIN progress_sessions s ON s.id = e.session_id
      WHERE s.create_time > '$seeded_at';
    DELETE FROM progress_sessions WHERE create_time > '$seeded_at';
    DELETE FROM progress_alerts WHERE create_time > '$seeded_at';
    DELETE FROM intake_assessments
      WHERE create_time > '$seeded_at' AND kind = 2;"
}
sql corebalance -e "ANALYZE TABLE progress_sessions,
  progress_session_exercises, intake_patients, prescription_plans" >/dev/null

# --- the monolith's scenarios ------------------------------------------------
# Each cross-checked by h2load right after, under the same load.
run health "$bench" --addr "$mono" "${bench_args[@]}" --scenario health \
  --in-flight 32
if command -v h2load >/dev/null; then
  grpc_frame "" >"$work/health.grpc"
  h2load_run h2load-health grpc.health.v1.Health/Check "$work/health.grpc"
fi
run get-patient "$bench" --addr "$mono" "${bench_args[@]}" \
  --scenario get-patient --in-flight 32
run raw-get-patient "$rawdb" "${rawdb_args[@]}" --scenario get-patient \
  --in-flight 32
# The same, with 5,000 made-up-token calls a second alongside (issue #13).
run get-patient-attack "$bench" --addr "$mono" "${bench_args[@]}" \
  --scenario get-patient --in-flight 32 --attack-rate 5000
if command -v h2load >/dev/null; then
  patient=$(awk -F'\t' '$1 == "main" { print $2; exit }' "$seed_file")
  grpc_frame "patients/$patient" >"$work/get-patient.grpc"
  h2load_run h2load-get-patient corebalance.v1.IntakeService/GetPatient \
    "$work/get-patient.grpc"
fi
run list-patients "$bench" --addr "$mono" "${bench_args[@]}" \
  --scenario list-patients --in-flight 32
run list-sessions "$bench" --addr "$mono" "${bench_args[@]}" \
  --scenario list-sessions --in-flight 32
run submit-assessment "$bench" --addr "$mono" "${bench_args[@]}" \
  --scenario submit-assessment --in-flight 32
reset_clinic
run log-session "$bench" --addr "$mono" "${bench_args[@]}" \
  --scenario log-session --in-flight 32
reset_clinic
run raw-log-session "$rawdb" "${rawdb_args[@]}" --scenario log-session \
  --in-flight 32
run progress-summary "$bench" --addr "$mono" "${bench_args[@]}" \
  --scenario progress-summary --in-flight 16
run raw-progress-summary "$rawdb" "${rawdb_args[@]}" \
  --scenario progress-summary --in-flight 16 --audit
for n in "${curve[@]}"; do
  run "summary-curve$n" "$bench" --addr "$mono" "${bench_args[@]}" \
    --scenario progress-summary --group "curve$n" --in-flight 16
done
run summary-window365 "$bench" --addr "$mono" "${bench_args[@]}" \
  --scenario progress-summary --window-days 365 --in-flight 16
run assign-plan-monolith "$bench" --addr "$mono" "${bench_args[@]}" \
  --scenario assign-plan --in-flight 16

reset_clinic
sample_rss "${server_pid[monolith]}" 1 "$out/mixed.rss"
sample_relay_lag "$out/mixed.relay-lag"
run mixed "$bench" --addr "$mono" "${bench_args[@]}" --scenario mixed \
  --in-flight 32
stop_sampler
kill "$lag_sampler_pid" 2>/dev/null || true
wait "$lag_sampler_pid" 2>/dev/null || true
peak_rss "${server_pid[monolith]}" >"$out/mixed.peak-rss"

if ((soak > 0)); then
  reset_clinic
  sample_rss "${server_pid[monolith]}" 5 "$out/soak.rss"
  run soak "$bench" --addr "$mono" --token-file "$token_file" \
    --seed-file "$seed_file" --connections 4 --scenario mixed --in-flight 32 \
    --warmup "$warmup" --duration "$soak"
  stop_sampler
  peak_rss "${server_pid[monolith]}" >"$out/soak.peak-rss"
fi

if ((scale)); then
  say "growing the clinic to $scale_patients patients x $scale_sessions" \
    "sessions (this takes a while)"
  reset_clinic
  scale_started=$(date +%s)
  "$seed" --addr "$mono" --token-file "$token_file" --mysql-url "$mysql_url" \
    --out "$seed_file" --patients "$scale_patients" \
    --sessions-per-patient "$scale_sessions" --curve "$(
      IFS=,
      echo "${curve[*]}"
    )" 2>&1 | tee "$out/scale-seed.txt" >&2
  echo "$(($(date +%s) - scale_started))" >"$out/scale-seed.seconds"
  seeded_at=$(sql -e 'SELECT UTC_TIMESTAMP(6)')
  sql corebalance -e "ANALYZE TABLE progress_sessions,
    progress_session_exercises, intake_patients, prescription_plans" \
    >/dev/null
  sql corebalance -e "SELECT COUNT(*) FROM progress_sessions" \
    >"$out/scale.sessions"
  run scale-get-patient "$bench" --addr "$mono" "${bench_args[@]}" \
    --scenario get-patient --in-flight 32
  reset_clinic
  run scale-log-session "$bench" --addr "$mono" "${bench_args[@]}" \
    --scenario log-session --in-flight 32
  run scale-progress-summary "$bench" --addr "$mono" "${bench_args[@]}" \
    --scenario progress-summary --in-flight 16
fi
stop_server monolith

# --- the adherence scan: 100,000 ACTIVE plans, two replicas -----------------
# In a database of its own, so the seeded plans do not weigh on the
# scenarios above; the tool runs the progress scanner in-process.
sql -e 'CREATE DATABASE corebalance_scan
          CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci'
"$server" migrate --mysql-url "${mysql_url%/*}/corebalance_scan"
"$scan" --mysql-url "${mysql_url%/*}/corebalance_scan" --plans "$scan_plans" \
  --replicas 2 >"$out/adherence-scan.txt"

# --- microservices: AssignPlan crosses from prescription to intake ----------
key=bench-internal-key-$(date +%s)-$RANDOM$RANDOM
declare -A port=()
peers=()
for target in access intake prescription progress; do
  port[$target]=$(free_port)
  peers+=("--$target-addr=127.0.0.1:${port[$target]}")
done
for target in access intake prescription progress; do
  start_server "ms-$target" "${port[$target]}" --target="$target" \
    --internal-key="$key" "${peers[@]}"
done
run assign-plan-microservices "$bench" \
  --addr "127.0.0.1:${port[prescription]}" "${bench_args[@]}" \
  --scenario assign-plan --in-flight 16
for target in access intake prescription progress; do
  count_rpcs "$work/ms-$target.log" 1 >"$out/ms-$target.rpcs"
done
for target in progress prescription intake access; do
  stop_server "ms-$target"
done
# What the servers did on their own meanwhile (e.g. the alert scan).
grep -h 'event=alert_scan' "$work"/*.log >"$out/background" || true

# --- the report ----------------------------------------------------------------
{
  echo "cores $(nproc)"
  echo "cpu $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
  echo "memory_mb $(awk '/^MemTotal:/ {print int($2 / 1024)}' /proc/meminfo)"
  echo "date $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "mariadb $(sql -e 'SELECT VERSION()')"
  echo "buffer_pool $buffer_pool"
  echo "server_args ${COREBALANCE_BENCH_SERVER_ARGS:-(defaults)}"
  echo "duration $duration"
  echo "warmup $warmup"
  echo "patients $patients"
  echo "quick $quick"
  echo "commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "dirty $(git -C "$repo" status --porcelain 2>/dev/null | wc -l)"
} >"$out/machine"
/usr/bin/python3 "$repo/bench/write_results.py" "$out" >"$results_md"
say "wrote $results_md"

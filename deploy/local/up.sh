#!/usr/bin/env bash
# Runs corebalance on this machine: installs what it needs, builds the server
# (Release), starts a private MariaDB under .local/mariadb, migrates the
# database, bootstraps the clinic and its first admin once, then serves in the
# foreground until Ctrl-C. Run it again any time: the data in .local/ is kept.
#
# Usage: deploy/local/up.sh [extra corebalance-server args...]
#
# Environment (defaults in brackets):
#   COREBALANCE_LOCAL_DB_PORT  MariaDB port on 127.0.0.1 [33306]
#   COREBALANCE_LISTEN         gRPC address the server listens on [127.0.0.1:50051]
#   COREBALANCE_LOCAL_DIR      MariaDB data and the admin token [<repo>/.local]
#   COREBALANCE_BUILD_DIR      CMake build directory [<repo>/build/release]
#   COREBALANCE_CLINIC         clinic created by bootstrap [San Clemente]
#   COREBALANCE_ADMIN_NAME     its first admin's name [Clinic Admin]
#   COREBALANCE_ADMIN_EMAIL    its first admin's email [none]
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"

db_port=${COREBALANCE_LOCAL_DB_PORT:-33306}
listen=${COREBALANCE_LISTEN:-127.0.0.1:50051}
local_dir=${COREBALANCE_LOCAL_DIR:-$repo/.local}
build=${COREBALANCE_BUILD_DIR:-$repo/build/release}
clinic=${COREBALANCE_CLINIC:-San Clemente}
admin_name=${COREBALANCE_ADMIN_NAME:-Clinic Admin}
admin_email=${COREBALANCE_ADMIN_EMAIL:-}

db_dir=$local_dir/mariadb
token_file=$local_dir/admin.token
server=$build/services/server/corebalance-server
mysql_url=mysql://root@127.0.0.1:$db_port/corebalance
listen_port=${listen##*:}

say() { echo "up.sh: $*"; }
die() {
  echo "up.sh: $*" >&2
  exit 1
}

[[ $db_port =~ ^[0-9]+$ ]] ||
  die "COREBALANCE_LOCAL_DB_PORT must be a port number, not '$db_port'"
[[ $listen_port =~ ^[0-9]+$ ]] ||
  die "COREBALANCE_LISTEN must look like HOST:PORT, not '$listen'"

# shellcheck source=deploy/local/lib/mariadb.sh
source "$repo/deploy/local/lib/mariadb.sh"

check_db_port() {
  port_in_use "$db_port" || return 0
  local old_pid
  old_pid=$(cat "$db_dir/mariadb.pid" 2>/dev/null || true)
  if [[ -n $old_pid ]] && [[ $(ps -o comm= -p "$old_pid" 2>/dev/null) == mariadbd ]]; then
    die "port $db_port is in use by the MariaDB of an earlier up.sh" \
      "(pid $old_pid) that is still running; stop it with: kill $old_pid"
  fi
  die "port $db_port (MariaDB) is already in use by another program;" \
    "stop it or choose another: COREBALANCE_LOCAL_DB_PORT=NNNN $0"
}
check_listen_port() {
  port_in_use "$listen_port" || return 0
  die "port $listen_port (server, COREBALANCE_LISTEN=$listen) is already in use;" \
    "stop that program or choose another: COREBALANCE_LISTEN=127.0.0.1:NNNN $0"
}
# Fail before the long build when a port is taken.
check_db_port
check_listen_port

say "installing dependencies"
bash "$repo/deploy/local/install-deps.sh"

say "building corebalance-server and the corebalance CLI (Release) in $build"
cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCOREBALANCE_BUILD_TESTS=OFF
cmake --build "$build" --target corebalance-server corebalance
[[ -x $server ]] || die "the build did not produce $server"

check_db_port
check_listen_port

server_pid=
# shellcheck disable=SC2317  # invoked by traps
stop_all() {
  if [[ -n $server_pid ]]; then
    say "stopping corebalance-server (pid $server_pid)"
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=
  fi
  if [[ -n ${MARIADB_PID:-} ]]; then
    say "stopping MariaDB (pid $MARIADB_PID)"
    mariadb_stop
  fi
}
# shellcheck disable=SC2317  # invoked by traps
on_signal() {
  trap - INT TERM
  stop_all
  exit 0
}
trap stop_all EXIT
trap on_signal INT TERM

mkdir -p "$local_dir"
mariadb_init "$db_dir"
mariadb_start "$db_dir" "$db_port" "${MARIADB_DURABLE_ARGS[@]}"

mariadb --no-defaults -h127.0.0.1 -P "$db_port" -uroot -e \
  'CREATE DATABASE IF NOT EXISTS corebalance
     CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci'

say "migrating the database"
"$server" migrate --mysql-url "$mysql_url"

# bootstrap prints the admin's token (its only stdout line) when it creates
# the admin, and nothing on stdout when the clinic already exists.
bootstrap_args=(bootstrap --mysql-url "$mysql_url"
  --clinic "$clinic" --admin-name "$admin_name")
if [[ -n $admin_email ]]; then
  bootstrap_args+=(--admin-email "$admin_email")
fi
token=$("$server" "${bootstrap_args[@]}")
if [[ -n $token ]]; then
  (umask 077 && printf '%s\n' "$token" >"$token_file")
  chmod 600 "$token_file"
  say "created clinic '$clinic' and admin '$admin_name'"
fi
if [[ -f $token_file ]]; then
  token_note="admin token: in $token_file"
else
  token_note="admin token: not on file ($token_file is missing); issue a new one with an admin's token"
fi

check_listen_port
say "serving on $listen; MariaDB on 127.0.0.1:$db_port (data in $db_dir)"
say "$token_note"
say "try it from $repo: $build/clients/corebalance patients list"
say "press Ctrl-C to stop"
"$server" --target=all --mysql-url "$mysql_url" --listen "$listen" "$@" &
server_pid=$!
status=0
wait "$server_pid" || status=$?
server_pid=
say "corebalance-server exited with status $status"
exit "$status"

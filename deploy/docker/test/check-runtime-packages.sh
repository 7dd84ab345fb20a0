#!/usr/bin/env bash
# Fails when a shared library one of the given binaries loads belongs to a
# Debian package that deploy/docker/runtime-packages.txt (the runtime image's
# package list) does not name. Usage: check-runtime-packages.sh BINARY...
set -euo pipefail

list=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/runtime-packages.txt
(($# > 0)) || { echo "usage: $0 BINARY..." >&2; exit 2; }

# The spellings a library may have in dpkg's database: Debian 12's merged
# /usr lets ldd and dpkg name /lib and /usr/lib, link or target, differently.
spellings() {
  local f=$1 real
  real=$(realpath "$f")
  printf '%s\n' "$f" "$real" "${f#/usr}" "${real#/usr}" "/usr$f" "/usr$real"
}

listed=$(grep -v -e '^#' -e '^[[:space:]]*$' "$list" | tr -d '[:blank:]' | sort -u)
libs=()
for binary in "$@"; do
  [[ -x $binary ]] || { echo "not an executable: $binary" >&2; exit 2; }
  while read -r lib; do
    # A sanitizer build (tests/run.sh) loads its runtimes; images never do.
    [[ $(basename "$lib") =~ ^lib(a|ub|l|t)san\. ]] || libs+=("$lib")
  done < <(ldd "$binary" | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}')
done
((${#libs[@]} > 0)) || { echo "ldd found no libraries; is this a dynamic binary?" >&2; exit 1; }
mapfile -t libs < <(printf '%s\n' "${libs[@]}" | sort -u)

# One dpkg -S for every spelling of every library (it reads its database
# once per call): "package: path" for those it knows.
mapfile -t queries < <(for lib in "${libs[@]}"; do spellings "$lib"; done | sort -u)
declare -A owner_of
while IFS= read -r line; do
  [[ $line == *": /"* && $line != diversion* ]] || continue
  owner_of[${line#*: }]=${line%%:*}
done < <(dpkg -S "${queries[@]}" 2>/dev/null || true)
needed=()
for lib in "${libs[@]}"; do
  pkg=
  while read -r spelling; do
    pkg=${owner_of[$spelling]:-}
    [[ -z $pkg ]] || break
  done < <(spellings "$lib")
  [[ -n $pkg ]] || { echo "no Debian package owns $lib" >&2; exit 1; }
  needed+=("$pkg")
done

missing=$(comm -23 <(printf '%s\n' "${needed[@]}" | sort -u) <(echo "$listed"))
if [[ -n $missing ]]; then
  echo "runtime-packages.txt misses packages the binaries load:" >&2
  echo "$missing" >&2
  exit 1
fi
echo "all $(printf '%s\n' "${needed[@]}" | sort -u | wc -l) packages the binaries load are in runtime-packages.txt"

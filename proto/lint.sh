#!/usr/bin/env bash
# Lints our .proto files with buf, offline. buf cannot fetch the Google and gRPC
# protos we import, so protoc (which finds them in Debian's packages) compiles
# a descriptor-set image and buf lints that image, limited to our own files.
# google/api/field_behavior.proto and resource.proto come inside the jar of
# libgoogle-common-protos-java: they are extracted into the temp dir, as the
# build does (proto/CMakeLists.txt).
# Fails when buf is missing: deploy/local/install-deps.sh installs it.
set -euo pipefail

proto_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$proto_dir")
buf=${BUF:-$repo/.tools/node_modules/.bin/buf}
common_protos_jar=/usr/share/java/proto-google-common-protos.jar

if [[ ! -x $buf ]]; then
  echo "lint: buf not found at $buf; run deploy/local/install-deps.sh" >&2
  exit 1
fi
if [[ ! -f $common_protos_jar ]]; then
  echo "lint: $common_protos_jar not found (Debian's libgoogle-common-protos-java);" \
    "run deploy/local/install-deps.sh" >&2
  exit 1
fi

mapfile -t protos < <(cd "$proto_dir" && find corebalance -name '*.proto' | sort)
if ((${#protos[@]} == 0)); then
  echo "lint: no .proto files under $proto_dir/corebalance" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/googleapis"
(cd "$work/googleapis" && cmake -E tar xf "$common_protos_jar" \
  google/api/field_behavior.proto google/api/resource.proto)

# Source info keeps comments and line numbers, so findings point at lines.
(cd "$proto_dir" && protoc --include_imports --include_source_info \
  --descriptor_set_out="$work/image.binpb" \
  -I . \
  -I "$work/googleapis" \
  -I /usr/share/gocode/src/github.com/gogo/googleapis \
  -I /usr/share/grpc-proto \
  -I /usr/include \
  "${protos[@]}")

"$buf" lint "$work/image.binpb" --config "$proto_dir/buf.yaml" --path corebalance
echo "lint: buf $("$buf" --version) found no problems in ${#protos[@]} files"

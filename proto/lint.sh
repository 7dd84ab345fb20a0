#!/usr/bin/env bash
# Lints our .proto files with buf, offline. buf cannot fetch the Google and gRPC
# protos we import, so protoc (which finds them in Debian's packages) compiles
# a descriptor-set image and buf lints that image, limited to our own files.
# Fails when buf is missing: deploy/local/install-deps.sh installs it.
set -euo pipefail

proto_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$proto_dir")
buf=${BUF:-$repo/.tools/node_modules/.bin/buf}

if [[ ! -x $buf ]]; then
  echo "lint: buf not found at $buf; run deploy/local/install-deps.sh" >&2
  exit 1
fi

mapfile -t protos < <(cd "$proto_dir" && find corebalance -name '*.proto' | sort)
if ((${#protos[@]} == 0)); then
  echo "lint: no .proto files under $proto_dir/corebalance" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Source info keeps comments and line numbers, so findings point at lines.
(cd "$proto_dir" && protoc --include_imports --include_source_info \
  --descriptor_set_out="$work/image.binpb" \
  -I . \
  -I /usr/share/gocode/src/github.com/gogo/googleapis \
  -I /usr/share/grpc-proto \
  -I /usr/include \
  "${protos[@]}")

"$buf" lint "$work/image.binpb" --config "$proto_dir/buf.yaml" --path corebalance
echo "lint: buf $("$buf" --version) found no problems in ${#protos[@]} files"

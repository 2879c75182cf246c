#!/usr/bin/env bash
# Installs the opencode CLI (npm package opencode-ai, pinned) into .tools/opencode/ and prints the
# absolute path of the real binary. Tests find it there (or through AETHR_OPENCODE_BIN).
#
# opencode-ai's own bin/opencode.exe is a stub until its postinstall runs, and npm may be set not to
# run install scripts, so this script installs with --ignore-scripts and uses the platform package's
# binary (node_modules/opencode-<os>-<arch>[-variant]/bin/opencode) directly, checking its version.
#
# Exits 0 and prints nothing on stdout when opencode cannot be installed here (no registry, an
# unsupported platform): the opencode tests then run with the stand-in and say so. Set
# AETHR_OPENCODE_REQUIRED=1 to make that a failure instead.
set -euo pipefail
cd "$(dirname "$0")/.."

OPENCODE_VERSION=1.18.33
dir=".tools/opencode"

fail() {
  echo "install-opencode: $*" >&2
  if [ "${AETHR_OPENCODE_REQUIRED:-0}" = "1" ]; then exit 1; fi
  exit 0
}

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=darwin ;;
  *) fail "unsupported OS $(uname -s)" ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) fail "unsupported CPU $(uname -m)" ;;
esac

# The variants opencode publishes for this platform, most specific first.
candidates=()
if [ "$os" = linux ] && { [ -e /lib/ld-musl-x86_64.so.1 ] || [ -e /lib/ld-musl-aarch64.so.1 ]; }; then
  candidates+=("opencode-$os-$arch-musl" "opencode-$os-$arch-baseline-musl")
fi
candidates+=("opencode-$os-$arch" "opencode-$os-$arch-baseline")

# Prints the first candidate binary that runs and reports the pinned version.
find_bin() {
  local pkg bin
  for pkg in "${candidates[@]}"; do
    bin="$PWD/$dir/node_modules/$pkg/bin/opencode"
    [ -x "$bin" ] || continue
    if [ "$(HOME="$PWD/$dir/home" timeout 60 "$bin" --version 2>/dev/null </dev/null | tr -d '[:space:]')" = "$OPENCODE_VERSION" ]; then
      echo "$bin"
      return 0
    fi
  done
  return 1
}

if bin="$(find_bin)"; then
  echo "$bin"
  exit 0
fi

mkdir -p "$dir/home"
echo '{"name":"aethr-opencode","private":true}' > "$dir/package.json"
echo "install-opencode: installing opencode-ai@$OPENCODE_VERSION into $dir (about 180 MB)" >&2
if ! (cd "$dir" && npm install --no-save --ignore-scripts --no-audit --no-fund --loglevel=error \
  "opencode-ai@$OPENCODE_VERSION" >&2); then
  fail "npm install opencode-ai@$OPENCODE_VERSION failed"
fi

if bin="$(find_bin)"; then
  echo "$bin"
  exit 0
fi
fail "opencode-ai@$OPENCODE_VERSION installed, but no runnable binary among: ${candidates[*]}"

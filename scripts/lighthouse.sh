#!/usr/bin/env bash
# Builds the release app and prints its Lighthouse performance,
# accessibility and best-practices scores (Debian's Chromium, localhost).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_build
install_chromium
cd "$ROOT"
if [ ! -d tools/lighthouse/node_modules/lighthouse ]; then
  say "installing lighthouse (npm, once)"
  npm install --prefix tools/lighthouse --no-audit --no-fund --loglevel=error
fi
wasm_cargo_env trunk build --release --offline
node scripts/lighthouse.mjs dist

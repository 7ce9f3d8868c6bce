#!/usr/bin/env bash
# Refreshes the prerendered first view in index.html (issue 15 §3): builds
# the page, copies the app's first render into index.html
# (scripts/prerender.mjs), and builds again so dist/ carries it. Run it when
# tests/browser/shell.test.mjs says the copy differs from the first render.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_build
install_chromium
cd "$ROOT"
wasm_cargo_env trunk build --release --offline
CHROMIUM=/usr/bin/chromium node scripts/prerender.mjs dist index.html
wasm_cargo_env trunk build --release --offline

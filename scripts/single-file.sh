#!/usr/bin/env bash
# Builds one self-contained HTML file (wasm inlined) for air-gapped
# machines: dist-single/jwt-inspector.html, to be opened from file://.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_build
cd "$ROOT"
wasm_cargo_env trunk build --release --offline
node scripts/single-file.mjs dist dist-single/jwt-inspector.html

#!/usr/bin/env bash
# The benchmark command. Installs what is missing, builds the release page,
# measures it in headless Chromium (scripts/bench.mjs prints one Markdown
# table: bytes on the wire, load, paste, long tasks, hostile inputs,
# countdown tick, RS256 wasm vs WebCrypto, memory), then a second table
# with a column per engine (scripts/bench-engines.mjs), then runs the native
# criterion benches (benches/core.rs). Figures vary with the machine: run
# it on an idle one.
#   scripts/bench.sh            both
#   scripts/bench.sh --page     only the page
#   scripts/bench.sh --native   only criterion
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
what="${1:-all}"
cd "$ROOT"
if [ "$what" != "--native" ]; then
  setup_build
  install_chromium
  install_other_browsers
  say "release build of the page"
  wasm_cargo_env trunk build --release --offline
  CHROMIUM=/usr/bin/chromium node scripts/bench.mjs dist
  say "load and paste → paint in each engine (Chromium, Firefox ESR, WebKitGTK)"
  node scripts/bench-engines.mjs dist
fi
if [ "$what" != "--page" ]; then
  ensure_rust_components
  say "native benches (criterion, benches/core.rs)"
  cargo bench --bench core
fi

#!/usr/bin/env bash
# Installs what is missing, then runs every test: formatting and lints,
# native unit and integration tests (core, CLI, vectors), the release build
# of the page, and the browser suite in Chromium, Firefox and WebKit.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_build
install_chromium
install_other_browsers
ensure_rust_components
cd "$ROOT"

step() { printf '\n\033[1;34m==> %s\033[0m\n' "$*" >&2; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets --quiet -- -D warnings

step "native tests (core light and full, CLI, conformance vectors, report snapshots)"
cargo test --quiet -- --nocapture

step "differential: jose signs 2,000 seeded cases, we verify (tests/differential/differential.mjs)"
cargo build --quiet --bin jwt-inspect
node tests/differential/differential.mjs --cases 2000 --seed 20261123 --cli target/debug/jwt-inspect

step "reverse differential: we sign 2,000 seeded cases, npm jose verifies (tests/differential/reverse.mjs)"
# A run that takes over 180 s is stopped and fails (it takes about 15 s).
# The Node 20 deadlock that once hung it is avoided in common.mjs keyPool.
timeout 180 node tests/differential/reverse.mjs --cases 2000 --seed 20261130 --cli target/debug/jwt-inspect \
  || { echo "reverse differential failed or took over 180 s"; exit 1; }

step "JWE differential: npm jose encrypts 1,000 seeded cases (every alg/enc pair, compact and JSON, a quarter mutated), we decrypt (tests/differential/jwe.mjs)"
timeout 180 node tests/differential/jwe.mjs --cases 1000 --seed 20261130 --cli target/debug/jwt-inspect \
  || { echo "JWE differential failed or took over 180 s"; exit 1; }

step "the page's light build as shipped (no crypto feature): clippy, unit tests, light report snapshots"
# The same light behaviour already ran above with every feature on; this
# pins it with the page's own dependency features (serde_json without
# float_roundtrip), so what ships is what was tested.
cargo clippy --no-default-features --features ui --lib --bins --quiet -- -D warnings
cargo test --no-default-features --features ui --lib --test report_snapshots --quiet

step "clippy on the wasm-only code (the worker's WebCrypto path, src/worker/webcrypto.rs)"
wasm_cargo_env cargo clippy --quiet --target wasm32-unknown-unknown --no-default-features --features worker --bin jwt-inspector-worker -- -D warnings

step "release build of the page (trunk, offline)"
wasm_cargo_env trunk build --release --offline

# One suite, three engines (tests/browser/harness.mjs picks the adapter).
# A test an engine cannot run is skipped with the reason, never silently.
step "browser tests in Chromium (playwright-core + Debian chromium against dist/)"
BROWSER_ENGINE=chromium CHROMIUM=/usr/bin/chromium node --test --test-concurrency=1 --test-reporter=spec tests/browser/

step "browser tests in Firefox (puppeteer-core over WebDriver BiDi + Debian firefox-esr)"
BROWSER_ENGINE=firefox node --test --test-concurrency=1 --test-reporter=spec tests/browser/

step "browser tests in WebKit (selenium-webdriver + WebKitGTK's MiniBrowser under Xvfb)"
BROWSER_ENGINE=webkit node --test --test-concurrency=1 --test-reporter=spec tests/browser/

step "all tests passed"

#!/usr/bin/env bash
# Installs what is missing, then builds the release app and serves it at
# http://127.0.0.1:8080 (Trunk, offline). Ctrl-C stops it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_build
cd "$ROOT"
say "serving the release build at http://127.0.0.1:8080"
wasm_cargo_env trunk serve --release --offline "$@"

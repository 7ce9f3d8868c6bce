#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already
# there (a second run takes seconds), and defines `wasm_cargo_env` for
# running wasm builds. Sourced by scripts/serve.sh, scripts/test.sh and
# scripts/bench.sh; follows ../shared/TOOLCHAIN.md.
#
# Works on a laptop with rustup and network (rustup's wasm32 target), and on
# machines that reach the package registries but not the Rust release
# servers (Debian's rustc-web with build-std for the wasm standard library).
#
# Environment:
#   JWT_INSPECTOR_TOOLS       where trunk and wasm-bindgen are installed
#                             (default ~/.cache/jwt-inspector/tools)
#   JWT_INSPECTOR_WASM_RUST   force "rustup" or "debian" for wasm builds

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${JWT_INSPECTOR_TOOLS:-$HOME/.cache/jwt-inspector/tools}"
TRUNK_VERSION="0.21.14"
mkdir -p "$TOOLS/bin"
export PATH="$TOOLS/bin:$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[setup]\033[0m %s\n' "$*" >&2; exit 1; }

# Runs apt-get as root (directly or through sudo); explains what to install
# where there is no apt.
apt_install() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "please install: ${missing[*]} (no apt-get here)"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  say "installing ${missing[*]} (apt)"
  if ! $sudo apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
    $sudo apt-get update >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# --- 1. A Rust that can build wasm32-unknown-unknown --------------------------
choose_wasm_rust() {
  local forced="${JWT_INSPECTOR_WASM_RUST:-}"
  if [ "$forced" != "debian" ] && command -v rustup >/dev/null; then
    if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
      WASM_RUST=rustup; return
    fi
    if [ "$forced" = "rustup" ] || [ -z "$forced" ]; then
      say "adding rustup's wasm32-unknown-unknown target (30 s at most)"
      if timeout 30 rustup target add wasm32-unknown-unknown >/dev/null 2>&1 \
        && rustup target list --installed | grep -qx wasm32-unknown-unknown; then
        WASM_RUST=rustup; return
      fi
      [ "$forced" = "rustup" ] && die "rustup could not add the wasm32 target"
      say "rustup has no wasm32 target here: using Debian's Rust with build-std"
    fi
  fi
  apt_install rustc-web cargo-web rust-web-src lld-22
  WASM_RUST=debian
}

# Runs a command with the environment that builds wasm with the chosen Rust.
# Debian's toolchain keeps its own target dir so that neither toolchain's
# build scripts are rebuilt when the other runs, and links with lld-22's
# wasm-ld because Debian ships no `rust-lld`.
wasm_cargo_env() {
  if [ "$WASM_RUST" = "debian" ]; then
    PATH="/usr/bin:$PATH" RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-22 \
      CARGO_TARGET_DIR="$ROOT/target/debian-wasm" "$@"
  else
    "$@"
  fi
}

# --- 2. Trunk and wasm-bindgen-cli ---------------------------------------------
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

install_trunk() {
  if [ "$("$TOOLS/bin/trunk" --version 2>/dev/null || true)" = "trunk $TRUNK_VERSION" ]; then return; fi
  say "installing trunk $TRUNK_VERSION (about 8 minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --root "$TOOLS" --quiet
}

install_wasm_bindgen() {
  local want; want="$(wasm_bindgen_version)"
  [ -n "$want" ] || die "no wasm-bindgen in Cargo.lock"
  if [ "$("$TOOLS/bin/wasm-bindgen" --version 2>/dev/null || true)" = "wasm-bindgen $want" ]; then return; fi
  say "installing wasm-bindgen-cli $want (about 3 minutes, once)"
  # --locked can fail when the registry lacks a locked transitive version.
  cargo install wasm-bindgen-cli --version "$want" --locked --root "$TOOLS" --quiet --force \
    || cargo install wasm-bindgen-cli --version "$want" --root "$TOOLS" --quiet --force
}

# --- 3. npm tooling (wasm-opt from binaryen, playwright-core, …) ----------------
install_node_tools() {
  command -v npm >/dev/null || apt_install nodejs npm
  local stamp="$ROOT/node_modules/.installed-from-lock"
  if [ -f "$stamp" ] && [ "$stamp" -nt "$ROOT/package-lock.json" ]; then return; fi
  say "installing npm tooling"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  touch "$stamp"
}

# --- 4. A real browser for tests ------------------------------------------------
install_chromium() {
  if [ -x /usr/bin/chromium ]; then return; fi
  apt_install chromium chromium-driver
}

# Firefox ESR (driven over WebDriver BiDi) and WebKitGTK's MiniBrowser
# with WebKitWebDriver, under Xvfb: the browser suite's other two engines
# (tests/browser/driver/). Playwright's own builds are downloads these
# machines cannot make, so Debian's packages it is.
install_other_browsers() {
  apt_install firefox-esr webkit2gtk-driver xvfb xauth
}

# rustfmt and clippy for the native toolchain (rustup installs them with the
# default profile; add them where a minimal profile left them out).
ensure_rust_components() {
  command -v rustup >/dev/null || return 0
  local installed; installed="$(rustup component list --installed 2>/dev/null || true)"
  for component in rustfmt clippy; do
    grep -q "^$component" <<<"$installed" || timeout 120 rustup component add "$component" >/dev/null \
      || die "cargo $component is missing and rustup could not add it"
  done
}

# Trunk runs cargo with --offline, so every crate (with build-std, also the
# standard library's own dependencies such as dlmalloc) must be fetched first.
fetch_crates() {
  (cd "$ROOT" && wasm_cargo_env cargo fetch --target wasm32-unknown-unknown --quiet)
}

setup_build() {
  choose_wasm_rust
  install_trunk
  install_wasm_bindgen
  install_node_tools
  fetch_crates
  say "wasm toolchain: $WASM_RUST; trunk $TRUNK_VERSION; $(wasm-bindgen --version); $(wasm-opt --version)"
}

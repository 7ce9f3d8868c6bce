#!/usr/bin/env bash
# Builds a release people can verify, into release/ (docs/release.md):
#
#   jwt-inspector-site-<version>.tar.gz        the static site (sorted, fixed
#                                              mtime, owner 0/0, gzip -n)
#   jwt-inspector-<version>.html               the single file, for file://
#   jwt-inspect-<version>-<target triple>      the CLI for this platform
#   SHA256SUMS                                 `sha256sum -c SHA256SUMS`
#
# Reproducible: two builds of the same commit with the same tools give the
# same bytes. `./scripts/release.sh --check-reproducible` builds twice (our
# crate rebuilt from scratch in between) and compares SHA256SUMS.
#
# Environment: SOURCE_DATE_EPOCH (default: the commit's time).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"

if [ "${1:-}" = "--check-reproducible" ]; then
  started=$SECONDS
  "$0"
  cp release/SHA256SUMS "$ROOT/target/SHA256SUMS.first"
  say "second build, with jwt-inspector's own crates rebuilt from scratch"
  JWT_INSPECTOR_RELEASE_CLEAN=1 "$0"
  if diff -u "$ROOT/target/SHA256SUMS.first" release/SHA256SUMS; then
    say "reproducible: both builds gave the same SHA256SUMS ($((SECONDS - started)) s)"
  else
    die "not reproducible: the two builds' SHA256SUMS differ (above)"
  fi
  exit 0
fi
[ $# -eq 0 ] || die "usage: scripts/release.sh [--check-reproducible]"

setup_build
VERSION="$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)"
COMMIT="$(git rev-parse HEAD)"
[ -z "$(git status --porcelain --untracked-files=no)" ] || COMMIT="$COMMIT-dirty"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}"
export JWT_INSPECTOR_COMMIT="$COMMIT"
TRIPLE="$(rustc -vV | sed -n 's/^host: //p')"
CARGO_DIR="${CARGO_HOME:-$HOME/.cargo}"
OUT="$ROOT/release"
STAGE="$ROOT/target/release-stage"
# Release builds keep their own target dirs: RUSTFLAGS differ from the
# everyday builds', and neither should rebuild the other.
WASM_TARGET="$ROOT/target/release-wasm-$WASM_RUST"
CLI_TARGET="$ROOT/target/release-cli"
if [ "${JWT_INSPECTOR_RELEASE_CLEAN:-}" = "1" ]; then
  wasm_cargo_env env CARGO_TARGET_DIR="$WASM_TARGET" cargo clean --quiet -p jwt-inspector --release --target wasm32-unknown-unknown 2>/dev/null || true
  cargo clean --quiet -p jwt-inspector --release --target-dir "$CLI_TARGET" 2>/dev/null || true
fi

# No local path in any binary: the registry, this checkout and the
# toolchain's own sources are named by fixed prefixes.
remap() {
  local sysroot="$1"
  printf -- '--remap-path-prefix=%s=/cargo --remap-path-prefix=%s=/rustc-sysroot --remap-path-prefix=%s=/build' \
    "$CARGO_DIR" "$sysroot" "$ROOT"
}
say "release $VERSION, commit $COMMIT, SOURCE_DATE_EPOCH $SOURCE_DATE_EPOCH"
say "tools: $(rustc --version); wasm: $WASM_RUST $(wasm_cargo_env rustc --version); trunk $TRUNK_VERSION; $(wasm-bindgen --version); $(wasm-opt --version); node $(node --version)"

rm -rf "$STAGE" "$OUT"
mkdir -p "$STAGE" "$OUT"

# 1. The site (Trunk; scripts/build-info.mjs stamps version, commit, hashes).
WASM_SYSROOT="$(wasm_cargo_env rustc --print sysroot)"
RUSTFLAGS="$(remap "$WASM_SYSROOT")" wasm_cargo_env env CARGO_TARGET_DIR="$WASM_TARGET" \
  trunk build --release --offline --dist "$STAGE/site"

# 2. The single file, made from the site; its hash goes into the site's
#    "About this build" panel and the CLI's --version (neither is inside it).
SINGLE="jwt-inspector-$VERSION.html"
node scripts/single-file.mjs "$STAGE/site" "$OUT/$SINGLE"
SINGLE_SHA256="$(sha256sum "$OUT/$SINGLE" | cut -d' ' -f1)"
node scripts/build-info.mjs --single-sha256 "$SINGLE_SHA256" "$STAGE/site"

# 3. The site archive: sorted names, one mtime, owner 0/0, fixed modes, and
#    a gzip header without name or time.
SITE="jwt-inspector-site-$VERSION"
tar --sort=name --format=gnu --mtime="@$SOURCE_DATE_EPOCH" \
  --owner=0 --group=0 --numeric-owner --mode='u=rwX,go=rX' \
  --transform="s,^site,$SITE," -C "$STAGE" -cf - site \
  | gzip -n -9 >"$OUT/$SITE.tar.gz"

# 4. The CLI for this platform.
NATIVE_SYSROOT="$(rustc --print sysroot)"
JWT_INSPECTOR_SINGLE_FILE="$SINGLE" JWT_INSPECTOR_SINGLE_FILE_SHA256="$SINGLE_SHA256" \
  RUSTFLAGS="$(remap "$NATIVE_SYSROOT")" \
  cargo build --release --locked --offline --quiet --bin jwt-inspect --target-dir "$CLI_TARGET"
CLI="jwt-inspect-$VERSION-$TRIPLE"
cp "$CLI_TARGET/release/jwt-inspect" "$OUT/$CLI"
chmod 755 "$OUT/$CLI"
if grep -aqF -e "$ROOT" -e "$CARGO_DIR" "$OUT/$CLI"; then die "$CLI names a local path"; fi

# 5. The sums.
(cd "$OUT" && sha256sum "$SITE.tar.gz" "$SINGLE" "$CLI" >SHA256SUMS)
say "release/ (commit $COMMIT):"
cat "$OUT/SHA256SUMS" >&2
"$OUT/$CLI" --version >&2

#!/usr/bin/env bash
# Builds a release people can verify, into release/ (docs/release.md):
#
#   jwt-inspector-site-<version>.tar.gz        the static site (sorted, fixed
#                                              mtime, owner 0/0, gzip -n)
#   jwt-inspector-<version>.html               the single file, for file://
#   jwt-inspect-<version>-<target triple>      the CLI for this platform
#   SHA256SUMS                                 `sha256sum -c SHA256SUMS`
#
# It builds a commit, not the working tree: HEAD (or JWT_INSPECTOR_REF) is
# exported with `git archive` into target/release-src, so uncommitted
# changes never reach a release and every release rebuilds our crate.
#
# Reproducible: two builds of the same commit with the same tools give the
# same bytes. `./scripts/release.sh --check-reproducible` builds twice and
# compares SHA256SUMS.
#
# Environment: JWT_INSPECTOR_REF (default HEAD), SOURCE_DATE_EPOCH
# (default: the commit's time).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"

if [ "${1:-}" = "--check-reproducible" ]; then
  started=$SECONDS
  # Both builds of the same commit, whatever HEAD does meanwhile.
  JWT_INSPECTOR_REF="$(git rev-parse "${JWT_INSPECTOR_REF:-HEAD}")"
  export JWT_INSPECTOR_REF
  "$0"
  mkdir -p "$ROOT/target"
  cp release/SHA256SUMS "$ROOT/target/SHA256SUMS.first"
  say "second build of $JWT_INSPECTOR_REF"
  "$0"
  if diff -u "$ROOT/target/SHA256SUMS.first" release/SHA256SUMS; then
    say "reproducible: both builds gave the same SHA256SUMS ($((SECONDS - started)) s)"
  else
    die "not reproducible: the two builds' SHA256SUMS differ (above)"
  fi
  exit 0
fi
[ $# -eq 0 ] || die "usage: scripts/release.sh [--check-reproducible]"

setup_build
COMMIT="$(git rev-parse "${JWT_INSPECTOR_REF:-HEAD}^{commit}")"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct "$COMMIT")}"
export JWT_INSPECTOR_COMMIT="$COMMIT"
TRIPLE="$(rustc -vV | sed -n 's/^host: //p')"
CARGO_DIR="${CARGO_HOME:-$HOME/.cargo}"
OUT="$ROOT/release"
SRC="$ROOT/target/release-src"
STAGE="$ROOT/target/release-stage"
# Release builds keep their own target dirs: RUSTFLAGS differ from the
# everyday builds', and neither should rebuild the other.
WASM_TARGET="$ROOT/target/release-wasm-$WASM_RUST"
CLI_TARGET="$ROOT/target/release-cli"

# The commit's files, fresh (mtimes now, so cargo rebuilds our crate).
rm -rf "$SRC"
mkdir -p "$SRC"
git archive --format=tar "$COMMIT" | tar -x -m -C "$SRC"
VERSION="$(awk -F'"' '/^version = / { print $2; exit }' "$SRC/Cargo.toml")"

# No local path in any binary: the registry, the checkout (target dirs
# included) and the toolchain's own sources are named by fixed prefixes
# (the last prefix that matches wins, so the export inside target/ is /src).
remap() {
  local sysroot="$1"
  printf -- '--remap-path-prefix=%s=/cargo --remap-path-prefix=%s=/rustc-sysroot --remap-path-prefix=%s=/build --remap-path-prefix=%s=/src' \
    "$CARGO_DIR" "$sysroot" "$ROOT" "$SRC"
}
say "release $VERSION, commit $COMMIT, SOURCE_DATE_EPOCH $SOURCE_DATE_EPOCH"
say "tools: $(rustc --version); wasm: $WASM_RUST $(wasm_cargo_env rustc --version); trunk $TRUNK_VERSION; $(wasm-bindgen --version); $(wasm-opt --version); node $(node --version)"

rm -rf "$STAGE" "$OUT"
mkdir -p "$STAGE" "$OUT"

# 1. The site (Trunk; scripts/build-info.mjs stamps version, commit, hashes).
WASM_SYSROOT="$(wasm_cargo_env rustc --print sysroot)"
(cd "$SRC" && RUSTFLAGS="$(remap "$WASM_SYSROOT")" wasm_cargo_env env CARGO_TARGET_DIR="$WASM_TARGET" \
  trunk build --release --offline --dist "$STAGE/site")

# 2. The single file, made from the site; its hash goes into the site's
#    "About this build" panel and the CLI's --version (neither is inside it).
SINGLE="jwt-inspector-$VERSION.html"
node "$SRC/scripts/single-file.mjs" "$STAGE/site" "$OUT/$SINGLE"
SINGLE_SHA256="$(sha256sum "$OUT/$SINGLE" | cut -d' ' -f1)"
node "$SRC/scripts/build-info.mjs" --single-sha256 "$SINGLE_SHA256" "$STAGE/site"

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
  cargo build --release --locked --offline --quiet --bin jwt-inspect --target-dir "$CLI_TARGET" \
  --manifest-path "$SRC/Cargo.toml"
CLI="jwt-inspect-$VERSION-$TRIPLE"
cp "$CLI_TARGET/release/jwt-inspect" "$OUT/$CLI"
chmod 755 "$OUT/$CLI"
for binary in "$OUT/$CLI" "$STAGE"/site/*.wasm; do
  if grep -aqF -e "$ROOT" -e "$CARGO_DIR" "$binary"; then die "$binary names a local path"; fi
done

# 5. The sums.
(cd "$OUT" && sha256sum "$SITE.tar.gz" "$SINGLE" "$CLI" >SHA256SUMS)
say "release/ (commit $COMMIT):"
cat "$OUT/SHA256SUMS" >&2
"$OUT/$CLI" --version >&2

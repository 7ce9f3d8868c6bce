// Trunk's post_build hook (Trunk.toml): writes the build's identity and the
// Subresource Integrity hashes of every file into the built index.html.
//
//   - the boot.js <script> gets `integrity` (Trunk gives one to the other
//     links but not to the `pattern_script` tag);
//   - `data-sri` on that tag lists "./file sha384-…" pairs for every other
//     file (sw.js aside: the browser fetches it itself), which boot.js,
//     worker-loader.js and sw.js use with fetch(url, { integrity });
//   - `data-version` and `data-commit`, and the "About this build" panel's
//     @version@, @commit@ and @single-sha256@ placeholders.
//
// Run by Trunk in its staging dir (TRUNK_STAGING_DIR), or by hand:
//   node scripts/build-info.mjs DIR                     (the same, on a built dist)
//   node scripts/build-info.mjs --single-sha256 HEX DIR (scripts/release.sh:
//        names the release's single file in DIR/index.html's panel)
//
// Environment: JWT_INSPECTOR_COMMIT (set by scripts/release.sh) overrides
// `git rev-parse HEAD` (+ "-dirty" when tracked files differ from it).

import { copyFileSync, readFileSync, writeFileSync, readdirSync } from "node:fs";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);

/** The text shown where a build is not a release (no single file beside it). */
export const NOT_A_RELEASE = "not a release build (scripts/release.sh lists it in SHA256SUMS)";

export function version() {
  const match = readFileSync(join(ROOT, "Cargo.toml"), "utf8").match(/^version = "([^"]+)"/m);
  if (!match) throw new Error("no version in Cargo.toml");
  return match[1];
}

/** The commit built: JWT_INSPECTOR_COMMIT, else git (marked -dirty), else "unknown". */
export function commit() {
  if (process.env.JWT_INSPECTOR_COMMIT) return process.env.JWT_INSPECTOR_COMMIT;
  try {
    const git = (...a) => execFileSync("git", ["-C", ROOT, ...a], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const head = git("rev-parse", "HEAD");
    return git("status", "--porcelain", "--untracked-files=no") ? `${head}-dirty` : head;
  } catch {
    return "unknown";
  }
}

const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

/** Every file under `dir` but index.html and sw.js, as "./path", sorted. */
function files(dir) {
  const out = [];
  const walk = (at) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(`./${relative(dir, path).split(sep).join("/")}`);
    }
  };
  walk(dir);
  return out.filter((f) => f !== "./index.html" && f !== "./sw.js").sort();
}

const escapeHtml = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

/** Sets the single file's SHA-256 in the panel of an already stamped index.html. */
function setSingleSha256(html, hex) {
  const panel = /(<dd[^>]*data-testid="?build-single-sha256"?[^>]*>)[\s\S]*?(<\/dd>)/;
  if (!panel.test(html)) throw new Error("index.html has no build-single-sha256 panel");
  return html.replace(panel, `$1<code>${escapeHtml(hex)}</code>$2`);
}

/**
 * Trunk minifies the no-modules glue of the worker and the encoder with a
 * minifier whose output changes from one build to the next (it names
 * variables in hash-map order), which would make releases irreproducible.
 * Neither file is in the page's first download, so the release ships
 * wasm-bindgen's own output, which is deterministic. (The page's module
 * glue is not minified by Trunk.)
 */
function deterministicGlue(dir) {
  if (process.env.TRUNK_PROFILE !== "release") return;
  const metadata = execFileSync("cargo", ["metadata", "--format-version", "1", "--no-deps", "--offline"], { cwd: ROOT, encoding: "utf8" });
  const bindgen = join(JSON.parse(metadata).target_directory, "wasm-bindgen", "release");
  for (const name of ["jwt-inspector-worker.js", "jwt-inspector-encoder.js"]) copyFileSync(join(bindgen, name), join(dir, name));
}

function stamp(dir) {
  deterministicGlue(dir);
  const indexPath = join(dir, "index.html");
  let html = readFileSync(indexPath, "utf8");
  const bootTag = /<script\b[^>]*\ssrc="?\.\/boot\.js"?[^>]*>/;
  const boot = html.match(bootTag);
  if (!boot) throw new Error(`${indexPath}: no <script src=./boot.js> (Trunk.toml pattern_script)`);
  if (/\sintegrity=/.test(boot[0])) throw new Error(`${indexPath} is already stamped`);
  const hashes = files(dir).map((file) => [file, sri(readFileSync(join(dir, file)))]);
  const bootHash = hashes.find(([file]) => file === "./boot.js")[1];
  const attributes = [
    `integrity="${bootHash}"`,
    `data-sri="${hashes.map(([file, hash]) => `${file} ${hash}`).join(" ")}"`,
    `data-version="${escapeHtml(version())}"`,
    `data-commit="${escapeHtml(commit())}"`,
  ].join(" ");
  html = html.replace(bootTag, (tag) => tag.replace(/^<script\b/, `<script ${attributes}`));
  html = html
    .replaceAll("@version@", escapeHtml(version()))
    .replaceAll("@commit@", escapeHtml(commit()))
    .replaceAll("@single-sha256@", escapeHtml(NOT_A_RELEASE));
  // Every script and every link that loads a file must carry a hash.
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    const rel = tag.match(/\srel="?([^"\s>]+)/)?.[1];
    const loads = /^<script\b[^>]*\ssrc=/.test(tag) || ["stylesheet", "modulepreload", "preload", "icon"].includes(rel);
    if (loads && !/\sintegrity=/.test(tag)) throw new Error(`${indexPath}: no integrity on ${tag}`);
  }
  writeFileSync(indexPath, html);
  console.log(`[build-info] ${indexPath}: ${hashes.length} files hashed; version ${version()}, commit ${commit()}`);
}

const main = process.argv[1] === fileURLToPath(import.meta.url);
if (main && args[0] === "--single-sha256") {
  const [, hex, dir] = args;
  if (!/^[0-9a-f]{64}$/.test(hex ?? "") || !dir) throw new Error("usage: build-info.mjs --single-sha256 HEX DIR");
  const path = join(dir, "index.html");
  writeFileSync(path, setSingleSha256(readFileSync(path, "utf8"), hex));
} else if (main) {
  const dir = args[0] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error("usage: build-info.mjs DIR (or run as Trunk's post_build hook)");
  stamp(resolve(dir));
}

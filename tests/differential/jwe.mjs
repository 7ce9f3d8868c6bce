// JWE differential (issue 14): npm jose encrypts, we decrypt. Seeded cases
// cover every key-management and content-encryption pair jose supports,
// compact, flattened and general JSON, with mutations that must not
// decrypt: a flipped tag or ciphertext bit, the wrong key, a truncated
// segment. Our side is `jwt-inspect --jobs` (the worker's job protocol):
// each job carries the token and the key text or password; the report's
// `decryption` and plaintext are compared with what jose encrypted.
//
// Usage: node tests/differential/jwe.mjs [--cases N] [--seed S] [--cli PATH]

import * as jose from "jose";
import * as nodeCrypto from "node:crypto";
import { prng, keyPool, WORDS, options, runLines } from "./common.mjs";

/** Key management: what key it needs. */
const ALGS = {
  "RSA-OAEP": "rsa", "RSA-OAEP-256": "rsa", "RSA-OAEP-384": "rsa", "RSA-OAEP-512": "rsa",
  A128KW: "oct16", A192KW: "oct24", A256KW: "oct32",
  A128GCMKW: "oct16", A192GCMKW: "oct24", A256GCMKW: "oct32",
  dir: "cek",
  "ECDH-ES": "ecdh", "ECDH-ES+A128KW": "ecdh", "ECDH-ES+A192KW": "ecdh", "ECDH-ES+A256KW": "ecdh",
  "PBES2-HS256+A128KW": "password", "PBES2-HS384+A192KW": "password", "PBES2-HS512+A256KW": "password",
};
const ENCS = { "A128CBC-HS256": 32, "A192CBC-HS384": 48, "A256CBC-HS512": 64, A128GCM: 16, A192GCM: 24, A256GCM: 32 };
const MUTATIONS = ["tag-flip", "ciphertext-flip", "wrong-key", "truncated"];

function x25519Pair() {
  const { privateKey } = nodeCrypto.generateKeyPairSync("x25519", { privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
  const key = nodeCrypto.createPrivateKey(privateKey);
  return { privateKey: key, publicKey: nodeCrypto.createPublicKey(key) };
}

/** The recipient's key: what jose encrypts to, and what the person pastes. */
function recipient(r, alg, enc, pool) {
  const kind = ALGS[alg];
  const secret = (n) => {
    const bytes = Buffer.from(r.bytes(n));
    return { encryptTo: bytes, identity: bytes.toString("hex"), job: { key_text: JSON.stringify({ kty: "oct", k: bytes.toString("base64url") }) } };
  };
  if (kind === "rsa") {
    const index = r.int(pool.rsa.length);
    const pair = pool.rsa[index];
    const form = r.pick(["pkcs8", "pkcs1", "jwk"]);
    const text = form === "jwk" ? JSON.stringify(pair.privateKey.export({ format: "jwk" })) : pair.privateKey.export({ type: form, format: "pem" });
    return { encryptTo: pair.publicKey, identity: `rsa ${index}`, job: { key_text: text }, form };
  }
  if (kind === "ecdh") {
    const curve = r.pick(["P-256", "P-384", "P-521", "X25519"]);
    const keys = curve === "X25519" ? pool.x25519 : pool[curve];
    const index = r.int(keys.length);
    const pair = keys[index];
    const form = r.pick(["pkcs8", "jwk"]);
    const text = form === "jwk" ? JSON.stringify(pair.privateKey.export({ format: "jwk" })) : pair.privateKey.export({ type: "pkcs8", format: "pem" });
    return { encryptTo: pair.publicKey, identity: `${curve} ${index}`, job: { key_text: text }, form: `${curve} ${form}` };
  }
  if (kind === "password") {
    const password = `${r.pick(WORDS.filter((w) => w && !w.includes("\n")))}-${r.int(1e6)}`;
    return { encryptTo: new TextEncoder().encode(password), identity: password, job: { secret: password, secret_encoding: "text" }, form: "password" };
  }
  if (kind === "cek") return { ...secret(ENCS[enc]), form: "oct" };
  return { ...secret(Number(kind.slice(3))), form: "oct" };
}

function flipBit(segment, r) {
  const bytes = Buffer.from(segment, "base64url");
  if (bytes.length === 0) return segment;
  bytes[r.int(bytes.length)] ^= 1 << r.int(8);
  return bytes.toString("base64url");
}

/** Applies a mutation to a compact token or a JSON document (text). */
function mutate(text, mutation, r) {
  if (text.startsWith("{")) {
    const doc = JSON.parse(text);
    if (mutation === "tag-flip") doc.tag = flipBit(doc.tag, r);
    if (mutation === "ciphertext-flip") doc.ciphertext = flipBit(doc.ciphertext, r);
    if (mutation === "truncated") doc.tag = doc.tag.slice(0, Math.max(1, doc.tag.length - 4));
    return JSON.stringify(doc);
  }
  const parts = text.split(".");
  if (mutation === "tag-flip") parts[4] = flipBit(parts[4], r);
  if (mutation === "ciphertext-flip") parts[3] = flipBit(parts[3], r);
  if (mutation === "truncated") return parts.slice(0, 4).join(".");
  return parts.join(".");
}

async function makeCase(id, r, pool) {
  const alg = Object.keys(ALGS)[id % Object.keys(ALGS).length];
  const enc = r.pick(Object.keys(ENCS));
  const key = recipient(r, alg, enc, pool);
  const claims = { sub: `user-${r.int(1e6)}`, n: id, word: r.pick(WORDS), exp: 4102444800 };
  const plaintext = new TextEncoder().encode(JSON.stringify(claims));
  const header = { alg, enc, ...(r.chance(0.3) ? { kid: `k-${r.int(9)}` } : {}), ...(r.chance(0.15) ? { zip: "DEF" } : {}) };
  const serialization = r.pick(["compact", "compact", "flattened", "general"]);
  const p2c = alg.startsWith("PBES2") ? 1000 + r.int(1000) : undefined;
  let text;
  if (serialization === "compact") {
    const e = new jose.CompactEncrypt(plaintext).setProtectedHeader(header);
    if (p2c) e.setKeyManagementParameters({ p2c });
    text = await e.encrypt(key.encryptTo);
  } else if (serialization === "flattened") {
    const e = new jose.FlattenedEncrypt(plaintext).setProtectedHeader(header);
    if (r.chance(0.5)) e.setAdditionalAuthenticatedData(new TextEncoder().encode(`aad-${id}`));
    if (p2c) e.setKeyManagementParameters({ p2c });
    text = JSON.stringify(await e.encrypt(key.encryptTo));
  } else {
    const { alg: _, ...shared } = header;
    const e = new jose.GeneralEncrypt(plaintext).setProtectedHeader(shared);
    const rcpt = e.addRecipient(key.encryptTo).setUnprotectedHeader({ alg });
    if (p2c) rcpt.setKeyManagementParameters({ p2c });
    text = JSON.stringify(await e.encrypt());
  }
  const mutation = r.chance(0.25) ? r.pick(MUTATIONS) : null;
  let job = key.job;
  if (mutation === "wrong-key") {
    // Another key of the same kind (the pool holds several of each).
    let other;
    do other = recipient(r, alg, enc, pool); while (other.identity === key.identity);
    job = other.job;
  }
  else if (mutation) text = mutate(text, mutation, r);
  return { id, alg, enc, serialization, form: key.form, mutation, claims, job: { id, input: text, now: 1800000000, ...job } };
}

async function main() {
  const o = options(process.argv.slice(2), { cases: 1000, seed: 20261130 });
  const started = Date.now();
  const r = prng(o.seed);
  const pool = { ...keyPool(), x25519: [x25519Pair(), x25519Pair()] };
  const cases = [];
  for (let id = 0; id < o.cases; id++) cases.push(await makeCase(id, r, pool));
  const answers = await runLines(o.cli, ["--jobs"], cases.map((c) => c.job));
  const failures = [];
  const tally = new Map();
  for (const c of cases) {
    const token = answers.get(c.id)?.report?.tokens?.find((t) => t.kind === "jwe");
    const decryption = token?.decryption;
    const decrypted = decryption?.status === "decrypted";
    let problem = null;
    if (c.mutation) {
      if (decrypted) problem = `the ${c.mutation} token decrypted`;
    } else if (!decrypted) {
      problem = `not decrypted: ${decryption?.status} ${decryption?.message ?? "(no JWE found)"}`;
    } else if (JSON.stringify(token.payload) !== JSON.stringify(c.claims)) {
      problem = `plaintext differs: ${JSON.stringify(token.payload ?? token.payload_text)}`;
    }
    const key = `${c.alg} ${c.mutation ?? "intact"}`;
    const t = tally.get(key) ?? { cases: 0, agreed: 0 };
    t.cases++;
    t.agreed += problem === null;
    tally.set(key, t);
    if (problem) failures.push({ ...c, problem });
  }
  console.log(`JWE differential (jose encrypts, we decrypt): ${cases.length} cases, seed ${o.seed}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log("alg / mutation                     cases  agreed");
  for (const [k, t] of [...tally].sort()) console.log(`${k.padEnd(34)} ${String(t.cases).padStart(5)} ${String(t.agreed).padStart(7)}`);
  if (failures.length) {
    for (const f of failures.slice(0, 15)) console.log(`FAIL #${f.id} ${f.alg} ${f.enc} ${f.serialization} [${f.form}] ${f.mutation ?? ""}: ${f.problem}`);
    console.log(`${failures.length} case(s) disagree`);
    process.exit(1);
  }
  console.log("every case agreed: intact tokens decrypt to jose's plaintext, mutated ones do not");
}

await main();

#!/usr/bin/env node
// Differential test: npm `jose` (panva), an implementation nobody here
// wrote, against our analysis (`jwt-inspect --jobs`, the code path of the
// page's worker).
//
// jose mints tokens for every JWS algorithm it knows, with random claims
// and keys; some are then mutated (a bit flipped in one segment, `alg`
// swapped, padding added, segments re-ordered, the token truncated, the
// signature extended, a different key of the same type). Each case is
// verified by both, and the verdicts must agree:
//
//   jose accepts the signature  ⇔  our signature matches the key: status
//        "valid", or "invalid" with `matched_but_refused` naming a rule
//        jose does not enforce (RFC 7515 §2 canonical base64url, RFC 7518
//        §3.2 HMAC secret length — Wycheproof, which tests/
//        conformance_jose.rs holds us to, labels both invalid)
//   jose: "signature verification failed" ⇒ ours is "invalid" without
//        `matched_but_refused`, when our finder read back exactly the
//        token (a flip that turns a character into a space or a quote
//        splits the paste, and then no token may be valid)
//
// Other jose refusals (malformed token, key of the wrong type, alg none)
// only require that we do not call the signature valid.
//
// A quarter of the cases whose mutated token still has three segments are
// sent in the JWS JSON serialization instead (RFC 7515 §7.2, flattened or
// general, sometimes with an unprotected header member), and jose checks
// them with flattenedVerify / generalVerify.
//
//   node tests/differential/differential.mjs [--cases N] [--seed S]
//        [--cli PATH] [--failures FILE]
//
// The seed fixes which algorithms, claims, mutations and key formats are
// drawn; keys come from node:crypto (not seedable), and every disagreement
// is written with its key to the failures file so it can be replayed.

import * as jose from "jose";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { prng, ALGORITHMS, keyPool, WORDS, ROOT, options, runLines } from "./common.mjs";

function randomClaims(r) {
  const now = 1_800_000_000;
  const claims = { sub: `user-${r.int(1e6)}`, iat: now - r.int(86400) };
  if (r.chance(0.7)) claims.exp = now + r.int(172800) - 86400;
  if (r.chance(0.3)) claims.nbf = now - r.int(3600);
  if (r.chance(0.5)) claims.aud = r.chance(0.5) ? "api" : ["api", "web"];
  if (r.chance(0.5)) claims.iss = r.pick(["https://issuer.example", "dcos", "keystone"]);
  for (let i = r.int(4); i > 0; i--) claims[`c${i}`] = r.pick([r.int(1e9), r.pick(WORDS), { nested: [r.int(9), null, true] }, 1.5]);
  return claims;
}

const b64 = (text) => Buffer.from(text).toString("base64url");
const unb64 = (segment) => Buffer.from(segment, "base64url").toString("utf8");

/** The mutations; each returns [description, token, useOtherKey]. */
function mutate(r, token, alg) {
  const segments = token.split(".");
  const kind = r.pick(["none", "none", "none", "flip", "flip", "flip", "alg", "pad", "reorder", "truncate", "extend", "other-key"]);
  switch (kind) {
    case "flip": {
      const s = r.int(3);
      const text = segments[s];
      if (text.length === 0) return ["flip (empty segment: unchanged)", token, false];
      const at = r.int(text.length);
      const flipped = String.fromCharCode(text.charCodeAt(at) ^ (1 << r.int(7)));
      segments[s] = text.slice(0, at) + flipped + text.slice(at + 1);
      return [`flip bit in segment ${s} at ${at}`, segments.join("."), false];
    }
    case "alg": {
      const header = JSON.parse(unb64(segments[0]));
      header.alg = r.pick([...Object.keys(ALGORITHMS).filter((a) => a !== alg), "none", "NONE", "HS256"]);
      segments[0] = b64(JSON.stringify(header));
      return [`alg swapped ${alg}→${header.alg}`, segments.join("."), false];
    }
    case "pad": {
      const s = r.int(3);
      segments[s] += r.pick(["=", "=="]);
      return [`padding on segment ${s}`, segments.join("."), false];
    }
    case "reorder": {
      const order = r.pick([[1, 0, 2], [0, 2, 1], [2, 1, 0]]);
      return [`segments re-ordered ${order.join("")}`, order.map((i) => segments[i]).join("."), false];
    }
    case "truncate": {
      const cut = 1 + r.int(Math.min(token.length - 1, 12));
      return [`truncated by ${cut}`, token.slice(0, token.length - cut), false];
    }
    case "extend":
      return ["signature extended", token + r.pick(["A", "AA", "AAAA", "_w"]), false];
    case "other-key":
      return ["verified with another key", token, true];
    default:
      return ["unmutated", token, false];
  }
}

/**
 * The key as the person would paste it — a JWK, PEM, or a JWKS holding a
 * decoy too — and the same key as jose takes it (a JWKS goes to jose as
 * createLocalJWKSet, so both choose by `kid` alike).
 */
function keyText(r, pair, decoy) {
  const form = r.pick(["jwk", "jwks", "pem"]);
  const jwk = pair.publicKey.export({ format: "jwk" });
  if (form === "pem") return [form, pair.publicKey.export({ type: "spki", format: "pem" }), pair.publicKey];
  if (form === "jwk") return [form, JSON.stringify(jwk), pair.publicKey];
  const keys = [{ ...jwk, kid: "right" }];
  if (decoy !== pair) keys.push({ ...decoy.publicKey.export({ format: "jwk" }), kid: "decoy" });
  const jwks = { keys: r.chance(0.5) ? keys : keys.reverse() };
  return [form, JSON.stringify(jwks), jose.createLocalJWKSet(jwks)];
}

/** jose's verifier for each serialization. */
const JOSE_VERIFY = {
  compact: (input, key) => jose.compactVerify(input, key),
  flattened: (input, key) => jose.flattenedVerify(JSON.parse(input), key),
  general: generalVerify,
};

/**
 * jose's generalVerify, and when it fails, each signature through
 * flattenedVerify: generalVerify reports every failure as "signature
 * verification failed", even a refused algorithm or an ambiguous JWKS,
 * which are not verdicts on the signature.
 */
async function generalVerify(input, key) {
  const document = JSON.parse(input);
  try {
    return await jose.generalVerify(document, key);
  } catch (general) {
    let last = general;
    for (const member of Array.isArray(document.signatures) ? document.signatures : []) {
      try {
        return await jose.flattenedVerify({ payload: document.payload, ...member }, key);
      } catch (error) {
        last = error;
      }
    }
    throw last;
  }
}

/**
 * The token, or one with three segments re-written in the JWS JSON
 * serialization (RFC 7515 §7.2): the same protected header, payload and
 * signature as members, sometimes with an unprotected header beside them.
 */
function serialise(r, token) {
  const parts = token.split(".");
  if (parts.length !== 3 || !r.chance(0.25)) return ["compact", token];
  const [protectedHeader, payload, signature] = parts;
  const member = { protected: protectedHeader, ...(r.chance(0.3) ? { header: { "x-note": "unprotected" } } : {}), signature };
  const form = r.pick(["flattened", "general"]);
  const document = form === "flattened" ? { payload, ...member } : { payload, signatures: [member] };
  return [form, JSON.stringify(document)];
}

async function joseVerdict(token, key, serialization = "compact") {
  const verify = JOSE_VERIFY[serialization];
  try {
    await verify(token, key);
    return { verdict: "valid" };
  } catch (error) {
    // Without a kid a JWKS may offer several keys of the right type; jose's
    // jwtVerify then tries each (the error iterates them), and so do we.
    if (error.code === "ERR_JWKS_MULTIPLE_MATCHING_KEYS") {
      let last = error;
      for await (const candidate of error) {
        try {
          await verify(token, candidate);
          return { verdict: "valid" };
        } catch (next) {
          last = next;
        }
      }
      error = last;
    }
    const failed = error.code === "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
    return { verdict: failed ? "invalid" : "refused", why: error.code || `${error.name}: ${error.message}` };
  }
}

async function makeCases(o) {
  const r = prng(o.seed);
  const pool = keyPool();
  const cases = [];
  for (let id = 1; id <= o.cases; id++) {
    const alg = r.pick(Object.keys(ALGORITHMS));
    const type = ALGORITHMS[alg];
    const claims = randomClaims(r);
    let signWith, verifyWith, otherKey, job;
    if (type === "oct") {
      const length = r.pick([32, 48, 64, 16 + r.int(80)]);
      const [secret, other] = [r.bytes(length), r.bytes(length)];
      signWith = verifyWith = secret;
      otherKey = other;
      const encoding = r.pick(["base64url", "hex"]);
      const text = (bytes) => (encoding === "hex" ? Buffer.from(bytes).toString("hex") : Buffer.from(bytes).toString("base64url"));
      job = (bytes) => ({ secret: text(bytes), secret_encoding: encoding, key_form: `secret (${encoding})` });
    } else {
      const keys = pool[type];
      const [pair, other] = r.chance(0.5) ? [keys[0], keys[1]] : [keys[1], keys[0]];
      signWith = pair.privateKey;
      const [form, text, joseKey] = keyText(r, pair, other);
      // The wrong key alone: a JWKS of it and the right key would verify.
      const [otherForm, otherText, joseOther] = keyText(r, other, other);
      verifyWith = joseKey;
      otherKey = joseOther;
      job = (_bytes, useOther) => (useOther ? { key_text: otherText, key_form: otherForm } : { key_text: text, key_form: form });
    }
    const header = { alg, ...(r.chance(0.5) ? { typ: "JWT" } : {}), ...(r.chance(0.3) ? { kid: "right" } : {}) };
    const token = await new jose.CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
      .setProtectedHeader(header)
      .sign(signWith);
    const [mutation, compact, useOther] = mutate(r, token, alg);
    const [serialization, mutated] = serialise(r, compact);
    const joseKey = useOther ? otherKey : verifyWith;
    const { key_form, ...keyFields } = job(useOther ? otherKey : verifyWith, useOther);
    cases.push({
      id, alg, mutation, serialization, key_form, token: mutated,
      jose: await joseVerdict(mutated, joseKey, serialization),
      job: { id, input: mutated, now: 1_800_000_000, ...keyFields },
    });
  }
  return cases;
}

/** Rules we enforce on a matching signature and jose does not. */
const STRICTER_THAN_JOSE = new Set(["non-canonical-encoding", "hmac-secret-too-short"]);

function compare(c, report) {
  const tokens = report?.tokens ?? [];
  const signatures = tokens.map((t) => t.signature ?? {});
  const matches = (s) => s.status === "valid" || (s.status === "invalid" && STRICTER_THAN_JOSE.has(s.matched_but_refused));
  const readBack = tokens.length === 1 && tokens[0].token === c.token;
  const describe = (s) => s.status + (s.matched_but_refused ? ` (matched, refused: ${s.matched_but_refused})` : "");
  const ourVerdict = readBack ? describe(signatures[0]) : `finder read ${tokens.length} token(s): ${signatures.map(describe).join(", ") || "none"}`;
  let agrees;
  if (c.jose.verdict === "valid") agrees = readBack && matches(signatures[0]);
  else if (c.jose.verdict === "invalid" && readBack) agrees = signatures[0].status === "invalid" && !signatures[0].matched_but_refused;
  else agrees = !signatures.some(matches);
  const stricter = readBack && c.jose.verdict === "valid" && signatures[0].status === "invalid";
  return { agrees, ourVerdict, readBack, stricter };
}

async function main() {
  const o = options(process.argv.slice(2), { cases: 2000, seed: 20261123, failures: join(ROOT, "target/differential-failures.jsonl") });
  const started = Date.now();
  const cases = await makeCases(o);
  const answers = await runLines(o.cli, ["--jobs"], cases.map((c) => c.job));
  const byMutation = new Map();
  const failures = [];
  let readBack = 0;
  let stricter = 0;
  for (const c of cases) {
    const result = compare(c, answers.get(c.id)?.report);
    readBack += result.readBack;
    stricter += result.agrees && result.stricter;
    const kind = c.mutation.split(" ")[0];
    const tally = byMutation.get(kind) ?? { cases: 0, joseValid: 0, agree: 0 };
    tally.cases++;
    tally.joseValid += c.jose.verdict === "valid";
    tally.agree += result.agrees;
    byMutation.set(kind, tally);
    if (!result.agrees) failures.push({ ...c, ours: result.ourVerdict });
  }
  console.log(`differential vs jose ${jose.cryptoRuntime ?? ""}: ${cases.length} cases, seed ${o.seed}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log("mutation      cases  jose-valid  agree");
  for (const [kind, t] of [...byMutation].sort()) {
    console.log(`${kind.padEnd(12)} ${String(t.cases).padStart(6)} ${String(t.joseValid).padStart(11)} ${String(t.agree).padStart(6)}`);
  }
  const bySerialization = (form) => cases.filter((c) => c.serialization === form).length;
  console.log(`serializations: compact ${bySerialization("compact")}, JWS JSON flattened ${bySerialization("flattened")}, general ${bySerialization("general")}`);
  console.log(`finder read back the exact token in ${readBack} of ${cases.length} cases`);
  console.log(`jose accepted and we matched but refused by RFC rule (padding, non-canonical bits, short HMAC secret): ${stricter}`);
  if (failures.length) {
    writeFileSync(o.failures, failures.map((f) => JSON.stringify(f)).join("\n") + "\n");
    for (const f of failures.slice(0, 15)) {
      console.log(`DISAGREE #${f.id} ${f.alg} ${f.mutation} ${f.serialization} [${f.key_form}]: jose ${f.jose.verdict} (${f.jose.why ?? ""}), ours ${f.ours}\n  ${f.token}`);
    }
    console.log(`${failures.length} disagreement(s); all written to ${o.failures}`);
    process.exit(1);
  }
  console.log("every verdict agrees");
}

await main();

// What the differential runs share: the seeded PRNG, the algorithms and
// their key types, the key pool, the awkward claim words, the options and
// the one way to run jwt-inspect over JSON lines.
// differential.mjs: jose signs, we verify; reverse.mjs: we sign, jose
// (or node:crypto, for ES256K) verifies; jwe.mjs: jose encrypts, we decrypt.

import { spawn } from "node:child_process";
import * as nodeCrypto from "node:crypto";
import { existsSync } from "node:fs";
import { resolve, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository, for the default `jwt-inspect` path. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** A run's options: `--cases N`, `--seed S`, `--cli PATH`, and any other
 *  flag `defaults` names (a number, or a path such as `failures`). */
export function options(argv, defaults) {
  const o = { cli: join(ROOT, "target/debug/jwt-inspect"), ...defaults };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    const name = flag.replace(/^--/, "");
    if (!flag.startsWith("--") || !(name in o) || value === undefined) throw new Error(`unknown argument ${flag}`);
    o[name] = typeof o[name] === "number" ? Number(value) : resolve(value);
  }
  if (!Number.isInteger(o.cases) || o.cases < 1) throw new Error("--cases takes a positive whole number");
  if (!existsSync(o.cli)) throw new Error(`no jwt-inspect at ${o.cli}: run cargo build --bin jwt-inspect, or pass --cli`);
  return o;
}

/** Runs `cli args` once, one JSON line per item on stdin, and resolves
 *  with its answers (one JSON line each) by their `id`. */
export function runLines(cli, args, items) {
  return new Promise((done, reject) => {
    const child = spawn(cli, args, { stdio: ["pipe", "pipe", "inherit"] });
    const chunks = [];
    child.stdout.on("data", (chunk) => chunks.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`jwt-inspect ${args.join(" ")} exited with ${code}`));
      const answers = new Map();
      for (const line of Buffer.concat(chunks).toString("utf8").split("\n")) {
        if (!line) continue;
        const answer = JSON.parse(line);
        answers.set(answer.id, answer);
      }
      done(answers);
    });
    child.stdin.end(items.map((item) => JSON.stringify(item)).join("\n") + "\n");
  });
}

/** mulberry32: a small seeded PRNG, so a seed names one sequence of cases. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return {
    int,
    pick: (list) => list[int(list.length)],
    chance: (p) => next() < p,
    bytes: (n) => Uint8Array.from({ length: n }, () => int(256)),
  };
}

/** Every JWS algorithm jose supports, with the key type it needs. */
export const ALGORITHMS = {
  HS256: "oct", HS384: "oct", HS512: "oct",
  RS256: "rsa", RS384: "rsa", RS512: "rsa",
  PS256: "rsa", PS384: "rsa", PS512: "rsa",
  ES256: "P-256", ES384: "P-384", ES512: "P-521",
  EdDSA: "ed25519", Ed25519: "ed25519",
};

/** Two or more keys of every type, so "another key of the same type" exists
 *  (secp256k1 for the reverse run's ES256K). */
export function keyPool() {
  // Keys come out of generateKeyPairSync as PEM and are read back into
  // fresh KeyObjects. Keeping the generator's own KeyObjects hangs Node 20
  // now and then: exporting such a key (export({format: "jwk"})) holds the
  // key's mutex while allocating, a GC then finalises the finished KeyGenJob
  // that shares the key, and its destructor waits on that same mutex
  // (captured with gdb: ExportJWKRsaKey → GC → ~KeyGenJob → mutex_lock).
  const pairs = (type, options, count) =>
    Array.from({ length: count }, () => {
      const { privateKey } = nodeCrypto.generateKeyPairSync(type, {
        ...options,
        privateKeyEncoding: { type: "pkcs8", format: "pem" },
        publicKeyEncoding: { type: "spki", format: "pem" },
      });
      const key = nodeCrypto.createPrivateKey(privateKey);
      return { privateKey: key, publicKey: nodeCrypto.createPublicKey(key) };
    });
  return {
    rsa: [
      ...pairs("rsa", { modulusLength: 2048 }, 2),
      ...pairs("rsa", { modulusLength: 3072 }, 1),
    ],
    "P-256": pairs("ec", { namedCurve: "P-256" }, 2),
    "P-384": pairs("ec", { namedCurve: "P-384" }, 2),
    "P-521": pairs("ec", { namedCurve: "P-521" }, 2),
    ed25519: pairs("ed25519", {}, 2),
    secp256k1: pairs("ec", { namedCurve: "secp256k1" }, 2),
  };
}

export const WORDS = ["admin", "ops", "дата", "🔑", "a\"quote", "line\nbreak", "", "x".repeat(40)];

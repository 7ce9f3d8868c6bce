// The bulk-verification input of issue 15 §4, minted here with node:crypto
// for scripts/bench.mjs and scripts/bulk-profile.mjs: three RSA 2048 keys
// as a JWKS (kid, alg, use), and `count` RS256 tokens, each with the kid of
// the key that signed it, as Authorization header lines.

import { generateKeyPairSync, sign } from "node:crypto";

export function bulkRs256(count = 1000) {
  const pairs = [0, 1, 2].map(() => generateKeyPairSync("rsa", { modulusLength: 2048 }));
  const jwks = JSON.stringify({ keys: pairs.map((p, i) => ({ ...p.publicKey.export({ format: "jwk" }), kid: `k${i}`, alg: "RS256", use: "sig" })) });
  const enc = (o) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const text = Array.from({ length: count }, (_, n) => {
    const input = `${enc({ alg: "RS256", typ: "JWT", kid: `k${n % 3}` })}.${enc({ sub: `user-${n}`, iat: 1767225600, exp: 4102444800 })}`;
    return `Authorization: Bearer ${input}.${sign("sha256", Buffer.from(input), pairs[n % 3].privateKey).toString("base64url")}`;
  }).join("\n");
  return { jwks, text };
}

// Mints JWE tokens with npm jose for tests/jwe_report.rs, to recipients
// whose private keys are public test data:
// - ECDH-ES (+A128KW, +A256KW) to RFC 8037 Appendix A.6's X25519 key
//   (RFC 7748 §6.1's "Bob");
// - RSA-OAEP-384 and RSA-OAEP-512 (IANA-registered, not in RFC 7518's
//   examples) to RFC 7516 Appendix A.1's RSA key;
// - a Keycloak-style encrypted token (sign-then-encrypt: RSA-OAEP +
//   A128CBC-HS256, `cty: JWT`, Keycloak's defaults) around our minted
//   Keycloak access token (issuers.json "keycloak-access"), to the same key.
// Each run draws new ephemeral keys, CEKs and IVs; the output is committed.
//
// Usage: node tests/data/minted/mint_jwe.mjs > tests/data/minted/jwe.json

import { readFileSync } from "node:fs";
import * as jose from "jose";

const hex = (h) => Buffer.from(h, "hex").toString("base64url");
const bob = {
  kty: "OKP",
  crv: "X25519",
  x: "3p7bfXt9wbTTW2HC7OQ1Nz-DQ8hbeGdNrfx-FG-IK08",
  d: hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"),
  kid: "bob",
};
const a1 = JSON.parse(JSON.parse(readFileSync(new URL("../../vectors/rfc/jwe_examples.json", import.meta.url))).rfc7516_a1.jwk_json);
const plaintext = JSON.stringify({ sub: "jwe-recipient", iss: "mint_jwe.mjs", exp: 4102444800 });

async function mint(jwk, cases) {
  const tokens = [];
  for (const [alg, enc] of cases) {
    const { d, p, q, dp, dq, qi, ...publicJwk } = jwk;
    const key = await jose.importJWK(publicJwk, alg);
    const compact = await new jose.CompactEncrypt(new TextEncoder().encode(plaintext))
      .setProtectedHeader({ alg, enc, ...(jwk.kid ? { kid: jwk.kid } : {}) })
      .encrypt(key);
    tokens.push({ alg, enc, compact });
  }
  return tokens;
}

const issuers = JSON.parse(readFileSync(new URL("./issuers.json", import.meta.url))).examples;
const inner = issuers.find((e) => e.id === "keycloak-access");
const nested = await new jose.CompactEncrypt(new TextEncoder().encode(inner.token))
  .setProtectedHeader({ alg: "RSA-OAEP", enc: "A128CBC-HS256", cty: "JWT", kid: "enc-key" })
  .encrypt(await jose.importJWK((({ d, p, q, dp, dq, qi, ...pub }) => pub)(a1), "RSA-OAEP"));

const version = JSON.parse(readFileSync(new URL("../../../node_modules/jose/package.json", import.meta.url))).version;
console.log(JSON.stringify({
  _meta: { made_by: `node tests/data/minted/mint_jwe.mjs (npm jose ${version})` },
  plaintext,
  x25519: {
    recipient: "RFC 8037 Appendix A.6 / RFC 7748 §6.1 Bob's X25519 key",
    key: bob,
    tokens: await mint(bob, [["ECDH-ES", "A256GCM"], ["ECDH-ES+A128KW", "A128GCM"], ["ECDH-ES+A256KW", "A256CBC-HS512"]]),
  },
  keycloak_nested: {
    recipient: "RFC 7516 Appendix A.1's RSA key",
    inner: "issuers.json keycloak-access (verifies with its `key`)",
    compact: nested,
  },
  rsa_oaep: {
    recipient: "RFC 7516 Appendix A.1's RSA key (tests/vectors/rfc/jwe_examples.json rfc7516_a1.jwk_json)",
    tokens: await mint(a1, [["RSA-OAEP-384", "A192GCM"], ["RSA-OAEP-512", "A256GCM"]]),
  },
}, null, 2));

// Mints JWE tokens encrypted to an X25519 key with npm jose, for
// tests/jwe_report.rs: the recipient is RFC 8037 Appendix A.6's (the
// RFC 7748 §6.1 "Bob" key), so the private key is public test data.
// Each run draws a new ephemeral key and IV; the output is committed.
//
// Usage: node tests/data/minted/mint_jwe_x25519.mjs > tests/data/minted/jwe_x25519.json

import * as jose from "jose";

const hex = (h) => Buffer.from(h, "hex").toString("base64url");
const bob = {
  kty: "OKP",
  crv: "X25519",
  x: "3p7bfXt9wbTTW2HC7OQ1Nz-DQ8hbeGdNrfx-FG-IK08",
  d: hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"),
};
const publicKey = await jose.importJWK({ kty: bob.kty, crv: bob.crv, x: bob.x }, "ECDH-ES");
const plaintext = JSON.stringify({ sub: "x25519-recipient", iss: "mint_jwe_x25519.mjs", exp: 4102444800 });
const tokens = [];
for (const [alg, enc] of [["ECDH-ES", "A256GCM"], ["ECDH-ES+A128KW", "A128GCM"], ["ECDH-ES+A256KW", "A256CBC-HS512"]]) {
  const token = await new jose.CompactEncrypt(new TextEncoder().encode(plaintext))
    .setProtectedHeader({ alg, enc, kid: "bob" })
    .encrypt(publicKey);
  tokens.push({ alg, enc, compact: token });
}
console.log(JSON.stringify({
  _meta: {
    made_by: "node tests/data/minted/mint_jwe_x25519.mjs (npm jose " + (await import("jose/package.json", { with: { type: "json" } }).catch(() => ({ default: { version: "?" } }))).default.version + ")",
    recipient: "RFC 8037 Appendix A.6 / RFC 7748 §6.1 Bob's X25519 key",
  },
  key: { ...bob, kid: "bob" },
  plaintext,
  tokens,
}, null, 2));

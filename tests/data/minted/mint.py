#!/usr/bin/env python3
"""Mints one token per recognised issuer shape, with keys generated here.

Run from anywhere:  python3 tests/data/minted/mint.py
Needs only Python 3 and the openssl command line (3.x). Keys are created
once in keys/ (test keys: never use them for anything real) and reused;
every run rewrites tokens.json. ECDSA signatures are randomised, so tokens
signed with EC keys change on each run — the tests check their structure
and that they verify, not their bytes.

tokens.json is read by the native tests and embedded in the page as the
"Try an example" menu (src/ui/examples.rs).
"""

import base64
import hashlib
import hmac
import json
import os
import subprocess
import struct
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
KEYS = os.path.join(HERE, "keys")

ISSUED = 1767225600  # 2026-01-01T00:00:00Z
FAR = 4102444800  # 2100-01-01T00:00:00Z: examples stay valid for the demo


def sh(*args, data=None):
    return subprocess.run(args, input=data, capture_output=True, check=True).stdout


def b64u(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def key_path(name):
    return os.path.join(KEYS, name + ".key")


def ensure_key(name, kind):
    path = key_path(name)
    if os.path.exists(path):
        return
    os.makedirs(KEYS, exist_ok=True)
    if kind == "rsa":
        sh("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", path)
    elif kind == "ec":
        sh("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", path)
    else:
        raise ValueError(kind)


def public_pem(name):
    return sh("openssl", "pkey", "-in", key_path(name), "-pubout").decode()


def spki_der(name):
    return sh("openssl", "pkey", "-in", key_path(name), "-pubout", "-outform", "DER")


def der_items(der, offset=0):
    """Minimal DER walker: yields (tag, value, next_offset) at one level."""
    while offset < len(der):
        tag = der[offset]
        length = der[offset + 1]
        start = offset + 2
        if length & 0x80:
            n = length & 0x7F
            length = int.from_bytes(der[start:start + n], "big")
            start += n
        yield tag, der[start:start + length]
        offset = start + length


def jwk(name, kid=None):
    der = spki_der(name)
    (_, spki), = list(der_items(der))
    (_, algorithm), (_, bits) = list(der_items(spki))
    key = bits[1:]  # skip the unused-bits byte
    if b"\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01" in algorithm:
        (_, seq), = list(der_items(key))
        (_, n), (_, e) = list(der_items(seq))
        out = {"kty": "RSA", "n": b64u(n.lstrip(b"\x00")), "e": b64u(e)}
    else:
        out = {"kty": "EC", "crv": "P-256", "x": b64u(key[1:33]), "y": b64u(key[33:65])}
    if kid:
        out["kid"] = kid
    return out


def libtrust_kid(name):
    digest = hashlib.sha256(spki_der(name)).digest()[:30]
    text = base64.b32encode(digest).decode().rstrip("=")
    return ":".join(text[i:i + 4] for i in range(0, len(text), 4))


def sign(name, alg, data):
    with tempfile.NamedTemporaryFile() as f:
        f.write(data)
        f.flush()
        der = sh("openssl", "dgst", "-sha256", "-sign", key_path(name), f.name)
    if alg == "RS256":
        return der
    (_, seq), = list(der_items(der))
    (_, r), (_, s) = list(der_items(seq))
    return r.lstrip(b"\x00").rjust(32, b"\x00") + s.lstrip(b"\x00").rjust(32, b"\x00")


def jwt(header, payload, key, alg):
    signing_input = b64u(json.dumps(header, separators=(",", ":")).encode()) + "." + b64u(
        json.dumps(payload, separators=(",", ":")).encode())
    return signing_input + "." + b64u(sign(key, alg, signing_input.encode()))


def certificate(name, subject):
    path = os.path.join(KEYS, name + ".crt")
    if not os.path.exists(path):
        sh("openssl", "req", "-x509", "-new", "-key", key_path(name), "-subj", subject, "-days", "27000",
           "-sha256", "-out", path)
    with open(path) as f:
        return f.read()


def keystone_pki(name, token_json):
    cert = certificate(name, "/O=Example/OU=Keystone/CN=keystone-signing")
    with tempfile.NamedTemporaryFile() as content:
        content.write(json.dumps(token_json).encode())
        content.flush()
        der = sh("openssl", "cms", "-sign", "-in", content.name, "-nodetach", "-nocerts", "-noattr", "-nosmimecap",
                 "-md", "sha256", "-binary", "-outform", "DER", "-signer", os.path.join(KEYS, name + ".crt"),
                 "-inkey", key_path(name))
    return base64.b64encode(der).decode().replace("/", "-"), cert


def fernet(payload):
    """A Fernet token (github.com/fernet/spec) under a throwaway key."""
    signing_key, encryption_key, iv = bytes(range(16)), bytes(range(16, 32)), bytes(range(32, 48))
    ciphertext = sh("openssl", "enc", "-aes-128-cbc", "-K", encryption_key.hex(), "-iv", iv.hex(), data=payload)
    body = b"\x80" + struct.pack(">Q", ISSUED) + iv + ciphertext
    return base64.urlsafe_b64encode(body + hmac.new(signing_key, body, hashlib.sha256).digest()).decode()


def main():
    for name, kind in [("dcos-iam", "rsa"), ("dcos-service", "rsa"), ("registry", "ec"), ("auth0", "rsa"),
                       ("keystone-jws", "ec"), ("keystone-pki", "rsa")]:
        ensure_key(name, kind)

    iam_kid = hashlib.sha256(spki_der("dcos-iam")).hexdigest()
    auth0_kid = b64u(hashlib.sha256(spki_der("auth0")).digest()[:16])
    registry_kid = libtrust_kid("registry")
    registry_token = jwt({"typ": "JWT", "alg": "ES256", "kid": registry_kid}, {
        "iss": "registry-token-issuer", "sub": "deployer", "aud": "registry.example.com", "exp": FAR,
        "nbf": ISSUED, "iat": ISSUED, "jti": "r3gIstRyT0k3n1d",
        "access": [{"type": "repository", "name": "team/web", "actions": ["pull", "push"]},
                   {"type": "repository", "name": "library/alpine", "actions": ["pull"]}]}, "registry", "ES256")
    pki_token, pki_cert = keystone_pki("keystone-pki", {"token": {
        "methods": ["password"], "expires_at": "2100-01-01T00:00:00.000000Z", "issued_at": "2026-01-01T00:00:00.000000Z",
        "user": {"id": "u-1", "name": "alice", "domain": {"id": "default", "name": "Default"}},
        "project": {"id": "p-1", "name": "web", "domain": {"id": "default", "name": "Default"}},
        "roles": [{"id": "r-1", "name": "member"}, {"id": "r-2", "name": "reader"}],
        "catalog": [{"type": "identity", "name": "keystone", "endpoints": [{"url": "https://keystone.example:5000/v3", "interface": "public"}]},
                    {"type": "compute", "name": "nova", "endpoints": [{"url": "https://nova.example:8774/v2.1", "interface": "public"}]}]}})

    examples = [
        {
            "id": "dcos", "title": "DC/OS IAM login token", "vendor": "dcos",
            "paste": "curl -H \"Authorization: token=" + jwt({"alg": "RS256", "typ": "JWT", "kid": iam_kid},
                                                             {"uid": "alice", "exp": FAR}, "dcos-iam", "RS256")
                     + "\" https://master.mesos/acs/api/v1/users",
            "key": json.dumps({"keys": [dict(jwk("dcos-iam", iam_kid), use="sig", alg="RS256")]}, indent=1),
        },
        {
            "id": "dcos-service", "title": "DC/OS service login token (service account key)", "vendor": "dcos",
            "paste": jwt({"alg": "RS256", "typ": "JWT"}, {"uid": "svc-deployer", "exp": FAR}, "dcos-service", "RS256"),
            "key": public_pem("dcos-service"),
        },
        {
            "id": "docker-registry", "title": "Docker registry token (token endpoint reply)", "vendor": "docker-registry",
            "paste": json.dumps({"token": registry_token, "access_token": registry_token, "expires_in": 300,
                                 "issued_at": "2026-01-01T00:00:00Z"}),
            "key": certificate("registry", "/O=Example/CN=registry-token-issuer"),
        },
        {
            "id": "auth0", "title": "Auth0 ID token (Dataloop login response)", "vendor": "auth0",
            "paste": json.dumps({"access_token": "vB7rX2mQ9kLp4sT8wZ1nC6yF3hJ5dG0a", "id_token": jwt(
                {"alg": "RS256", "typ": "JWT", "kid": auth0_kid},
                {"name": "Alice Example", "nickname": "alice", "email": "alice@example.com", "email_verified": True,
                 "iss": "https://dataloop-production.auth0.com/", "sub": "google-oauth2|101916523885779176498",
                 "aud": "I44w8ExampleClientId", "iat": ISSUED, "exp": FAR, "nonce": "n-0S6_WzA2Mj"},
                "auth0", "RS256"), "refresh_token": "v1.MRrT9x8Q2k3Lp0aZcYbWexample", "token_type": "Bearer",
                "expires_in": 86400}, indent=1),
            "key": json.dumps({"keys": [dict(jwk("auth0", auth0_kid), use="sig", alg="RS256")]}, indent=1),
        },
        {
            "id": "keystone-jws", "title": "OpenStack Keystone JWS token", "vendor": "keystone-jws",
            "paste": "X-Subject-Token: " + jwt({"alg": "ES256", "typ": "JWT"}, {
                "sub": "u-1", "iat": ISSUED, "exp": FAR, "openstack_methods": ["password"],
                "openstack_audit_ids": ["Xa1b2c3d4e5f6g7h8i9j0k"], "openstack_project_id": "p-1"},
                "keystone-jws", "ES256"),
            "key": public_pem("keystone-jws"),
        },
        {
            "id": "keystone-pki", "title": "OpenStack Keystone PKI token (CMS)", "vendor": "keystone",
            "paste": "X-Auth-Token: " + pki_token,
            "key": pki_cert,
        },
        {
            "id": "keystone-fernet", "title": "OpenStack Keystone Fernet token", "vendor": "keystone",
            "paste": json.dumps({"access_token": fernet(b"u-1|p-1|password"), "expires_in": 3600,
                                 "token_type": "Bearer"}),
            "key": "",
        },
    ]
    with open(os.path.join(HERE, "tokens.json"), "w") as f:
        json.dump({"generated_by": "tests/data/minted/mint.py", "examples": examples}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()

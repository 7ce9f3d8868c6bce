#!/usr/bin/env python3
"""Mints one token (or two, where the issuer has two shapes) per platform
issuer the inspector recognises, in the shape each issuer's documentation
describes, with test keys generated here (never use them for anything real).

Run from anywhere:  python3 tests/data/minted/mint_issuers.py
Needs Python 3 and openssl 3.x, like mint.py, whose helpers it uses. Writes
issuers.json: {"examples": [{id, vendor, token, key}]} with the public key
(PEM, or the HMAC secret as text) each token verifies with. ECDSA
signatures are randomised, so ES256 tokens change on each run.

Read by tests/issuer_matrix.rs (recognised as exactly its issuer) and
tests/issuer_verdicts.rs (verifies with its key). Not embedded in the page.
"""

import base64
import hashlib
import hmac
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mint  # noqa: E402  (the helpers: keys, jwt, public_pem)

I = mint.ISSUED
EXP = mint.FAR
RSA, EC = "issuers-rsa", "issuers-ec"
KEYCLOAK_SECRET = "minted-keycloak-realm-hmac-secret-of-32-bytes!"


def hs256(header, payload, secret):
    signing_input = mint.b64u(json.dumps(header, separators=(",", ":")).encode()) + "." + mint.b64u(
        json.dumps(payload, separators=(",", ":")).encode())
    mac = hmac.new(secret.encode(), signing_input.encode(), hashlib.sha256).digest()
    return signing_input + "." + mint.b64u(mac)


def main():
    mint.ensure_key(RSA, "rsa")
    mint.ensure_key(EC, "ec")
    kid = mint.b64u(hashlib.sha256(mint.spki_der(RSA)).digest()[:16])
    ec_kid = mint.b64u(hashlib.sha256(mint.spki_der(EC)).digest()[:8])
    rsa = lambda payload, **header: mint.jwt(dict({"alg": "RS256", "typ": "JWT", "kid": kid}, **header), payload, RSA, "RS256")  # noqa: E731
    rsa_pem, ec_pem = mint.public_pem(RSA), mint.public_pem(EC)
    realm = "https://sso.example.org/realms/ops"
    tenant = "7f3c1c2e-5d4a-4c8e-9a51-2b6f0e1d9c44"
    examples = [
        ("kubernetes-legacy", "kubernetes", rsa({
            "iss": "kubernetes/serviceaccount", "kubernetes.io/serviceaccount/namespace": "ci",
            "kubernetes.io/serviceaccount/secret.name": "deployer-token-x7k2p",
            "kubernetes.io/serviceaccount/service-account.name": "deployer",
            "kubernetes.io/serviceaccount/service-account.uid": "0f9a8b7c-6d5e-4f3a-2b1c-0d9e8f7a6b5c",
            "sub": "system:serviceaccount:ci:deployer"}), rsa_pem),
        ("kubernetes-projected", "kubernetes", rsa({
            "aud": ["https://kubernetes.default.svc.cluster.local"], "exp": EXP, "iat": I, "nbf": I,
            "iss": "https://kubernetes.default.svc.cluster.local", "jti": "5d1c0a9e-8b7f-4e6d-a5c4-3b2a19f8e7d6",
            "kubernetes.io": {"namespace": "ci", "node": {"name": "node-1", "uid": "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"},
                              "pod": {"name": "runner-7d9f", "uid": "b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e"},
                              "serviceaccount": {"name": "deployer", "uid": "0f9a8b7c-6d5e-4f3a-2b1c-0d9e8f7a6b5c"},
                              "warnafter": I + 3607},
            "sub": "system:serviceaccount:ci:deployer"}), rsa_pem),
        ("keycloak-access", "keycloak", rsa({
            "exp": EXP, "iat": I, "jti": "onrtac:3c1f2e4d-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "iss": realm,
            "aud": "account", "sub": "f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9", "typ": "Bearer", "azp": "console",
            "sid": "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d", "acr": "1", "allowed-origins": ["https://console.example.org"],
            "realm_access": {"roles": ["offline_access", "uma_authorization", "default-roles-ops"]},
            "resource_access": {"account": {"roles": ["manage-account", "view-profile"]}},
            "scope": "openid profile email", "email_verified": True, "preferred_username": "alice"}), rsa_pem),
        ("keycloak-refresh", "keycloak", hs256({"alg": "HS256", "typ": "JWT", "kid": "c0ffee00-1234-4abc-9def-0123456789ab"}, {
            "exp": EXP, "iat": I, "jti": "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e", "iss": realm, "aud": realm,
            "sub": "f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9", "typ": "Refresh", "azp": "console",
            "sid": "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d", "scope": "openid profile email"}, KEYCLOAK_SECRET),
         KEYCLOAK_SECRET),
        ("entra-id-v1", "entra-id", rsa({
            "aud": "api://inventory", "iss": f"https://sts.windows.net/{tenant}/", "iat": I, "nbf": I, "exp": EXP,
            "aio": "E2ZgYEjxminted", "appid": "3e1d2c4b-5a69-4788-9a0b-1c2d3e4f5a6b", "appidacr": "1",
            "idp": f"https://sts.windows.net/{tenant}/", "oid": "6b5a4f3e-2d1c-4b0a-9f8e-7d6c5b4a3f2e",
            "rh": "0.minted.", "roles": ["Inventory.Read.All"], "sub": "6b5a4f3e-2d1c-4b0a-9f8e-7d6c5b4a3f2e",
            "tid": tenant, "uti": "mintedUti1", "ver": "1.0"}, x5t=kid), rsa_pem),
        ("entra-id-v2", "entra-id", rsa({
            "aud": "3e1d2c4b-5a69-4788-9a0b-1c2d3e4f5a6b", "iss": f"https://login.microsoftonline.com/{tenant}/v2.0",
            "iat": I, "nbf": I, "exp": EXP, "azp": "8c7b6a5f-4e3d-4c2b-9a1f-0e9d8c7b6a5f", "azpacr": "0",
            "name": "Alice Example", "oid": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "preferred_username": "alice@example.org",
            "rh": "0.minted.", "scp": "access_as_user", "sub": "mintedSubjectPairwise", "tid": tenant,
            "uti": "mintedUti2", "ver": "2.0", "idtyp": "user"}), rsa_pem),
        ("google-id", "google", rsa({
            "iss": "https://accounts.google.com", "azp": "1234567890-abc.apps.googleusercontent.com",
            "aud": "1234567890-abc.apps.googleusercontent.com", "sub": "110169484474386276334", "hd": "example.org",
            "email": "alice@example.org", "email_verified": True, "at_hash": "HK6E_P6Dh8Y93mRNtsDB1Q",
            "iat": I, "exp": EXP}), rsa_pem),
        ("google-iap", "google", mint.jwt({"alg": "ES256", "typ": "JWT", "kid": ec_kid}, {
            "aud": "/projects/123456789012/global/backendServices/987654321098765432", "azp": "/projects/123456789012/global/backendServices/987654321098765432",
            "email": "alice@example.org", "exp": EXP, "hd": "example.org", "iat": I, "iss": "https://cloud.google.com/iap",
            "sub": "accounts.google.com:110169484474386276334",
            "google": {"access_levels": ["accessPolicies/1234/accessLevels/corp"]}}, EC, "ES256"), ec_pem),
        ("google-firebase", "google", rsa({
            "iss": "https://securetoken.google.com/minted-project", "aud": "minted-project", "auth_time": I,
            "user_id": "mintedUid1", "sub": "mintedUid1", "iat": I, "exp": EXP, "email": "alice@example.org",
            "email_verified": True, "firebase": {"identities": {"email": ["alice@example.org"]}, "sign_in_provider": "password"}}),
         rsa_pem),
        ("aws-cognito-access", "aws-cognito", rsa({
            "sub": "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", "cognito:groups": ["admin"],
            "iss": "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Minted123", "version": 2,
            "client_id": "3n4b5urk1ft4fl3mg5e62d9ado", "origin_jti": "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
            "token_use": "access", "scope": "aws.cognito.signin.user.admin", "auth_time": I, "exp": EXP, "iat": I,
            "jti": "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f", "username": "alice"}), rsa_pem),
        ("github-actions", "github-actions", rsa({
            "jti": "3d4e5f6a-7b8c-4d9e-0f1a-2b3c4d5e6f7a", "sub": "repo:example-org/deployer:environment:production",
            "environment": "production", "aud": "sts.amazonaws.com", "ref": "refs/heads/main",
            "sha": "4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f", "repository": "example-org/deployer",
            "repository_owner": "example-org", "repository_owner_id": "1234567", "repository_id": "7654321",
            "repository_visibility": "private", "run_id": "9876543210", "run_number": "42", "run_attempt": "1",
            "runner_environment": "github-hosted", "actor": "alice", "actor_id": "112233", "workflow": "deploy",
            "workflow_ref": "example-org/deployer/.github/workflows/deploy.yml@refs/heads/main",
            "job_workflow_ref": "example-org/deployer/.github/workflows/deploy.yml@refs/heads/main",
            "head_ref": "", "base_ref": "", "event_name": "push", "ref_type": "branch", "ref_protected": "true",
            "iss": "https://token.actions.githubusercontent.com", "nbf": I, "exp": EXP, "iat": I}, x5t=kid), rsa_pem),
        ("gitlab-ci", "gitlab-ci", rsa({
            "namespace_id": "72", "namespace_path": "platform", "project_id": "20", "project_path": "platform/deployer",
            "user_id": "5", "user_login": "alice", "user_email": "alice@example.org", "user_access_level": "maintainer",
            "pipeline_id": "574", "pipeline_source": "push", "job_id": "302", "ref": "main", "ref_type": "branch",
            "ref_path": "refs/heads/main", "ref_protected": "true", "runner_id": 1, "runner_environment": "self-hosted",
            "sha": "714a629c0b401fdce83e847fc9589983fc6f46bc", "project_visibility": "private",
            "ci_config_ref_uri": "gitlab.example.org/platform/deployer//.gitlab-ci.yml@refs/heads/main",
            "ci_config_sha": "714a629c0b401fdce83e847fc9589983fc6f46bc", "jti": "4e5f6a7b-8c9d-4e0f-1a2b-3c4d5e6f7a8b",
            "iss": "https://gitlab.example.org", "iat": I, "nbf": I, "exp": EXP,
            "sub": "project_path:platform/deployer:ref_type:branch:ref:main", "aud": "https://vault.example.org"}), rsa_pem),
        ("vault", "vault", rsa({
            "aud": "P6CfCzyHsQY4pMcA6kWAOCItA7", "exp": EXP, "iat": I, "iss": "https://vault.example.org:8200/v1/identity/oidc",
            "namespace": "root", "sub": "b4a5c6d7-e8f9-4a0b-9c1d-2e3f4a5b6c7d"}), rsa_pem),
        ("okta-access", "okta", rsa({
            "ver": 1, "jti": "AT.mintedOktaAccessTokenIdentifier01", "iss": "https://example.okta.com/oauth2/default",
            "aud": "api://default", "iat": I, "exp": EXP, "cid": "0oaMintedClientId01", "uid": "00uMintedUserId001",
            "scp": ["openid", "profile"], "auth_time": I, "sub": "alice@example.org"}), rsa_pem),
        ("spiffe", "spiffe", mint.jwt({"alg": "ES256", "typ": "JWT", "kid": ec_kid}, {
            "aud": ["spiffe://example.org/inventory"], "exp": EXP, "iat": I,
            "sub": "spiffe://example.org/ns/ci/sa/deployer"}, EC, "ES256"), ec_pem),
        ("dex", "dex", rsa({
            "iss": "https://dex.example.org/dex", "sub": "CgVhbGljZRIFbG9jYWw", "aud": "kubernetes", "exp": EXP, "iat": I,
            "nonce": "n-0S6_WzA2Mj", "at_hash": "x5Bi3nVvAFiTLMtAEMSO1Q", "email": "alice@example.org",
            "email_verified": True, "name": "alice", "federated_claims": {"connector_id": "local", "user_id": "alice"}}), rsa_pem),
        ("kubernetes-istio-ca", "kubernetes", rsa({
            "aud": ["istio-ca"], "exp": EXP, "iat": I, "iss": "https://kubernetes.default.svc.cluster.local",
            "kubernetes.io": {"namespace": "shop", "pod": {"name": "cart-6d8f", "uid": "c3d4e5f6-a7b8-4c9d-0e1f-2a3b4c5d6e7f"},
                              "serviceaccount": {"name": "cart", "uid": "d4e5f6a7-b8c9-4d0e-1f2a-3b4c5d6e7f8a"}},
            "nbf": I, "sub": "system:serviceaccount:shop:cart"}), rsa_pem),
        ("istio-sample", "istio", rsa({
            "iss": "testing@secure.istio.io", "sub": "testing@secure.istio.io", "exp": EXP, "iat": I,
            "groups": ["group1", "group2"], "scope": ["scope1", "scope2"]}), rsa_pem),
    ]
    out = {"generated_by": "tests/data/minted/mint_issuers.py",
           "examples": [{"id": i, "vendor": v, "token": t, "key": k} for i, v, t, k in examples]}
    with open(os.path.join(mint.HERE, "issuers.json"), "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()

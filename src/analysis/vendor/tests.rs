use super::*;
use crate::analysis::keys::KeySet;
use serde_json::json;

/// A source of `kind`, found in the header or field `field`.
fn sent(kind: SourceKind, field: Option<&str>) -> Source {
    Source {
        kind,
        description: String::new(),
        line: 1,
        field: field.map(str::to_string),
        context: Map::new(),
        notes: Vec::new(),
    }
}

fn recognise_with(
    header: Value,
    payload: Value,
    source: Source,
    reply: Value,
    keys: &KeySet,
) -> VendorReport {
    let empty = Map::new();
    recognise(&Input {
        kind: TokenKind::Jws,
        token: "TOKEN",
        header: header.as_object(),
        payload: payload.as_object(),
        reply: reply.as_object().unwrap_or(&empty),
        sent_as: Some(&source),
        keystone: None,
        keys: &keys
            .keys
            .iter()
            .map(crate::analysis::keys::Key::report)
            .collect::<Vec<_>>(),
    })
}

fn recognise_claims(header: Value, payload: Value) -> VendorReport {
    recognise_with(
        header,
        payload,
        sent(SourceKind::Bare, None),
        json!({}),
        &KeySet::default(),
    )
}

#[test]
fn dcos_iam_token_with_jwks_kid_is_an_authentication_token() {
    let r = recognise_claims(
        json!({"alg":"RS256","kid":"55fb61042768f62ea3b06778c6043f7c8c92769a0c248076a2995dfd50c4acb9"}),
        json!({"uid":"peter","exp":1}),
    );
    assert_eq!(
        (r.id.map(|v| v.as_str()), r.confidence.map(|v| v.as_str())),
        (Some("dcos"), Some("high"))
    );
    assert_eq!(
        r.token_type.as_deref(),
        Some("DC/OS authentication token (issued by the IAM)")
    );
    assert_eq!(
        r.how_to_send.unwrap().curl,
        "curl -H \"Authorization: token=TOKEN\" https://<master>/acs/api/v1/users"
    );
}

#[test]
fn dcos_token_sent_as_bearer_gets_a_note() {
    let r = recognise_with(
        json!({"alg":"RS256"}),
        json!({"uid":"svc","exp":1}),
        sent(SourceKind::AuthorizationBearer, Some("Authorization")),
        json!({}),
        &KeySet::default(),
    );
    assert!(
        r.notes.iter().any(|n| n.contains("DC/OS refuses")),
        "{:?}",
        r.notes
    );
    assert!(r.token_type.unwrap().contains("service login token"));
}

#[test]
fn registry_token_gets_an_access_table_and_compares_kid_with_keys() {
    let keys = KeySet::parse(
        r#"{"kty":"EC","crv":"P-256","x":"m7zUpx3b-zmVE5cymSs64POG9QcyEpJaYCD82-549_Q","y":"dU3biz8sZ_8GPB-odm8Wxz3lNDr1xcAQQPQaOcr1fmc"}"#,
    );
    let r = recognise_with(
        json!({"alg":"ES256","kid":"PYYO:TEWU:V7JH:26JV:AQTZ:LJC3:SXVJ:XGHA:34F2:2LAQ:ZRMK:Z7Q6"}),
        json!({"iss":"auth.docker.com","sub":"jlhawn","aud":"registry.docker.com","exp":1,"jti":"x","access":[{"type":"repository","name":"a/b","actions":["pull","push"]},{"type":"registry","name":"catalog","actions":["*"]},{"type":"repository","name":"c","actions":[]}]}),
        sent(SourceKind::Bare, None),
        json!({}),
        &keys,
    );
    assert_eq!(
        (r.id.map(|v| v.as_str()), r.confidence.map(|v| v.as_str())),
        (Some("docker-registry"), Some("high"))
    );
    let meanings: Vec<&str> = r
        .access
        .as_ref()
        .unwrap()
        .iter()
        .map(|a| a.meaning.as_str())
        .collect();
    assert_eq!(
        meanings,
        [
            "pull and push",
            "all actions (*)",
            "nothing (no actions granted)"
        ]
    );
    assert!(
        r.notes[0].contains("libtrust key ID of JWK"),
        "{:?}",
        r.notes
    );
    assert_eq!(
        r.token_type.as_deref(),
        Some("registry bearer token for \"jlhawn\"")
    );
}

#[test]
fn auth0_machine_to_machine_access_token() {
    let r = recognise_claims(
        json!({"alg":"RS256","kid":"k"}),
        json!({"iss":"https://acme.eu.auth0.com/","sub":"AbC123@clients","aud":"https://api.acme.example","gty":"client-credentials","azp":"AbC123","exp":2,"iat":1}),
    );
    assert_eq!(
        (r.id.map(|v| v.as_str()), r.confidence.map(|v| v.as_str())),
        (Some("auth0"), Some("high"))
    );
    assert_eq!(r.token_type.as_deref(), Some("Auth0 access token"));
    assert_eq!(r.name.as_deref(), Some("Auth0 (tenant acme)"));
    assert!(
        r.keys_at
            .unwrap()
            .starts_with("https://acme.eu.auth0.com/.well-known/jwks.json")
    );
}

#[test]
fn auth0_custom_domain_is_recognised_by_claim_shape() {
    let r = recognise_claims(
        json!({"alg":"RS256"}),
        json!({"iss":"https://login.acme.example/","sub":"github|42","aud":["https://api.acme.example","https://login.acme.example/userinfo"],"azp":"x","scope":"openid","permissions":["read"]}),
    );
    assert_eq!(r.id.map(|v| v.as_str()), Some("auth0"));
    assert_eq!(
        r.name.as_deref(),
        Some("Auth0 (custom domain login.acme.example)")
    );
}

#[test]
fn google_tokens_are_google_and_generic_oidc_tokens_are_no_one() {
    let r = recognise_claims(
        json!({"alg":"RS256"}),
        json!({"iss":"https://accounts.google.com","sub":"1029384756","aud":"client.apps.googleusercontent.com","email":"a@b.c"}),
    );
    assert_eq!(r.id.map(|v| v.as_str()), Some("google"), "{:?}", r.evidence);
    let r = recognise_claims(
        json!({"alg":"HS256"}),
        json!({"sub":"1234567890","name":"John Doe","iat":1516239022}),
    );
    assert_eq!(r.id.map(|v| v.as_str()), None);
}

#[test]
fn keystone_jws_claims_are_recognised() {
    let r = recognise_claims(
        json!({"alg":"ES256","typ":"JWT"}),
        json!({"sub":"u1","iat":1,"exp":2,"openstack_methods":["password"],"openstack_audit_ids":["a"],"openstack_project_id":"p1"}),
    );
    assert_eq!(
        (r.id.map(|v| v.as_str()), r.confidence.map(|v| v.as_str())),
        (Some("keystone-jws"), Some("high"))
    );
    assert_eq!(r.how_to_send.unwrap().header, "X-Auth-Token: <token>");
}

#[test]
fn lifetimes_read_naturally() {
    assert_eq!(lifetime_text(86_400), "1 d");
    assert_eq!(lifetime_text(64_800), "18 h");
    assert_eq!(lifetime_text(600), "10 min");
    assert_eq!(lifetime_text(59), "59 s");
    assert_eq!(lifetime_text(2_335_219_200), "74 years");
}

#[test]
fn keystone_evidence_comes_from_the_header_name_not_the_wording() {
    let keystone = |source: Source| {
        let empty = Map::new();
        recognise(&Input {
            kind: TokenKind::KeystoneFernet,
            token: "gAAAAA",
            header: None,
            payload: None,
            reply: &empty,
            sent_as: Some(&source),
            keystone: None,
            keys: &[],
        })
        .score
    };
    let bare = keystone(sent(SourceKind::Bare, None));
    let in_header = keystone(sent(SourceKind::Header, Some("X-Auth-Token")));
    let in_json = keystone(sent(SourceKind::JsonField, Some("headers.x-subject-token")));
    assert_eq!((in_header - bare, in_json - bare), (10, 10));
}

#[test]
fn a_dcos_scheme_counts_only_for_the_token_that_was_sent_with_it() {
    let dcos = |sent_as: Option<&Source>| {
        let empty = Map::new();
        let payload = json!({"uid":"svc","exp":1});
        recognise(&Input {
            kind: TokenKind::Jws,
            token: "TOKEN",
            header: json!({"alg":"RS256"}).as_object(),
            payload: payload.as_object(),
            reply: &empty,
            sent_as,
            keystone: None,
            keys: &[],
        })
        .score
    };
    let scheme = sent(SourceKind::AuthorizationDcosToken, Some("Authorization"));
    assert_eq!(dcos(Some(&scheme)) - dcos(None), 20);
}

#[test]
fn an_okta_access_token_with_uid_is_okta_not_dcos() {
    // The shape of Okta's access tokens (okta-mobile-kotlin's test token):
    // `uid` alone once made it DC/OS.
    let claims = json!({"ver":1,"jti":"AT.x","iss":"https://foo.preview.com/oauth2/default","aud":"api://default","cid":"0oa","uid":"00u","scp":["openid"],"sub":"a@b.c","exp":2});
    let empty = Map::new();
    let only_dcos = dcos::recognise(&Input {
        kind: TokenKind::Jws,
        token: "TOKEN",
        header: None,
        payload: claims.as_object(),
        reply: &empty,
        sent_as: None,
        keystone: None,
        keys: &[],
    });
    assert!(only_dcos.is_none());
    let r = recognise_claims(json!({"alg":"RS256","kid":"k"}), claims);
    assert_eq!(r.id.map(|v| v.as_str()), Some("okta"), "{:?}", r.evidence);
    assert_eq!(
        r.token_type.as_deref(),
        Some("Okta access token (custom authorization server)")
    );
}

#[test]
fn an_older_registry_token_with_a_scope_string_is_a_registry_token() {
    let r = recognise_claims(
        json!({"alg":"ES256","kid":"PYYO:TEWU:V7JH:26JV:AQTZ:LJC3:SXVJ:XGHA:34F2:2LAQ:ZRMK:Z7Q6"}),
        json!({"iss":"auth.docker.com","sub":"jlhawn","aud":"registry.docker.com","exp":2,"scope":"repository:samalba/my-app:pull,push"}),
    );
    assert_eq!(
        r.id.map(|v| v.as_str()),
        Some("docker-registry"),
        "{:?}",
        r.evidence
    );
    let rows = r.access.unwrap();
    assert_eq!(
        (rows[0].name.as_str(), rows[0].meaning.as_str()),
        ("samalba/my-app", "pull and push")
    );
}

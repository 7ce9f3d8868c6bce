//! The encoder's state, natively: what is sent to the worker when, and
//! what is kept when an editor breaks.

use super::*;
use crate::analysis::job::make::PublicForms;

const NOW: i64 = 1_800_000_000;

fn apply(state: &mut EncoderState, action: Action) {
    state.apply(action, NOW);
}

fn sign_jobs(state: &EncoderState) -> Vec<&SignJob> {
    state
        .outbox
        .iter()
        .filter_map(|r| match r {
            WorkerRequest::Sign(job) => Some(job),
            _ => None,
        })
        .collect()
}

fn generated_key(id: u64, kid: &str) -> KeygenAnswer {
    KeygenAnswer {
        id,
        result: Ok(GeneratedKey {
            description: "RSA 2048".into(),
            private: "-----BEGIN PRIVATE KEY-----\n…".into(),
            public: PublicForms {
                pem: Some("-----BEGIN PUBLIC KEY-----".into()),
                jwk: "{}".into(),
                jwks: "{\"keys\": []}".into(),
                kid: kid.into(),
            },
        }),
    }
}

/// Types `secret` as the key and answers the sign request it makes with
/// the token `a.b.c`.
fn sign_with_secret(state: &mut EncoderState, secret: &str) {
    apply(state, Action::Choose(KeyChoice::Secret));
    apply(state, Action::Secret(secret.into(), SecretEncoding::Text));
    let id = sign_jobs(state).last().unwrap().id;
    apply(state, Action::Sent);
    apply(
        state,
        Action::Signed(SignAnswer {
            id,
            result: Ok(SignedToken {
                token: "a.b.c".into(),
                warnings: vec![],
                public: None,
            }),
        }),
    );
}

#[test]
fn a_blank_encoder_starts_from_a_jwt_with_times_from_now() {
    let mut state = EncoderState::default();
    apply(&mut state, Action::Seed(EncoderSeed::default()));
    assert_eq!(state.alg(), Some(JwsAlg::RS256));
    let payload = encode::object(&state.payload).unwrap();
    assert_eq!(payload["iat"], NOW);
    assert_eq!(payload["exp"], NOW + 3600);
    assert!(state.outbox.is_empty(), "no key yet: nothing to sign");
    // Opening it again blank keeps what the person wrote.
    apply(&mut state, Action::EditPayload("{\"uid\": \"bob\"}".into()));
    apply(&mut state, Action::Seed(EncoderSeed::default()));
    assert_eq!(state.payload, "{\"uid\": \"bob\"}");
}

#[test]
fn generating_names_the_key_in_the_header_and_signs_with_it() {
    let mut state = EncoderState::default();
    let seed = EncoderSeed {
        header: "{\"alg\":\"PS384\",\"kid\":\"old\"}".into(),
        payload: "{\"uid\":\"alice\"}".into(),
        header_line: "Authorization: token=<token>".into(),
    };
    apply(&mut state, Action::Seed(seed));
    apply(&mut state, Action::RsaBits(3072));
    apply(&mut state, Action::Generate);
    let [WorkerRequest::Keygen(job)] = state.outbox.as_slice() else {
        panic!("one keygen request: {:?}", state.outbox);
    };
    assert_eq!((job.alg.as_str(), job.rsa_bits), ("PS384", Some(3072)));
    assert_eq!(state.generating.as_deref(), Some("an RSA 3072 key"));
    assert_eq!(
        state.header_line, "Authorization: token=<token>",
        "the issuer's way of sending it, for the refusal set"
    );
    let id = job.id;
    apply(&mut state, Action::Sent);
    // An answer to an older request is dropped.
    apply(
        &mut state,
        Action::Generated(generated_key(id - 1, "stale")),
    );
    assert!(state.generated.is_none() && state.generating.is_some());
    apply(&mut state, Action::Generated(generated_key(id, "thumb")));
    assert!(state.generating.is_none());
    assert_eq!(
        state.header, "{\n  \"alg\": \"PS384\",\n  \"kid\": \"thumb\"\n}",
        "the kid is replaced where it stood"
    );
    let [job] = sign_jobs(&state)[..] else {
        panic!("signed once with the new key");
    };
    assert!(matches!(&job.key, MakeKey::Text(text) if text.starts_with("-----BEGIN PRIVATE KEY")));
    assert_eq!(job.now, NOW);
}

#[test]
fn a_broken_editor_keeps_the_last_token_marked_stale_and_sends_nothing() {
    let mut state = EncoderState::default();
    apply(&mut state, Action::Seed(EncoderSeed::default()));
    sign_with_secret(&mut state, "s3cret");
    assert!(!state.signed_is_stale());
    apply(&mut state, Action::EditPayload("{\n  \"uid\": ".into()));
    let problem = state.payload_problem.clone().unwrap();
    assert_eq!(problem.line, 2, "{problem}");
    assert!(state.outbox.is_empty());
    assert_eq!(state.signed.as_ref().unwrap().token, "a.b.c");
    assert!(state.signed_is_stale());
    // A typed secret is not handed to the inspector.
    assert_eq!(state.inspect_request().unwrap().key, "");
}

#[test]
fn a_key_that_does_not_fit_clears_the_token_and_says_why() {
    let mut state = EncoderState::default();
    apply(&mut state, Action::Seed(EncoderSeed::default()));
    apply(&mut state, Action::Choose(KeyChoice::Paste));
    apply(
        &mut state,
        Action::Paste("-----BEGIN EC PRIVATE KEY-----".into()),
    );
    let id = sign_jobs(&state).last().unwrap().id;
    let reason = "RS256 needs an RSA private key; the key given is EC P-256".to_string();
    apply(
        &mut state,
        Action::Signed(SignAnswer {
            id,
            result: Err(reason.clone()),
        }),
    );
    assert_eq!(state.sign_error, Some(reason));
    assert!(state.signed.is_none() && !state.signing());
}

#[test]
fn time_helpers_and_templates_edit_in_place() {
    let mut state = EncoderState::default();
    apply(
        &mut state,
        Action::Seed(EncoderSeed {
            header: "{\"alg\":\"HS256\"}".into(),
            payload: "{\"uid\":\"alice\",\"exp\":1}".into(),
            ..EncoderSeed::default()
        }),
    );
    apply(
        &mut state,
        Action::SetTime {
            claim: "exp",
            offset: 3600,
        },
    );
    assert_eq!(
        state.payload,
        format!("{{\n  \"uid\": \"alice\",\n  \"exp\": {}\n}}", NOW + 3600)
    );
    apply(&mut state, Action::SetAlg(JwsAlg::ES256K));
    assert_eq!(state.alg(), Some(JwsAlg::ES256K));
    apply(&mut state, Action::Template(1));
    assert!(state.payload.contains("\"access\""), "{}", state.payload);
    assert_eq!(state.alg(), Some(JwsAlg::ES256));
}

#[test]
fn the_refusal_set_needs_a_signed_token_and_goes_with_the_header_line() {
    let mut state = EncoderState::default();
    apply(&mut state, Action::Seed(EncoderSeed::default()));
    apply(&mut state, Action::Refuse);
    assert!(state.refuse_error.is_some() && state.outbox.is_empty());
    sign_with_secret(&mut state, "k");
    apply(
        &mut state,
        Action::HeaderLine("X-Auth-Token: <token>".into()),
    );
    apply(&mut state, Action::Refuse);
    let [WorkerRequest::Refuse(job)] = state.outbox.as_slice() else {
        panic!("one refusal request");
    };
    assert_eq!(
        (job.token.as_str(), job.header_line.as_str()),
        ("a.b.c", "X-Auth-Token: <token>")
    );
    assert!(state.refusing());
}

#[test]
fn answers_that_no_longer_apply_are_dropped() {
    let mut state = EncoderState::default();
    apply(&mut state, Action::Seed(EncoderSeed::default()));
    // A key is asked for, then the person switches to a typed secret: the
    // late key neither takes over nor locks the Generate button.
    apply(&mut state, Action::Generate);
    let keygen_id = match state.outbox.as_slice() {
        [WorkerRequest::Keygen(job)] => job.id,
        other => panic!("{} requests", other.len()),
    };
    apply(&mut state, Action::Sent);
    apply(&mut state, Action::Choose(KeyChoice::Secret));
    assert!(state.generating.is_none());
    apply(
        &mut state,
        Action::Generated(generated_key(keygen_id, "late")),
    );
    assert!(state.generated.is_none());
    assert_eq!(state.choice, KeyChoice::Secret);
    assert!(!state.header.contains("late"));
    // A refusal set in flight is dropped when the token changes.
    sign_with_secret(&mut state, "k");
    apply(&mut state, Action::Refuse);
    let refuse_id = match state.outbox.as_slice() {
        [WorkerRequest::Refuse(job)] => job.id,
        other => panic!("{} requests", other.len()),
    };
    apply(&mut state, Action::Sent);
    apply(&mut state, Action::EditPayload("{\"sub\": \"bob\"}".into()));
    apply(
        &mut state,
        Action::Refused(RefuseAnswer {
            id: refuse_id,
            result: Ok(vec![]),
        }),
    );
    assert!(state.refusals.is_none() && !state.refusing());
    // A worker that fails leaves nothing waiting.
    apply(&mut state, Action::WorkerFailed("stopped".into()));
    assert!(!state.signing() && !state.refusing() && state.generating.is_none());
}

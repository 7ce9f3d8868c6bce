//! The encoder's state: the two editors, the key to sign with, and the
//! worker's latest answers. Pure, like the page's state: actions carry
//! `now`, and what must go to the worker is left in [`EncoderState::outbox`]
//! for the component to send. Nothing here is stored anywhere.

use crate::analysis::encode::{self, EditorProblem};
use crate::analysis::job::WorkerRequest;
use crate::analysis::job::make::{
    EncoderSeed, GeneratedKey, InspectRequest, KeygenAnswer, KeygenJob, MakeKey, RefusalToken,
    RefuseAnswer, RefuseJob, SignAnswer, SignJob, SignedToken,
};
use crate::analysis::vocab::{JwsAlg, SecretEncoding};
use serde_json::Value;
use std::rc::Rc;
use yew::Reducible;

/// Where the signing key comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KeyChoice {
    /// A key made in the worker for the header's `alg`.
    #[default]
    Generate,
    /// A pasted private key (PEM, JWK, JWKS) or `kty: oct` JWK.
    Paste,
    /// An HMAC secret typed in an encoding.
    Secret,
}

/// RSA modulus sizes offered when generating (RFC 7518 §3.3: ≥ 2048).
pub const RSA_BITS: [usize; 3] = [2048, 3072, 4096];

/// How the service under test takes a token, until the person says.
pub const DEFAULT_HEADER_LINE: &str = "Authorization: Bearer <token>";

/// Everything the encoder shows. No `Debug`: it holds a pasted private key
/// and a typed secret, which must never reach a log or a panic message.
#[derive(Clone, PartialEq)]
pub struct EncoderState {
    /// The header editor's text.
    pub header: String,
    /// The payload editor's text.
    pub payload: String,
    /// Where the header text stops being a JSON object.
    pub header_problem: Option<EditorProblem>,
    /// Where the payload text stops being a JSON object.
    pub payload_problem: Option<EditorProblem>,
    /// Where the key comes from.
    pub choice: KeyChoice,
    /// The pasted key text.
    pub pasted: String,
    /// The typed secret and its encoding.
    pub secret: String,
    /// How to read [`Self::secret`].
    pub encoding: SecretEncoding,
    /// RSA size for the next generated key.
    pub rsa_bits: usize,
    /// The generated key (its private part shown only on request).
    pub generated: Option<Rc<GeneratedKey>>,
    /// What is being generated, while the worker works ("RSA 4096").
    pub generating: Option<String>,
    /// Why no key was made.
    pub keygen_error: Option<String>,
    /// The last token signed from valid editors, and its key's public forms.
    pub signed: Option<Rc<SignedToken>>,
    /// Why the current texts could not be signed.
    pub sign_error: Option<String>,
    /// How the service under test takes a token.
    pub header_line: String,
    /// The refusal set for the signed token.
    pub refusals: Option<Rc<Vec<RefusalToken>>>,
    /// Why no refusal set was made.
    pub refuse_error: Option<String>,
    /// The worker could not be started or stopped answering.
    pub worker_problem: Option<String>,
    /// Requests for the worker, oldest first; the component sends them.
    pub outbox: Vec<WorkerRequest>,
    /// Answers to older requests are dropped.
    pending_sign: Option<u64>,
    pending_keygen: Option<u64>,
    pending_refuse: Option<u64>,
    next_id: u64,
}

/// What the person (or the worker) did.
#[derive(Clone, PartialEq)]
pub enum Action {
    /// Opened with these texts (both empty: keep the editors, or start
    /// from a plain JWT the first time).
    Seed(EncoderSeed),
    EditHeader(String),
    EditPayload(String),
    /// Put `alg` in the header.
    SetAlg(JwsAlg),
    /// Set a time claim to now + offset seconds.
    SetTime {
        claim: &'static str,
        offset: i64,
    },
    /// Replace both editors with the template at this index.
    Template(usize),
    Choose(KeyChoice),
    Paste(String),
    Secret(String, SecretEncoding),
    RsaBits(usize),
    /// Make a key for the header's `alg`.
    Generate,
    HeaderLine(String),
    /// Make the refusal set for the signed token.
    Refuse,
    Signed(SignAnswer),
    Generated(KeygenAnswer),
    Refused(RefuseAnswer),
    WorkerFailed(String),
    /// The component sent everything in the outbox.
    Sent,
}

/// An action at a moment (Unix seconds), as the reducer takes it.
#[derive(Clone, PartialEq)]
pub struct Step {
    pub action: Action,
    pub now: i64,
}

impl Default for EncoderState {
    fn default() -> Self {
        EncoderState {
            header: String::new(),
            payload: String::new(),
            header_problem: None,
            payload_problem: None,
            choice: KeyChoice::default(),
            pasted: String::new(),
            secret: String::new(),
            encoding: SecretEncoding::Text,
            rsa_bits: RSA_BITS[0],
            generated: None,
            generating: None,
            keygen_error: None,
            signed: None,
            sign_error: None,
            header_line: DEFAULT_HEADER_LINE.into(),
            refusals: None,
            refuse_error: None,
            worker_problem: None,
            outbox: Vec::new(),
            pending_sign: None,
            pending_keygen: None,
            pending_refuse: None,
            next_id: 1,
        }
    }
}

impl Reducible for EncoderState {
    type Action = Step;

    fn reduce(self: Rc<Self>, step: Step) -> Rc<Self> {
        let mut state = (*self).clone();
        state.apply(step.action, step.now);
        Rc::new(state)
    }
}

impl EncoderState {
    /// Applies one action; signs again whenever what is signed changed.
    pub fn apply(&mut self, action: Action, now: i64) {
        let resign = match action {
            Action::Seed(seed) => {
                if seed.header_line.contains("<token>") {
                    self.header_line = seed.header_line;
                }
                if !seed.header.is_empty() || !seed.payload.is_empty() {
                    self.set_texts(seed.header, seed.payload);
                } else if self.header.is_empty() && self.payload.is_empty() {
                    let payload = encode::set_time("{\"sub\": \"alice\"}", "iat", now, 0)
                        .and_then(|p| encode::set_time(&p, "exp", now, 3600))
                        .unwrap_or_default();
                    self.set_texts(
                        "{\n  \"alg\": \"RS256\",\n  \"typ\": \"JWT\"\n}".into(),
                        payload,
                    );
                }
                true
            }
            Action::EditHeader(text) => {
                self.header_problem = encode::object(&text).err();
                self.header = text;
                true
            }
            Action::EditPayload(text) => {
                self.payload_problem = encode::object(&text).err();
                self.payload = text;
                true
            }
            Action::SetAlg(alg) => {
                self.edit_header(|text| encode::set_member(text, "alg", alg.as_str().into()))
            }
            Action::SetTime { claim, offset } => {
                match encode::set_time(&self.payload, claim, now, offset) {
                    Ok(text) => self.set_texts(self.header.clone(), text),
                    Err(problem) => self.payload_problem = Some(problem),
                }
                true
            }
            Action::Template(index) => {
                if let Some(template) = encode::templates(now).into_iter().nth(index) {
                    self.set_texts(template.header, template.payload);
                }
                true
            }
            Action::Choose(choice) => {
                self.choice = choice;
                if choice != KeyChoice::Generate {
                    // A key still being made is no longer wanted.
                    self.pending_keygen = None;
                    self.generating = None;
                }
                true
            }
            Action::Paste(text) => {
                self.pasted = text;
                true
            }
            Action::Secret(text, encoding) => {
                self.secret = text;
                self.encoding = encoding;
                true
            }
            Action::RsaBits(bits) => {
                self.rsa_bits = bits;
                false
            }
            Action::Generate => {
                self.generate();
                false
            }
            Action::HeaderLine(line) => {
                self.header_line = line;
                self.refusals = None;
                self.pending_refuse = None;
                false
            }
            Action::Refuse => {
                self.refuse(now);
                false
            }
            Action::Signed(answer) => {
                if self.pending_sign == Some(answer.id) {
                    self.pending_sign = None;
                    match answer.result {
                        Ok(signed) => {
                            self.signed = Some(Rc::new(signed));
                            self.sign_error = None;
                        }
                        Err(reason) => {
                            self.signed = None;
                            self.sign_error = Some(reason);
                        }
                    }
                }
                false
            }
            Action::Generated(answer) => self.generated(answer),
            Action::Refused(answer) => {
                if self.pending_refuse == Some(answer.id) {
                    self.pending_refuse = None;
                    match answer.result {
                        Ok(set) => self.refusals = Some(Rc::new(set)),
                        Err(reason) => self.refuse_error = Some(reason),
                    }
                }
                false
            }
            Action::WorkerFailed(reason) => {
                // Nothing in flight will be answered.
                self.generating = None;
                self.pending_keygen = None;
                self.pending_sign = None;
                self.pending_refuse = None;
                self.worker_problem = Some(reason);
                false
            }
            Action::Sent => {
                self.outbox.clear();
                false
            }
        };
        if resign {
            self.resign(now);
        }
    }

    /// Whether the token shown is from editor texts that have changed since:
    /// an editor is broken, the new text is still being signed, or the
    /// worker stopped before it was.
    pub fn signed_is_stale(&self) -> bool {
        self.signed.is_some()
            && (self.header_problem.is_some()
                || self.payload_problem.is_some()
                || self.pending_sign.is_some()
                || self.worker_problem.is_some())
    }

    /// Whether a sign request is out and unanswered.
    pub fn signing(&self) -> bool {
        self.pending_sign.is_some()
    }

    /// Whether a refusal set is being made.
    pub fn refusing(&self) -> bool {
        self.pending_refuse.is_some()
    }

    /// The header's `alg`, when the header is an object naming one we sign.
    pub fn alg(&self) -> Option<JwsAlg> {
        let header = encode::object(&self.header).ok()?;
        JwsAlg::parse(header.get("alg")?.as_str()?)
    }

    /// The token and a key that verifies it, for the inspector.
    pub fn inspect_request(&self) -> Option<InspectRequest> {
        let signed = self.signed.as_ref()?;
        let public = signed.public.as_ref().map(|p| p.jwks.clone());
        let key = match (self.choice, public) {
            (_, Some(jwks)) if !jwks.is_empty() => jwks,
            // A secret has no public part: the generated one is the
            // person's own, made here; a typed one stays where it was typed.
            (KeyChoice::Generate, _) => self
                .generated
                .as_ref()
                .map(|key| key.private.clone())
                .unwrap_or_default(),
            (KeyChoice::Paste, _) if self.pasted.contains("\"oct\"") => self.pasted.clone(),
            _ => String::new(),
        };
        Some(InspectRequest {
            token: signed.token.clone(),
            key,
        })
    }

    fn set_texts(&mut self, header: String, payload: String) {
        self.header_problem = encode::object(&header).err();
        self.payload_problem = encode::object(&payload).err();
        self.header = header;
        self.payload = payload;
    }

    /// Rewrites the header with `edit` (a broken header is left as typed,
    /// its problem shown).
    fn edit_header(&mut self, edit: impl FnOnce(&str) -> Result<String, EditorProblem>) -> bool {
        match edit(&self.header) {
            Ok(text) => self.set_texts(text, self.payload.clone()),
            Err(problem) => self.header_problem = Some(problem),
        }
        true
    }

    fn key(&self) -> Option<MakeKey> {
        match self.choice {
            KeyChoice::Generate => self
                .generated
                .as_ref()
                .map(|key| MakeKey::Text(key.private.clone())),
            KeyChoice::Paste => {
                (!self.pasted.trim().is_empty()).then(|| MakeKey::Text(self.pasted.clone()))
            }
            KeyChoice::Secret => (!self.secret.is_empty()).then(|| MakeKey::Secret {
                text: self.secret.clone(),
                encoding: self.encoding,
            }),
        }
    }

    fn take_id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    /// Signs the editors' texts when both are objects and a key is there;
    /// a broken editor leaves the last token up, marked stale.
    fn resign(&mut self, now: i64) {
        // A refusal set belongs to the token it was made from.
        self.refusals = None;
        self.refuse_error = None;
        self.pending_refuse = None;
        if self.header_problem.is_some() || self.payload_problem.is_some() {
            self.pending_sign = None;
            return;
        }
        let Some(key) = self.key() else {
            self.signed = None;
            self.sign_error = None;
            self.pending_sign = None;
            return;
        };
        let id = self.take_id();
        self.pending_sign = Some(id);
        self.outbox.push(WorkerRequest::Sign(SignJob {
            id,
            header: self.header.clone(),
            payload: self.payload.clone(),
            key,
            now,
        }));
    }

    fn generate(&mut self) {
        self.keygen_error = None;
        let Some(alg) = self.alg() else {
            self.keygen_error = Some(
                "Choose the algorithm first: the header needs an \"alg\" this tool signs with."
                    .into(),
            );
            return;
        };
        let rsa = alg.as_str().starts_with("RS") || alg.as_str().starts_with("PS");
        let id = self.take_id();
        self.pending_keygen = Some(id);
        self.generating = Some(if rsa {
            format!("an RSA {} key", self.rsa_bits)
        } else {
            format!("a key for {alg}")
        });
        self.outbox.push(WorkerRequest::Keygen(KeygenJob {
            id,
            alg: alg.as_str().into(),
            rsa_bits: rsa.then_some(self.rsa_bits),
            kid: None,
        }));
    }

    /// A new key: the header names it by its `kid`, and the token is
    /// signed with it.
    fn generated(&mut self, answer: KeygenAnswer) -> bool {
        if self.pending_keygen != Some(answer.id) {
            return false;
        }
        self.pending_keygen = None;
        self.generating = None;
        match answer.result {
            Ok(key) => {
                let kid = key.public.kid.clone();
                self.generated = Some(Rc::new(key));
                self.edit_header(|text| encode::set_member(text, "kid", Value::from(kid)))
            }
            Err(reason) => {
                self.keygen_error = Some(reason);
                false
            }
        }
    }

    fn refuse(&mut self, now: i64) {
        self.refuse_error = None;
        let token = self.signed.as_ref().map(|signed| signed.token.clone());
        let (Some(token), Some(key)) = (token, self.key()) else {
            self.refuse_error =
                Some("Sign a token first: the set is made from it and its key.".into());
            return;
        };
        let id = self.take_id();
        self.pending_refuse = Some(id);
        self.outbox.push(WorkerRequest::Refuse(RefuseJob {
            id,
            token,
            key,
            header_line: self.header_line.clone(),
            now,
        }));
    }
}

#[cfg(test)]
mod tests;

//! OpenStack Keystone / Open Telekom Cloud tokens, which are not JWTs:
//! Fernet tokens (encrypted; only the creation time is readable) and PKI /
//! PKIZ tokens (CMS SignedData around the token JSON).

pub mod fernet;
pub mod pki;

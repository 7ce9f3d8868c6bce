//! Verification (placeholder while alg.rs compiles).
pub mod alg;

//! The token finder and the whole analysis over arbitrary pasted text.
#![no_main]

use jwt_inspector::analysis::{Options, analyse, finder::find_tokens};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let found = find_tokens(&text);
    // Every token the finder reports is text that was in the paste once
    // wrapping is removed, so it can never be longer than the paste.
    for token in &found.tokens {
        assert!(token.text.len() <= text.len());
    }
    let _ = analyse(&text, &Options::at(1_700_000_000));
});

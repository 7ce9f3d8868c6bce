//! JSON as people copy it out of source code and config files: with `//`
//! and `/* */` comments and trailing commas, which strict JSON (RFC 8259
//! §2, §4, §5) does not allow. [`relax`] blanks them out, keeping every
//! other byte (and so every offset) where it was, and counts what it
//! removed so the reader can say so.

/// What [`relax`] removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Relaxations {
    /// `//` line comments and `/* */` block comments.
    pub comments: usize,
    /// Commas directly before a `}` or `]`.
    pub trailing_commas: usize,
}

impl Relaxations {
    /// Whether anything was removed.
    pub fn any(self) -> bool {
        self.comments + self.trailing_commas > 0
    }

    /// "2 trailing commas and 1 comment", for a note.
    pub fn describe(self) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut parts = Vec::new();
        if self.trailing_commas > 0 {
            parts.push(plural(
                self.trailing_commas,
                "trailing comma",
                "trailing commas",
            ));
        }
        if self.comments > 0 {
            parts.push(plural(self.comments, "comment", "comments"));
        }
        parts.join(" and ")
    }
}

/// `text` with comments and trailing commas replaced by spaces (newlines
/// kept), and what was replaced. Strings are left alone, escapes included.
pub fn relax(text: &str) -> (String, Relaxations) {
    let bytes = text.as_bytes();
    let mut out = bytes.to_vec();
    let mut found = Relaxations::default();
    let mut in_string = false;
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        if in_string {
            match byte {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
            i += 1;
            continue;
        }
        match (byte, bytes.get(i + 1)) {
            (b'"', _) => in_string = true,
            (b'/', Some(b'/')) => {
                let end = bytes[i..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(bytes.len(), |n| i + n);
                blank(&mut out, i..end);
                found.comments += 1;
                i = end;
                continue;
            }
            (b'/', Some(b'*')) => {
                let end = text[i + 2..]
                    .find("*/")
                    .map_or(bytes.len(), |n| i + 2 + n + 2);
                blank(&mut out, i..end);
                found.comments += 1;
                i = end;
                continue;
            }
            (b',', _) if closes_next(&out, i + 1) => {
                out[i] = b' ';
                found.trailing_commas += 1;
            }
            _ => {}
        }
        i += 1;
    }
    // Only ASCII bytes outside strings were replaced by ASCII spaces, so
    // the text is still UTF-8; the fallback is never taken.
    let relaxed = String::from_utf8(out).unwrap_or_else(|_| text.to_string());
    (relaxed, found)
}

/// Whether the next significant byte from `from` closes an object or array.
/// Comments ahead are skipped: they are blanked later in the same pass, so
/// `out` still holds them here.
fn closes_next(out: &[u8], from: usize) -> bool {
    let mut i = from;
    while i < out.len() {
        match (out[i], out.get(i + 1)) {
            (b' ' | b'\t' | b'\r' | b'\n', _) => i += 1,
            (b'/', Some(b'/')) => {
                i += out[i..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .unwrap_or(out.len() - i);
            }
            (b'/', Some(b'*')) => {
                i += out[i + 2..]
                    .windows(2)
                    .position(|w| w == b"*/")
                    .map_or(out.len() - i, |n| n + 4);
            }
            (b'}' | b']', _) => return true,
            _ => return false,
        }
    }
    false
}

fn blank(out: &mut [u8], range: std::ops::Range<usize>) {
    for byte in &mut out[range] {
        if *byte != b'\n' {
            *byte = b' ';
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_trailing_commas_become_spaces() {
        let text = "{\"keys\": [ // the signing keys\n {\"kty\": \"oct\", /* test */ \"k\": \"a,//b\",},\n],}";
        let (relaxed, found) = relax(text);
        assert_eq!(relaxed.len(), text.len());
        assert_eq!(
            found,
            Relaxations {
                comments: 2,
                trailing_commas: 3
            }
        );
        let value: serde_json::Value = serde_json::from_str(&relaxed).unwrap();
        assert_eq!(value["keys"][0]["k"], "a,//b");
        assert_eq!(found.describe(), "3 trailing commas and 2 comments");
    }

    #[test]
    fn strict_json_is_untouched() {
        let text = r#"{"a": "x\"// not a comment,]", "b": [1, 2]}"#;
        assert_eq!(relax(text), (text.to_string(), Relaxations::default()));
    }

    #[test]
    fn a_comma_before_a_comment_and_a_bracket_is_trailing() {
        let (relaxed, found) = relax("[1, /* last */ ]");
        assert_eq!(found.trailing_commas, 1);
        assert!(serde_json::from_str::<serde_json::Value>(&relaxed).is_ok());
    }

    #[test]
    fn unterminated_comments_run_to_the_end() {
        let (relaxed, found) = relax("[1] /* open");
        assert_eq!(found.comments, 1);
        assert_eq!(relaxed.trim(), "[1]");
    }
}

//! Removes shell line continuations (`\` then a line break) from pasted
//! text, remembering where each removal happened so that positions in the
//! cleaned text can be mapped back to lines of the original paste.
//!
//! Terminals print long commands and replies with these continuations, even
//! in the middle of a JSON reply or a token (see the registry seed fixture,
//! where one sits between `"token":` and the token's opening quote).

use super::is_run_char;

/// Cleaned text plus the information to map its offsets back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalised {
    pub text: String,
    /// `(offset in cleaned text, bytes removed up to and including here)`,
    /// in increasing order.
    removals: Vec<(usize, usize)>,
    /// Offsets of the first byte of every line of the original text.
    line_starts: Vec<usize>,
    /// How many continuations were removed from inside a token-like run.
    pub joined_inside_runs: usize,
}

impl Normalised {
    pub fn new(original: &str) -> Self {
        let bytes = original.as_bytes();
        let mut text = String::with_capacity(original.len());
        let mut removals = Vec::new();
        let mut removed = 0;
        let mut joined_inside_runs = 0;
        let mut copied_from = 0;
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] != b'\\' {
                i += 1;
                continue;
            }
            let Some(after_break) = line_break_end(bytes, i + 1) else {
                i += 1;
                continue;
            };
            // Inside a token the next line's indentation is not part of it.
            let before_is_run = i > 0 && is_run_char(bytes[i - 1]);
            let mut resume = after_break;
            while before_is_run && resume < bytes.len() && matches!(bytes[resume], b' ' | b'\t') {
                resume += 1;
            }
            if before_is_run && resume < bytes.len() && is_run_char(bytes[resume]) {
                joined_inside_runs += 1;
            } else {
                resume = after_break;
            }
            text.push_str(&original[copied_from..i]);
            removed += resume - i;
            removals.push((text.len(), removed));
            copied_from = resume;
            i = resume;
        }
        text.push_str(&original[copied_from..]);
        let line_starts = std::iter::once(0)
            .chain(memchr_newlines(bytes).map(|nl| nl + 1))
            .collect();
        Normalised {
            text,
            removals,
            line_starts,
            joined_inside_runs,
        }
    }

    /// Offset in the original paste of the byte at `offset` in [`Self::text`].
    pub fn original_offset(&self, offset: usize) -> usize {
        let index = self.removals.partition_point(|&(at, _)| at <= offset);
        let removed = if index == 0 {
            0
        } else {
            self.removals[index - 1].1
        };
        offset + removed
    }

    /// 1-based line number in the original paste of a cleaned-text offset.
    pub fn line_of(&self, offset: usize) -> usize {
        let original = self.original_offset(offset);
        self.line_starts.partition_point(|&start| start <= original)
    }
}

/// If a line break starts at `at`, the offset just after it.
fn line_break_end(bytes: &[u8], at: usize) -> Option<usize> {
    match bytes.get(at..) {
        Some([b'\r', b'\n', ..]) => Some(at + 2),
        Some([b'\n', ..]) => Some(at + 1),
        _ => None,
    }
}

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter_map(|(i, &b)| (b == b'\n').then_some(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn continuation_between_tokens_is_removed() {
        let n = Normalised::new("\"token\":\\\n\"eyJ\"");
        assert_eq!(n.text, "\"token\":\"eyJ\"");
        assert_eq!(n.joined_inside_runs, 0);
    }

    #[test]
    fn continuation_inside_a_token_drops_indentation() {
        let n = Normalised::new("abc.de\\\r\n    f.ghi");
        assert_eq!(n.text, "abc.def.ghi");
        assert_eq!(n.joined_inside_runs, 1);
    }

    #[test]
    fn indentation_after_a_continuation_outside_a_token_is_kept() {
        let n = Normalised::new("curl -k \\\n  -H x");
        assert_eq!(n.text, "curl -k   -H x");
    }

    #[test]
    fn offsets_and_lines_map_back_to_the_original() {
        let original = "line one \\\nstill one\nline three";
        let n = Normalised::new(original);
        let cleaned_offset = n.text.find("still").unwrap();
        assert_eq!(&original[n.original_offset(cleaned_offset)..][..5], "still");
        assert_eq!(n.line_of(cleaned_offset), 2);
        assert_eq!(n.line_of(n.text.find("three").unwrap()), 3);
        assert_eq!(n.line_of(0), 1);
    }

    #[test]
    fn a_lone_backslash_is_left_alone() {
        assert_eq!(Normalised::new("a\\b\\").text, "a\\b\\");
    }
}

//! The parts of a paste already claimed by a token's source (a PEM block,
//! a JSON document, a token found in the text), asked "is this position
//! claimed?" once per candidate. A list searched from the start made a
//! paste of 100,000 tokens cost 100,000² checks (4 s natively, longer in
//! the page's worker); kept sorted and merged, each question is a binary
//! search.

use std::ops::Range;

/// Disjoint byte ranges, in order.
#[derive(Debug, Default)]
pub struct Claimed {
    ranges: Vec<Range<usize>>,
}

impl Claimed {
    /// `ranges` in any order, overlapping or not.
    pub fn new(mut ranges: Vec<Range<usize>>) -> Self {
        ranges.retain(|r| r.start < r.end);
        ranges.sort_by_key(|r| r.start);
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
        for range in ranges {
            match merged.last_mut() {
                Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
                _ => merged.push(range),
            }
        }
        Claimed { ranges: merged }
    }

    /// Claims `range`, which starts after every range claimed so far (the
    /// text scan finds its tokens in order); otherwise the ranges are
    /// rebuilt.
    pub fn push(&mut self, range: Range<usize>) {
        match self.ranges.last() {
            Some(last) if range.start < last.end => {
                let mut ranges = std::mem::take(&mut self.ranges);
                ranges.push(range);
                *self = Claimed::new(ranges);
            }
            _ if range.start < range.end => self.ranges.push(range),
            _ => {}
        }
    }

    /// Whether `position` lies in a claimed range.
    pub fn contains(&self, position: usize) -> bool {
        let after = self.ranges.partition_point(|r| r.start <= position);
        after > 0 && self.ranges[after - 1].contains(&position)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_inside_overlapping_or_later_ranges_are_claimed() {
        let mut claimed = Claimed::new(vec![10..20, 0..5, 15..30, 40..40]);
        assert!(claimed.contains(0) && claimed.contains(4) && claimed.contains(29));
        assert!(!claimed.contains(5) && !claimed.contains(30) && !claimed.contains(40));
        claimed.push(50..60);
        assert!(claimed.contains(55) && !claimed.contains(60));
        // Out of order: still answered right.
        claimed.push(32..35);
        assert!(claimed.contains(33) && claimed.contains(55) && !claimed.contains(36));
    }
}

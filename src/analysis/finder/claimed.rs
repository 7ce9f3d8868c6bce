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
    pub fn new(ranges: Vec<Range<usize>>) -> Self {
        let mut claimed = Claimed::default();
        for range in ranges {
            claimed.push(range);
        }
        claimed
    }

    /// Claims `range`: at the end when it starts after every range claimed
    /// so far (the text scan finds its tokens in order), else in its place,
    /// merged with the ranges it touches. (No sort: the standard library's
    /// would add kilobytes to the page's download.)
    pub fn push(&mut self, range: Range<usize>) {
        if range.start >= range.end {
            return;
        }
        let last_end = self.ranges.last().map_or(0, |last| last.end);
        if self.ranges.is_empty() || range.start > last_end {
            self.ranges.push(range);
            return;
        }
        // The ranges it overlaps or touches: from the first that ends at or
        // after its start, to the last that starts at or before its end.
        let first = self.ranges.partition_point(|r| r.end < range.start);
        let past = self.ranges.partition_point(|r| r.start <= range.end);
        let merged = match self.ranges.get(first..past) {
            Some(touched) if !touched.is_empty() => {
                touched[0].start.min(range.start)..touched[touched.len() - 1].end.max(range.end)
            }
            _ => range,
        };
        self.ranges.splice(first..past, [merged]);
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
        // A range bridging two others merges the three.
        claimed.push(34..52);
        assert!(
            (0..5)
                .chain(10..30)
                .chain(32..60)
                .all(|p| claimed.contains(p))
        );
        assert!([5, 9, 30, 31, 60].iter().all(|&p| !claimed.contains(p)));
        assert_eq!(claimed.ranges, vec![0..5, 10..30, 32..60]);
    }
}

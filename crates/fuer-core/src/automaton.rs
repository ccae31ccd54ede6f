//! The Aho-Corasick automata of the small word lists (cues, units, places, follow-up
//! words, dialect and canonical words), built at every start.
//!
//! The crate's automatic choice builds a DFA for up to 100 patterns: it searches a little
//! faster, but building it cost about 15 M instructions of the cold start over the twenty
//! or so small lists, far more than the few hundred bytes of a question ever save. A
//! contiguous NFA finds the same matches (the match kind alone decides which) and is
//! built from the trie the crate builds anyway. The article's large keyword automata keep
//! the automatic choice (already a contiguous NFA at their size).

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

/// An automaton of `patterns` with this match kind, a contiguous NFA; should that fail
/// (too many states), the crate's automatic choice. `None` when neither builds.
pub(crate) fn small_automaton<I, P>(patterns: I, match_kind: MatchKind) -> Option<AhoCorasick>
where
    I: IntoIterator<Item = P> + Clone,
    P: AsRef<[u8]>,
{
    AhoCorasick::builder()
        .match_kind(match_kind)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(patterns.clone())
        .or_else(|_| AhoCorasick::builder().match_kind(match_kind).build(patterns))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_the_automatic_choice_finds() {
        let words = ["母婴", "母婴室", "婴室", "室", "how many"];
        let text = "全市建了多少间母婴室？how many 母婴室";
        for kind in [MatchKind::Standard, MatchKind::LeftmostLongest] {
            let small = small_automaton(words, kind).expect("builds");
            assert_eq!(small.kind(), AhoCorasickKind::ContiguousNFA);
            let auto = AhoCorasick::builder().match_kind(kind).build(words).expect("builds");
            let spans = |ac: &AhoCorasick| -> Vec<(usize, usize, usize)> {
                ac.find_iter(text)
                    .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
                    .collect()
            };
            assert_eq!(spans(&small), spans(&auto));
        }
        let overlapping = small_automaton(words, MatchKind::Standard).expect("builds");
        assert_eq!(overlapping.find_overlapping_iter(text).count(), 9);
    }
}

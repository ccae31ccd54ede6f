//! Keyword hits: where the question contains a keyword, exactly or nearly.
//!
//! Four ways to find a keyword, from the most to the least certain:
//! 1. exactly (Aho-Corasick over normalized keywords; ASCII keywords on word boundaries);
//! 2. by sound: the same toneless pinyin (母婴是 → 母婴室);
//! 3. by near sound: the same pinyin after merging the sounds pinyin input confuses
//!    (母音室 → 母婴室, 经国 → 巾帼), for keywords of three or more characters, with at
//!    least half of the keyword's characters typed right;
//! 4. by edit distance: one wrong, missing or extra character in keywords of four or more
//!    characters (两癌删查 → 两癌筛查).
//!
//! A hit whose span lies strictly inside a longer hit is dropped (the more specific
//! keyword wins), and each pattern counts once, by its best way.
//!
//! Size (about 500 lines, 110 of them unit tests): the four ways share the span filtering
//! and the one record of a hit.

use crate::normalize::pinyin_keys;

use super::analysis::on_word_boundaries;
use super::index::{Index, PinyinMatcher};
use super::params::{
    FUZZY_HIT_FACTOR, FUZZY_PINYIN_HIT_FACTOR, FUZZY_PINYIN_LONG_KEYWORD_CHARS, FUZZY_PINYIN_MIN_RIGHT_SHARE,
    FUZZY_PINYIN_SHORT_HIT_FACTOR, FUZZY_SHORT_HIT_FACTOR, LONG_EDIT_KEYWORD_CHARS, MIN_EDIT_KEYWORD_CHARS,
    PINYIN_HIT_FACTOR, PLACE_KEYWORD_FACTOR, TWO_EDIT_KEYWORD_CHARS,
};

/// How a keyword was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HitKind {
    Exact,
    Pinyin,
    FuzzyPinyin,
    Edit,
}

impl HitKind {
    pub fn name(self) -> &'static str {
        match self {
            HitKind::Exact => "exact",
            HitKind::Pinyin => "pinyin",
            HitKind::FuzzyPinyin => "near-pinyin",
            HitKind::Edit => "edit",
        }
    }
}

/// A keyword found in the question: pattern index, char span, how and how strongly.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub pattern: usize,
    pub start: usize,
    pub end: usize,
    pub factor: f32,
    pub kind: HitKind,
}

/// Every keyword hit of a normalized question (`chars` are its characters).
pub fn keyword_hits(index: &Index, normalized: &str, chars: &[char], byte_to_char: &[usize]) -> Vec<Hit> {
    let mut hits = exact_hits(index, normalized, byte_to_char);

    if chars.iter().any(|c| crate::normalize::is_han(*c)) {
        // Which patterns were found already (each is tried by the later ways only if not).
        let mut found = vec![false; index.patterns.len()];
        for hit in &hits {
            found[hit.pattern] = true;
        }
        let (exact_key, fuzzy_key) = pinyin_keys(normalized);
        sound_hits(
            index,
            &index.pinyin,
            &exact_key,
            chars,
            &mut hits,
            &mut found,
            HitKind::Pinyin,
        );
        sound_hits(
            index,
            &index.fuzzy_pinyin,
            &fuzzy_key,
            chars,
            &mut hits,
            &mut found,
            HitKind::FuzzyPinyin,
        );
        edit_hits(index, chars, &mut hits, &mut found);
    }

    // A hit strictly inside a longer one found at least as surely gives way to it (an
    // exact 儿童友好社区 does not give way to a one-edit 儿童友好社区日).
    let spans: Vec<(usize, usize, f32)> = hits.iter().map(|h| (h.start, h.end, h.factor)).collect();
    hits.retain(|hit| {
        !spans.iter().any(|&(start, end, factor)| {
            start <= hit.start && hit.end <= end && (end - start) > (hit.end - hit.start) && factor >= hit.factor
        })
    });
    // A near hit (by sound or spelling) over words the question writes as keywords, each
    // found as written, gives way to them (女性创业者 over 女性创业 + 创业博览会).
    let exact: Vec<(usize, usize)> = hits
        .iter()
        .filter(|hit| hit.kind == HitKind::Exact)
        .map(|hit| (hit.start, hit.end))
        .collect();
    hits.retain(|hit| hit.kind == HitKind::Exact || !covered_by(&exact, hit.start, hit.end));
    // The same pattern found twice (e.g. exactly and by pinyin) counts once, best first.
    hits.sort_by(|a, b| a.pattern.cmp(&b.pattern).then(b.factor.total_cmp(&a.factor)));
    hits.dedup_by_key(|hit| hit.pattern);
    // A unit word (人次) names no topic; a place outside the article's scope (香港) is weak
    // evidence of one. A place the article names (坪山区, 福田区) is the topic when the
    // question names no other (坪山区做了什么), and weak beside one (福田区有多少母婴室).
    hits.retain(|hit| !index.patterns[hit.pattern].no_topic);
    let names_a_topic = hits.iter().any(|hit| !index.patterns[hit.pattern].place_like);
    for hit in &mut hits {
        let pattern = &index.patterns[hit.pattern];
        if pattern.place_like && (!pattern.article_place || names_a_topic) {
            hit.factor *= PLACE_KEYWORD_FACTOR;
        }
    }
    hits.sort_by_key(|hit| (hit.start, hit.end, hit.pattern));
    hits
}

/// The keywords a normalized question writes as they are; an ASCII keyword only as a whole
/// word (a `he` inside `the` is none).
fn exact_hits(index: &Index, normalized: &str, byte_to_char: &[usize]) -> Vec<Hit> {
    let mut hits = Vec::new();
    if let Some(matcher) = &index.exact {
        for found in matcher.find_overlapping_iter(normalized) {
            let pattern = found.pattern().as_usize();
            if index.patterns[pattern].ascii && !on_word_boundaries(normalized, found.start(), found.end()) {
                continue;
            }
            hits.push(Hit {
                pattern,
                start: byte_to_char[found.start()],
                end: byte_to_char[found.end()],
                factor: 1.0,
                kind: HitKind::Exact,
            });
        }
    }
    hits
}

/// Whether every character of `start..end` lies in one of `spans`.
fn covered_by(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    (start..end).all(|position| spans.iter().any(|&(s, e)| s <= position && position < e))
}

/// What the exact keywords of an article say about a question, before it is answered:
/// the cheap first look with which several articles are compared ([`crate::library`]).
/// Only keywords of topics count (not unit words, not places outside the article).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Look {
    /// How many characters of the question the article's keywords cover, found exactly
    /// (律师行业 covers 4, 律师 2).
    pub covered: usize,
    /// Whether one of them is written on an item, not only on a fact: a topic's name
    /// (妈妈岗, 网络妇联) rather than a detail (依托, 板块).
    pub names_an_item: bool,
}

impl Look {
    /// Whether the question holds a keyword of one of the article's topics as written.
    pub fn names_a_topic(self) -> bool {
        self.covered > 0
    }
}

/// The [`Look`] of an article's keywords at a normalized question.
pub fn look(index: &Index, normalized: &str) -> Look {
    let Some(matcher) = &index.exact else {
        return Look::default();
    };
    let bytes = normalized.as_bytes();
    let mut covered = vec![false; bytes.len()];
    let mut names_an_item = false;
    for found in matcher.find_overlapping_iter(normalized) {
        let pattern = &index.patterns[found.pattern().as_usize()];
        if pattern.no_topic || pattern.place_like {
            continue;
        }
        let on_word_edges = (found.start() == 0 || !bytes[found.start() - 1].is_ascii_alphanumeric())
            && (found.end() == bytes.len() || !bytes[found.end()].is_ascii_alphanumeric());
        if pattern.ascii && !on_word_edges {
            continue;
        }
        covered[found.start()..found.end()].fill(true);
        names_an_item |= pattern.terms.iter().any(|&term| !index.terms[term].fact_level);
    }
    let covered = normalized.char_indices().filter(|&(start, _)| covered[start]).count();
    Look { covered, names_an_item }
}

/// Hits by (near) sound: a pattern's pinyin key found on syllable boundaries of the
/// question's key.
fn sound_hits(
    index: &Index,
    matcher: &PinyinMatcher,
    key: &str,
    chars: &[char],
    hits: &mut Vec<Hit>,
    found_patterns: &mut [bool],
    kind: HitKind,
) {
    let Some(automaton) = &matcher.matcher else {
        return;
    };
    // Byte offset in the key of each character's leading `|`.
    let syllable_starts: Vec<usize> = key
        .bytes()
        .enumerate()
        .filter(|(_, b)| *b == b'|')
        .map(|(i, _)| i)
        .collect();
    let char_at = |byte: usize| syllable_starts.partition_point(|&s| s < byte);
    for found in automaton.find_overlapping_iter(key) {
        let pattern = matcher.patterns[found.pattern().as_usize()];
        if found_patterns[pattern] {
            continue;
        }
        let start = char_at(found.start());
        let end = char_at(found.end()).saturating_sub(1);
        let keyword = &index.patterns[pattern].chars;
        if end <= start || end > chars.len() {
            continue;
        }
        let factor = match kind {
            HitKind::FuzzyPinyin => {
                // Guard against everyday words that merely sound alike: at least half of the
                // keyword's characters must be typed right.
                let same = chars[start..end].iter().zip(keyword).filter(|(a, b)| a == b).count();
                if (same as f32) < FUZZY_PINYIN_MIN_RIGHT_SHARE * keyword.len() as f32 {
                    continue;
                }
                if keyword.len() >= FUZZY_PINYIN_LONG_KEYWORD_CHARS {
                    FUZZY_PINYIN_HIT_FACTOR
                } else {
                    FUZZY_PINYIN_SHORT_HIT_FACTOR
                }
            }
            _ => PINYIN_HIT_FACTOR,
        };
        found_patterns[pattern] = true;
        hits.push(Hit {
            pattern,
            start,
            end,
            factor,
            kind,
        });
    }
}

/// Hits by edit distance: one wrong character (two in long keywords), or one missing or
/// extra character in keywords of five or more.
fn edit_hits(index: &Index, chars: &[char], hits: &mut Vec<Hit>, found_patterns: &mut [bool]) {
    for (position, pair) in chars.windows(2).enumerate() {
        let Some(candidates) = index.edit_candidates.get(&(pair[0], pair[1])) else {
            continue;
        };
        for &pattern_index in candidates {
            if found_patterns[pattern_index] {
                continue;
            }
            let pattern = &index.patterns[pattern_index].chars;
            let length = pattern.len();
            for offset in bigrams_at(pattern, pair[0], pair[1]) {
                let Some(start) = position.checked_sub(offset) else {
                    continue;
                };
                if tried_before(pattern, &chars[start..], offset) {
                    continue;
                }
                let allowed = if length >= TWO_EDIT_KEYWORD_CHARS { 2 } else { 1 };
                let factor = if length >= LONG_EDIT_KEYWORD_CHARS {
                    FUZZY_HIT_FACTOR
                } else {
                    FUZZY_SHORT_HIT_FACTOR
                };
                let mut found = false;
                for window_length in [length, length + 1, length - 1] {
                    let end = start + window_length;
                    // Deleting a character is only allowed in keywords longer than the
                    // shortest matched by edit distance.
                    if end > chars.len() || window_length < MIN_EDIT_KEYWORD_CHARS {
                        continue;
                    }
                    let window = &chars[start..end];
                    if within_edits(window, pattern, allowed)
                        && !edge_word_swapped(window, pattern)
                        && !edge_function_char(window, pattern, &index.function_chars)
                    {
                        found_patterns[pattern_index] = true;
                        hits.push(Hit {
                            pattern: pattern_index,
                            start,
                            end,
                            factor,
                            kind: HitKind::Edit,
                        });
                        found = true;
                        break;
                    }
                }
                if found {
                    break;
                }
            }
        }
    }
}

/// Whether the keyword at this start was tried already, from an earlier position of the
/// question: the window shares one of the keyword's bigrams before `offset` (the keyword is
/// a candidate of each of its bigrams, and positions are tried in order). No set of tried
/// starts to fill on every question.
fn tried_before(keyword: &[char], window: &[char], offset: usize) -> bool {
    (0..offset).any(|earlier| keyword[earlier] == window[earlier] && keyword[earlier + 1] == window[earlier + 1])
}

/// Whether a window of a keyword's length differs from it in exactly its first two or its
/// last two characters: another word beside the keyword's rest (那个儿童友好城市 is not
/// 国家儿童友好城市), not a typo.
fn edge_word_swapped(window: &[char], keyword: &[char]) -> bool {
    if window.len() != keyword.len() || keyword.len() < 4 {
        return false;
    }
    let differing = differing_positions(window, keyword);
    let last = keyword.len() - 1;
    differing == [0, 1] || differing == [last - 1, last]
}

/// The positions where a window and a keyword of the same length differ.
fn differing_positions(window: &[char], keyword: &[char]) -> Vec<usize> {
    (0..keyword.len()).filter(|&i| window[i] != keyword[i]).collect()
}

/// Whether a window of a keyword's length differs from it only in its first or its last
/// character, and there by a particle or the start of a question word: the keyword's rest
/// followed by the next word (带儿童的妈妈, 带儿童怎么… are not 带儿童玩), not a typo.
fn edge_function_char(window: &[char], keyword: &[char], function_chars: &[char]) -> bool {
    if window.len() != keyword.len() || keyword.len() < 2 {
        return false;
    }
    match differing_positions(window, keyword)[..] {
        [i] if i == 0 || i == keyword.len() - 1 => {
            function_chars.contains(&window[i]) && !function_chars.contains(&keyword[i])
        }
        _ => false,
    }
}

/// Whether two short texts are at most `allowed` edits apart (Levenshtein), without
/// allocating for keywords of usual length; `strsim` for longer ones.
fn within_edits(a: &[char], b: &[char], allowed: usize) -> bool {
    const MAX: usize = 32;
    if a.len().abs_diff(b.len()) > allowed {
        return false;
    }
    if b.len() >= MAX {
        return strsim::generic_levenshtein(&a.to_vec(), &b.to_vec()) <= allowed;
    }
    let mut row = [0usize; MAX + 1];
    for (j, cell) in row.iter_mut().enumerate().take(b.len() + 1) {
        *cell = j;
    }
    for (i, &ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        let mut row_min = row[0];
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            let cost = usize::from(ca != cb);
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + cost);
            diagonal = above;
            row_min = row_min.min(row[j + 1]);
        }
        if row_min > allowed {
            return false;
        }
    }
    row[b.len()] <= allowed
}

/// Offsets where the bigram `(a, b)` occurs in `pattern`.
fn bigrams_at(pattern: &[char], a: char, b: char) -> impl Iterator<Item = usize> + '_ {
    pattern
        .windows(2)
        .enumerate()
        .filter(move |(_, w)| w[0] == a && w[1] == b)
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::{bigrams_at, covered_by, edge_function_char, edge_word_swapped, tried_before, within_edits};

    /// A near hit gives way only where exact hits cover every one of its characters
    /// (女性创业者 at 0..5 under 女性创业 0..4 and 创业博览会 2..7; not 两癌删查 under 两癌).
    #[test]
    fn a_near_hit_is_covered_only_by_exact_hits_over_all_its_characters() {
        for (spans, start, end, covered) in [
            (vec![(0, 4), (2, 7)], 0, 5, true),
            (vec![(0, 2)], 0, 4, false),
            (vec![(0, 2), (3, 5)], 0, 5, false),
            (vec![], 0, 3, false),
            (vec![(1, 6)], 2, 5, true),
        ] {
            assert_eq!(covered_by(&spans, start, end), covered, "{spans:?} {start}..{end}");
        }
    }

    #[test]
    fn another_word_at_a_keyword_edge_is_no_typo() {
        let chars = |text: &str| text.chars().collect::<Vec<char>>();
        for (window, keyword, swapped) in [
            ("那个儿童友好城市", "国家儿童友好城市", true),
            ("妇儿临时保护站点", "妇儿临时保护中心", true),
            ("国加儿童友好城市", "国家儿童友好城市", false),
            ("国家儿童有好城市", "国家儿童友好城市", false),
            ("那家儿童友好城事", "国家儿童友好城市", false),
            ("直播", "直拨", false),
        ] {
            assert_eq!(
                edge_word_swapped(&chars(window), &chars(keyword)),
                swapped,
                "{window} / {keyword}"
            );
        }
    }

    #[test]
    fn a_function_word_at_a_keyword_edge_is_no_typo() {
        let function_chars = ['的', '了', '吗', '怎', '多', '哪'];
        for (window, keyword, next_word) in [
            ("带儿童的", "带儿童玩", true),
            ("带儿童怎", "带儿童玩", true),
            ("的儿童友", "带儿童友", true),
            ("带儿同玩", "带儿童玩", false),
            ("带几童玩", "带儿童玩", false),
            ("两癌删查", "两癌筛查", false),
            ("带儿童的了", "带儿童玩", false),
        ] {
            assert_eq!(
                edge_function_char(&chars(window), &chars(keyword), &function_chars),
                next_word,
                "{window} / {keyword}"
            );
        }
    }

    fn chars(text: &str) -> Vec<char> {
        text.chars().collect()
    }

    /// A keyword start is "tried before" exactly when a set of the starts tried, filled in
    /// the order `edit_hits` tries them (positions left to right, offsets ascending), holds
    /// it already; repeated bigrams included (儿童 twice in 儿童友好儿童).
    #[test]
    fn a_start_is_tried_before_exactly_when_an_earlier_position_tried_it() {
        for (question, keyword) in [
            ("两癌删查做了多少两癌筛查", "两癌筛查"),
            ("儿童友好儿童友好社区", "儿童友好社区"),
            ("儿童儿童儿童", "儿童友好儿童"),
            ("五分种救助圈五分钟救助圈", "五分钟救助圈"),
        ] {
            let (question, keyword) = (chars(question), chars(keyword));
            let mut tried = std::collections::HashSet::new();
            for (position, pair) in question.windows(2).enumerate() {
                for offset in bigrams_at(&keyword, pair[0], pair[1]) {
                    let Some(start) = position.checked_sub(offset) else {
                        continue;
                    };
                    assert_eq!(
                        tried_before(&keyword, &question[start..], offset),
                        !tried.insert(start),
                        "{question:?} {keyword:?} at {start}"
                    );
                }
            }
            assert!(!tried.is_empty(), "{question:?} {keyword:?}: nothing tried");
        }
    }

    #[test]
    fn edit_distance_agrees_with_strsim() {
        for (a, b) in [
            ("两癌删查", "两癌筛查"),
            ("儿童友好社区", "儿童友好社区日"),
            ("五分种救助圈", "五分钟救助圈"),
            ("abcd", "abdc"),
            ("母婴室", "门票"),
            ("", "ab"),
        ] {
            let (a, b) = (chars(a), chars(b));
            let distance = strsim::generic_levenshtein(&a, &b);
            for allowed in 0..3 {
                assert_eq!(
                    within_edits(&a, &b, allowed),
                    distance <= allowed,
                    "{a:?} {b:?} {allowed}"
                );
            }
        }
    }
}

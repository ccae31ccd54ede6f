//! The unit a count asks for (多少人 → 人数, how many visitors) and the noun it counts
//! (多少个社区呢 → 社区): the measure words of a question.

use super::{Analyzer, AskedUnit, CueMatch, is_ascii_word, on_word_boundaries};

/// A unit word found in a question: its span in characters, its class and the word.
struct UnitHit<'a> {
    start: usize,
    end: usize,
    class: usize,
    word: &'a str,
}

impl UnitHit<'_> {
    fn len(&self) -> usize {
        self.end - self.start
    }

    fn unit(&self) -> AskedUnit {
        AskedUnit {
            class: self.class,
            word: self.word.to_string(),
        }
    }
}

impl Analyzer {
    /// The unit asked for: a measure word right after a cue of the asked kind (多少人,
    /// 几个社区, 几个人), else a unit noun anywhere (人数, 覆盖率, visitors).
    pub(super) fn find_unit(
        &self,
        normalized: &str,
        byte_to_char: &[usize],
        cues: &[CueMatch],
        kind: usize,
    ) -> Option<AskedUnit> {
        let found = self.unit_hits(normalized, byte_to_char);
        if found.is_empty() {
            return None;
        }
        let kind_cues: Vec<&CueMatch> = cues.iter().filter(|c| c.kind == kind).collect();
        let chars: Vec<char> = normalized.chars().collect();
        unit_is_cue(&found, &kind_cues)
            .or_else(|| self.unit_after_cue(&found, &kind_cues))
            .or_else(|| unit_before_cue(&found, &kind_cues, &chars))
            .or_else(|| unit_noun_elsewhere(&found, &chars))
            .map(UnitHit::unit)
    }

    /// Every unit word of the question (overlapping ones too); an English one only as a
    /// whole word.
    fn unit_hits(&self, normalized: &str, byte_to_char: &[usize]) -> Vec<UnitHit<'_>> {
        let Some(matcher) = self.unit_matcher.as_ref() else {
            return Vec::new();
        };
        let mut found = Vec::new();
        for hit in matcher.find_overlapping_iter(normalized) {
            let (class, word, ascii) = &self.unit_patterns[hit.pattern().as_usize()];
            if *ascii && !on_word_boundaries(normalized, hit.start(), hit.end()) {
                continue;
            }
            found.push(UnitHit {
                start: byte_to_char[hit.start()],
                end: byte_to_char[hit.end()],
                class: *class,
                word: word.as_str(),
            });
        }
        found
    }

    /// Right after the cue: 多少人, 几个社区; 几个人 gives the generic 个 up for 人; an
    /// English unit word after one space (how many people).
    fn unit_after_cue<'a>(&self, found: &'a [UnitHit<'a>], kind_cues: &[&CueMatch]) -> Option<&'a UnitHit<'a>> {
        let longest_at = |position: usize| {
            found
                .iter()
                .filter(|hit| hit.start == position)
                .max_by_key(|hit| hit.len())
        };
        let english_after = |cue: &CueMatch| {
            found
                .iter()
                .filter(|hit| hit.start == cue.end + 1 && is_ascii_word(hit.word))
                .max_by_key(|hit| hit.len())
        };
        for cue in kind_cues {
            if let Some(found_unit) = longest_at(cue.end).or_else(|| english_after(cue)) {
                if self.units[found_unit.class].answered_by.is_empty()
                    && let Some(next) = longest_at(found_unit.end)
                {
                    return Some(next);
                }
                return Some(found_unit);
            }
        }
        None
    }
}

/// The cue is itself a unit noun: 覆盖率, 人数, 人次.
fn unit_is_cue<'a>(found: &'a [UnitHit<'a>], kind_cues: &[&CueMatch]) -> Option<&'a UnitHit<'a>> {
    kind_cues
        .iter()
        .find_map(|cue| found.iter().find(|hit| hit.start == cue.start && hit.end == cue.end))
}

/// Right before the cue, as a word of its own: 去过的人多吗 (not 岗位数量, where 位 is
/// part of a word).
fn unit_before_cue<'a>(found: &'a [UnitHit<'a>], kind_cues: &[&CueMatch], chars: &[char]) -> Option<&'a UnitHit<'a>> {
    kind_cues.iter().find_map(|cue| {
        found.iter().find(|hit| {
            hit.end == cue.start
                && (hit.start == 0 || hit.len() >= 2 || matches!(chars.get(hit.start - 1), Some('的' | ' ')))
        })
    })
}

/// A Chinese unit noun elsewhere: 人数, 覆盖率 (English unit words count only right after
/// the cue: "how many visitors", not the "minute" of "5-minute circle"). A unit right after
/// a number is a figure of the question (5分钟救助圈), not the unit asked for.
fn unit_noun_elsewhere<'a>(found: &'a [UnitHit<'a>], chars: &[char]) -> Option<&'a UnitHit<'a>> {
    found.iter().find(|hit| {
        hit.len() >= 2
            && !is_ascii_word(hit.word)
            && !(hit.start > 0 && chars.get(hit.start - 1).is_some_and(char::is_ascii_digit))
    })
}

/// What is counted: the Chinese characters after the cue and its unit, up to a particle
/// (多少个社区呢 → 社区).
pub(super) fn counted_noun(
    normalized: &str,
    cues: &[CueMatch],
    kind: usize,
    unit: Option<&AskedUnit>,
    particles: &[char],
) -> String {
    let chars: Vec<char> = normalized.chars().collect();
    for cue in cues.iter().filter(|c| c.kind == kind) {
        let mut start = cue.end;
        if let Some(unit) = unit {
            let word: Vec<char> = unit.word.chars().collect();
            if chars.len() >= start + word.len() && chars[start..start + word.len()] == word[..] {
                start += word.len();
            }
        }
        let noun: String = chars
            .iter()
            .skip(start)
            .take(crate::engine::params::FOLLOWER_CHARS)
            .take_while(|c| crate::normalize::is_han(**c) && !particles.contains(c))
            .collect();
        if noun.chars().count() >= 2 {
            return noun;
        }
    }
    String::new()
}

//! The unit a count asks for (多少人 → 人数, how many visitors) and the noun it counts
//! (多少个社区呢 → 社区): the measure words of a question.

use super::{Analyzer, AskedUnit, CueMatch, is_ascii_word, on_word_boundaries};

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
        let matcher = self.unit_matcher.as_ref()?;
        let mut found: Vec<(usize, usize, usize, &str)> = Vec::new();
        for hit in matcher.find_overlapping_iter(normalized) {
            let (class, word, ascii) = &self.unit_patterns[hit.pattern().as_usize()];
            if *ascii && !on_word_boundaries(normalized, hit.start(), hit.end()) {
                continue;
            }
            found.push((
                byte_to_char[hit.start()],
                byte_to_char[hit.end()],
                *class,
                word.as_str(),
            ));
        }
        if found.is_empty() {
            return None;
        }
        let kind_cues: Vec<&CueMatch> = cues.iter().filter(|c| c.kind == kind).collect();
        let unit = |&(_, _, class, word): &(usize, usize, usize, &str)| AskedUnit {
            class,
            word: word.to_string(),
        };
        // The cue is itself a unit noun: 覆盖率, 人数, 人次.
        for cue in &kind_cues {
            if let Some(found) = found
                .iter()
                .find(|(start, end, ..)| *start == cue.start && *end == cue.end)
            {
                return Some(unit(found));
            }
        }
        let longest_at = |position: usize| {
            found
                .iter()
                .filter(|(start, ..)| *start == position)
                .max_by_key(|(start, end, ..)| end - start)
        };
        // Right after the cue: 多少人, 几个社区; 几个人 gives the generic 个 up for 人; an
        // English unit word after one space (how many people).
        let english_after = |cue: &CueMatch| {
            found
                .iter()
                .filter(|(start, _, _, word)| *start == cue.end + 1 && is_ascii_word(word))
                .max_by_key(|(start, end, ..)| end - start)
        };
        for cue in &kind_cues {
            if let Some(found_unit) = longest_at(cue.end).or_else(|| english_after(cue)) {
                let (_, unit_end, class, _) = *found_unit;
                if self.units[class].answered_by.is_empty()
                    && let Some(next) = longest_at(unit_end)
                {
                    return Some(unit(next));
                }
                return Some(unit(found_unit));
            }
        }
        // Right before the cue, as a word of its own: 去过的人多吗 (not 岗位数量, where 位 is
        // part of a word).
        let chars: Vec<char> = normalized.chars().collect();
        for cue in &kind_cues {
            if let Some(found_unit) = found.iter().find(|(start, end, ..)| {
                *end == cue.start
                    && (*start == 0 || end - start >= 2 || matches!(chars.get(start - 1), Some('的' | ' ')))
            }) {
                return Some(unit(found_unit));
            }
        }
        // A Chinese unit noun elsewhere: 人数, 覆盖率 (English unit words count only right
        // after the cue: "how many visitors", not the "minute" of "5-minute circle").
        // A unit right after a number is a figure of the question (5分钟救助圈), not the
        // unit asked for.
        found
            .iter()
            .find(|(start, end, _, word)| {
                end - start >= 2
                    && !is_ascii_word(word)
                    && !(*start > 0 && chars.get(start - 1).is_some_and(char::is_ascii_digit))
            })
            .map(unit)
    }
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

//! Figures in text: the number, its scale (万/亿), and the measure word after it.
//!
//! 「累计到访716万余人次」 holds the figure 716, scale 万, unit 人次; 「第七次」 (normalized
//! 第7次) is an ordinal; 「2024年」 is a year, not a duration. Facts are read from their
//! normalized text, so 三年行动计划 (3年) counts too, but only figures written in digits
//! or followed by a known measure word are taken as answers to "how many".

use crate::knowledge::is_plausible_year;
use crate::knowledge::questions::{ORDINAL_UNIT, YEAR_UNIT};
use crate::normalize::measure_word_at;

use super::params::FOLLOWER_CHARS;

/// One figure found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// The digits as written, with a decimal point if any (`208.8`).
    pub digits: String,
    /// `万` or `亿` right after the digits, if any.
    pub scale: Option<char>,
    /// The measure word after the number (人次, 间 …), or `%`; empty when none is known.
    pub unit: String,
    /// Preceded by 第 (第7次): which one, not how many.
    pub ordinal: bool,
    /// A calendar year (2024年, 2021-2025年).
    pub year: bool,
    /// Written in digits in the original text (not a Chinese numeral turned into digits).
    pub written: bool,
    /// Up to four Chinese characters right after the figure and its unit: what is counted
    /// (24个社区 → 社区全覆).
    pub follower: String,
    /// Where the figure starts in the text it was found in (char index).
    pub start: usize,
    /// Where its measure word ends (char index).
    pub end: usize,
    /// A lower bound rather than the figure itself: 716万余, 600余场, 1000多个, 超1000个,
    /// 逾36万元 (more than the number).
    pub above: bool,
}

impl Figure {
    /// Whether this figure can answer "how many" (any unit): not a year or an ordinal, and
    /// either written in digits or with a known measure word (四大板块 is not a count).
    pub fn is_count(&self) -> bool {
        !self.year && !self.ordinal && (self.written || !self.unit.is_empty())
    }

    /// The figure as written, with its scale and measure word (`716万人次`).
    pub fn as_written(&self) -> String {
        format!(
            "{}{}{}",
            self.digits,
            self.scale.map(String::from).unwrap_or_default(),
            self.unit
        )
    }

    /// The number it stands for, its scale applied (208.8万 → 2088000).
    pub fn value(&self) -> Option<f64> {
        let number: f64 = self.digits.parse().ok()?;
        Some(match self.scale {
            Some('万') => number * 1e4,
            Some('亿') => number * 1e8,
            _ => number,
        })
    }

    /// Whether it is the same number as another figure (digits and scale).
    pub fn same_number(&self, other: &Figure) -> bool {
        self.value().is_some() && self.value() == other.value()
    }

    /// The unit used to check agreement: `年份` for years, `第` for ordinals, else the measure word.
    pub fn agreement_unit(&self) -> &str {
        if self.year {
            return YEAR_UNIT;
        }
        if self.ordinal {
            return ORDINAL_UNIT;
        }
        &self.unit
    }
}

/// Finds the figures of a normalized text. `original` is the text before normalization
/// (to tell written digits from converted numerals); `measure_words` are the known
/// measure words, longest first.
pub fn find_figures(normalized: &str, original: &str, measure_words: &[Vec<char>]) -> Vec<Figure> {
    let chars: Vec<char> = normalized.chars().collect();
    let written_numbers = digit_runs(original);
    let mut figures = Vec::new();
    let mut index = 0;
    while index < chars.len() {
        if !chars[index].is_ascii_digit() {
            figures.extend(character_figure(&chars, index, measure_words));
            index += 1;
            continue;
        }
        let (figure, end) = digit_figure(&chars, index, &written_numbers, measure_words);
        figures.push(figure);
        index = end;
    }
    figures
}

/// A figure that a character stands for: a single Chinese digit before a measure word
/// normalization keeps as it is (四大板块: a figure too, not written in digits), or 首个,
/// 首批 (the first one, an ordinal).
fn character_figure(chars: &[char], index: usize, measure_words: &[Vec<char>]) -> Option<Figure> {
    if chars[index] != '首' && chinese_digit_value(chars[index]).is_none() {
        return None;
    }
    let unit = measure_word_at(chars, index + 1, measure_words)?;
    let (value, ordinal) = if chars[index] == '首' {
        (1, true)
    } else {
        let value = chinese_digit_value(chars[index])?;
        if chars
            .get(index.wrapping_sub(1))
            .is_some_and(|c| chinese_digit_value(*c).is_some())
        {
            return None;
        }
        (value, index > 0 && chars[index - 1] == '第')
    };
    let unit: String = unit.iter().collect();
    let after = index + 1 + unit.chars().count();
    Some(Figure {
        digits: value.to_string(),
        scale: None,
        ordinal,
        year: false,
        written: false,
        follower: follower_at(chars, after),
        unit,
        start: index,
        end: after,
        above: false,
    })
}

/// The figure whose digits start at `chars[start]`, and where it ends.
fn digit_figure(
    chars: &[char],
    start: usize,
    written_numbers: &[&str],
    measure_words: &[Vec<char>],
) -> (Figure, usize) {
    let mut index = start;
    while index < chars.len() && chars[index].is_ascii_digit() {
        index += 1;
    }
    if index + 1 < chars.len() && chars[index] == '.' && chars[index + 1].is_ascii_digit() {
        index += 1;
        while index < chars.len() && chars[index].is_ascii_digit() {
            index += 1;
        }
    }
    let digits: String = chars[start..index].iter().collect();
    let ordinal = start > 0 && chars[start - 1] == '第';
    let mut position = index;
    let scale = match chars.get(position) {
        Some(&c @ ('万' | '亿')) => {
            position += 1;
            Some(c)
        }
        _ => None,
    };
    // 716万余人次, 600余场, 逾36万元: 余/多 between the number and its unit.
    let mut above = false;
    if matches!(chars.get(position), Some('余' | '多')) && measure_word_at(chars, position + 1, measure_words).is_some()
    {
        position += 1;
        above = true;
    }
    let before: String = chars[start.saturating_sub(2)..start].iter().collect();
    above |= ABOVE_MARKERS.iter().any(|marker| before.ends_with(marker));
    let unit = if chars.get(position) == Some(&'%') {
        "%".to_string()
    } else {
        measure_word_at(chars, position, measure_words)
            .map(|word| word.iter().collect())
            .unwrap_or_default()
    };
    let year_like = digits.len() == 4 && scale.is_none() && digits.parse::<u16>().is_ok_and(is_plausible_year);
    let year = year_like
        && (unit == "年"
            || unit == "年度"
            || chars.get(position) == Some(&'-')
            || (unit.is_empty() && after_english_preposition(chars, start)));
    let written = written_numbers.iter().any(|run| *run == digits);
    let end = position + unit.chars().count();
    let follower = follower_at(chars, end);
    let figure = Figure {
        digits,
        scale,
        unit: if year { String::new() } else { unit },
        ordinal,
        year,
        written,
        follower,
        start,
        end,
        above,
    };
    (figure, index)
}

/// Words right before a figure that make it a lower bound (超1000个, 逾36万元, 超过2万).
const ABOVE_MARKERS: [&str; 3] = ["超", "逾", "超过"];

/// Characters that end a clause of a sentence (NFKC: full-width commas are ASCII here).
/// (、 and quotes stay inside a clause: they join its parts.)
pub const CLAUSE_ENDS: [char; 9] = [',', '。', ';', ':', '!', '?', '(', ')', '…'];

/// Words right before a figure that say how it was reached, not what it is about (共提供超
/// 2.3万个 → 共提供): they qualify nothing.
pub const APPROXIMATORS: [&str; 12] = [
    "累计", "总计", "合计", "共计", "已超", "超", "达", "逾", "约", "近", "共", "已",
];

/// A figure (a count or an ordinal, not a year) with the words of its clause (the piece of its sentence between
/// punctuation): what stands before it and what it counts.
#[derive(Debug, Clone, PartialEq)]
pub struct CountPhrase {
    pub figure: Figure,
    /// The clause as written (NFKC), a verbatim piece of the sentence.
    pub written: String,
    /// The clause, normalized.
    pub clause: String,
    /// What stands before the figure in its clause, back to the previous figure, without
    /// the approximators right before it (2317名爱心妈妈结对关爱3698名 → 爱心妈妈结对关爱).
    pub leader: String,
    /// What follows the figure and its measure word in its clause (3698名留守儿童和困境儿童 →
    /// 留守儿童和困境儿童).
    pub noun: String,
}

/// The figures of a sentence but its years (`original`: NFKC, as written), clause by
/// clause.
pub fn count_phrases(
    original: &str,
    normalize: impl Fn(&str) -> String,
    measure_words: &[Vec<char>],
) -> Vec<CountPhrase> {
    let mut phrases = Vec::new();
    for piece in original.split(CLAUSE_ENDS) {
        let written = piece.trim();
        if written.is_empty() {
            continue;
        }
        let clause = normalize(written);
        let chars: Vec<char> = clause.chars().collect();
        let figures = find_figures(&clause, written, measure_words);
        let starts: Vec<usize> = figures.iter().map(|figure| figure.start).collect();
        let mut previous_end = 0;
        for (position, figure) in figures.into_iter().enumerate() {
            if figure.year {
                previous_end = figure.end.max(previous_end);
                continue;
            }
            let mut leader: String = chars[previous_end.min(figure.start)..figure.start].iter().collect();
            while let Some(approximator) = APPROXIMATORS.iter().find(|a| leader.ends_with(**a)) {
                leader.truncate(leader.len() - approximator.len());
            }
            // Up to the next figure: 2317名爱心妈妈结对关爱 counts 爱心妈妈, not 留守儿童.
            let next = starts.get(position + 1).copied().unwrap_or(chars.len());
            let noun: String = chars[figure.end.min(next)..next].iter().collect();
            previous_end = figure.end;
            phrases.push(CountPhrase {
                figure,
                written: written.to_string(),
                clause: clause.clone(),
                leader,
                noun,
            });
        }
    }
    phrases
}

/// What a figure counts: the Chinese characters after it (24个社区 → 社区全覆).
fn follower_at(chars: &[char], start: usize) -> String {
    chars
        .iter()
        .skip(start)
        .take(FOLLOWER_CHARS)
        .take_while(|c| crate::normalize::is_han(**c))
        .collect()
}

/// The value of a single Chinese digit character (两 included), zero excluded.
fn chinese_digit_value(c: char) -> Option<u64> {
    crate::normalize::chinese_digit(c).filter(|&value| value > 0)
}

/// The numbers written in digits in a text (`1458`, `208.8`), as they stand.
pub fn digit_runs(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut runs = Vec::new();
    let mut index = 0;
    while index < bytes.len() {
        if !bytes[index].is_ascii_digit() {
            index += 1;
            continue;
        }
        let start = index;
        while index < bytes.len() && bytes[index].is_ascii_digit() {
            index += 1;
        }
        if index + 1 < bytes.len() && bytes[index] == b'.' && bytes[index + 1].is_ascii_digit() {
            index += 1;
            while index < bytes.len() && bytes[index].is_ascii_digit() {
                index += 1;
            }
        }
        runs.push(&text[start..index]);
    }
    runs
}

/// Whether an English preposition of time stands right before `start` ("in 2024", "since
/// 2021"): a plausible year there is a year, not a figure the question states.
fn after_english_preposition(chars: &[char], start: usize) -> bool {
    let before: String = chars[..start].iter().collect();
    let word = before.trim_end().rsplit(' ').next().unwrap_or_default();
    before.ends_with(' ') && ["in", "since", "during", "until", "by", "of", "for"].contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> Vec<Vec<char>> {
        let mut words: Vec<Vec<char>> = ["人次", "人", "场", "批次", "元", "年", "间", "个", "次", "对"]
            .iter()
            .map(|w| w.chars().collect())
            .collect();
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        words
    }

    fn units(text: &str) -> Vec<(String, String)> {
        find_figures(text, text, &words())
            .into_iter()
            .map(|f| (f.digits.clone(), f.agreement_unit().to_string()))
            .collect()
    }

    #[test]
    fn figures_with_scale_and_measure_words() {
        assert_eq!(
            units("1458场公益服务活动累计到访716万余人次接待参访团347批次"),
            vec![
                ("1458".into(), "场".into()),
                ("716".into(), "人次".into()),
                ("347".into(), "批次".into())
            ]
        );
        assert_eq!(units("逾36万元"), vec![("36".into(), "元".into())]);
        assert_eq!(units("覆盖率达60%"), vec![("60".into(), "%".into())]);
        assert_eq!(units("208.8万例"), vec![("208.8".into(), String::new())]);
    }

    #[test]
    fn years_and_ordinals_are_not_counts() {
        let figures = find_figures(
            "2024年第7次2021-2025年连续8年",
            "2024年第七次2021-2025年连续8年",
            &words(),
        );
        let kinds: Vec<(&str, bool)> = figures.iter().map(|f| (f.agreement_unit(), f.is_count())).collect();
        assert_eq!(
            kinds,
            vec![
                ("年份", false),
                ("第", false),
                ("年份", false),
                ("年份", false),
                ("年", true)
            ]
        );
        assert!(!figures[1].written, "第七次 was spelled in Chinese");
    }
}

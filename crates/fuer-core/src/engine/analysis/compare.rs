//! Figures compared and alternatives offered (issue 13): what a yes/no question with a
//! figure asks, and what an alternative question needs a fact to say.
//!
//! - **Comparisons** (`[compare]` of `questions.toml`): 「妇儿大厦公益活动超过1000场了吗」,
//!   「爱心妈妈有没有超过两千名」, 「母婴室是不是已经有2000间了」, "Are there more than 1,000 …?"
//!   ask for the article's figure of that unit: the question becomes a count of the figure's
//!   measure word, answered by the fact holding such a figure; whether the figure settles the
//!   comparison ([`Compared::settles`]) is data for the reply's lead.
//! - **Alternatives** (`[alternative]`): 「1480间母婴室是累计建成的还是2024年新建的」 is
//!   answered only by a fact that says one of the alternatives (开业以来…累计); otherwise it is
//!   related: the article does not say which.

use crate::normalize::is_han;

use super::{Analysis, Analyzer, CueRole, WordMatcher, byte_to_char_map};
use crate::engine::figures::Figure;
use crate::engine::vocabulary::Vocabulary;
use crate::knowledge::questions::CompareWords;

/// Marks a word of an alternative that is a measure word (`#剂`): a fact says it with a
/// figure of that measure word.
pub const UNIT_MARK: char = '#';

/// Marks a word of an alternative that is a figure with its measure word (`=600|场`): a
/// fact says it with a figure of that value and measure word however it writes it (600余场,
/// 1.8万场次 for 18000场次), see [`says_offered_figure`].
const FIGURE_MARK: char = '=';

/// How the question's figure is compared with the article's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// The article's figure is larger (超过1000场了吗, more than).
    More,
    /// It is smaller (不到, less than).
    Less,
    /// It is at least as large (已经有2000间了吗, at least).
    Reached,
    /// It is this figure (是不是1480间).
    Equal,
    /// It is about this figure (大概1500间吗): only the same figure settles it.
    About,
}

/// The figure of a yes/no question compared with the article's, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compared {
    pub figure: Figure,
    pub relation: Relation,
}

impl Compared {
    /// Whether the article's figure `found` plainly settles the comparison: `Some(true)`
    /// when it holds, `Some(false)` when it does not, `None` when the article's figure is a
    /// lower bound (超2万, 716万余) that does not tell.
    pub fn settles(&self, found: &Figure) -> Option<bool> {
        let asked = self.figure.value()?;
        let value = found.value()?;
        let bound = found.above;
        match self.relation {
            Relation::More if value > asked || (bound && value >= asked) => Some(true),
            Relation::Reached if value >= asked => Some(true),
            Relation::More | Relation::Reached => (!bound).then_some(false),
            Relation::Less if value >= asked => Some(false),
            Relation::Less => (!bound).then_some(true),
            Relation::Equal | Relation::About if value == asked => Some(true),
            Relation::Equal => (!bound).then_some(false),
            Relation::About => None,
        }
    }
}

/// The compiled `[compare]` words.
#[derive(Debug)]
pub(super) struct CompareMatcher {
    more: WordMatcher,
    less: WordMatcher,
    reached: WordMatcher,
    about: WordMatcher,
}

impl CompareMatcher {
    pub(super) fn new(words: &CompareWords, vocabulary: &Vocabulary) -> CompareMatcher {
        CompareMatcher {
            more: WordMatcher::new(&words.more, vocabulary),
            less: WordMatcher::new(&words.less, vocabulary),
            reached: WordMatcher::new(&words.reached, vocabulary),
            about: WordMatcher::new(&words.about, vocabulary),
        }
    }
}

impl Analyzer {
    /// Whether only particles, spaces and yes/no words stand in `chars[start..end]`.
    fn only_links(&self, analysis: &Analysis, chars: &[char], start: usize, end: usize) -> bool {
        (start..end).all(|position| {
            let c = chars[position];
            c == ' '
                || self.particles.contains(&c)
                || analysis
                    .cues
                    .iter()
                    .any(|cue| cue.role == CueRole::YesNo && cue.start <= position && position < cue.end)
        })
    }

    /// The comparison a yes/no question makes with one of its figures (not one inside a
    /// keyword it names, as 五分钟 of 五分钟妇儿救助服务圈): a comparison word right before
    /// the figure (超过, 不到, 已经有), else the figure right after the yes/no word
    /// (是不是1480间) or ending the question (有1480间吗).
    pub fn compared(
        &self,
        analysis: &Analysis,
        chars: &[char],
        figures: &[Figure],
        keyword_spans: &[(usize, usize)],
    ) -> Option<Compared> {
        if !analysis.head.yes_no {
            return None;
        }
        let text: String = chars.iter().collect();
        let map = byte_to_char_map(&text);
        let words = &self.compare;
        let relations = [
            (Relation::More, words.more.find(&text, &map)),
            (Relation::Less, words.less.find(&text, &map)),
            (Relation::Reached, words.reached.find(&text, &map)),
        ];
        let about = words.about.find(&text, &map);
        let interrogative = analysis.head.interrogative.as_ref();
        for figure in figures.iter().filter(|figure| figure.is_count()) {
            if keyword_spans
                .iter()
                .any(|&(start, end)| start < figure.end && figure.start < end)
            {
                continue;
            }
            let before = |end: usize| end <= figure.start && self.only_links(analysis, chars, end, figure.start);
            let related = relations
                .iter()
                .find_map(|(relation, found)| found.iter().any(|(_, (_, end))| before(*end)).then_some(*relation));
            let relation = related.or_else(|| {
                let after_question_word = interrogative.is_some_and(|cue| before(cue.end));
                let ends_question = self.only_links(analysis, chars, figure.end.min(chars.len()), chars.len());
                (after_question_word || ends_question).then_some(if figure.above {
                    Relation::More
                } else {
                    Relation::Equal
                })
            });
            let Some(mut relation) = relation else {
                continue;
            };
            let rough = about.iter().any(|(_, (start, end))| {
                before(*end) || (*start >= figure.end && self.only_links(analysis, chars, figure.end, *start))
            });
            if rough && relation == Relation::Equal {
                relation = Relation::About;
            }
            return Some(Compared {
                figure: figure.clone(),
                relation,
            });
        }
        None
    }

    /// The words of each alternative of an alternative question (A还是B, A定系B), outside
    /// the keywords it names (母婴室) and its figures: pairs of Chinese characters, and the
    /// years it names. Empty when the question is no alternative question: no alternative
    /// word, a question word (多少, 哪) or 吗 (还是免费的吗 means "still"), or a side with no
    /// word of its own.
    pub fn alternatives(
        &self,
        analysis: &Analysis,
        chars: &[char],
        figures: &[Figure],
        keyword_spans: &[(usize, usize)],
    ) -> Vec<Vec<String>> {
        if analysis.cues.iter().any(|cue| cue.role == CueRole::Wh)
            || chars.contains(&'吗')
            || !self.alternative.any(chars)
        {
            return Vec::new();
        }
        let Some((left_start, (start, end), right_end)) = self.alternative_clause(chars) else {
            return Vec::new();
        };
        // The left alternative starts after the copula (母婴室是|累计建成的): what stands before
        // it is the subject. Without one, the keywords the question names are its subject.
        let copula = chars[left_start..start]
            .iter()
            .rposition(|c| matches!(c, '是' | '系'))
            .map(|p| left_start + p + 1);
        let left_start = copula.unwrap_or(left_start);
        let outside = |position: usize| {
            (copula.is_some() || !keyword_spans.iter().any(|&(s, e)| s <= position && position < e))
                && !figures
                    .iter()
                    .any(|figure| !figure.year && figure.start <= position && position < figure.end)
        };
        let word_char = |position: usize| {
            is_han(chars[position]) && !self.particles.contains(&chars[position]) && outside(position)
        };
        let side = |from: usize, to: usize| -> Vec<String> {
            // Pairs of word characters, across particles (只立了项 → 立项).
            let kept: Vec<usize> = (from..to)
                .filter(|&p| word_char(p) || self.particles.contains(&chars[p]))
                .collect();
            let word_positions: Vec<usize> = kept.iter().copied().filter(|&p| word_char(p)).collect();
            let mut words: Vec<String> = word_positions
                .windows(2)
                .filter(|pair| (pair[0] + 1..pair[1]).all(|p| kept.contains(&p)))
                .map(|pair| [chars[pair[0]], chars[pair[1]]].iter().collect())
                .collect();
            words.extend(
                figures
                    .iter()
                    .filter(|figure| figure.year && from <= figure.start && figure.start < to)
                    .map(|figure| figure.digits.clone()),
            );
            words.extend(offered_figures(figures, from, to));
            // A measure word of an alternative (是剂次还是人数) is said by a figure with it.
            let text: String = (from..to).map(|p| if word_char(p) { chars[p] } else { ' ' }).collect();
            for (_, word, ascii) in &self.unit_patterns {
                if !ascii && text.contains(word.as_str()) {
                    words.push(format!("{UNIT_MARK}{word}"));
                }
            }
            words
        };
        let mut sides = vec![side(left_start, start), side(end, right_end)];
        // A word of both alternatives (是改造完成的还是正在改造) tells neither.
        let shared: Vec<String> = sides[0].iter().filter(|w| sides[1].contains(w)).cloned().collect();
        for side in &mut sides {
            side.retain(|word| !shared.contains(word));
        }
        if sides.iter().any(Vec::is_empty) {
            return Vec::new();
        }
        sides
    }

    /// The clause (between spaces) of an alternative word, if the question has one: (its
    /// start, the word's span, its end).
    pub fn alternative_clause(&self, chars: &[char]) -> Option<(usize, (usize, usize), usize)> {
        if !self.alternative.any(chars) {
            return None;
        }
        let text: String = chars.iter().collect();
        let map = byte_to_char_map(&text);
        let (_, (start, end)) = self.alternative.find(&text, &map).into_iter().next()?;
        let left_start = chars[..start].iter().rposition(|c| *c == ' ').map_or(0, |p| p + 1);
        let right_end = chars[end..]
            .iter()
            .position(|c| *c == ' ')
            .map_or(chars.len(), |p| end + p);
        Some((left_start, (start, end), right_end))
    }

    /// What is missing when no fact says which alternative holds (这一区分).
    pub fn alternative_label(&self) -> &str {
        &self.alternative_label
    }
}

impl Analyzer {
    /// Makes a comparison a count: the asked kind is the first figure kind answered by the
    /// compared figure's measure word (元 → money), else the first figure kind without units
    /// (quantity); the unit is that measure word's class (间 → 数量).
    pub fn ask_compared(&self, analysis: &mut Analysis) {
        let Some(compared) = &analysis.compared else {
            return;
        };
        let word = compared.figure.unit.clone();
        let figure_kinds = || {
            self.kinds
                .iter()
                .enumerate()
                .filter(|(_, kind)| kind.answer == crate::knowledge::questions::AnswerRule::Figure)
        };
        let kind = figure_kinds()
            .find(|(_, kind)| !word.is_empty() && kind.units.contains(&word))
            .or_else(|| figure_kinds().find(|(_, kind)| kind.units.is_empty()))
            .map(|(index, _)| index);
        let Some(kind) = kind else {
            return;
        };
        analysis.asked = Some(kind);
        analysis.unit = self
            .unit_patterns
            .iter()
            .find(|(_, asked, _)| !word.is_empty() && *asked == word)
            .map(|(class, asked, _)| super::AskedUnit {
                class: *class,
                word: asked.clone(),
            });
        analysis.counted.clear();
    }
}

/// The figures with a measure word offered as an alternative between `from` and `to`
/// (2价还是9价): each said as written (digits, scale and measure word) and as its value with
/// its measure word ([`FIGURE_MARK`]), so that a fact writing 600余场 or 1.8万场次 says the
/// alternative 600场 or 18000场次.
fn offered_figures(figures: &[Figure], from: usize, to: usize) -> impl Iterator<Item = String> + '_ {
    figures
        .iter()
        .filter(move |figure| !figure.year && !figure.unit.is_empty() && from <= figure.start && figure.start < to)
        .flat_map(|figure| {
            let scale = figure.scale.map(String::from).unwrap_or_default();
            let written = format!("{}{scale}{}", figure.digits, figure.unit);
            let value = figure
                .value()
                .map(|value| format!("{FIGURE_MARK}{value}|{}", figure.unit));
            std::iter::once(written).chain(value)
        })
}

/// Whether a fact with `figures` says an alternative's word that is a figure (`=600|场`:
/// a figure of that value and measure word, a lower bound too: 600余场); `None` when the
/// word is no figure.
pub(crate) fn says_offered_figure(word: &str, figures: &[Figure]) -> Option<bool> {
    let (value, unit) = word.strip_prefix(FIGURE_MARK)?.split_once('|')?;
    let value: f64 = value.parse().ok()?;
    Some(
        figures
            .iter()
            .any(|figure| figure.is_count() && figure.unit == unit && figure.value() == Some(value)),
    )
}

//! How well a fact answers what is asked: a figure of an agreeing unit for 多少人, one of
//! the kind's words for 在哪, any fact for 是什么, none for what the article never says.

use crate::knowledge::questions::AnswerRule;

use super::{Analysis, Analyzer, AskedUnit, CompiledKind};
use crate::engine::figures::Figure;
use crate::engine::params::{COUNTED_PREFIX_CHARS, FOLLOWER_CHARS, MEASURE_NOUN_CHARS, NOUN_PHRASE_CHARS};
use crate::normalize::{is_han, pinyin_keys};

/// How well a fact answers the asked kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// It does not answer it.
    No,
    /// It answers it.
    Yes,
    /// It answers it with the very measure word the question used.
    Exact,
}

/// What one modifier does to the facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Narrowing {
    /// The facts that say it (免费 → the facts with 免费).
    To(Vec<usize>),
    /// No fact of the item says it.
    NoFact,
    /// The article never says such things (每年, 附近): it cannot narrow.
    Unsayable,
}

impl Analyzer {
    /// Which facts (normalized texts) say what a modifier says: a kind answered by words
    /// narrows to the facts holding one of them; other kinds cannot narrow.
    pub fn narrowing(&self, modifier_kind: usize, fact_texts: &[&str]) -> Narrowing {
        let Some(kind) = self.kinds.get(modifier_kind) else {
            return Narrowing::Unsayable;
        };
        if kind.answer != AnswerRule::Words {
            return Narrowing::Unsayable;
        }
        let facts: Vec<usize> = (0..fact_texts.len())
            .filter(|&f| kind.words.iter().any(|word| fact_texts[f].contains(word.as_str())))
            .collect();
        if facts.is_empty() {
            Narrowing::NoFact
        } else {
            Narrowing::To(facts)
        }
    }

    /// How well a fact (its normalized text and figures) answers the analysed question.
    pub fn fit(&self, analysis: &Analysis, fact_text: &str, figures: &[Figure]) -> Fit {
        let Some(kind) = analysis.asked.and_then(|k| self.kinds.get(k)) else {
            return Fit::Yes;
        };
        match kind.answer {
            AnswerRule::Any => Fit::Yes,
            AnswerRule::None => Fit::No,
            AnswerRule::Words => {
                if kind.words.iter().any(|word| fact_text.contains(word.as_str()))
                    && self.names_asked_rank(kind, analysis, fact_text)
                {
                    Fit::Yes
                } else {
                    Fit::No
                }
            }
            // A weekly day an article sets (每周三) answers a date asked (`said_by_article`).
            AnswerRule::Figure => match self.figure_fit(kind, analysis, fact_text, figures) {
                Fit::No if kind.words.iter().any(|word| fact_text.contains(word.as_str())) => Fit::Yes,
                fit => fit,
            },
        }
    }

    /// The counted noun of a count asked with a general measure word only (多少个公园: 个 is
    /// answered by any measure word): a figure of another measure word answers it only where
    /// its own clause names the noun (1480间 counts 母婴室, not 公园). `None` when the
    /// question's measure word says what is counted or no noun is asked.
    pub fn general_count_noun<'a>(&self, analysis: &'a Analysis) -> Option<&'a str> {
        let kind = analysis.asked.and_then(|k| self.kinds.get(k))?;
        let unit = analysis.unit.as_ref()?;
        let general = kind.answer == AnswerRule::Figure
            && kind.units.is_empty()
            && self
                .units
                .get(unit.class)
                .is_some_and(|class| class.answered_by.is_empty());
        (general && analysis.counted.chars().count() >= COUNTED_PREFIX_CHARS).then_some(analysis.counted.as_str())
    }

    fn figure_fit(&self, kind: &CompiledKind, analysis: &Analysis, fact_text: &str, figures: &[Figure]) -> Fit {
        let nouns = if kind.units.is_empty() {
            self.asked_nouns(analysis)
        } else {
            Vec::new()
        };
        let in_phrase = self.general_count_noun(analysis).is_some();
        let mut best = Fit::No;
        for figure in figures {
            let fit = match self.one_figure_fit(kind, analysis, figure) {
                Fit::Yes if amount_of_counted(fact_text, figure, &analysis.counted) => Fit::Exact,
                Fit::No
                    if figure.is_count()
                        && nouns.iter().any(|noun| counts_noun(fact_text, figure, noun, in_phrase)) =>
                {
                    Fit::Yes
                }
                fit => fit,
            };
            match fit {
                Fit::Exact => return Fit::Exact,
                Fit::Yes => best = Fit::Yes,
                Fit::No => {}
            }
        }
        best
    }

    /// How well one figure answers a question asking for a figure (`Fit::No` when the
    /// question asks for none): the answering figure of a reply's lead.
    pub fn figure_answers(&self, analysis: &Analysis, figure: &Figure) -> Fit {
        match analysis.asked.and_then(|k| self.kinds.get(k)) {
            Some(kind) if kind.answer == AnswerRule::Figure => self.one_figure_fit(kind, analysis, figure),
            _ => Fit::No,
        }
    }

    fn one_figure_fit(&self, kind: &CompiledKind, analysis: &Analysis, figure: &Figure) -> Fit {
        let unit = analysis.unit.as_ref();
        let counted = analysis.counted.as_str();
        let agreement = figure.agreement_unit();
        let fits = if !kind.units.is_empty() {
            // 几天 is answered by days only, 多久 by any duration. A Chinese numeral in a name
            // (五分钟妇儿救助服务圈, 三年行动计划) gives the duration of the named thing only:
            // it answers where the question names that thing (行动计划为期多久) or the figure
            // (五分钟救助圈多久能到), or the cue names its unit (几分钟能到), not
            // 临时保护中心能住多久.
            kind.units.iter().any(|u| u == agreement)
                && self.in_named_unit(&analysis.named_unit, agreement)
                && (figure.written
                    || figure.ordinal
                    || analysis.named_unit == figure.unit
                    || qualifies_the_asked(figure, analysis))
        } else if !figure.is_count() {
            false
        } else {
            let same_word = unit.is_some_and(|u| same_measure_word(&u.word, figure));
            match unit.and_then(|u| self.units.get(u.class)) {
                // The very measure word the question used answers it too (多少期 → 640期,
                // 多少支队伍 → 486支), whatever else its class is answered by.
                Some(class) if !class.answered_by.is_empty() => class.answered_by.contains(&figure.unit) || same_word,
                // A Chinese numeral in a name (五分钟救助圈, 三年行动计划) answers "how many"
                // only when the question counts the very same thing (几大板块 → 四大板块).
                _ => figure.written || same_word,
            }
        };
        if !fits {
            return Fit::No;
        }
        // An English unit word (people) is the class's first measure word (人): 71万余人
        // answers "how many people" more closely than 75对.
        let very_unit = |u: &AskedUnit| {
            u.word == figure.unit
                || (u.word.is_ascii()
                    && self
                        .units
                        .get(u.class)
                        .and_then(|class| class.answered_by.first())
                        .is_some_and(|first| *first == figure.unit))
        };
        if unit.is_some_and(very_unit) || common_prefix(counted, &figure.follower) >= COUNTED_PREFIX_CHARS {
            return Fit::Exact;
        }
        Fit::Yes
    }
}

impl Analyzer {
    /// The noun a count asks about, as the question writes it after its interrogative (the
    /// first `COUNTED_PREFIX_CHARS` Chinese characters): what is written after the measure
    /// word (多少个孩子 → 儿童), and, when that word may hold the noun's first character,
    /// the word with what follows it (多少家庭 read as 家 + 庭参加), past a general measure
    /// word (one whose unit class lists no answering words: 几个团队 read as 个团 + 队).
    fn asked_nouns(&self, analysis: &Analysis) -> Vec<String> {
        let han = |text: &str| -> Option<String> {
            let noun: String = text.chars().take_while(|c| is_han(*c)).take(FOLLOWER_CHARS).collect();
            (noun.chars().count() >= COUNTED_PREFIX_CHARS).then_some(noun)
        };
        let mut readings = vec![analysis.counted.clone()];
        if let Some(unit) = analysis.unit.as_ref().filter(|_| !analysis.counted.is_empty()) {
            let mut word = unit.word.as_str();
            let general = |w: &str| {
                self.unit_class(w)
                    .and_then(|class| self.units.get(class))
                    .is_some_and(|class| class.answered_by.is_empty())
            };
            readings.push(format!("{word}{}", analysis.counted));
            if let Some(first) = word.chars().next().filter(|_| word.chars().count() > 1)
                && general(&first.to_string())
            {
                word = &word[first.len_utf8()..];
                readings.push(format!("{word}{}", analysis.counted));
            }
        }
        let mut nouns: Vec<String> = Vec::new();
        for noun in readings.iter().filter_map(|text| han(text)) {
            if !nouns.contains(&noun) {
                nouns.push(noun);
            }
        }
        nouns
    }
}

impl Analyzer {
    /// Whether a figure's unit is the one the question's cue names (几个钟头 → 30小时 through
    /// the unit class 小时数; 几天 → not 五分钟); any unit when the cue names none.
    fn in_named_unit(&self, named: &str, figure_unit: &str) -> bool {
        if named.is_empty() || named == figure_unit {
            return true;
        }
        self.unit_class(named)
            .and_then(|class| self.units.get(class))
            .is_some_and(|class| class.answered_by.iter().any(|unit| unit == figure_unit))
    }
}

/// Whether the thing a question counts stands right before a figure of the fact's text
/// (`figure.start` indexes it): the figure is its amount (发放生育津贴46.8亿元 for 多少生育津贴),
/// as close as the thing written after it (领到了1.6万元生育津贴).
fn amount_of_counted(fact_text: &str, figure: &Figure, counted: &str) -> bool {
    let counted: Vec<char> = counted.chars().collect();
    if counted.len() < COUNTED_PREFIX_CHARS || figure.start < counted.len() {
        return false;
    }
    fact_text
        .chars()
        .skip(figure.start - counted.len())
        .take(counted.len())
        .eq(counted.iter().copied())
}

impl Analyzer {
    /// Whether one of a fact's count figures counts the noun a count question asks about
    /// (`asked_nouns`), whatever its measure word (几个团队 → 创业团队97个).
    pub(crate) fn counts_asked_noun(&self, analysis: &Analysis, fact_text: &str, figures: &[Figure]) -> bool {
        let nouns = self.asked_nouns(analysis);
        let in_phrase = self.general_count_noun(analysis).is_some();
        figures
            .iter()
            .any(|figure| figure.is_count() && nouns.iter().any(|noun| counts_noun(fact_text, figure, noun, in_phrase)))
    }
}

/// Whether a count figure of a fact counts the asked noun (up to `FOLLOWER_CHARS` of the
/// question's characters), whatever its measure word: the noun's first
/// `COUNTED_PREFIX_CHARS` characters stand right before it (创业团队97个, 参与家庭16.5万户),
/// or the characters right after it begin with the whole noun (24个社区全覆 for 社区; not
/// 五分钟妇儿救助 for 妇儿临时保护中心). For a count asked with a general measure word
/// (`in_phrase`: 多少个砖家), a figure written in digits (not a name's numeral: 五分钟) counts
/// it too where the noun's first characters, even misspelt with the same sound, stand in the
/// noun phrase right after it (42名姐妹加入 for 姐妹一齐; 120名家庭教育专家 for 砖家).
fn counts_noun(fact_text: &str, figure: &Figure, noun: &str, in_phrase: bool) -> bool {
    let head: String = noun.chars().take(COUNTED_PREFIX_CHARS).collect();
    if amount_of_counted(fact_text, figure, &head) || common_prefix(noun, &figure.follower) >= noun.chars().count() {
        return true;
    }
    if !in_phrase || !figure.written || head.chars().count() < COUNTED_PREFIX_CHARS {
        return false;
    }
    let phrase: String = fact_text
        .chars()
        .skip(figure.end)
        .take(NOUN_PHRASE_CHARS)
        .take_while(|c| is_han(*c) && *c != '的')
        .collect();
    names_sounding(&phrase, &head)
}

/// Whether a text writes a word, or a word of the same sound (砖家 in 家庭教育专家: a typo
/// of the pinyin input method).
pub(crate) fn names_sounding(text: &str, word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    if text.contains(word) {
        return true;
    }
    if !word.chars().all(is_han) {
        return false;
    }
    let (text_key, _) = pinyin_keys(text);
    let (word_key, _) = pinyin_keys(word);
    text_key.contains(&word_key)
}

/// Whether a figure's measure word is the one the question uses, or the figure writes its
/// measure word with a noun of up to `MEASURE_NOUN_CHARS` characters ending in it (几大块 →
/// 四大板块, 几多间 → 5个房间): a count of the same things written more fully.
fn same_measure_word(asked: &str, figure: &Figure) -> bool {
    if asked == figure.unit {
        return true;
    }
    if asked.is_empty() || !asked.chars().all(is_han) {
        return false;
    }
    let asked_chars = asked.chars().count();
    (1..=MEASURE_NOUN_CHARS).any(|k| {
        let written: String = figure.unit.chars().chain(figure.follower.chars().take(k)).collect();
        written.chars().count() == figure.unit.chars().count() + k
            && written.chars().count() > asked_chars
            && written.ends_with(asked)
    })
}

/// Whether the question names the thing a figure qualifies (its follower: 行动计划 of
/// 三年行动计划) or writes the figure itself (五分钟救助圈多久能到).
fn qualifies_the_asked(figure: &Figure, analysis: &Analysis) -> bool {
    (figure.follower.chars().count() >= COUNTED_PREFIX_CHARS && analysis.question.contains(figure.follower.as_str()))
        || writes_figure(&analysis.question, &format!("{}{}", figure.digits, figure.unit))
}

/// Whether a normalized text writes a figure (`5分钟`), not as the end of a longer one
/// (15分钟).
fn writes_figure(text: &str, figure: &str) -> bool {
    text.match_indices(figure).any(|(at, _)| {
        !text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit() || c == '.')
    })
}

/// Length in characters of the common prefix of two texts.
fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

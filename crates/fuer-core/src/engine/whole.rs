//! Whole versus part (issue 13, class 5): a count asked of a whole that the article gives
//! only for a part is not answered by the part's figure, and a count asked of a part leads
//! with the part's figure.
//!
//! Each counted figure of a fact carries the words of its clause ([`CountPhrase`]): what
//! stands before it (爱心妈妈结对关爱 before 3698名) and what it counts (留守儿童和困境儿童).
//! - A question asking for a whole count (一共, 所有, in total: `[whole] totals`) of the
//!   thing a figure counts, without naming what qualifies the figure (深圳一共有多少留守儿童:
//!   the article counts those 结对关爱 by the caring mothers), is *related*: the article
//!   does not give the total.
//! - A question asking for a count of a whole the article's place is part of (全省, 全国:
//!   `[whole] places`) is answered only by a figure whose own clause names that whole
//!   (全国68家分公司), not by the city's count (深圳全市…1767个, 位居全省前列).
//! - Of a fact's figures that answer, the one whose clause the question's words name comes
//!   first (其中线上的呢 → 线上课程培训4场, not the 15 offline sessions).
//!
//! Size (about 630 lines): the whole, place, rank and part rules read the same
//! [`CountPhrase`]s of the same candidate facts and call one another (a rank gap before a
//! place gap before a part gap); split apart they would pass that state between files.

use crate::knowledge::questions::AnswerRule;
use crate::normalize::is_han;

use super::analysis::{Analysis, Analyzer, Fit, names_sounding};
use super::figures::CountPhrase;
use super::index::Index;
use super::ranking::ScopeGap;
use super::scoring::Scoring;

/// Shortest qualifier (Chinese characters) that makes a figure count only a part.
const MIN_QUALIFIER_CHARS: usize = 2;
/// The word that ends an enumeration of examples (A、B、C等) and the comma between them.
const EXAMPLES_END: char = '等';
const ENUMERATION_COMMA: char = '、';

/// The facts of one item as the ranking sees them.
pub(crate) struct RankedFacts<'a> {
    /// The item's sentences (facts, then headline) as docs of the index.
    pub docs: &'a [usize],
    /// The facts the question is about.
    pub candidates: &'a [usize],
    /// How each fact fits what is asked.
    pub fits: &'a [Fit],
}

/// The gap between a whole the question asks for and the part the candidate facts count.
pub(crate) fn whole_gap(
    index: &Index,
    analyzer: &Analyzer,
    facts: &RankedFacts,
    analysis: &Analysis,
    scoring: &Scoring,
    chars: &[char],
) -> Option<ScopeGap> {
    let figure_question = analysis
        .asked
        .is_some_and(|kind| analyzer.kind_rule(kind) == AnswerRule::Figure);
    // The figures that answer what is asked, with their facts.
    let answering = || {
        facts
            .candidates
            .iter()
            .filter(|&&f| facts.fits[f] != Fit::No)
            .flat_map(|&f| index.docs[facts.docs[f]].counts.iter())
            .filter(|phrase| analyzer.fit(analysis, &phrase.clause, std::slice::from_ref(&phrase.figure)) != Fit::No)
    };
    if let Some(gap) = rank_gap(index, analyzer, facts, analysis) {
        return Some(gap);
    }
    if !analyzer.frames_a_whole(analysis, chars)
        && let Some(gap) = whole_place_gap(index, analyzer, facts, analysis, figure_question, answering)
    {
        return Some(gap);
    }
    if figure_question && answering().next().is_some() && answering().all(|phrase| names_a_listed_kind(phrase, chars)) {
        return Some(ScopeGap::Part);
    }
    if !figure_question || analysis.totals.is_empty() {
        return None;
    }
    let mut counts_a_part = false;
    for phrase in answering() {
        if !phrase.figure.is_count() {
            continue;
        }
        let counted = counted_spans(analysis, scoring, chars, |text| counts(&phrase.noun, text));
        if counted.is_empty() && counts_in_asked_measure(analysis, phrase) {
            // The figure counts in the very measure asked (一共多少人次 of 累计服务23万人次),
            // and nothing the question names is what it counts apart: it is the total.
            return None;
        }
        if counted.is_empty() {
            match thing_before(index, analyzer, analysis, scoring, chars, phrase) {
                Some(true) => counts_a_part = true,
                Some(false) => return None,
                None => {}
            }
            continue;
        }
        if analyzer.states_the_whole(&phrase.clause) {
            // The city's or the year's count of what is asked (全市486支队伍9200余人次参赛).
            return None;
        }
        if lists_examples(phrase) {
            // The figure follows examples of what it counts (公教、展演、阅读等1458场公益服务
            // 活动): it counts them all, the whole (a kind of them asked is a part, above).
            return None;
        }
        if qualifier(&phrase.leader, analyzer.home()).chars().count() < MIN_QUALIFIER_CHARS {
            // The figure counts the thing itself (深圳2317名爱心妈妈): it is the whole.
            return None;
        }
        if analyzer.asks_of_agents(analysis) {
            // The question points back to those who did it (她们一共帮了几个孩子): the
            // whole asked is the figure's own total.
            return None;
        }
        if names_the_clause(index, analyzer, analysis, scoring, chars, &counted, phrase) {
            // The question says what the figure counts
            // (爱心妈妈一共结对了多少留守儿童, 五分钟救助圈一共覆盖了多少个社区).
            return None;
        }
        counts_a_part = true;
    }
    counts_a_part.then_some(ScopeGap::Part)
}

/// A whole place the question names (全省, 全国) that no candidate fact covers: for a figure
/// question, no answering figure's clause names it; otherwise no fact states it.
fn whole_place_gap<'a, I>(
    index: &Index,
    analyzer: &Analyzer,
    facts: &RankedFacts,
    analysis: &Analysis,
    figure_question: bool,
    answering: impl Fn() -> I,
) -> Option<ScopeGap>
where
    I: Iterator<Item = &'a CountPhrase>,
{
    for (place, _) in &analysis.whole_places {
        // A yes/no question about a whole place (是全国首个吗) is settled by a fact
        // stating the scope it holds (全省首个): the fact answers it.
        let settles =
            |text: &str| text.contains(place.as_str()) || (analysis.head.yes_no && analyzer.names_a_whole_place(text));
        let covered = if figure_question {
            answering().any(|phrase| phrase.clause.contains(place.as_str()))
        } else {
            facts
                .candidates
                .iter()
                .any(|&f| settles(&index.docs[facts.docs[f]].text))
        };
        if !covered {
            return Some(ScopeGap::WholePlace(place.clone()));
        }
    }
    None
}

/// What a figure followed by nothing the question counts says of the thing asked, which may
/// stand before it: a part (`Some(true)`) when a named kind qualifies it, the total
/// (`Some(false)`) when it is the city's or the year's amount of it (全市全年发放生育津贴
/// 46.8亿元), nothing (`None`) otherwise.
fn thing_before(
    index: &Index,
    analyzer: &Analyzer,
    analysis: &Analysis,
    scoring: &Scoring,
    chars: &[char],
    phrase: &CountPhrase,
) -> Option<bool> {
    if named_kind_before(index, analysis, scoring, chars, phrase) {
        return Some(true);
    }
    let amount_of_it = !counted_spans(analysis, scoring, chars, |text| phrase.leader.ends_with(text)).is_empty();
    (analyzer.states_the_whole(&phrase.clause) && amount_of_it).then_some(false)
}

/// Which of an item's sentences (`docs`) give the city's or the year's figure of the very
/// thing a question asking for a whole (一共, 总共) counts (全市全年发放生育津贴46.8亿元 for
/// 一共发了多少生育津贴): they come before a part or one person's share (领到了1.6万元生育津贴).
pub(crate) fn whole_figure_facts(index: &Index, analyzer: &Analyzer, docs: &[usize], analysis: &Analysis) -> Vec<bool> {
    let counted = analysis.counted.as_str();
    let asks_whole = !analysis.totals.is_empty() && counted.chars().count() >= MIN_QUALIFIER_CHARS;
    docs.iter()
        .map(|&doc| {
            asks_whole
                && index.docs[doc].counts.iter().any(|phrase| {
                    analyzer.states_the_whole(&phrase.clause)
                        && (phrase.leader.ends_with(counted) || counts(&phrase.noun, counted))
                })
        })
        .collect()
}

/// A rank asked within a whole the article's place is part of (三新妇联组织全省排第几名):
/// answered only by a fitting fact that names that whole (全省首个家庭教育指导共建基地); a
/// rank within another whole (全市首个网络妇联) does not say it, and 位居全省前列 gives no
/// rank number.
fn rank_gap(index: &Index, analyzer: &Analyzer, facts: &RankedFacts, analysis: &Analysis) -> Option<ScopeGap> {
    if !analysis.asked.is_some_and(|kind| analyzer.kind_is_ordinal(kind)) {
        return None;
    }
    analysis
        .whole_places
        .iter()
        .find(|(place, _)| {
            !facts
                .candidates
                .iter()
                .filter(|&&f| facts.fits[f] != Fit::No)
                .any(|&f| index.docs[facts.docs[f]].text.contains(place.as_str()))
        })
        .map(|(place, _)| ScopeGap::WholePlace(place.clone()))
}

/// Whether a figure is written in the question's own measure word (人次 for 多少人次), with
/// nothing after it that it counts (its noun is not the question's counted thing).
fn counts_in_asked_measure(analysis: &Analysis, phrase: &CountPhrase) -> bool {
    analysis
        .unit
        .as_ref()
        .is_some_and(|unit| unit.word.chars().count() >= 2 && phrase.figure.unit == unit.word)
}

/// Whether the question names words of a figure's clause besides what it counts: its own
/// words, or a keyword found in it (招平会 for 招聘会).
fn names_the_clause(
    index: &Index,
    analyzer: &Analyzer,
    analysis: &Analysis,
    scoring: &Scoring,
    chars: &[char],
    counted: &[(usize, usize)],
    phrase: &CountPhrase,
) -> bool {
    let own_words = own_bigrams(analyzer, analysis, chars, counted);
    let clause: Vec<char> = phrase.clause.chars().collect();
    if clause.windows(2).any(|pair| own_words.contains(&(pair[0], pair[1]))) {
        return true;
    }
    scoring.hits.iter().any(|hit| {
        !counted.iter().any(|&(start, end)| start <= hit.start && hit.end <= end) && {
            let text = index.patterns[hit.pattern].text();
            text.chars().count() >= 2 && phrase.clause.contains(text.as_str())
        }
    })
}

/// Where the question names what a figure counts (`noun`: what follows the figure): the
/// noun after 多少/几 (多少留守儿童), else its keywords the noun holds (留守儿童总数是多少).
fn counted_spans(
    analysis: &Analysis,
    scoring: &Scoring,
    chars: &[char],
    counts: impl Fn(&str) -> bool,
) -> Vec<(usize, usize)> {
    let counted: Vec<char> = analysis.counted.chars().collect();
    if counted.len() >= 2 {
        let text: String = counted.iter().collect();
        return match crate::normalize::find_chars(chars, &counted) {
            Some(start) if counts(&text) => vec![(start, start + counted.len())],
            _ => Vec::new(),
        };
    }
    scoring
        .hits
        .iter()
        .filter(|hit| hit.end - hit.start >= 2 && chars[hit.start..hit.end].iter().all(|c| is_han(*c)))
        .filter(|hit| counts(&chars[hit.start..hit.end].iter().collect::<String>()))
        .map(|hit| (hit.start, hit.end))
        .collect()
}

/// Whether a figure counts a part because what it counts stands before it, right after a
/// named kind in quotation marks (“三新领域”妇联组织1767个), and the question names the
/// thing but not the kind (深圳全市一共有多少个妇联组织). A keyword the question names
/// as written or by a near spelling (两爱筛查 for 两癌筛查) names the kind it holds.
fn named_kind_before(
    index: &Index,
    analysis: &Analysis,
    scoring: &Scoring,
    chars: &[char],
    phrase: &CountPhrase,
) -> bool {
    let leader = &phrase.leader;
    let counted = counted_spans(analysis, scoring, chars, |text| leader.ends_with(text));
    let Some(&(start, end)) = counted.first() else {
        return false;
    };
    let thing: String = chars[start..end].iter().collect();
    let Some(kind) = quoted_before(&phrase.written, &thing) else {
        return false;
    };
    let kind: Vec<char> = kind.chars().filter(|c| is_han(*c)).collect();
    if kind.len() < MIN_QUALIFIER_CHARS {
        return false;
    }
    let mut asked = question_bigrams(chars);
    for hit in &scoring.hits {
        asked.extend(question_bigrams(&index.patterns[hit.pattern].chars));
    }
    !kind.windows(2).any(|pair| asked.contains(&(pair[0], pair[1])))
}

/// The quoted words right before the last `thing` of a written clause (“三新领域”妇联组织 →
/// 三新领域).
fn quoted_before<'w>(written: &'w str, thing: &str) -> Option<&'w str> {
    let before = &written[..written.rfind(thing)?];
    let closing = before.trim_end();
    let inner = closing
        .strip_suffix('”')
        .or_else(|| closing.strip_suffix('"'))
        .or_else(|| closing.strip_suffix('」'))?;
    let open = inner.rfind(['“', '"', '「'])?;
    let quote_len = inner[open..].chars().next().map_or(1, char::len_utf8);
    Some(&inner[open + quote_len..])
}

/// Whether a figure's noun (what follows it in its clause) counts the thing: it holds it, or
/// begins with its first two characters (留守儿童和困境儿童 counts 困境儿童 and 留守娃儿童).
fn counts(noun: &str, counted: &str) -> bool {
    noun.contains(counted) || noun.chars().zip(counted.chars()).take_while(|(a, b)| a == b).count() >= 2
}

/// Whether the words before a figure, as written, end with an enumeration of examples
/// (公教、展演、快闪等1458场).
fn lists_examples(phrase: &CountPhrase) -> bool {
    phrase
        .written
        .find(phrase.figure.digits.as_str())
        .map(|at| &phrase.written[..at])
        .is_some_and(|before| before.trim_end().ends_with(EXAMPLES_END) && before.contains(ENUMERATION_COMMA))
}

/// What qualifies a figure from before it: its leader without years, the article's place
/// and city-wide words (2024年深圳 qualifies nothing; 爱心妈妈结对关爱 does).
fn qualifier(leader: &str, home: &str) -> String {
    let mut text = leader.to_string();
    for word in [home, "全市", "市"] {
        if !word.is_empty() {
            text = text.replace(word, "");
        }
    }
    text.chars().filter(|c| is_han(*c) && *c != '年').collect()
}

/// The question's own words, as pairs of Chinese characters: outside what it counts, the
/// article's place, its question words (多少), whole words (一共, 全省) and particles. A
/// question with none asks for the thing as such (深圳一共有多少留守儿童).
fn own_bigrams(
    analyzer: &Analyzer,
    analysis: &Analysis,
    chars: &[char],
    counted: &[(usize, usize)],
) -> Vec<(char, char)> {
    let home: Vec<char> = analyzer.home().chars().collect();
    let homes = (!home.is_empty())
        .then(|| {
            (0..chars.len().saturating_sub(home.len() - 1))
                .filter(|&start| chars[start..start + home.len()] == home[..])
                .map(|start| (start, start + home.len()))
        })
        .into_iter()
        .flatten();
    let spans = counted
        .iter()
        .chain(&analysis.totals)
        .copied()
        .chain(analysis.whole_places.iter().map(|(_, span)| *span))
        .chain(analysis.cues.iter().map(|cue| (cue.start, cue.end)))
        .chain(homes);
    pairs_outside(analyzer, chars, spans)
}

/// The pairs of Chinese characters of a question outside `spans` (char ranges): both
/// characters Han, neither in a span nor a particle. What the question says of its own,
/// once its asking words, wholes and the like are set aside (`stated.rs` too).
pub(crate) fn pairs_outside(
    analyzer: &Analyzer,
    chars: &[char],
    spans: impl IntoIterator<Item = (usize, usize)>,
) -> Vec<(char, char)> {
    let mut excluded = vec![false; chars.len()];
    for (start, end) in spans {
        for flag in excluded.iter_mut().take(end).skip(start) {
            *flag = true;
        }
    }
    let own =
        |position: usize| !excluded[position] && is_han(chars[position]) && !analyzer.is_particle(chars[position]);
    (0..chars.len().saturating_sub(1))
        .filter(|&position| own(position) && own(position + 1))
        .map(|position| (chars[position], chars[position + 1]))
        .collect()
}

/// The question's pairs of Chinese characters.
fn question_bigrams(chars: &[char]) -> Vec<(char, char)> {
    chars
        .windows(2)
        .filter(|pair| is_han(pair[0]) && is_han(pair[1]))
        .map(|pair| (pair[0], pair[1]))
        .collect()
}

/// Of a fact's figures that answer what is asked, the one whose clause the question's own
/// words name best (其中线上的呢 → 线上课程培训4场); the first that answers on a tie.
pub(crate) fn answering_phrase<'i>(
    index: &'i Index,
    analyzer: &Analyzer,
    doc: usize,
    analysis: &Analysis,
    chars: &[char],
) -> Option<&'i CountPhrase> {
    let rule = analysis.asked.map(|kind| analyzer.kind_rule(kind))?;
    if rule != AnswerRule::Figure {
        return None;
    }
    let asked = question_bigrams(chars);
    let mut best: Option<(usize, Fit, &CountPhrase)> = None;
    for phrase in &index.docs[doc].counts {
        let fit = analyzer.fit(analysis, &phrase.clause, std::slice::from_ref(&phrase.figure));
        if fit == Fit::No {
            continue;
        }
        let clause: Vec<char> = phrase.clause.chars().collect();
        let named = clause
            .windows(2)
            .filter(|pair| asked.contains(&(pair[0], pair[1])))
            .count();
        let better = best.is_none_or(|(best_named, best_fit, _)| {
            named > best_named || (named == best_named && fit == Fit::Exact && best_fit != Fit::Exact)
        });
        if better {
            best = Some((named, fit, phrase));
        }
    }
    best.map(|(_, _, phrase)| phrase)
}

/// How a fact answers a count asked with a general measure word (多少个公园), see
/// [`Analyzer::general_count_noun`]: a figure of the question's own measure word fits as
/// before, unless the noun right after it names another thing while the fact names the counted
/// one elsewhere (多少个妇儿临时保护中心 is not answered by 24个社区: the article counts the
/// communities covered, not the centres);
/// another figure only where its clause names what is counted (its first two characters, or
/// two of the same sound: 多少个母婴室 → 母婴室1480间, 几个砖家 → 120名家庭教育专家), so the
/// unit 个 alone makes no figure fit.
pub(crate) fn general_count_fit(index: &Index, analyzer: &Analyzer, doc: usize, analysis: &Analysis, fit: Fit) -> Fit {
    let (Some(noun), Some(unit)) = (analyzer.general_count_noun(analysis), analysis.unit.as_ref()) else {
        return fit;
    };
    let doc = &index.docs[doc];
    if fit == Fit::No {
        return fit;
    }
    // Only where the fact names the counted thing elsewhere: the figure beside it counts
    // something else (a fact that never names it may count it in other words: 326家企业 for
    // 多少家公司).
    let counts_another = |phrase: &CountPhrase| {
        phrase.figure.unit == unit.word && names_another_thing(&phrase.noun, noun) && doc.text.contains(noun)
    };
    let own_unit = |figure: &super::figures::Figure| figure.unit == unit.word;
    let own_unit_counts_it = doc
        .counts
        .iter()
        .any(|phrase| own_unit(&phrase.figure) && !counts_another(phrase));
    let own_unit_elsewhere =
        doc.figures.iter().any(own_unit) && doc.counts.iter().all(|phrase| !own_unit(&phrase.figure));
    if own_unit_counts_it || own_unit_elsewhere {
        return fit;
    }
    let head: String = noun.chars().take(2).collect();
    let mut best = Fit::No;
    for phrase in doc
        .counts
        .iter()
        .filter(|phrase| names_sounding(&phrase.clause, &head) && !counts_another(phrase))
    {
        match analyzer.fit(analysis, &phrase.clause, std::slice::from_ref(&phrase.figure)) {
            Fit::Exact => return Fit::Exact,
            Fit::Yes => best = Fit::Yes,
            Fit::No => {}
        }
    }
    // A figure of another measure word that counts the asked noun itself (参与家庭16.5万户
    // for 多少家庭) answers it.
    if best == Fit::No && analyzer.counts_asked_noun(analysis, &doc.text, &doc.figures) {
        return Fit::Yes;
    }
    best
}

/// Whether the noun after a figure (its clause's words after the measure word) names a thing
/// other than the counted one: it begins with two Chinese characters the counted noun does not
/// hold, and does not hold the counted noun's first two (社区全覆盖 for 妇儿临时保护中心). A
/// figure with nothing after it (已超1000个,) counts what the clause names.
fn names_another_thing(after: &str, counted: &str) -> bool {
    let start: String = after.chars().take_while(|c| is_han(*c)).take(2).collect();
    let head: String = counted.chars().take(2).collect();
    start.chars().count() == 2 && !counted.contains(start.as_str()) && !after.contains(head.as_str())
}

/// Whether a figure counts the kinds listed before it together (「公教、展演、市集等1458场」)
/// and the question names one of the kinds, alone and without a 等 of its own (公教活动办了
/// 多少场): the figure is not a count of that kind, which the article does not give.
fn names_a_listed_kind(phrase: &CountPhrase, chars: &[char]) -> bool {
    let Some(before) = phrase
        .written
        .find(phrase.figure.digits.as_str())
        .map(|at| &phrase.written[..at])
    else {
        return false;
    };
    let Some(list) = before.trim_end().strip_suffix('等') else {
        return false;
    };
    let kinds: Vec<Vec<char>> = list
        .split('、')
        .map(|kind| {
            let kind: Vec<char> = kind.chars().filter(|c| is_han(*c)).collect();
            // The first kind follows the clause's verb (已举办公教): its last two characters.
            kind[kind.len().saturating_sub(2)..].to_vec()
        })
        .collect();
    if kinds.len() < 2 || chars.contains(&'等') {
        return false;
    }
    // Two kinds or more named ask for the group (公教、展演、市集这类活动).
    kinds
        .iter()
        .filter(|kind| kind.len() >= 2 && chars.windows(kind.len()).any(|window| window == kind.as_slice()))
        .count()
        == 1
}

/// Whether a question asks for a part of a count (其中 + a qualifier: 其中线上的呢, 其中外国
/// 团组多少批, 其中2024年新建的有多少) that none of the candidate facts names: the article
/// gives the count without that split, so the reply is *related*, not the whole's figure.
/// The qualifier's first two characters must stand in a fact, and not only as half of a
/// paired whole (线上线下 names both halves together, not the online part). A question
/// naming a keyword after the marker (其中给当妈的人的岗位有多少) is left to the keywords.
pub(crate) fn unsplit_part(
    index: &Index,
    analyzer: &Analyzer,
    docs: &[usize],
    candidates: &[usize],
    scoring: &Scoring,
    chars: &[char],
) -> bool {
    let Some((marker_end, qualifier)) = part_qualifier(analyzer, chars) else {
        return false;
    };
    if scoring.hits.iter().any(|hit| hit.start >= marker_end) {
        return false;
    }
    !candidates
        .iter()
        .filter_map(|&f| docs.get(f))
        .any(|&doc| names_the_part(&index.docs[doc].text, qualifier))
}

/// The first two Chinese characters after a part marker, past a year (其中2024年新建 → 新建).
/// Also where the marker ends (in characters). The markers (其中, 当中) and the characters that
/// begin the asking words instead (其中有多少, 其中哪个) are `[whole]` words of `questions.toml`.
fn part_qualifier(analyzer: &Analyzer, chars: &[char]) -> Option<(usize, (char, char))> {
    let marker_end = analyzer
        .part_markers()
        .iter()
        .find_map(|marker| crate::normalize::find_chars(chars, marker).map(|at| at + marker.len()))?;
    let mut rest = chars[marker_end..]
        .iter()
        .copied()
        .skip_while(|c| c.is_ascii_digit() || *c == '年');
    match (rest.next(), rest.next()) {
        (Some(first), Some(second)) if is_han(first) && is_han(second) && !analyzer.is_part_asking(first) => {
            Some((marker_end, (first, second)))
        }
        _ => None,
    }
}

/// Whether a fact's text names the part: its two characters, not followed by the paired
/// other half with the same first character (线上线下).
fn names_the_part(text: &str, (first, second): (char, char)) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(2).enumerate().any(|(at, pair)| {
        pair[0] == first
            && pair[1] == second
            && !(chars.get(at + 2) == Some(&first) && chars.get(at + 3).is_some_and(|c| *c != second))
            && !(at >= 2 && chars[at - 2] == first && chars[at - 1] != second)
    })
}

/// Whether a question names one half of a paired whole (线上 of 线上线下: a character
/// followed by one of a `[whole] paired` pair) without the other half, while a candidate
/// fact writes that half only inside the pair and no fact of the item writes it alone: the
/// article gives the whole's figure (线上线下开展宣讲活动617场次), not the half's (线上的有多少场).
pub(crate) fn one_half_asked(
    index: &Index,
    analyzer: &Analyzer,
    docs: &[usize],
    candidates: &[usize],
    chars: &[char],
) -> bool {
    let text = |doc: usize| index.docs[doc].text.as_str();
    let candidate_texts: Vec<&str> = candidates
        .iter()
        .filter_map(|&f| docs.get(f))
        .map(|&d| text(d))
        .collect();
    let halves = analyzer
        .paired()
        .iter()
        .flat_map(|&(first, second)| [(first, second), (second, first)]);
    halves.into_iter().any(|(half, other)| {
        chars.windows(2).any(|pair| {
            let lead = pair[0];
            if pair[1] != half
                || !is_han(lead)
                || lead == other
                || crate::normalize::find_chars(chars, &[lead, other]).is_some()
            {
                return false;
            }
            let paired = [lead, half, lead, other].iter().collect::<String>();
            let reversed = [lead, other, lead, half].iter().collect::<String>();
            candidate_texts
                .iter()
                .any(|text| text.contains(paired.as_str()) || text.contains(reversed.as_str()))
                && !docs.iter().any(|&doc| names_the_part(text(doc), (lead, half)))
        })
    })
}

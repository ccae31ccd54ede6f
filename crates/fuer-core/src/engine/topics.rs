//! Topic splitting: a question naming several topics (母婴室和儿童友好建设点各有多少) is cut
//! at its separators (和, 与, 、, ，, ？ …) and each piece that names a topic of its own is
//! answered on its own, in the question's order, each with its own asked kind.
//!
//! A clause that asks nothing (家里老公失业了，我想学网上卖货，有培训吗) tells the asker's
//! situation: when another clause asks and names a topic, the telling clause names no part
//! of the answer, however strong its words (失业 of the hardship item).

use crate::normalize::is_han;

use super::Engine;
use super::analysis::{Analysis, CueRole, Fit};
use super::params::{MAX_ANSWER_FACTS, MAX_PARTS, MIN_PART_SCORE};
use super::ranking::{FactRanking, rank_facts};
use super::scoring::Scoring;
use super::trace::Tracer;

/// Words that join topics in one question (母婴室和两癌筛查各有多少). The question is cut at
/// them; each piece that names a topic of its own is answered on its own.
const TOPIC_SEPARATORS: [&str; 16] = [
    "以及", "还有", "和", "与", "跟", "及", "、", ",", ";", "/", "&", " and ", "?", "!", "。", "\n",
];

/// Whether a question (NFKC, lowercase) has a word or mark that can join topics.
pub(crate) fn has_separator(text: &str) -> bool {
    TOPIC_SEPARATORS.iter().any(|separator| text.contains(separator)) || text.contains(char::is_whitespace)
}

/// The question cut at every [`TOPIC_SEPARATORS`] word, in one pass.
pub(crate) fn split_topics(text: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut position = 0;
    while position < text.len() {
        let rest = &text[position..];
        match TOPIC_SEPARATORS.iter().find(|separator| rest.starts_with(**separator)) {
            Some(separator) => {
                pieces.push(text[start..position].to_string());
                position += separator.len();
                start = position;
            }
            None => position += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    pieces.push(text[start..].to_string());
    pieces
}

/// Whether the question has two keyword hits that do not overlap: only then can it name
/// several topics (a cheap test before cutting it into pieces).
pub(crate) fn has_separate_hits(scoring: &Scoring) -> bool {
    scoring
        .hits
        .iter()
        .any(|a| scoring.hits.iter().any(|b| a.end <= b.start))
}

/// Each item's support summed over all the clauses' pieces, and the items the asking
/// clauses name.
fn item_support(clause_pieces: &[(bool, Vec<PieceRanking>)], item_count: usize) -> (Vec<f32>, Vec<usize>) {
    let mut support = vec![0.0f32; item_count];
    let mut asked_items: Vec<usize> = Vec::new();
    for (asks, pieces) in clause_pieces {
        for (item, _, score) in pieces.iter().flatten() {
            support[*item] += score;
            if *asks {
                asked_items.push(*item);
            }
        }
    }
    (support, asked_items)
}

/// Marks that end a clause of a question (a question or a statement of its own), unlike 和
/// or 、 that join topics inside one (NFKC: full-width marks are ASCII here). Topic parts and
/// the asking clauses of `details.rs` are cut at them.
pub(crate) const QUESTION_CLAUSE_ENDS: [char; 6] = [',', ';', '?', '!', '。', '\n'];

/// A space between Chinese characters separates clauses (母婴室有多少间 儿童友好建设点呢);
/// spaces between English words do not.
pub(crate) fn han_spaces_as_breaks(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (index, &c) in chars.iter().enumerate() {
        if c.is_whitespace() {
            let before = chars[..index].iter().rev().find(|c| !c.is_whitespace());
            let after = chars[index + 1..].iter().find(|c| !c.is_whitespace());
            if before.is_some_and(|c| is_han(*c)) && after.is_some_and(|c| is_han(*c)) {
                out.push('\n');
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Per item named by the pieces, in order of first mention: its ranking and the first
/// fact of each piece.
type PieceParts = Vec<(usize, FactRanking, Vec<usize>)>;

/// A clause asking about no topic asks about the need told just before it (想学直播卖货，
/// 有没有培训): that clause asks too.
fn ask_through_told_needs(clause_pieces: &mut [(bool, Vec<PieceRanking>)]) {
    for index in 1..clause_pieces.len() {
        let (asks, pieces) = &clause_pieces[index];
        if *asks && pieces.iter().all(Option::is_none) && !clause_pieces[index - 1].0 {
            clause_pieces[index - 1].0 = true;
        }
    }
}

/// The parts, at most `MAX_PARTS`, each piece's first fact leading in the question's order,
/// then the rest of its item's facts.
fn firsts_lead(parts: PieceParts) -> Vec<(usize, FactRanking)> {
    let mut parts: Vec<(usize, FactRanking)> = parts
        .into_iter()
        .map(|(item, mut ranking, firsts)| {
            let mut listed = firsts;
            for fact in &ranking.listed {
                if !listed.contains(fact) {
                    listed.push(*fact);
                }
            }
            listed.truncate(MAX_PARTS.max(MAX_ANSWER_FACTS));
            ranking.listed = listed;
            (item, ranking)
        })
        .collect();
    parts.truncate(MAX_PARTS);
    parts
}

/// One piece's best item, its facts and the item's score, if it names a topic.
type PieceRanking = Option<(usize, FactRanking, f32)>;

impl Engine {
    /// Per clause of a question: whether it asks, and each of its pieces' item, facts and
    /// score. A clause that only tells an amount (好几个小姑娘还单着) asks nothing.
    /// `telling`: per clause, whether it only tells an amount (`Question::telling`).
    fn clause_pieces(
        &self,
        telling: &[bool],
        clauses: &[&str],
        clause_texts: &[Vec<String>],
        analysis: &Analysis,
    ) -> Vec<(bool, Vec<PieceRanking>)> {
        let telling = if telling.len() == clauses.len() {
            telling.to_vec()
        } else {
            vec![false; clauses.len()]
        };
        clauses
            .iter()
            .zip(clause_texts)
            .zip(&telling)
            .map(|((clause, pieces), &tells)| {
                let asks = clauses.len() >= 2 && !tells && self.clause_asks(clause);
                let pieces = pieces.iter().map(|piece| self.piece_ranking(piece, analysis)).collect();
                (asks, pieces)
            })
            .collect()
    }

    /// Stage 4 of the pipeline: splits a question naming several topics into parts, one per
    /// topic, in order; empty when the question has one topic.
    /// `raw` is the question after NFKC, lowercase.
    /// `telling`: per clause, whether it only tells an amount (`Question::telling`).
    pub(crate) fn topic_parts(
        &self,
        raw: &str,
        analysis: &Analysis,
        telling: &[bool],
        tracer: &mut Tracer,
    ) -> Vec<(usize, FactRanking)> {
        let text = han_spaces_as_breaks(raw);
        let clauses: Vec<&str> = text
            .split(QUESTION_CLAUSE_ENDS)
            .filter(|clause| !clause.trim().is_empty())
            .collect();
        let clause_texts: Vec<_> = clauses.iter().map(|clause| split_topics(clause)).collect();
        let piece_count: usize = clause_texts.iter().map(Vec::len).sum();
        if piece_count < 2 {
            // One piece: nothing to split (and nothing to rank twice).
            return Vec::new();
        }
        let mut clause_pieces = self.clause_pieces(telling, &clauses, &clause_texts, analysis);
        ask_through_told_needs(&mut clause_pieces);
        // Clauses that only tell (no question word, no yes/no word) name no part when the
        // asking clauses name an item at least as strongly (each item's support summed
        // over all the clauses): 家里老公失业了，我想学网上卖货，有培训吗. Not where the asking
        // clause leans on the telling one (直播带货培训覆盖12154人次，是线上线下合计吗).
        let (support, asked_items) = item_support(&clause_pieces, self.knowledge.items.len());
        let asked_support = asked_items.iter().map(|&item| support[item]).fold(0.0f32, f32::max);
        // An asking clause whose items cannot answer what is asked (线上线下合共举办了多少场次,
        // where 上线 names the system's item) does not set aside a telling clause whose item
        // can (想了解妇联的宣讲工作): what the head asks decides between them.
        let asked_answerable = clause_pieces
            .iter()
            .filter(|(asks, _)| *asks)
            .flat_map(|(_, pieces)| pieces.iter().flatten())
            .any(|(_, ranking, _)| ranking.answerable);
        let mut parts: PieceParts = Vec::new();
        let mut told = false;
        // A telling clause naming the item an asking clause names only frames it
        // (在“三新”领域妇联组织里，直播领域的有多少个): the asking clause's facts lead.
        let mut framing: Vec<(usize, FactRanking)> = Vec::new();
        for (asks, pieces) in clause_pieces {
            for (best, ranking, _) in pieces.into_iter().flatten() {
                let sets_aside = asked_answerable || !ranking.answerable;
                if !asks && !asked_items.contains(&best) && support[best] <= asked_support && sets_aside {
                    told = true;
                    continue;
                }
                if !asks && asked_items.contains(&best) && !parts.iter().any(|(item, ..)| *item == best) {
                    framing.push((best, ranking));
                    continue;
                }
                merge_piece(&mut parts, best, ranking);
            }
        }
        for (best, ranking) in framing {
            merge_piece(&mut parts, best, ranking);
        }
        // Where telling clauses were set aside, the asking clause alone decides the item.
        let several = parts.len() >= 2 || parts.first().is_some_and(|(_, _, firsts)| told || firsts.len() >= 2);
        if !several {
            return Vec::new();
        }
        let parts = firsts_lead(parts);
        tracer.note(|| {
            let items: Vec<u8> = parts
                .iter()
                .map(|(item, _)| self.knowledge.items[*item].number)
                .collect();
            format!("topics: {piece_count} piece(s) name items {items:?}")
        });
        parts
    }

    /// Whether a clause asks something: a question word (多少, 什么) or a yes/no word (吗,
    /// 有没有) of a cue.
    pub(crate) fn clause_asks(&self, clause: &str) -> bool {
        let normalized = self.vocabulary.normalize(clause);
        self.has_interrogative(&normalized)
            || self
                .analyzer
                .analyze(&normalized, &[])
                .cues
                .iter()
                .any(|cue| cue.role != CueRole::Noun)
    }

    /// The best item of one piece and its facts, if the piece names a topic of its own.
    fn piece_ranking(&self, piece: &str, analysis: &Analysis) -> PieceRanking {
        let normalized = self.vocabulary.normalize(piece);
        let chars: Vec<char> = normalized.chars().collect();
        if chars.len() < 2 {
            return None;
        }
        let scoring = self.score_text(piece, &normalized, &chars);
        let &best = scoring.ranked_items().first()?;
        if scoring.hits.is_empty() || scoring.item_scores[best] < MIN_PART_SCORE {
            return None;
        }
        // Each piece may ask its own thing (多少剂 …, 多少名 …); a piece without a cue
        // shares the question's (母婴室和两癌筛查各有多少).
        let piece_spans = self.topic_spans(&scoring);
        let mut piece_analysis = self.analyzer.analyze(&normalized, &piece_spans);
        self.analyzer.drop_places_inside(&mut piece_analysis, &piece_spans);
        self.analyzer
            .drop_asker_places(&mut piece_analysis, piece, &normalized, &piece_spans, |text| {
                self.vocabulary.normalize(text)
            });
        let piece_analysis = if piece_analysis.asked.is_some() {
            piece_analysis
        } else {
            Analysis {
                other_places: piece_analysis.other_places,
                other_years: piece_analysis.other_years,
                ..analysis.clone()
            }
        };
        let ranking = rank_facts(
            &self.index,
            &self.analyzer,
            best,
            &scoring,
            &piece_analysis,
            &chars,
            None,
        );
        Some((best, ranking, scoring.item_scores[best]))
    }
}

/// Adds one piece's ranking to the parts: a new part for a new item, else the piece's first
/// fact joins the item's part.
fn merge_piece(parts: &mut PieceParts, best: usize, ranking: FactRanking) {
    let first = ranking.listed.first().copied();
    let Some((_, existing, firsts)) = parts.iter_mut().find(|(item, ..)| *item == best) else {
        parts.push((best, ranking, first.into_iter().collect()));
        return;
    };
    if let Some(first) = first
        && !firsts.contains(&first)
    {
        // A piece whose fact answers what is asked goes before one that only sets the
        // scene (带娃出门要喂奶，深圳有多少个母婴室).
        let answers = ranking.fits.get(first).is_some_and(|fit| *fit != Fit::No);
        let others_answer = firsts
            .iter()
            .any(|&f| existing.fits.get(f).is_some_and(|fit| *fit != Fit::No));
        if answers && !others_answer {
            firsts.insert(0, first);
            existing.fits = ranking.fits.clone();
        } else {
            firsts.push(first);
        }
    }
    existing.answerable |= ranking.answerable;
}

//! The thing a count question counts (issue 13): of the keywords in the noun a "how many"
//! governs, the one nearest the interrogative is what is counted, the ones before it its
//! frame (三新领域妇联组织里直播领域的有多少个 counts 直播领域's organizations). A fact
//! whose fitting figure's clause names that keyword (在直播领域建立妇联组织30个) answers
//! before one whose figure counts the frame (妇联组织1767个).

use super::analysis::{Analysis, Analyzer, Fit};
use super::hits::HitKind;
use super::index::Index;
use super::scoring::Scoring;

/// The keyword of the question's head noun nearest its interrogative (exact hits only), as
/// characters.
fn counted_keyword(index: &Index, analysis: &Analysis, scoring: &Scoring, chars: &[char]) -> Option<String> {
    let (start, end) = analysis.head_noun_span(chars)?;
    scoring
        .hits
        .iter()
        .filter(|hit| hit.kind == HitKind::Exact && start <= hit.start && hit.end <= end)
        .filter(|hit| !index.patterns[hit.pattern].no_topic && !index.patterns[hit.pattern].ascii)
        .max_by_key(|hit| (hit.end, hit.end - hit.start))
        .map(|hit| chars[hit.start..hit.end].iter().collect())
}

/// For each of an item's sentences (`docs`): whether a figure fitting what is asked counts
/// the question's counted keyword in its own clause. All false when no such keyword is
/// found, or when every fitting sentence names it alike (nothing to tell apart).
pub(crate) fn counted_keyword_facts(
    index: &Index,
    analyzer: &Analyzer,
    docs: &[usize],
    analysis: &Analysis,
    scoring: &Scoring,
    chars: &[char],
    fits: &[Fit],
) -> Vec<bool> {
    let none = vec![false; docs.len()];
    let Some(keyword) = counted_keyword(index, analysis, scoring, chars) else {
        return none;
    };
    let counts: Vec<bool> = docs
        .iter()
        .zip(fits)
        .map(|(&doc, &fit)| {
            fit != Fit::No
                && index.docs[doc].counts.iter().any(|phrase| {
                    phrase.clause.contains(keyword.as_str())
                        && analyzer.fit(analysis, &phrase.clause, std::slice::from_ref(&phrase.figure)) != Fit::No
                })
        })
        .collect();
    let fitting = fits.iter().filter(|&&fit| fit != Fit::No).count();
    let counting = counts.iter().filter(|&&c| c).count();
    if counting == 0 || counting == fitting {
        return none;
    }
    counts
}

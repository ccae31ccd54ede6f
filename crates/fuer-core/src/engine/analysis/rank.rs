//! A place asked by its rank (哪个区, 哪些城市, 哪个镇): only a fact naming a place of that
//! rank answers it (坪山区 answers 在哪个区试点; 社区, 城中村 do not, so 哪个区的儿童友好建设
//! 点最多 stays related), and not a place the question itself names (除坪山外还推广到了哪些区
//! is not answered by the fact naming 坪山区).

use super::{Analysis, Analyzer, CompiledKind};
use crate::engine::params::RANKED_PLACE_NAME_CHARS;

impl Analyzer {
    /// The rank a place question's deciding cue names (区 of 哪个区), if it names one: its
    /// last character, when a place name of the kind's words ends in it.
    fn asked_rank(&self, kind: &CompiledKind, analysis: &Analysis) -> Option<char> {
        let cue = analysis.head.cue.as_ref()?;
        let chars: Vec<char> = analysis.question.chars().collect();
        let written = chars.get(cue.start..cue.end)?;
        if !written.iter().any(|&c| c == '哪' || c == '边') {
            return None;
        }
        let rank = *written.last()?;
        kind.words
            .iter()
            .any(|word| is_ranked_name(kind, word, rank))
            .then_some(rank)
    }

    /// Whether a fact (normalized text) names a place of the rank a place question asks
    /// (true when it asks none).
    pub(super) fn names_asked_rank(&self, kind: &CompiledKind, analysis: &Analysis, fact_text: &str) -> bool {
        let Some(rank) = self.asked_rank(kind, analysis) else {
            return true;
        };
        let stems = kind
            .words
            .iter()
            .filter(|word| is_ranked_name(kind, word, rank))
            .filter_map(|word| word.strip_suffix(rank))
            .chain(std::iter::once(self.home.as_str()))
            .chain(
                self.place_patterns
                    .iter()
                    .filter(|(_, ascii)| !ascii)
                    .map(|(p, _)| p.as_str()),
            );
        let mut names = stems.filter(|stem| !stem.is_empty() && !analysis.question.contains(stem));
        names.any(|stem| fact_text.contains(&format!("{stem}{rank}")))
    }
}

/// Whether a place word is the name of a place of a rank (坪山区 of 区): of
/// [`RANKED_PLACE_NAME_CHARS`], the rank only at its end, neither ending in a shorter place
/// word (好社区 of 儿童友好社区 ends in 社区, a kind of place) nor the end of a longer one
/// (民小区 of 居民小区). The article's own names join the words (`add_named_places`), so
/// these cut the pieces of its sentences that are no names.
fn is_ranked_name(kind: &CompiledKind, word: &str, rank: char) -> bool {
    word.ends_with(rank)
        && word.chars().count() == RANKED_PLACE_NAME_CHARS
        && word.matches(rank).count() == 1
        && !kind.words.iter().any(|other| {
            let shorter = other.chars().count() < RANKED_PLACE_NAME_CHARS && word.ends_with(other.as_str());
            let longer = other.chars().count() > RANKED_PLACE_NAME_CHARS && other.ends_with(word);
            shorter || longer
        })
}

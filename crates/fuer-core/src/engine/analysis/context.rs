//! A place that is only the asker's context, not the scope of what is asked. The scope is a
//! place of the clause holding the question's head (its interrogative); a place another
//! clause names is the asker's where that clause says who the asker is, or where the asking
//! clause itself names the whole city:
//! - who the asker is, after the place in a clause asking nothing (`[words] personas`, or
//!   the clause ending in 的): 「罗湖开押当铺的,…总共几场?」, 「南山做机器人的妈妈,想知道
//!   …有多少个了?」, 「…是学习谁的…?我盐田的,社区让我们填表」;
//! - the asking clause names the whole city (`[words] city_wide`, the article's home):
//!   「盐田这边社区叫我去做两癌筛查,全市去年一共做了多少例啊?」, 「…全市搞了多少场?盐田
//!   这边我怎么没见过」 (a clause asking again what the head asks, or yes or no, keeps its
//!   place: 「全市有多少?南山有没有?」);
//! - the head asks which place (哪个区): a place after a yes/no word in another clause is the asker's
//!   guess (「是跟哪个区一起推进的?我在南山上班,想知道是不是南山」).
//!
//! A place of the head's clause always stays (福田区有多少母婴室, 南山的儿童友好社区日办了多少
//! 场), as does one a clause with no persona names before asking (罗湖区的母婴室,有多少间?), one
//! after `[words] hearsay` (听讲龙华有个…: what was heard is what is asked), and any place
//! where the asker asks whether they may (`[words] permission`, `asker.rs`).

use super::asker::occurrences;
use super::{Analysis, Analyzer, CueRole};

/// What the head's clause says of the other clauses' places.
struct HeadClause {
    /// The clause's index among the question's clauses.
    index: usize,
    /// The asked kind of the head, if any.
    kind: Option<usize>,
    /// It names the whole city (全市, 深圳).
    city_wide: bool,
    /// It asks which place (哪个区).
    asks_place: bool,
}

impl Analyzer {
    /// Where the question names a place only as the asker's context (see the module): the
    /// start and length of each such occurrence. `spans` are the question's clauses and
    /// `topic_spans` where it names the article's keywords (爱心妈妈 is no persona).
    pub(super) fn context_places(
        &self,
        analysis: &Analysis,
        chars: &[char],
        spans: &[(usize, usize)],
        topic_spans: &[(usize, usize)],
    ) -> Vec<(usize, usize)> {
        let Some(head) = self.head_clause(analysis, chars, spans) else {
            return Vec::new();
        };
        let aside = |start: usize, len: usize| {
            spans.iter().enumerate().any(|(at, &(s, e))| {
                s <= start
                    && start + len <= e
                    && at != head.index
                    && !self.heard(chars, s, start)
                    && self.context_clause(analysis, chars, (s, e), &head, start + len, topic_spans)
            })
        };
        let mut found = Vec::new();
        for place in &analysis.other_places {
            let place: Vec<char> = place.chars().collect();
            for start in occurrences(chars, &place) {
                if aside(start, place.len()) {
                    found.push((start, place.len()));
                }
            }
        }
        found
    }

    /// Whether a clause other than the head's, naming a place ending at `after`, is the
    /// asker's context: where the head asks which place, a guess at it after a yes/no word
    /// (是不是南山, not 香港有冇…); where the head's clause (or what the asker heard) names
    /// the whole city, a clause not asking again what the head asks
    /// or yes or no (南山有没有); otherwise a clause asking nothing that says who the asker is.
    fn context_clause(
        &self,
        analysis: &Analysis,
        chars: &[char],
        (start, end): (usize, usize),
        head: &HeadClause,
        after: usize,
        topic_spans: &[(usize, usize)],
    ) -> bool {
        let mut cues = analysis
            .cues
            .iter()
            .filter(|cue| cue.role != CueRole::Noun && cue.start < end && cue.end > start);
        if head.asks_place {
            return cues.any(|cue| self.kind_name(cue.kind) == "yesno" && cue.end <= after);
        }
        if head.city_wide {
            return !cues.any(|cue| Some(cue.kind) == head.kind || self.kind_name(cue.kind) == "yesno");
        }
        let text: String = chars[start..end].iter().collect();
        let asks = cues.next().is_some()
            || self
                .asker
                .interrogatives
                .iter()
                .any(|word| text.contains(word.as_str()));
        !asks && self.persona_after(chars, after, end, topic_spans)
    }

    /// The clause holding the head's interrogative (or its deciding cue).
    fn head_clause(&self, analysis: &Analysis, chars: &[char], spans: &[(usize, usize)]) -> Option<HeadClause> {
        let cue = analysis.head.interrogative.as_ref().or(analysis.head.cue.as_ref())?;
        let index = spans.iter().position(|&(s, e)| s <= cue.start && cue.start < e)?;
        let kind = analysis.head.cue.as_ref().map(|cue| cue.kind);
        // The clauses saying what is asked about: the head's, and what the asker heard
        // (听说市里有爱心妈妈结对,去年一共结对了多少个).
        let names_city = |(start, end): (usize, usize)| {
            let clause = &chars[start..end];
            self.asker
                .city_wide
                .iter()
                .any(|word| !occurrences(clause, word).is_empty())
        };
        let heard = |&(start, end): &(usize, usize)| self.heard(chars, start, end);
        Some(HeadClause {
            index,
            kind,
            city_wide: names_city(spans[index])
                || spans.iter().filter(|span| heard(span)).any(|&span| names_city(span)),
            asks_place: kind.is_some_and(|kind| self.kind_name(kind) == "place"),
        })
    }

    /// Whether the clause starting at `start` says before `at` that the asker heard it (听说).
    fn heard(&self, chars: &[char], start: usize, at: usize) -> bool {
        self.asker
            .hearsay
            .iter()
            .any(|word| !occurrences(&chars[start..at], word).is_empty())
    }

    /// Whether the rest of a clause after a place says who the asker is: it ends in 的
    /// (罗湖开押当铺的, 我盐田的) or holds a persona word outside the article's keywords
    /// (南山做机器人的妈妈, 罗湖典当行老板问一句).
    fn persona_after(&self, chars: &[char], from: usize, end: usize, topic_spans: &[(usize, usize)]) -> bool {
        if end > from && chars[end - 1] == '的' {
            return true;
        }
        self.asker.personas.iter().any(|word| {
            occurrences(&chars[from..end], word).iter().any(|&at| {
                let (s, e) = (from + at, from + at + word.len());
                !topic_spans.iter().any(|&(ts, te)| ts < e && s < te)
            })
        })
    }
}

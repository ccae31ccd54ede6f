//! One conversation step over several articles: which article a request goes to, the
//! engine-level step ([`crate::dialogue`]) in that article, and what several articles add to
//! the reply (the article an answer quotes, the other articles under a list).
//!
//! The conversation's [`Context`] carries its article's id. Commands go where they say:
//! `/list` to the latest article (and offers the others), `/list 2024` to that year's
//! articles, `/item 5` to the conversation's article (else the latest), `/item 2024 5` to
//! that year's, and the deep link `item5` to the first (oldest) article, which is what links
//! made before there were several articles meant. A question goes where
//! [`Library::route`] sends it, except that a follow-up the conversation's article answers
//! stays there.

use super::{Library, Routed};
use crate::conversation::{Context, ContextChange};
use crate::dialogue::{
    MAX_QUESTION_CHARS, Request, Response, Speak, deep_link_item, respond_in_context, respond_to_answer,
};
use crate::engine::{Answer, Status};
use crate::lang::Lang;
use crate::normalize::normalize;
use crate::reply::{Action, Button, Paragraph, Reply};
use crate::texts;

/// A response and the article it came from.
#[derive(Debug, Clone)]
pub struct ArticleResponse {
    /// The index of the article in [`Library::engines`].
    pub article: usize,
    pub response: Response,
}

/// Answers one request of a conversation whose context is `context` (none: a request on its
/// own), choosing the article as the module says, in the language `speak` chooses.
pub fn respond(library: &Library, request: Request<'_>, context: Option<&Context>, speak: Speak) -> ArticleResponse {
    let current = context.and_then(|context| library.index_of(&context.article));
    let lang = speak.lang_for(&request);
    match request {
        Request::Start(Some(payload)) => match deep_link(library, payload) {
            Some((article, number)) => respond_in_article(library, article, Request::Item(number), context, speak),
            None => welcome(library, speak),
        },
        Request::Start(None) => welcome(library, speak),
        Request::Help => respond_in_article(
            library,
            current.unwrap_or(library.latest_index()),
            request,
            context,
            speak,
        ),
        Request::List => list(library, library.latest_index(), context, speak),
        Request::ListOf(named) => list_of(library, named, context, speak),
        Request::Item(argument) => {
            let (article, number) = match item_article(library, argument) {
                Some((article, number)) => (article, number),
                None => (current.unwrap_or(library.latest_index()), argument),
            };
            respond_in_article(library, article, Request::Item(number), context, speak)
        }
        Request::Question(question) => {
            let mut routed = answer_question(library, question, context, current, speak, lang);
            name_the_article(library, &mut routed, lang);
            routed
        }
    }
}

/// Answers a request in the article at `article` (a button of that article, a deep link):
/// the conversation's context is used only when it is about that article, and a context
/// it sets is about that article.
pub fn respond_in_article(
    library: &Library,
    article: usize,
    request: Request<'_>,
    context: Option<&Context>,
    speak: Speak,
) -> ArticleResponse {
    let engine = library.engine(article);
    let id = &engine.knowledge().id;
    let here = context.filter(|context| context.article == *id && context.has_item());
    let mut response = respond_in_context(engine, request, here, speak);
    if let ContextChange::Set(context) = &mut response.context {
        context.article = id.clone();
    }
    ArticleResponse {
        article: library.index_of(id).unwrap_or(article),
        response,
    }
}

/// Answers a question in the article it goes to (see [`question_article`]). A question
/// asked without a context there is answered once: the routing's answer is the reply's.
/// `lang` is `speak`'s language for the question, read once by the caller (telling the
/// scripts apart walks a dictionary).
fn answer_question(
    library: &Library,
    question: &str,
    context: Option<&Context>,
    current: Option<usize>,
    speak: Speak,
    lang: Lang,
) -> ArticleResponse {
    let request = Request::Question(question);
    if question.chars().count() > MAX_QUESTION_CHARS {
        return respond_in_article(
            library,
            current.unwrap_or(library.latest_index()),
            request,
            context,
            speak,
        );
    }
    match question_article(library, question, context, current) {
        Chosen::Routed(routed) => {
            let Routed { article, answer } = *routed;
            let engine = library.engine(article);
            let mut response = respond_to_answer(engine, answer, None, lang);
            if let ContextChange::Set(context) = &mut response.context {
                context.article = engine.knowledge().id.clone();
            }
            ArticleResponse { article, response }
        }
        Chosen::Article(article) => respond_in_article(library, article, request, context, speak),
    }
}

/// Where a question goes: an article to answer it in (with the conversation's context),
/// or the answer routing found for it on its own.
enum Chosen {
    Article(usize),
    Routed(Box<Routed>),
}

/// The article a question of a conversation goes to: the one it names; else its
/// conversation's when the question is a follow-up answered there, unless it names a topic
/// of another article and none of the conversation's; else the best answer's (the
/// conversation's article unless another one ranks higher, [`super::Rank`]).
fn question_article(library: &Library, question: &str, context: Option<&Context>, current: Option<usize>) -> Chosen {
    let Some(current) = current else {
        return Chosen::Routed(Box::new(library.route(question)));
    };
    if library.engines().len() == 1 {
        return Chosen::Article(current);
    }
    let named = library.named_articles(question);
    if !named.is_empty() && !named.contains(&current) {
        return Chosen::Routed(Box::new(library.route(question)));
    }
    let focus = context.filter(|context| context.has_item()).map(Context::focus);
    let here = library.engine(current).answer_in_context(question, focus.as_ref());
    let used = here.context_use;
    if (used.topic || used.attribute || used.facts) && here.status == Status::Answered {
        // A follow-up stays, unless it names a topic only another article has (妈妈岗
        // after a 2025 question): it holds no keyword of the conversation's article and an
        // item's keyword of another (a fact's detail word, 依托, moves nothing); the first
        // answers it only through the context (on its own it declines), and another
        // article answers it on its own.
        let names_elsewhere = library.look(current, question).covered == 0
            && (0..library.engines().len())
                .any(|other| other != current && library.look(other, question).names_an_item);
        if !names_elsewhere {
            return Chosen::Article(current);
        }
        let routed = library.route(question);
        let elsewhere = routed.article != current
            && routed.answer.status == Status::Answered
            && library.engine(current).answer(question).status == Status::Declined;
        return if elsewhere {
            Chosen::Routed(Box::new(routed))
        } else {
            Chosen::Article(current)
        };
    }
    let routed = library.route(question);
    let better = routed.article != current
        && routed.answer.status == Status::Answered
        && library.rank(routed.article, question, &routed.answer) > library.rank(current, question, &here);
    if better {
        Chosen::Routed(Box::new(routed))
    } else {
        Chosen::Article(current)
    }
}

/// With several articles, an answer about an item says which article it quotes.
fn name_the_article(library: &Library, routed: &mut ArticleResponse, lang: Lang) {
    if library.engines().len() < 2 {
        return;
    }
    let quotes = routed
        .response
        .answer
        .as_ref()
        .is_some_and(|answer: &Answer| answer.item.is_some() && answer.status != Status::Declined);
    if quotes {
        let title = &library.engine(routed.article).knowledge().source.title;
        routed
            .response
            .reply
            .paragraphs
            .push(Paragraph::italic(texts::quoted_article(lang, &lang.script(title))));
    }
}

/// `/start`: the latest article's welcome, and the other articles.
fn welcome(library: &Library, speak: Speak) -> ArticleResponse {
    let article = library.latest_index();
    let mut routed = respond_in_article(library, article, Request::Start(None), None, speak);
    offer_other_articles(library, &[article], &mut routed.response.reply, routed.response.lang);
    routed
}

/// An article's list, and the other articles; the conversation is now in that article.
fn list(library: &Library, article: usize, context: Option<&Context>, speak: Speak) -> ArticleResponse {
    let mut routed = respond_in_article(library, article, Request::List, context, speak);
    offer_other_articles(library, &[article], &mut routed.response.reply, routed.response.lang);
    let id = &library.engine(article).knowledge().id;
    if context.is_none_or(|context| context.article != *id) {
        routed.response.context = ContextChange::Set(Context::of_article(id));
    }
    routed
}

/// `/list X`: the list of the article X names (its year, id or title); every article of
/// the year when several share it; or the articles there are, when X names none.
fn list_of(library: &Library, named: &str, context: Option<&Context>, speak: Speak) -> ArticleResponse {
    let lang = speak.lang_for(&Request::List);
    let articles = library.articles_named_by(named);
    match articles.as_slice() {
        [] => {
            let mut reply = Reply {
                paragraphs: vec![Paragraph::plain(texts::no_article_named(lang, named.trim()))],
                keyboard: Vec::new(),
            };
            offer_other_articles(library, &[], &mut reply, lang);
            ArticleResponse {
                article: library.latest_index(),
                response: Response::reply_only(lang, reply),
            }
        }
        [article] => list(library, *article, context, speak),
        several => {
            let year = library.engine(several[0]).knowledge().year;
            let mut reply = Reply {
                paragraphs: vec![Paragraph::plain(texts::articles_of_year(lang, year, several.len()))],
                keyboard: Vec::new(),
            };
            for &article in several {
                let list = respond_in_article(library, article, Request::List, None, speak)
                    .response
                    .reply;
                reply.paragraphs.extend(list.paragraphs);
                reply.keyboard.push(vec![article_button(library, article, lang)]);
            }
            ArticleResponse {
                article: several[0],
                response: Response::reply_only(lang, reply),
            }
        }
    }
}

/// A button opening the list of the article at `article`.
fn article_button(library: &Library, article: usize, lang: Lang) -> Button {
    let knowledge = library.engine(article).knowledge();
    Button {
        label: texts::article_button(&lang.script(&knowledge.source.title)),
        action: Action::ShowArticle(knowledge.id.clone()),
    }
}

/// Adds the articles other than `shown` under a reply: a line saying how to list them and
/// a button each. Nothing with one article.
fn offer_other_articles(library: &Library, shown: &[usize], reply: &mut Reply, lang: Lang) {
    let others: Vec<usize> = (0..library.engines().len())
        .rev()
        .filter(|article| !shown.contains(article))
        .collect();
    let Some(&example) = others.first() else {
        return;
    };
    if !shown.is_empty() {
        reply.paragraphs.push(Paragraph::plain(format!(
            "{}{}",
            texts::OTHER_ARTICLES_HEADER.get(lang),
            texts::other_articles_hint(lang, &library.engine(example).knowledge().year.to_string())
        )));
    }
    for article in others {
        reply.keyboard.push(vec![article_button(library, article, lang)]);
    }
}

/// The article and item of a deep-link payload: `item5` is the first (oldest) article's,
/// as links made before several articles were served meant; `<id>_item5` names its article.
fn deep_link<'a>(library: &Library, payload: &'a str) -> Option<(usize, &'a str)> {
    let payload = payload.trim();
    if let Some(number) = deep_link_item(payload) {
        return Some((0, number));
    }
    let (id, item) = payload.rsplit_once('_')?;
    Some((library.index_of(id)?, deep_link_item(item)?))
}

/// `/item 2024 5`, `/item 2025-shenzhen 5`: the article the first word names (the latest of
/// that year when several share it) and the rest; `None` when the argument names none.
fn item_article<'a>(library: &Library, argument: &'a str) -> Option<(usize, &'a str)> {
    let (first, rest) = argument.trim().split_once(char::is_whitespace)?;
    let article = library.articles_named_by(first).last().copied()?;
    Some((article, rest.trim()))
}

impl Library {
    /// The articles `named` (an argument of `/list`) stands for: the article of that id, the
    /// articles of that year (「2024」, 「2024年」), or those whose title contains it.
    pub fn articles_named_by(&self, named: &str) -> Vec<usize> {
        if let Some(article) = self.index_of(named.trim()) {
            return vec![article];
        }
        let named = normalize(named.trim());
        if named.is_empty() {
            return Vec::new();
        }
        let bare_year = named.strip_suffix('年').unwrap_or(&named);
        if bare_year.len() == 4 && bare_year.bytes().all(|b| b.is_ascii_digit()) {
            return bare_year
                .parse::<u16>()
                .ok()
                .filter(|&year| crate::knowledge::is_plausible_year(year))
                .map(|year| self.of_year(year))
                .unwrap_or_default();
        }
        (0..self.engines().len())
            .filter(|&article| normalize(&self.engine(article).knowledge().source.title).contains(&named))
            .collect()
    }
}

//! The keyword the unanswered page suggests for a question: the noun phrase it asks about
//! (interrogatives, particles and what it asks taken out; not a keyword already there).

use fuer_core::knowledge::suggest::KeywordSuggester;

#[test]
fn suggested_keywords_are_the_noun_phrase_asked_about() {
    let knowledge = fuer_bot::knowledge_dir::load_knowledge_dir(&crate::support::knowledge_dir())
        .expect("the shipped knowledge")
        .into_first();
    let suggester = KeywordSuggester::new(&knowledge);
    // (question, suggestion)
    for (question, expected) in [
        ("外卖小哥有妇联吗", "外卖小哥"),
        ("外卖小哥有妇联吗？", "外卖小哥"),
        ("集乳室有多少", "集乳室"),
        ("集乳室在哪里", "集乳室"),
        // 快递员 is a keyword already: the word to add is the other one.
        ("请问快递员有没有工会", "工会"),
        ("社区食堂是什么", "社区食堂"),
        ("鹏城有爱相亲会怎么报名", "鹏城有爱相亲会"),
        ("明天会下雨吗", "明天会下雨"),
        // Nothing new: the longest piece, the article's own term.
        ("母婴室有多少间", "母婴室"),
    ] {
        assert_eq!(suggester.suggest(question), expected, "{question}");
    }
}

//! One dialogue step over the shipped knowledge: navigation, "more", follow-ups.

use fuer_core::conversation::{Context, ContextChange};
use fuer_core::dialogue::{Request, Speak, respond, respond_in_context};
use fuer_core::engine::{Engine, Status};
use fuer_core::lang::Lang;
use fuer_core::texts;

fn engine() -> &'static Engine {
    crate::support::shipped_engine()
}

/// Runs a conversation; returns each turn's (item, status, first fact).
fn converse(engine: &Engine, turns: &[&str]) -> Vec<(Option<u8>, Option<Status>, String)> {
    let mut context: Option<Context> = None;
    let mut results = Vec::new();
    for turn in turns {
        let response = match fuer_core::command::parse_command(turn, None) {
            Some(fuer_core::command::ParsedCommand::Known(command)) => {
                respond_in_context(engine, command.request(), context.as_ref(), Speak::default())
            }
            _ => respond_in_context(engine, Request::Question(turn), context.as_ref(), Speak::default()),
        };
        if let ContextChange::Set(next) = response.context.clone() {
            context = Some(next);
        }
        let answer = response.answer;
        let first_fact = answer
            .as_ref()
            .and_then(|a| {
                Some(
                    engine
                        .knowledge()
                        .item(a.item?)?
                        .facts
                        .get(*a.facts.first()?)?
                        .text
                        .clone(),
                )
            })
            .unwrap_or_default();
        results.push((
            answer.as_ref().and_then(|a| a.item),
            answer.map(|a| a.status),
            first_fact,
        ));
    }
    results
}

#[test]
fn navigation_moves_from_the_conversations_item_and_stops_at_the_ends() {
    let engine = engine();
    let turns = converse(engine, &["/item 9", "下一件", "下一件", "上一件"]);
    let items: Vec<Option<u8>> = turns.iter().map(|t| t.0).collect();
    assert_eq!(items, vec![Some(9), Some(10), None, Some(9)]);
    let at_end = respond_in_context(
        engine,
        Request::Question("下一件"),
        Some(&Context::whole_item(10, 3)),
        Speak::default(),
    );
    assert!(
        at_end
            .reply
            .to_plain_text()
            .contains(&texts::navigation_at_last(Lang::Simplified, 10))
    );
    let alone = respond(engine, Request::Question("下一件"));
    assert!(alone.reply.to_plain_text().contains(texts::FOLLOW_UP_WITHOUT_TOPIC.zh));
}

#[test]
fn more_shows_what_was_not_shown_then_the_whole_item() {
    let engine = engine();
    let turns = converse(engine, &["爱心妈妈有多少名", "详细一点", "详细一点"]);
    assert_eq!(turns[0].0, Some(8));
    assert_eq!(turns[1].0, Some(8));
    assert_ne!(turns[1].2, turns[0].2, "more shows another fact");
    assert_eq!(turns[2].0, Some(8));
}

#[test]
fn follow_ups_take_what_they_leave_out_from_the_conversation() {
    let engine = engine();
    let turns = converse(
        engine,
        &[
            "母婴室有多少间",
            "那两癌筛查呢",
            "其中免费的有多少",
            "在哪里可以打",
            "深圳明天会下雨吗",
        ],
    );
    assert!(turns[0].2.contains("1480"), "{turns:?}");
    assert!(turns[1].2.contains("208.8万"), "{turns:?}");
    assert!(turns[2].2.contains("60.44万"), "{turns:?}");
    assert_eq!(turns[3].1, Some(Status::Related), "{turns:?}");
    assert_eq!(turns[4].1, Some(Status::Declined), "{turns:?}");
}

#[test]
fn references_follow_up_and_a_much_stronger_topic_wins() {
    let engine = engine();
    let turns = converse(engine, &["维权智慧系统", "它获得了什么荣誉"]);
    assert!(turns[1].2.contains("十大案例"), "{turns:?}");
    // 荣誉 is a keyword of item 6 too, but the question names item 3 strongly.
    let turns = converse(engine, &["家风服务开展了多少场", "维权关爱智慧系统获评了什么荣誉"]);
    assert_eq!(turns[1].0, Some(3), "{turns:?}");
    // Without a reference, a question of words the article never uses is new.
    let turns = converse(engine, &["/item 5", "推荐几个深圳好吃的餐厅"]);
    assert_eq!(turns[1].1, Some(Status::Declined), "{turns:?}");
}

#[test]
fn a_complete_question_on_another_topic_ignores_the_context() {
    let engine = engine();
    let turns = converse(engine, &["/item 4", "来过多少人", "儿童友好建设点有多少个"]);
    assert!(turns[1].2.contains("716万"), "{turns:?}");
    assert_eq!(turns[2].0, Some(7), "{turns:?}");
}

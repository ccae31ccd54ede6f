//! Confirmations and Cantonese follow-up heads (issue 13). A yes/no word governing only a
//! word asking whether something is true (是不是真的, 係咪真㗎, 是真的吗: `[words]
//! confirmations`) asks to confirm what the asker heard, so the fact stating it answers;
//! a thing the article never names stays unanswered. Cantonese question words (咩, 咩嘢)
//! and hedges (主要) in follow-ups keep the conversation's item; an ordinal said of the
//! topic pointed back at (which first lady visited it, is that the first one) is no
//! item number.

use fuer_core::engine::Status;

use crate::support::{after, check_after, check_first_fact as check};

/// Confirming what was heard, in Simplified, Traditional and Cantonese: the fact answers.
#[test]
fn a_confirmation_is_answered_by_the_fact_stating_it() {
    for (question, item, phrase) in [
        (
            "听人说坪山搞了个五分钟妇儿救助服务圈，是真的吗？",
            10,
            "五分钟妇儿救助服务圈",
        ),
        (
            "網上話坪山有個五分鐘婦兒救助服務圈，係咪真嘅？",
            10,
            "五分钟妇儿救助服务圈",
        ),
        ("同事讲深圳有全省首个家庭教育指导共建基地，是不是真的？", 6, "全省首个"),
    ] {
        check(question, Status::Answered, item, phrase);
    }
}

/// The other side: confirming a thing the article never names is not answered.
#[test]
fn a_confirmation_of_an_unnamed_thing_is_not_answered() {
    for question in ["听说妇儿大厦有停车场，是不是真的？", "聽講母嬰室有尿布台，係咪真㗎？"]
    {
        let answer = crate::support::shipped_engine().answer(question);
        assert_ne!(answer.status, Status::Answered, "{question}: {answer:?}");
    }
}

/// Cantonese follow-ups asking 咩 / 咩嘢, or hedged with 主要, stay on the item.
#[test]
fn cantonese_follow_ups_keep_the_item() {
    for (first, then, item, phrase) in [
        (
            "去年深圳集體婚禮有幾多對新人？",
            "佢哋仲發起咗咩嘢倡議？",
            6,
            "抵制高价彩礼",
        ),
        ("深圳公共場所有幾多間母嬰室？", "主要覆蓋咗咩地方？", 5, "交通枢纽"),
    ] {
        check_after(first, then, Status::Answered, item, phrase);
    }
    // An out-of-scope follow-up stays unanswered.
    let answer = after("深圳公共場所有幾多間母嬰室？", "佢幾點開門？");
    assert_ne!(answer.status, Status::Answered, "{answer:?}");
}

/// An ordinal said of the topic pointed back at is no item number.
#[test]
fn an_ordinal_of_the_topic_is_not_an_item_number() {
    check_after(
        "Tell me about the Shenzhen Women and Children Building",
        "Which first lady came to see it?",
        Status::Answered,
        4,
        "哥伦比亚",
    );
    check_after(
        "What did the women's federation do with the court on family education?",
        "Is that the first one in the province?",
        Status::Answered,
        6,
        "全省首个",
    );
    // A bare ordinal still names an item.
    let answer = after(
        "Tell me about the Shenzhen Women and Children Building",
        "And the first one?",
    );
    assert_eq!(answer.item, Some(1), "{answer:?}");
}

//! Answers an article writes in words where the shared rules expect none or a figure: the
//! names of the people it quotes after their title (负责人何婉清介绍, 主席罗美华说), which
//! answer 负责人是谁; and the weekly days it sets (每周三晚开展直播), which answer 什么时候.
//! An imported article may say what the 2024 one never did; these are read from its own
//! (normalized) fact texts, so an article that writes neither is answered as before.

use crate::engine::params::PERSON_NAME_CHARS;

/// The names written right after one of `titles` (a kind's cues: 负责人, 主席) and right
/// before one of `verbs` (`[words] name_verbs`, of saying or doing: 说, 介绍, 获得): 负责人何婉清介绍
/// names 何婉清. A title followed by other words (总书记关于…) names nobody.
pub(super) fn titled_names(titles: &[String], verbs: &[String], texts: &[String]) -> Vec<String> {
    let titles: Vec<&str> = titles
        .iter()
        .map(String::as_str)
        .filter(|title| title.chars().count() >= 2 && title.chars().all(crate::normalize::is_han))
        .collect();
    let mut names: Vec<String> = Vec::new();
    for text in texts {
        for title in &titles {
            for after in text_after_each(text, title) {
                if let Some(name) = name_before_verb(after, verbs)
                    && !names.contains(&name)
                {
                    names.push(name);
                }
            }
        }
    }
    names
}

/// The text after each occurrence of `title` in `text`, overlapping ones included (searched
/// on the bytes, without collecting characters).
fn text_after_each<'a>(text: &'a str, title: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = from + text.get(from..)?.find(title)?;
        from = at + text[at..].chars().next().map_or(1, char::len_utf8);
        Some(&text[at + title.len()..])
    })
}

/// The name of [`PERSON_NAME_CHARS`] Han characters (the longest first) that `after` starts
/// with, when one of `verbs` follows it.
fn name_before_verb(after: &str, verbs: &[String]) -> Option<String> {
    PERSON_NAME_CHARS.rev().find_map(|length| {
        let end = after
            .char_indices()
            .map(|(at, _)| at)
            .chain(std::iter::once(after.len()))
            .nth(length)?;
        let (name, rest) = after.split_at(end);
        if !name.chars().all(crate::normalize::is_han) {
            return None;
        }
        verbs
            .iter()
            .any(|verb| !verb.is_empty() && rest.starts_with(verb.as_str()))
            .then(|| name.to_string())
    })
}

/// The names of the days (one of `days`, `[words] weekdays`: 三, 日) an article sets weekly:
/// 每周三, 星期三.
pub(super) fn weekly_days(days: &[String], texts: &[String]) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for day in days {
        for word in [format!("每周{day}"), format!("星期{day}")] {
            if texts.iter().any(|text| text.contains(word.as_str())) && !found.contains(&word) {
                found.push(word);
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn names_after_a_title_before_a_verb() {
        let titles = strings(&["负责人", "主席", "书记"]);
        let verbs = strings(&["说", "介绍", "获得"]);
        let cases: &[(&str, &[&str])] = &[
            ("市级庇护中心负责人何婉清介绍,全市组建了志愿服务队", &["何婉清"]),
            ("龙华区非遗项目负责人叶春梅获得最佳人气奖", &["叶春梅"]),
            ("妇联主席罗美华说,“我们会继续努力。”", &["罗美华"]),
            ("馆负责人王芳说,欢迎市民", &["王芳"]),
            ("深入学习贯彻习近平总书记关于妇女儿童工作的重要论述", &[]),
            ("负责人员培训300人次", &[]),
            // Read on the text's bytes: a title at the very end, a name in Latin letters,
            // a title written twice in a row, two names in one text (in the titles' order).
            ("活动的负责人", &[]),
            ("负责人tom说", &[]),
            ("主席主席陈小红获得表彰", &["陈小红"]),
            ("书记张三说,主席李四介绍", &["李四", "张三"]),
        ];
        for (text, want) in cases {
            assert_eq!(
                titled_names(&titles, &verbs, &strings(&[text])),
                strings(want),
                "{text}"
            );
        }
    }

    #[test]
    fn weekly_days_written() {
        let days = strings(&["一", "三", "日"]);
        let cases: &[(&str, &[&str])] = &[
            ("每周三晚开展家教直播间答疑", &["每周三"]),
            ("星期日上午开放", &["星期日"]),
            ("服务一周年", &[]),
            ("四周一次", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(weekly_days(&days, &strings(&[text])), strings(want), "{text}");
        }
    }
}

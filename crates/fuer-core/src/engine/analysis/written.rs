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
    let mut names: Vec<String> = Vec::new();
    for text in texts {
        let chars: Vec<char> = text.chars().collect();
        for title in titles {
            let title: Vec<char> = title.chars().collect();
            if title.len() < 2 || !title.iter().all(|c| crate::normalize::is_han(*c)) {
                continue;
            }
            for start in 0..chars.len().saturating_sub(title.len()) {
                if chars[start..start + title.len()] != title[..] {
                    continue;
                }
                if let Some(name) = name_before_verb(&chars[start + title.len()..], verbs)
                    && !names.contains(&name)
                {
                    names.push(name);
                }
            }
        }
    }
    names
}

/// The name of [`PERSON_NAME_CHARS`] Han characters (the longest first) that `after` starts
/// with, when one of `verbs` follows it.
fn name_before_verb(after: &[char], verbs: &[String]) -> Option<String> {
    PERSON_NAME_CHARS.rev().find_map(|length| {
        let name = after.get(..length)?;
        if !name.iter().all(|c| crate::normalize::is_han(*c)) {
            return None;
        }
        let rest: String = after[length..].iter().collect();
        verbs
            .iter()
            .any(|verb| !verb.is_empty() && rest.starts_with(verb.as_str()))
            .then(|| name.iter().collect())
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

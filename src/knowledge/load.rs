//! Reading the knowledge directory from disk: the only file I/O of the knowledge base.

use std::fs;
use std::path::Path;

use super::{ARTICLE_FILE_NAME, KnowledgeBase, KnowledgeFile, Problem, parse_knowledge};

/// Reads every `*.toml` file of `dir` and the article (`source.txt`), sorted by name, and
/// parses them into a knowledge base.
/// Unreadable files and a missing directory are reported as problems too.
/// The readable files are still checked, so one run reports every problem.
pub fn load_knowledge_dir(dir: &Path) -> Result<KnowledgeBase, Vec<Problem>> {
    let (files, mut problems) = read_files(dir)?;
    match parse_knowledge(&files) {
        Ok(knowledge) if problems.is_empty() => Ok(knowledge),
        Ok(_) => Err(problems),
        Err(parse_problems) => {
            problems.extend(parse_problems);
            Err(problems)
        }
    }
}

/// Reads the `*.toml` files of `dir`, sorted by file name; any unreadable file is an error.
pub fn read_knowledge_files(dir: &Path) -> Result<Vec<KnowledgeFile>, Vec<Problem>> {
    let (files, problems) = read_files(dir)?;
    if problems.is_empty() { Ok(files) } else { Err(problems) }
}

/// The readable `*.toml` files of `dir` (sorted by name) and the problems of the others.
fn read_files(dir: &Path) -> Result<(Vec<KnowledgeFile>, Vec<Problem>), Vec<Problem>> {
    let display_dir = dir.display().to_string();
    let entries = fs::read_dir(dir).map_err(|error| {
        vec![Problem {
            path: display_dir.clone(),
            line: 0,
            message: format!("cannot read the knowledge directory: {error}"),
        }]
    })?;
    let mut paths: Vec<_> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| {
            path.is_file()
                && (path.extension().is_some_and(|ext| ext == "toml")
                    || path.file_name().is_some_and(|name| name == ARTICLE_FILE_NAME))
        })
        .collect();
    paths.sort();
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let display = path.display().to_string();
        match fs::read_to_string(&path) {
            Ok(contents) => files.push(KnowledgeFile {
                path: display,
                contents,
            }),
            Err(error) => problems.push(Problem {
                path: display,
                line: 0,
                message: format!("cannot read file: {error}"),
            }),
        }
    }
    Ok((files, problems))
}

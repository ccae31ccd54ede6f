//! Reading the knowledge directory from disk: the only file I/O of the knowledge base.
//!
//! Sizes are checked before anything is read, so that a folder far larger than an article's
//! knowledge (which would take seconds or gigabytes to load) is refused with a clear limit.

use std::fs;
use std::path::{Path, PathBuf};

use fuer_core::knowledge::messages::{self, fill};
use fuer_core::knowledge::{ARTICLE_FILE_NAME, Knowledge, KnowledgeFile, Problem, parse_knowledge_with};

/// The largest knowledge file read, in bytes (the largest shipped one has about 6 KB).
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;
/// The most bytes read from the whole directory.
pub const MAX_TOTAL_BYTES: u64 = 4 * 1024 * 1024;
/// The most knowledge files (`*.toml` and the article) in the directory.
pub const MAX_FILES: usize = 400;

/// Reads the knowledge directory `dir` — the shared `*.toml` files directly in it and each
/// article's folder (its `*.toml` files and its article, `source.txt`) — sorted by path, and
/// parses them into the articles' knowledge bases.
/// Unreadable files and a missing directory are reported as problems too.
/// The readable files are still checked, so one run reports every problem.
pub fn load_knowledge_dir(dir: &Path) -> Result<Knowledge, Vec<Problem>> {
    let (files, mut problems) = read_files(dir)?;
    // A file that could not be read has its problem already: the parser must not add a
    // second one for it (such as "item 6 is missing").
    let unreadable: Vec<&str> = problems.iter().map(|problem| problem.path.as_str()).collect();
    match parse_knowledge_with(&dir.display().to_string(), &files, &unreadable) {
        Ok(knowledge) if problems.is_empty() => Ok(knowledge),
        Ok(_) => Err(problems),
        Err(parse_problems) => {
            problems.extend(parse_problems);
            Err(problems)
        }
    }
}

/// Reads the knowledge files of `dir`, sorted by path; any unreadable file is an error.
pub fn read_knowledge_files(dir: &Path) -> Result<Vec<KnowledgeFile>, Vec<Problem>> {
    let (files, problems) = read_files(dir)?;
    if problems.is_empty() { Ok(files) } else { Err(problems) }
}

/// Whether the loader reads a file of this name: `*.toml` and the article.
fn is_knowledge_file(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext == "toml") || path.file_name().is_some_and(|name| name == ARTICLE_FILE_NAME)
}

/// Whether a folder of the knowledge directory is an article's: not hidden (`.history`)
/// and not a temporary folder of an editor or of a save (`_draft`).
pub fn is_article_folder(path: &Path) -> bool {
    path.file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| !name.starts_with('.') && !name.starts_with('_'))
}

fn problem(path: &Path, message: impl Into<String>) -> Problem {
    Problem {
        path: path.display().to_string(),
        line: 0,
        message: message.into(),
    }
}

/// The knowledge files directly in `dir` (`*.toml`, the article), and the folders in it.
fn list(dir: &Path, problems: &mut Vec<Problem>) -> Result<(Vec<PathBuf>, Vec<PathBuf>), Problem> {
    let entries = fs::read_dir(dir).map_err(|error| problem(dir, fill(messages::CANNOT_READ_DIRECTORY, &[&error])))?;
    let mut files = Vec::new();
    let mut folders = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                // Follows links: a link to a folder or file is read like it. A folder with
                // a knowledge file's name is reported when it is read.
                if path.is_dir() && !is_knowledge_file(&path) {
                    folders.push(path);
                } else if is_knowledge_file(&path) {
                    files.push(path);
                }
            }
            Err(error) => problems.push(problem(dir, fill(messages::CANNOT_LIST_DIRECTORY, &[&error]))),
        }
    }
    Ok((files, folders))
}

/// The readable knowledge files of `dir` and of its article folders (sorted by path) and
/// the problems of the others.
fn read_files(dir: &Path) -> Result<(Vec<KnowledgeFile>, Vec<Problem>), Vec<Problem>> {
    let mut problems = Vec::new();
    let (mut paths, folders) = list(dir, &mut problems).map_err(|problem| vec![problem])?;
    for folder in folders.iter().filter(|folder| is_article_folder(folder)) {
        match list(folder, &mut problems) {
            Ok((files, _)) => paths.extend(files),
            Err(problem) => problems.push(problem),
        }
    }
    paths.sort();
    if paths.len() > MAX_FILES {
        return Err(vec![problem(
            dir,
            fill(messages::TOO_MANY_FILES, &[&paths.len(), &MAX_FILES]),
        )]);
    }
    let mut files = Vec::new();
    let mut total: u64 = 0;
    for path in paths {
        // Follows links: a link to a knowledge file is read like the file.
        let metadata = match fs::metadata(&path) {
            Ok(metadata) => metadata,
            Err(error) => {
                problems.push(problem(&path, fill(messages::CANNOT_READ_FILE, &[&error])));
                continue;
            }
        };
        if !metadata.is_file() {
            problems.push(problem(&path, messages::NOT_A_FILE));
            continue;
        }
        if metadata.len() > MAX_FILE_BYTES {
            problems.push(problem(
                &path,
                fill(messages::FILE_TOO_LARGE, &[&metadata.len(), &MAX_FILE_BYTES]),
            ));
            continue;
        }
        total += metadata.len();
        if total > MAX_TOTAL_BYTES {
            problems.push(problem(
                dir,
                fill(messages::TOO_MANY_BYTES, &[&MAX_TOTAL_BYTES, &path.display()]),
            ));
            break;
        }
        match fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(contents) => files.push(KnowledgeFile {
                    path: path.display().to_string(),
                    // Notepad's byte order mark is no part of the text.
                    contents: match contents.strip_prefix('\u{feff}') {
                        Some(rest) => rest.to_string(),
                        None => contents,
                    },
                }),
                Err(_) => problems.push(problem(&path, messages::NOT_UTF8)),
            },
            Err(error) => problems.push(problem(&path, fill(messages::CANNOT_READ_FILE, &[&error]))),
        }
    }
    Ok((files, problems))
}

/// Copies a knowledge directory: its shared files and its article folders (hidden folders
/// such as `.history` are left out). `to` is created when missing; files already there are
/// overwritten.
pub fn copy_knowledge_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let path = entry?.path();
        let Some(name) = path.file_name() else { continue };
        if path.is_dir() {
            if is_article_folder(&path) {
                copy_knowledge_dir(&path, &to.join(name))?;
            }
        } else if is_knowledge_file(&path) || path.extension().is_some_and(|ext| ext == "md") {
            fs::copy(&path, to.join(name))?;
        }
    }
    Ok(())
}

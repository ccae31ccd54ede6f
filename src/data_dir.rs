//! The data directory (`DATA_DIR`): created when missing, with errors that say what is wrong
//! in the admin's terms (a file where the directory should be, a directory that cannot be
//! written) instead of the operating system's bare "File exists".

use std::io::ErrorKind;
use std::path::Path;

/// Creates `dir` (and its parents) if it does not exist. The error names the directory and,
/// for the usual mistakes, what to do.
pub fn create_data_dir(dir: &Path) -> Result<(), String> {
    // Created first, examined only on failure: processes starting together may create it
    // at the same moment, which is no error.
    let Err(error) = std::fs::create_dir_all(dir) else {
        return Ok(());
    };
    if dir.is_dir() {
        return Ok(());
    }
    if dir.exists() {
        return Err(format!(
            "the data directory {} is a file, not a directory: set DATA_DIR (or --data-dir) to a directory, or move the file away",
            dir.display()
        ));
    }
    Err({
        let reason = match error.kind() {
            ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => {
                "permission denied: run as a user who may write there, or set DATA_DIR (or --data-dir) to a writable directory".to_string()
            }
            ErrorKind::AlreadyExists | ErrorKind::NotADirectory => {
                "a part of the path is a file, not a directory".to_string()
            }
            _ => error.to_string(),
        };
        format!("cannot create the data directory {}: {reason}", dir.display())
    })
}

/// Why a file cannot be written in the data directory `dir`, in the admin's terms: the
/// directory is read-only, or the operating system's reason.
pub fn unwritable(dir: &Path, error: &std::io::Error) -> String {
    match error.kind() {
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => format!(
            "the data directory {} is not writable: run as a user who may write there, or set DATA_DIR (or --data-dir) to a writable directory",
            dir.display()
        ),
        _ => format!("cannot write in the data directory {}: {error}", dir.display()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_directory_mistakes_are_named() {
        let root = tempfile::tempdir().expect("temp dir");
        let file = root.path().join("afile");
        std::fs::write(&file, "x").expect("write");
        let cases: [(&Path, Option<&str>); 4] = [
            (root.path(), None),
            (&root.path().join("new/nested"), None),
            (&file, Some("is a file, not a directory")),
            (&file.join("below"), Some("a part of the path is a file")),
        ];
        for (dir, expected) in cases {
            match (create_data_dir(dir), expected) {
                (Ok(()), None) => assert!(dir.is_dir()),
                (Err(message), Some(expected)) => {
                    assert!(message.contains(expected), "{message}");
                    assert!(message.contains(&dir.display().to_string()), "{message}");
                    assert!(!message.contains("os error"), "{message}");
                }
                (result, expected) => panic!("{}: {result:?}, expected {expected:?}", dir.display()),
            }
        }
    }

    #[test]
    fn an_unwritable_directory_is_named_without_temporary_files() {
        let error = std::io::Error::from(ErrorKind::PermissionDenied);
        let message = unwritable(Path::new("/srv/data"), &error);
        assert!(message.contains("/srv/data is not writable"), "{message}");
        assert!(!message.contains("tmp"), "{message}");
    }
}

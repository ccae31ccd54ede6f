//! Chinese word segmentation (jieba's dictionary, embedded in the binary): the segmenter
//! the importer tags an article's sentences with, in a module of its own so that other
//! parts of the core can share the one dictionary.

use std::sync::LazyLock;

use jieba_rs::Jieba;

/// The segmenter, with its dictionary, built once (about 150 ms).
pub(crate) static JIEBA: LazyLock<Jieba> = LazyLock::new(Jieba::new);

//! Word lists the extractor's rules read, each a file under `data/words/`:
//! one lowercase entry a line (several words allowed), `#` starts a comment,
//! blank lines are skipped. Declared with [`word_list!`], embedded in the
//! binary, parsed on first use.

pub mod events;
pub mod ner;

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: the lists are looked up once per token, and their keys are short
/// words, for which it is several times faster than the default SipHash.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A bundled word list: its entries in file order, and a set for lookups.
#[derive(Debug)]
pub struct WordList {
    entries: Vec<&'static str>,
    set: HashSet<&'static str, BuildHasherDefault<Fnv>>,
}

impl WordList {
    /// Parse a list file's text.
    pub fn parse(text: &'static str) -> Self {
        let entries: Vec<&'static str> = text
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .collect();
        let set = entries.iter().copied().collect();
        WordList { entries, set }
    }

    /// Whether `word` is on the list (exact, case-sensitive: lists are lowercase).
    pub fn contains(&self, word: &str) -> bool {
        self.set.contains(word)
    }

    /// The entries in file order.
    pub fn entries(&self) -> &[&'static str] {
        &self.entries
    }

    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.iter().copied()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// `word_list!(ORG_HEADS, "ner/org_heads.txt", "what it holds")` declares a
/// `static ORG_HEADS: LazyLock<WordList>` read from `data/words/ner/org_heads.txt`.
#[macro_export]
macro_rules! word_list {
    ($name:ident, $file:literal, $doc:literal) => {
        #[doc = $doc]
        #[doc = concat!("\n\nFile: `data/words/", $file, "`.")]
        pub static $name: std::sync::LazyLock<$crate::resources::words::WordList> =
            std::sync::LazyLock::new(|| {
                $crate::resources::words::WordList::parse(include_str!(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/data/words/",
                    $file
                )))
            });
    };
}

#[cfg(test)]
mod tests {
    use super::WordList;

    #[test]
    fn lists_skip_comments_and_blank_lines_and_keep_order() {
        let l = WordList::parse("# heading\nministry\n\nboard  # a comment\nhigh court\n");
        assert_eq!(l.entries(), ["ministry", "board", "high court"]);
        assert!(l.contains("high court") && !l.contains("heading"));
    }
}

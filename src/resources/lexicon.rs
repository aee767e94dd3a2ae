//! The bundled data files (gazetteers, titles, names, event triggers),
//! embedded in the binary and loaded once into fast lookup structures.
//!
//! File formats are tab-separated with a header line; `|` separates
//! alternatives inside a field. See `data/README.md`.

use crate::error::{Error, Result};
use crate::model::EntityType;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
// Fx hashing: the word lists are looked up for every token, and SipHash
// was a tenth of one-core extraction time.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::Path;
use std::sync::OnceLock;

const COUNTRIES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/gazetteer/countries.tsv"
));
const PLACES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/gazetteer/places.tsv"
));
const ORGANIZATIONS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/gazetteer/organizations.tsv"
));
const TITLES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/lexicon/titles.tsv"
));
const GIVEN_NAMES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/lexicon/given_names.txt"
));
const NAME_GENDER: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/lexicon/given_name_gender.tsv"
));
const NOT_NAMES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/lexicon/not_names.txt"
));
const EVENTS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/lexicon/events.tsv"
));
const VERBS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/lexicon/verbs.tsv"
));
const VERBS_ADDED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/lexicon/verbs_added.tsv"
));
const VERB_FORMS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/lexicon/verb_forms.tsv"
));
const COMMON_WORDS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/lexicon/common_words.txt"
));
/// The name tagger trained by `newsgraph train-ner` (empty: rules only).
/// The bundled name-tagger model (`data/models/ner.bin`, written by `train-ner`);
/// empty where none is bundled.
pub(crate) const NER_MODEL: &[u8] =
    include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/models/ner.bin"));

/// The gender a given name or a title tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Female,
    Male,
}

/// One entry of the gazetteer: a country, place or organization.
#[derive(Debug, Clone)]
pub struct GazEntry {
    pub name: String,
    pub kind: EntityType,
    pub wikidata: Option<String>,
    /// Country name the entry belongs to (places and organizations).
    pub country: Option<String>,
    /// The gazetteer's `kind` column: "city", "region", "continent",
    /// "landmark", "water" for places, "government", "company"… for
    /// organizations; empty for countries.
    pub category: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pos {
    Verb,
    Noun,
}

/// One trigger form of the event lexicon.
#[derive(Debug, Clone)]
pub struct Trigger {
    pub lemma: String,
    pub pos: Pos,
    /// `base`, `pres`, `past`, `pastpart`, `ing`, or `-` for nouns.
    pub tense: String,
    pub kind: String,
    /// From the general verb list (`data/lexicon/verbs.tsv`), not the typed
    /// lexicon: an event of type `Other` whose only participant is the
    /// subject right before it.
    pub generic: bool,
}

#[derive(Debug, Clone)]
pub struct Title {
    pub kind: String,
    /// Canonical name of the organization the title implies ("fbi director").
    pub org_hint: Option<String>,
}

/// All lexical resources of the extractor.
#[derive(Clone)]
pub struct Lexicon {
    pub gazetteer: Vec<GazEntry>,
    /// Surface form index → gazetteer entry.
    surface_entry: Vec<usize>,
    matcher: AhoCorasick,
    /// Demonym ("Russian") → gazetteer index of its country.
    pub demonyms: HashMap<String, usize>,
    /// A country's capital ("Moscow") → gazetteer index of the country.
    pub capitals: HashMap<String, usize>,
    /// Lowercased multi-word titles, keyed by their words.
    pub titles: HashMap<String, Title>,
    pub max_title_words: usize,
    /// Last words of the titles ("minister" of "foreign minister").
    pub title_heads: HashSet<String>,
    /// Every beginning of a title, to the character ("dep", "deputy",
    /// "deputy a", ...): a title search stops at the first words that
    /// begin none.
    pub title_prefixes: HashSet<String>,
    pub given_names: HashSet<String>,
    /// Given names used for one gender only ("Ingrid", "Jonas"): who
    /// "she" or "he" can stand for. Not names to find: those are
    /// `given_names`.
    pub name_gender: HashMap<String, Gender>,
    pub not_names: HashSet<String>,
    /// Lowercase common English words (from the GUM training genres).
    pub common_words: HashSet<String>,
    /// Lowercased trigger form (possibly several words) → its readings.
    pub triggers: HashMap<String, Vec<Trigger>>,
    /// Verb forms that are general events only where the words before them
    /// allow no other reading (`data/lexicon/verb_forms.tsv`): the bare
    /// form after "to" or a modal, the past participle after a perfect's
    /// auxiliary. Each form's readings, `base` and/or `past`.
    pub context_verbs: HashMap<String, Vec<Trigger>>,
    /// Nouns with the form of an event verb's lemma ("award", "search"):
    /// general events only as the object of a verb that takes events
    /// (`timeline::arguments`). (Not their plurals: "blamed security
    /// forces", "proposed projects".)
    pub verbal_nouns: HashMap<String, Trigger>,
    pub max_trigger_words: usize,
    /// The first words of the triggers of several words, each beginning
    /// short of a whole trigger ("hold", "hold peace" of "hold peace
    /// talks"): a trigger search stops at the first words that begin none.
    pub trigger_prefixes: HashSet<String>,
    /// Gazetteer index by canonical name.
    pub by_name: HashMap<String, usize>,
}

/// A gazetteer match on the text.
#[derive(Debug, Clone, Copy)]
pub struct GazMatch {
    pub start: usize,
    pub end: usize,
    pub entry: usize,
}

fn rows(data: &str) -> impl Iterator<Item = Vec<&str>> {
    data.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn field<'a>(row: &[&'a str], i: usize) -> &'a str {
    row.get(i).copied().unwrap_or("")
}

fn alternatives(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|a| !a.is_empty())
}

fn opt(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

impl Lexicon {
    /// The bundled lexicon, built on first use.
    pub fn bundled() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| Self::build(&[]).expect("bundled data files are well-formed"))
    }

    /// The bundled lexicon plus user trigger lexicons (`--lexicon FILE`).
    pub fn with_user_lexicons(paths: &[impl AsRef<Path>]) -> Result<Self> {
        let mut extra = Vec::new();
        for p in paths {
            let p = p.as_ref();
            let text = std::fs::read_to_string(p).map_err(|e| Error::io(p, e))?;
            check_trigger_file(&text).map_err(|(line, msg)| Error::Data {
                file: p.display().to_string(),
                line,
                message: msg,
            })?;
            extra.push(text);
        }
        Self::build(&extra)
    }

    fn build(extra_triggers: &[String]) -> Result<Self> {
        let mut gazetteer = Vec::new();
        let mut surfaces: Vec<String> = Vec::new();
        let mut surface_entry = Vec::new();
        let mut demonyms = HashMap::default();
        let mut capitals = HashMap::default();
        let mut seen_surface: HashSet<String> = HashSet::default();
        let mut add_surface =
            |s: &str, idx: usize, surfaces: &mut Vec<String>, surface_entry: &mut Vec<usize>| {
                if seen_surface.insert(s.to_string()) {
                    surfaces.push(s.to_string());
                    surface_entry.push(idx);
                }
            };
        for r in rows(COUNTRIES) {
            let idx = gazetteer.len();
            let name = field(&r, 0);
            gazetteer.push(GazEntry {
                name: name.to_string(),
                kind: EntityType::Country,
                wikidata: opt(field(&r, 4)),
                country: Some(name.to_string()),
                category: String::new(),
            });
            add_surface(name, idx, &mut surfaces, &mut surface_entry);
            for a in alternatives(field(&r, 1)) {
                add_surface(a, idx, &mut surfaces, &mut surface_entry);
            }
            for d in alternatives(field(&r, 2)) {
                demonyms.entry(d.to_string()).or_insert(idx);
            }
            if !field(&r, 3).is_empty() {
                capitals.entry(field(&r, 3).to_string()).or_insert(idx);
            }
        }
        for r in rows(PLACES) {
            let idx = gazetteer.len();
            let name = field(&r, 0);
            gazetteer.push(GazEntry {
                name: name.to_string(),
                kind: EntityType::Place,
                wikidata: opt(field(&r, 4)),
                country: opt(field(&r, 3)),
                category: field(&r, 2).to_string(),
            });
            add_surface(name, idx, &mut surfaces, &mut surface_entry);
            for a in alternatives(field(&r, 1)) {
                add_surface(a, idx, &mut surfaces, &mut surface_entry);
            }
        }
        for r in rows(ORGANIZATIONS) {
            let idx = gazetteer.len();
            let name = field(&r, 0);
            gazetteer.push(GazEntry {
                name: name.to_string(),
                kind: EntityType::Organization,
                wikidata: opt(field(&r, 4)),
                country: opt(field(&r, 3)),
                category: field(&r, 2).to_string(),
            });
            add_surface(name, idx, &mut surfaces, &mut surface_entry);
            for a in alternatives(field(&r, 1)) {
                add_surface(a, idx, &mut surfaces, &mut surface_entry);
            }
        }
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&surfaces)
            .map_err(|e| Error::Data {
                file: "gazetteer".into(),
                line: 0,
                message: e.to_string(),
            })?;
        let by_name = gazetteer
            .iter()
            .enumerate()
            .map(|(i, g)| (g.name.clone(), i))
            .collect();

        let mut titles = HashMap::default();
        for r in rows(TITLES) {
            let t = field(&r, 0).to_lowercase();
            if !t.is_empty() {
                titles.insert(
                    t,
                    Title {
                        kind: field(&r, 1).to_string(),
                        org_hint: opt(field(&r, 2)),
                    },
                );
            }
        }
        let max_title_words = titles
            .keys()
            .map(|t| t.split(' ').count())
            .max()
            .unwrap_or(1);
        let title_prefixes = titles
            .keys()
            .flat_map(|t| {
                t.char_indices()
                    .skip(1)
                    .map(|(i, _)| &t[..i])
                    .chain([t.as_str()])
            })
            .map(str::to_string)
            .collect();
        let title_heads = titles
            .keys()
            .filter_map(|t| t.rsplit(' ').next())
            .map(str::to_string)
            .collect();
        let words = |s: &str| {
            s.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_string)
                .collect::<HashSet<_>>()
        };
        let given_names = words(GIVEN_NAMES);
        let name_gender = rows(NAME_GENDER)
            .filter_map(|r| {
                let gender = match field(&r, 1) {
                    "f" => Gender::Female,
                    "m" => Gender::Male,
                    _ => return None,
                };
                Some((field(&r, 0).to_string(), gender))
            })
            .collect();
        let common_words = words(COMMON_WORDS);
        let not_names = words(NOT_NAMES)
            .into_iter()
            .map(|w| w.to_lowercase())
            .collect();

        let mut triggers: HashMap<String, Vec<Trigger>> = HashMap::default();
        // A later row of the same form and part of speech replaces an earlier
        // one: the typed lexicon wins over the general verbs, a user's
        // lexicon over both.
        let sources = [(VERBS, true), (VERBS_ADDED, true), (EVENTS, false)]
            .into_iter()
            .chain(extra_triggers.iter().map(|d| (d.as_str(), false)));
        for (data, generic) in sources {
            for r in rows(data) {
                let form = field(&r, 0).to_lowercase();
                let pos = if field(&r, 2) == "N" {
                    Pos::Noun
                } else {
                    Pos::Verb
                };
                let t = Trigger {
                    lemma: field(&r, 1).to_string(),
                    pos,
                    tense: field(&r, 3).to_string(),
                    kind: field(&r, 4).to_string(),
                    generic,
                };
                let entry = triggers.entry(form).or_default();
                entry.retain(|x| x.pos != pos);
                entry.push(t);
            }
        }
        let mut context_verbs: HashMap<String, Vec<Trigger>> = HashMap::default();
        for r in rows(VERB_FORMS) {
            let readings = field(&r, 2)
                .split('|')
                .filter_map(|tag| match tag {
                    "VB" => Some("base"),
                    "VBN" => Some("past"),
                    _ => None,
                })
                .map(|tense| Trigger {
                    lemma: field(&r, 1).to_string(),
                    pos: Pos::Verb,
                    tense: tense.to_string(),
                    kind: "Other".to_string(),
                    generic: true,
                })
                .collect();
            context_verbs.insert(field(&r, 0).to_lowercase(), readings);
        }
        let mut verbal_nouns: HashMap<String, Trigger> = HashMap::default();
        let lemmas = triggers
            .values()
            .chain(context_verbs.values())
            .flatten()
            .filter(|t| t.pos == Pos::Verb && !t.lemma.contains(' '))
            .map(|t| t.lemma.clone());
        for lemma in lemmas {
            let noun = Trigger {
                lemma: lemma.clone(),
                pos: Pos::Noun,
                tense: "-".to_string(),
                kind: "Other".to_string(),
                generic: true,
            };
            verbal_nouns.insert(lemma, noun);
        }
        let max_trigger_words = triggers
            .keys()
            .map(|t| t.split(' ').count())
            .max()
            .unwrap_or(1);
        let trigger_prefixes = triggers
            .keys()
            .flat_map(|t| {
                t.match_indices(' ')
                    .map(|(i, _)| t[..i].to_string())
                    .collect::<Vec<_>>()
            })
            .collect();
        Ok(Self {
            gazetteer,
            surface_entry,
            matcher,
            demonyms,
            capitals,
            titles,
            max_title_words,
            title_heads,
            title_prefixes,
            given_names,
            name_gender,
            not_names,
            common_words,
            triggers,
            context_verbs,
            verbal_nouns,
            max_trigger_words,
            trigger_prefixes,
            by_name,
        })
    }

    /// Leftmost-longest gazetteer matches in `text` (not yet checked
    /// against token boundaries).
    pub fn gazetteer_matches(&self, text: &str) -> Vec<GazMatch> {
        self.matcher
            .find_iter(text)
            .map(|m| GazMatch {
                start: m.start(),
                end: m.end(),
                entry: self.surface_entry[m.pattern().as_usize()],
            })
            .collect()
    }

    /// Event types known to the lexicon (bundled and user).
    pub fn event_types(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .triggers
            .values()
            .flatten()
            .map(|t| t.kind.clone())
            .collect();
        v.sort();
        v.dedup();
        v
    }
}

/// Check a user trigger lexicon: header and five fields a line.
fn check_trigger_file(text: &str) -> std::result::Result<(), (usize, String)> {
    let mut lines = text.lines().enumerate();
    match lines.next() {
        Some((_, h)) if h.trim() == "form\tlemma\tpos\ttense\ttype" => {}
        _ => {
            return Err((
                1,
                "the first line must be the header `form<TAB>lemma<TAB>pos<TAB>tense<TAB>type`"
                    .into(),
            ))
        }
    }
    for (i, l) in lines {
        if l.trim().is_empty() || l.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = l.split('\t').collect();
        if f.len() != 5 {
            return Err((
                i + 1,
                format!("expected 5 tab-separated fields, found {}", f.len()),
            ));
        }
        if !matches!(f[2], "V" | "N") {
            return Err((i + 1, format!("pos must be V or N, found `{}`", f[2])));
        }
        let ty = f[4].trim();
        if ty.is_empty()
            || !ty.chars().all(|c| c.is_ascii_alphanumeric())
            || !ty.starts_with(|c: char| c.is_ascii_uppercase())
        {
            return Err((
                i + 1,
                format!("type must be a CamelCase name such as `Meeting`, found `{ty}`"),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_data_loads_and_finds_entries() {
        let lex = Lexicon::bundled();
        assert!(
            lex.gazetteer
                .iter()
                .filter(|g| g.kind == EntityType::Country)
                .count()
                >= 190
        );
        let m = lex.gazetteer_matches("the Federal Bureau of Investigation and Russia");
        let names: Vec<&str> = m
            .iter()
            .map(|m| lex.gazetteer[m.entry].name.as_str())
            .collect();
        assert!(names.contains(&"Russia"), "{names:?}");
        assert!(lex.demonyms.contains_key("Russian"));
        assert!(lex
            .triggers
            .get("met")
            .is_some_and(|t| t.iter().any(|t| t.kind == "Meeting")));
        assert!(lex.titles.contains_key("foreign minister"));
        assert!(lex.given_names.contains("James"));
    }

    /// The name tagger looks given names and demonyms up only for words
    /// that do not begin with a lowercase letter.
    #[test]
    fn given_names_and_demonyms_begin_with_no_lowercase_letter() {
        let lex = Lexicon::bundled();
        let lower = |w: &&String| w.starts_with(char::is_lowercase);
        assert_eq!(lex.given_names.iter().find(lower), None);
        assert_eq!(lex.demonyms.keys().find(lower), None);
    }

    /// The prefixes are exactly the beginnings, short of the last word, of
    /// the triggers of several words.
    #[test]
    fn trigger_prefixes_are_the_first_words_of_longer_triggers() {
        let lex = Lexicon::bundled();
        for t in lex.triggers.keys() {
            let words: Vec<&str> = t.split(' ').collect();
            for n in 1..words.len() {
                assert!(lex.trigger_prefixes.contains(&words[..n].join(" ")), "{t}");
            }
        }
        for p in &lex.trigger_prefixes {
            let longer = format!("{p} ");
            assert!(lex.triggers.keys().any(|t| t.starts_with(&longer)), "{p}");
        }
    }

    #[test]
    fn user_lexicon_errors_name_the_line() {
        assert!(check_trigger_file(
            "form\tlemma\tpos\ttense\ttype\nsigned\tsign\tV\tpast\tSigning\n"
        )
        .is_ok());
        let e =
            check_trigger_file("form\tlemma\tpos\ttense\ttype\nsigned\tsign\tX\tpast\tSigning\n")
                .unwrap_err();
        assert_eq!(e.0, 2);
    }
}

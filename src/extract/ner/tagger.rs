//! A statistical name tagger: a greedy averaged perceptron over BIO labels
//! (Collins 2002; the design of Honnibal's "A good part-of-speech tagger in
//! about 200 lines of Python"), trained by `newsgraph train-ner` on the GUM
//! corpus (`../shared/train/gum`).
//!
//! Its features are the token's own form and shape, its neighbours, the
//! lexicon (gazetteer, given names, titles, demonyms, common words) and the
//! label the rules of [`crate::extract::ner`] gave the token, so the model learns
//! where the rules are right rather than replacing them. It works on the
//! project's own tokens; it knows nothing of RDF.

use crate::error::{Error, Result};
use crate::extract::ner::Recognized;
use crate::model::{Shape, Token, Tokens};
use crate::resources::Lexicon;
use std::collections::HashMap;

mod train;
pub(crate) use train::train_doc;
pub use train::{train, Domain, TrainDoc, RUNS};

/// The labels: outside, and begin/inside for person, organization, location.
pub(crate) const LABELS: [&str; 7] = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"];
const N: usize = LABELS.len();
/// The file's first bytes; the digit counts the feature versions (`01`:
/// features hashed from strings, up to 5 December 2026).
const MAGIC: &[u8; 8] = b"NGNER02\n";

/// Coarse type of a tagged chunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChunkType {
    Person,
    Organization,
    Location,
}

/// A tagged chunk: token range `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Chunk {
    pub start: usize,
    pub end: usize,
    pub kind: ChunkType,
    /// Smallest margin, over the chunk's tokens, of its label's score over "O".
    pub margin: f32,
}

/// Feature keys are already hashes: the map uses them as they are.
#[derive(Default, Clone, Copy)]
struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type Weights = HashMap<u64, [f32; N], std::hash::BuildHasherDefault<KeyHasher>>;

/// Weights of a trained model: hashed feature → one weight per label.
#[derive(Debug, Clone, Default)]
pub struct Model {
    weights: Weights,
}

/// Per-token lexical facts, computed once per document: the words a
/// feature reads as hashes, so that the features of a token combine
/// numbers and hash no string (each form is hashed once, not once per
/// template that reads it and per neighbour).
struct TokenInfo {
    /// Hashes of the lowercased form, the form, the last and first three
    /// characters of the lowercased form and the fine shape.
    lower: u64,
    form: u64,
    suffix3: u64,
    prefix3: u64,
    fine: u64,
    shape: Shape,
    /// Gazetteer: 0 none, else 1 + kind index, times 2 for begin/inside.
    gaz: u8,
    given: bool,
    title: bool,
    demonym: bool,
    common: bool,
    rule: u8,
}

/// A word's hash (FNV-1a).
fn word_hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A feature's key: its template number and up to two values (word
/// hashes, or small numbers packed into one), mixed (the finalizer of
/// SplitMix64 after each value).
#[inline]
fn key(template: u64, a: u64, b: u64) -> u64 {
    let mut h = template.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ a;
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9) ^ b;
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// A fine shape, kept inline (no allocation per token): it stops growing
/// once past eight bytes, and a character takes at most four, so twelve
/// bytes hold it.
#[derive(Clone, Copy)]
struct Fine {
    bytes: [u8; 12],
    len: u8,
}

impl Fine {
    fn push(&mut self, c: char) {
        let n = c.encode_utf8(&mut self.bytes[self.len as usize..]).len();
        self.len += n as u8;
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len as usize]).expect("whole characters")
    }
}

fn fine_shape(form: &str) -> Fine {
    let mut out = Fine {
        bytes: [0; 12],
        len: 0,
    };
    let mut last = '\0';
    for c in form.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if k != last || !matches!(k, 'x' | 'd') {
            out.push(k);
        }
        last = k;
        if out.len > 8 {
            break;
        }
    }
    out
}

fn kind_code(kind: crate::model::EntityType) -> u8 {
    use crate::model::EntityType::*;
    match kind {
        Person => 1,
        Organization => 2,
        Country => 3,
        Place => 4,
    }
}

fn token_infos(text: &str, toks: &Tokens, lex: &Lexicon, rules: &Recognized) -> Vec<TokenInfo> {
    let tokens = &toks.tokens;
    let mut infos: Vec<TokenInfo> = tokens
        .iter()
        .map(|t: &Token| {
            let form = t.span.text(text);
            let lower = t.lower.as_str();
            let n_chars = lower.chars().count();
            let cut = |k: usize| lower.char_indices().nth(k).map_or(lower.len(), |(i, _)| i);
            // No given name or demonym begins with a lowercase letter (the
            // lexicon's tests hold it): most words need not be looked up.
            let capital = !form.starts_with(char::is_lowercase);
            TokenInfo {
                lower: word_hash(lower),
                form: word_hash(form),
                suffix3: word_hash(&lower[cut(n_chars.saturating_sub(3))..]),
                prefix3: word_hash(&lower[..cut(3)]),
                fine: word_hash(fine_shape(form).as_str()),
                shape: t.shape,
                gaz: 0,
                given: capital && lex.given_names.contains(form),
                title: lex.titles.contains_key(&t.lower),
                demonym: capital && lex.demonyms.contains_key(form),
                common: lex.common_words.contains(&t.lower),
                rule: 0,
            }
        })
        .collect();
    let start_tok: rustc_hash::FxHashMap<usize, usize> = tokens
        .iter()
        .enumerate()
        .map(|(i, t)| (t.span.start, i))
        .collect();
    for m in &rules.gazetteer {
        if let Some(&a) = start_tok.get(&m.start) {
            let code = kind_code(lex.gazetteer[m.entry].kind) * 2;
            let mut i = a;
            while i < tokens.len() && tokens[i].span.end <= m.end {
                infos[i].gaz = if i == a { code } else { code + 1 };
                i += 1;
            }
        }
    }
    for m in &rules.mentions {
        let code = kind_code(m.kind) * 2;
        for i in m.first_token..m.end_token.min(infos.len()) {
            infos[i].rule = if i == m.first_token { code } else { code + 1 };
        }
    }
    infos
}

/// The hash a word outside the sentence reads as.
const PAD: u64 = 0x5bd1_e995_2f3b_7c11;
/// The hash of the fine shape after the sentence's last word.
const NO_FINE: u64 = 0x3c6e_f372_fe94_f82b;

/// The features of token `i` of a sentence spanning tokens `[s, e)`, given
/// the two previous labels.
fn features(infos: &[TokenInfo], s: usize, e: usize, i: usize, p1: usize, p2: usize) -> Vec<u64> {
    let mut f = Vec::with_capacity(FEATURES);
    features_into(&mut f, infos, s, e, i, p1, p2);
    f
}

/// How many features a token has.
const FEATURES: usize = 28;

/// [`features`] into a buffer the caller keeps (tagging allocates nothing
/// per token).
fn features_into(
    f: &mut Vec<u64>,
    infos: &[TokenInfo],
    s: usize,
    e: usize,
    i: usize,
    p1: usize,
    p2: usize,
) {
    f.clear();
    let info = |k: isize| -> Option<&TokenInfo> {
        let j = i.wrapping_add_signed(k);
        (j >= s && j < e).then(|| &infos[j])
    };
    let w = |k: isize| info(k).map_or(PAD, |x| x.lower);
    let t = &infos[i];
    let shape = |x: Option<&TokenInfo>| x.map_or(99, |x| x.shape as u64);
    let (before, after) = (info(-1), info(1));
    let sh = t.shape as u64;
    let (p1, p2) = (p1 as u64, p2 as u64);
    let bits = |x: &TokenInfo| {
        u64::from(x.given)
            | u64::from(x.title) << 1
            | u64::from(x.demonym) << 2
            | u64::from(x.common) << 3
    };
    f.extend_from_slice(&[
        key(0, 0, 0),
        key(1, t.lower, 0),
        key(2, t.suffix3, 0),
        key(3, t.prefix3, 0),
        key(4, t.fine, 0),
        key(5, w(-1), 0),
        key(6, w(1), 0),
        key(7, w(-2), 0),
        key(8, w(2), 0),
        key(9, shape(before), sh),
        key(10, sh, shape(after)),
        key(11, u64::from(i == s), sh),
        key(12, u64::from(t.gaz), 0),
        key(13, after.map_or(0, |x| u64::from(x.gaz)), 0),
        key(14, u64::from(t.rule), 0),
        key(15, u64::from(t.rule), p1),
        key(16, before.map_or(0, |x| u64::from(x.rule)), 0),
        key(17, after.map_or(0, |x| u64::from(x.rule)), 0),
        key(18, bits(t), 0),
        key(
            19,
            before.map_or(2, |x| u64::from(x.title)),
            before.map_or(2, |x| u64::from(x.given)),
        ),
        key(20, p1, 0),
        key(21, p1, p2),
        key(22, p1, t.lower),
        key(23, w(-1), t.lower),
        key(24, t.lower, w(1)),
        key(25, p1, sh),
        key(26, t.form, 0),
        key(27, after.map_or(NO_FINE, |x| x.fine), 0),
    ]);
    debug_assert_eq!(f.len(), FEATURES);
}

/// Is label `l` allowed after label `prev`? (I-X only continues X.)
fn allowed(prev: usize, l: usize) -> bool {
    l == 0 || l % 2 == 1 || prev == l || prev + 1 == l
}

impl Model {
    fn scores(&self, feats: &[u64]) -> [f32; N] {
        let mut s = [0f32; N];
        for f in feats {
            if let Some(w) = self.weights.get(f) {
                for (a, b) in s.iter_mut().zip(w) {
                    *a += b;
                }
            }
        }
        s
    }

    fn best(&self, feats: &[u64], prev: usize) -> (usize, f32) {
        let s = self.scores(feats);
        let l = (0..N)
            .filter(|&l| allowed(prev, l))
            .max_by(|&a, &b| s[a].total_cmp(&s[b]).then(b.cmp(&a)))
            .unwrap_or(0);
        (l, s[l] - s[0])
    }

    /// Tag a tokenized text; `rules` is the output of the rule recognizer.
    pub fn tag(&self, text: &str, toks: &Tokens, lex: &Lexicon, rules: &Recognized) -> Vec<Chunk> {
        let infos = token_infos(text, toks, lex, rules);
        let mut labels = vec![0usize; infos.len()];
        let mut margins = vec![0f32; infos.len()];
        let mut feats = Vec::with_capacity(FEATURES);
        for sent in &toks.sentences {
            let (s, e) = (sent.tokens.start, sent.tokens.end);
            let (mut p1, mut p2) = (0, 0);
            for i in s..e {
                features_into(&mut feats, &infos, s, e, i, p1, p2);
                let (l, m) = self.best(&feats, p1);
                labels[i] = l;
                margins[i] = m;
                p2 = p1;
                p1 = l;
            }
        }
        let mut out = chunks(&labels);
        for c in &mut out {
            c.margin = margins[c.start..c.end]
                .iter()
                .copied()
                .fold(f32::MAX, f32::min);
        }
        out
    }

    /// Serialize: magic, label count, entry count, then (key, weights) pairs, little-endian.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut keys: Vec<&u64> = self.weights.keys().collect();
        keys.sort();
        let mut out = Vec::with_capacity(16 + keys.len() * (8 + 4 * N));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(N as u32).to_le_bytes());
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        for k in keys {
            out.extend_from_slice(&k.to_le_bytes());
            for w in &self.weights[k] {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }

    /// Read a model written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let bad = |m: &str| Error::Data {
            file: "NER model".into(),
            line: 0,
            message: m.to_string(),
        };
        if bytes.len() >= 8 && bytes[..6] == MAGIC[..6] && bytes[..8] != MAGIC[..] {
            return Err(bad(
                "a name tagger model of another feature version: retrain it with `newsgraph train-ner`",
            ));
        }
        if bytes.len() < 16 || &bytes[..8] != MAGIC {
            return Err(bad("not a newsgraph NER model (bad header)"));
        }
        let n = u32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes")) as usize;
        let count = u32::from_le_bytes(bytes[12..16].try_into().expect("4 bytes")) as usize;
        if n != N {
            return Err(bad(&format!("{n} labels, this build expects {N}")));
        }
        let rec = 8 + 4 * N;
        if bytes.len() != 16 + count * rec {
            return Err(bad("truncated file"));
        }
        let mut weights = Weights::with_capacity_and_hasher(count, Default::default());
        for r in bytes[16..].chunks_exact(rec) {
            let key = u64::from_le_bytes(r[..8].try_into().expect("8 bytes"));
            let mut w = [0f32; N];
            for (k, c) in r[8..].chunks_exact(4).enumerate() {
                w[k] = f32::from_le_bytes(c.try_into().expect("4 bytes"));
            }
            weights.insert(key, w);
        }
        Ok(Model { weights })
    }

    pub fn len(&self) -> usize {
        self.weights.len()
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }
}

/// Label sequence → chunks.
fn chunks(labels: &[usize]) -> Vec<Chunk> {
    let kind = |l: usize| match (l - 1) / 2 {
        0 => ChunkType::Person,
        1 => ChunkType::Organization,
        _ => ChunkType::Location,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < labels.len() {
        if labels[i] == 0 {
            i += 1;
            continue;
        }
        let b = if labels[i] % 2 == 1 {
            labels[i]
        } else {
            labels[i] - 1
        };
        let mut j = i + 1;
        while j < labels.len() && labels[j] == b + 1 {
            j += 1;
        }
        out.push(Chunk {
            start: i,
            end: j,
            kind: kind(b),
            margin: 0.0,
        });
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_to_chunks() {
        // O B-PER I-PER O B-LOC B-ORG I-ORG
        let c = chunks(&[0, 1, 2, 0, 5, 3, 4]);
        assert_eq!(
            c,
            [
                Chunk {
                    start: 1,
                    end: 3,
                    kind: ChunkType::Person,
                    margin: 0.0
                },
                Chunk {
                    start: 4,
                    end: 5,
                    kind: ChunkType::Location,
                    margin: 0.0
                },
                Chunk {
                    start: 5,
                    end: 7,
                    kind: ChunkType::Organization,
                    margin: 0.0
                },
            ]
        );
        assert!(!allowed(0, 2) && allowed(1, 2) && allowed(2, 2) && !allowed(3, 2));
    }

    #[test]
    fn fine_shapes_stop_past_eight_bytes() {
        for (form, shape) in [
            ("Moscow", "Xx"),
            ("U.S.", "X.X."),
            ("2017", "d"),
            ("McCain", "XxXx"),
            ("A-B-C-D-E-F", "X-X-X-X-X"),
            ("—–—", "—–—"),
            ("x—–—y", "x—–—"),
        ] {
            assert_eq!(fine_shape(form).as_str(), shape, "{form}");
        }
    }

    #[test]
    fn model_round_trips_and_rejects_garbage() {
        let mut m = Model::default();
        m.weights.insert(42, [0.5, -1.0, 0.0, 2.0, 0.0, 0.0, 1.5]);
        let back = Model::from_bytes(&m.to_bytes()).unwrap();
        assert_eq!(back.weights, m.weights);
        assert!(Model::from_bytes(b"not a model at all").is_err());
        let mut cut = m.to_bytes();
        cut.pop();
        assert!(Model::from_bytes(&cut).is_err());
    }
}

#[cfg(test)]
mod learn_tests {
    use super::*;
    use crate::model::Span;

    #[test]
    fn learns_a_toy_pattern() {
        let lex = Lexicon::bundled();
        let mut docs = Vec::new();
        for name in ["Zorblat", "Quenfip", "Mirvok", "Taldrup"] {
            let text = format!("Yesterday the firm Acme {name} Ltd said it grew.\n");
            let s = text.find("Acme").unwrap();
            let e = text.find(" said").unwrap();
            docs.push(train_doc(
                text,
                &[(Span::new(s, e), ChunkType::Organization)],
                Domain::Target,
                lex,
            ));
        }
        let mut accs = Vec::new();
        let m = train(&docs.iter().collect::<Vec<_>>(), lex, 10, |_, a| {
            accs.push(a)
        });
        eprintln!("{accs:?}");
        let d = &docs[0];
        let got = m.tag(&d.text, &d.toks, lex, &d.rules);
        assert_eq!(got.len(), 1, "{got:?}");
    }

    /// Four documents mark "Acme X Ltd" whole, eight mark "Acme X" alone.
    /// Trained flat, the majority wins; with the eight as another domain,
    /// the model tags by the four.
    #[test]
    fn the_target_domain_sets_the_convention() {
        let lex = Lexicon::bundled();
        let doc = |name: &str, with_ltd: bool, domain: Domain| {
            let text = format!("Yesterday the firm Acme {name} Ltd said it grew.\n");
            let s = text.find("Acme").unwrap();
            let e = if with_ltd {
                text.find(" said").unwrap()
            } else {
                text.find(" Ltd").unwrap()
            };
            train_doc(
                text,
                &[(Span::new(s, e), ChunkType::Organization)],
                domain,
                lex,
            )
        };
        let target = ["Zorblat", "Quenfip", "Mirvok", "Taldrup"];
        let other = [
            "Brelk", "Oskvar", "Pintrel", "Vodrum", "Yaskel", "Gruvak", "Hemlot", "Krobin",
        ];
        let test = doc("Wendrip", true, Domain::Target);
        let extent = |other_domain: Domain| {
            let mut docs: Vec<TrainDoc> = target
                .iter()
                .map(|n| doc(n, true, Domain::Target))
                .collect();
            docs.extend(other.iter().map(|n| doc(n, false, other_domain)));
            let m = train(&docs.iter().collect::<Vec<_>>(), lex, 10, |_, _| {});
            let got = m.tag(&test.text, &test.toks, lex, &test.rules);
            assert_eq!(got.len(), 1, "{got:?}");
            let t = &test.toks.tokens;
            test.text[t[got[0].start].span.start..t[got[0].end - 1].span.end].to_string()
        };
        assert_eq!(extent(Domain::Target), "Acme Wendrip");
        assert_eq!(extent(Domain::Other), "Acme Wendrip Ltd");
    }
}

//! `newsgraph train-ner`: train the name tagger on GUM's CoNLL-U files and
//! Universal NER's IOB2 files and write the model file that the build
//! embeds (`data/models/ner.bin`); `--held-out` measures it on each genre
//! left out of training in turn.

pub mod conllu;
pub mod iob2;
pub mod news;
pub mod parser;
pub mod ud;

use crate::error::{Error, Result};
use crate::extract::ner::tagger::{self, ChunkType, Domain, Model, TrainDoc};
use crate::extract::ner::{Margins, NerMode};
use crate::extract::Extractor;
use crate::model::{EntityType, Span};
use crate::resources::Lexicon;
use conllu::GoldDoc;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where the name tagger learns from.
#[derive(Debug, Clone)]
pub struct NerData {
    /// A folder of GUM CoNLL-U files (genre from the file name,
    /// `GUM_bio_byron.conllu` → `bio`).
    pub gum: PathBuf,
    /// Universal NER IOB2 files (genre `ewt`): a held-out genre for
    /// `--held-out`, and training data only with `train_on_uner`.
    pub uner: Vec<PathBuf>,
    /// Learn from the UNER files too, as another domain (their names
    /// leave out what GUM's mentions hold; see [`tagger::Domain`]). Off
    /// for the bundled model: the tagger did no better on the GUM genres
    /// held out nor on the news dev files (README, name recognition).
    pub train_on_uner: bool,
    /// News articles with gold names (FORMAT.md JSON Lines files, or
    /// folders of them), trained on as the target domain; each file is a
    /// genre of its own, named by its stem (`data/ner-news/wire.jsonl` →
    /// `wire`), so `--held-out` leaves out one file at a time.
    pub news: Vec<PathBuf>,
}

impl NerData {
    /// The bundled model's data, relative to the repository.
    pub fn default_paths() -> Self {
        NerData {
            gum: "../shared/train/gum".into(),
            uner: vec![
                "../shared/train/uner-ewt/en_ewt-ud-dev.iob2".into(),
                "../shared/train/uner-ewt/en_ewt-ud-test.iob2".into(),
            ],
            train_on_uner: false,
            news: vec![NEWS_DIR.into()],
        }
    }
}

/// The genre of the Universal NER files.
const UNER_GENRE: &str = "ewt";

/// The bundled news articles with gold names, relative to the repository.
pub const NEWS_DIR: &str = "data/ner-news";

/// A gold document and its genre.
#[derive(Debug)]
pub struct GenreDoc {
    pub genre: String,
    pub gold: GoldDoc,
    /// The convention the tagger learns it as: news where there is news
    /// to learn from, GUM's genres (and UNER) then only through the
    /// shared weights.
    pub domain: Domain,
    /// From a news file (`NerData::news`), not GUM or UNER.
    pub news: bool,
}

/// What training read and how it went.
#[derive(Debug, Default)]
pub struct Report {
    pub files: usize,
    pub documents: usize,
    pub mentions: usize,
    pub tokens: usize,
    /// Token accuracy of each epoch on the training data.
    pub epoch_accuracy: Vec<f64>,
    pub features: usize,
}

/// Read the gold documents of `data`, GUM's in file name order, then the
/// UNER files and the news files in the order given (a folder's `.jsonl`
/// files in name order).
pub fn read_ner_data(data: &NerData) -> Result<Vec<GenreDoc>> {
    let dir = &data.gum;
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(Error::Usage(format!(
            "no .conllu files in {}: expected a folder of GUM's CoNLL-U files (../shared/train/gum)",
            dir.display()
        )));
    }
    let mut docs = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).map_err(|e| Error::io(f, e))?;
        let genre = gum_genre(f);
        docs.extend(conllu::parse(&text).into_iter().map(|gold| GenreDoc {
            genre: genre.clone(),
            gold,
            domain: Domain::Target,
            news: false,
        }));
    }
    for f in &data.uner {
        let text = std::fs::read_to_string(f).map_err(|e| Error::io(f, e))?;
        docs.extend(
            iob2::parse(&text, &f.display().to_string())?
                .into_iter()
                .map(|gold| GenreDoc {
                    genre: UNER_GENRE.into(),
                    gold: with_articles(gold),
                    domain: Domain::Other,
                    news: false,
                }),
        );
    }
    let news_start = docs.len();
    for f in jsonl_files(&data.news)? {
        let genre = f
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("news")
            .to_string();
        docs.extend(news::read(&f)?.into_iter().map(|gold| GenreDoc {
            genre: genre.clone(),
            gold,
            domain: Domain::Target,
            news: true,
        }));
    }
    // With news to learn from, the model tags news: GUM's genres (an
    // encyclopedia, travel guides, court rulings...) teach it through the
    // shared weights only. On the news files held out in turn the tagger
    // gained 0.04-0.10 strict F1 (README, name recognition).
    if docs.len() > news_start {
        for d in &mut docs[..news_start] {
            d.domain = Domain::Other;
        }
    }
    Ok(docs)
}

/// Files as given; a folder gives its `.jsonl` files in name order.
fn jsonl_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|e| Error::io(p, e))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.extension().is_some_and(|x| x == "jsonl"))
                .collect();
            files.sort();
            out.extend(files);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

/// UNER's names leave out the article GUM's mentions (and news
/// annotation, and the extractor's extents) hold: "the United States".
/// A name right after "the" takes it in.
fn with_articles(mut doc: GoldDoc) -> GoldDoc {
    for (span, _) in &mut doc.mentions {
        let Some(rest) = doc.text[..span.start].strip_suffix(' ') else {
            continue;
        };
        let n = rest.len();
        if n >= 3
            && rest.is_char_boundary(n - 3)
            && rest[n - 3..].eq_ignore_ascii_case("the")
            && rest[..n - 3]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
        {
            span.start = n - 3;
        }
    }
    doc
}

/// `GUM_bio_byron.conllu` → `bio`.
fn gum_genre(f: &Path) -> String {
    let stem = f.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    stem.split('_').nth(1).unwrap_or(stem).to_string()
}

/// Tokenize the documents and run the rules on them (the tagger's
/// features include the rules' labels).
fn train_docs(docs: &[GenreDoc], lex: &Lexicon) -> Vec<TrainDoc> {
    docs.iter()
        .map(|d| tagger::train_doc(d.gold.text.clone(), &d.gold.mentions, d.domain, lex))
        .collect()
}

/// Train on `data` (see [`read_ner_data`]); the model depends only on the
/// data, the code and the epoch count.
pub fn train_ner(
    data: &NerData,
    lex: &Lexicon,
    epochs: usize,
    mut progress: impl FnMut(&str) + Send,
) -> Result<(Model, Report)> {
    let mut docs = read_ner_data(data)?;
    docs.retain(|d| data.train_on_uner || d.genre != UNER_GENRE);
    let tds = train_docs(&docs, lex);
    let mut report = Report {
        files: 0,
        documents: docs.len(),
        mentions: docs.iter().map(|d| d.gold.mentions.len()).sum(),
        tokens: tds.iter().map(|t| t.toks.tokens.len()).sum(),
        ..Report::default()
    };
    let genres = count_by_genre(&docs);
    progress(&format!(
        "{} documents ({genres}), {} tokens, {} named mentions",
        report.documents, report.tokens, report.mentions
    ));
    let all: Vec<&TrainDoc> = tds.iter().collect();
    let passes = epochs * tagger::RUNS;
    let model = tagger::train(&all, lex, epochs, |epoch, acc| {
        report.epoch_accuracy.push(acc);
        progress(&format!(
            "epoch {epoch}/{passes} ({} runs of {epochs}): token accuracy {acc:.4}",
            tagger::RUNS
        ));
    });
    report.features = model.len();
    report.files = docs.len();
    Ok((model, report))
}

/// "bio 18, court 9, ..." in order of first appearance.
fn count_by_genre(docs: &[GenreDoc]) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for d in docs {
        match counts.iter_mut().find(|(g, _)| *g == d.genre) {
            Some((_, n)) => *n += 1,
            None => counts.push((&d.genre, 1)),
        }
    }
    counts
        .iter()
        .map(|(g, n)| format!("{g} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Name counts of one way of recognizing names on one genre.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NameCounts {
    pub gold: usize,
    pub predicted: usize,
    /// Same span and type.
    pub strict: usize,
    /// Overlapping span, same type.
    pub lenient: usize,
}

impl NameCounts {
    fn f1(&self, right: usize) -> f64 {
        if self.gold + self.predicted == 0 {
            return 0.0;
        }
        2.0 * right as f64 / (self.gold + self.predicted) as f64
    }
    /// F1 of exact matches.
    pub fn strict_f1(&self) -> f64 {
        self.f1(self.strict)
    }
    /// F1 of overlapping matches.
    pub fn lenient_f1(&self) -> f64 {
        self.f1(self.lenient)
    }
}

/// A genre left out of training, and how each mode does on it.
#[derive(Debug, Clone)]
pub struct HeldOut {
    pub genre: String,
    pub documents: usize,
    /// Rules, tagger, hybrid.
    pub modes: [(NerMode, NameCounts); 3],
}

/// For each genre in turn: train on the others (UNER's only with
/// `train_on_uner`) and hand `f` the genre, its documents and the model
/// that never saw them.
fn each_genre_held_out(
    data: &NerData,
    lex: &Lexicon,
    epochs: usize,
    mut f: impl FnMut(&str, &[&GenreDoc], Arc<Model>),
) -> Result<()> {
    let docs = read_ner_data(data)?;
    let tds = train_docs(&docs, lex);
    let mut genres: Vec<&str> = Vec::new();
    for d in &docs {
        if !genres.contains(&d.genre.as_str()) {
            genres.push(&d.genre);
        }
    }
    for g in genres {
        let train: Vec<&TrainDoc> = tds
            .iter()
            .zip(&docs)
            .filter(|(_, d)| d.genre != g && (data.train_on_uner || d.genre != UNER_GENRE))
            .map(|(t, _)| t)
            .collect();
        let model = Arc::new(tagger::train(&train, lex, epochs, |_, _| {}));
        let test: Vec<&GenreDoc> = docs.iter().filter(|d| d.genre == g).collect();
        f(g, &test, model);
    }
    Ok(())
}

/// Count the names `ex` finds in `docs` against their gold.
fn count_all(ex: &Extractor, docs: &[&GenreDoc]) -> NameCounts {
    let mut c = NameCounts::default();
    for d in docs {
        count_names(ex, &d.gold, &mut c);
    }
    c
}

/// For each genre: train on the others (UNER's only with
/// `train_on_uner`), then recognize the genre's names
/// with the rules, the tagger and both, and count against its gold.
pub fn held_out(
    data: &NerData,
    base: &Extractor,
    epochs: usize,
    progress: impl FnMut(&str),
) -> Result<Vec<HeldOut>> {
    Ok(held_out_run(data, base, epochs, true, &[], progress)?.0)
}

/// [`held_out`] and [`choose_margins`] from one training per genre.
pub fn held_out_and_margins(
    data: &NerData,
    base: &Extractor,
    epochs: usize,
    grid: &[Margins],
    progress: impl FnMut(&str),
) -> Result<(Vec<HeldOut>, Vec<MarginScore>)> {
    held_out_run(data, base, epochs, true, grid, progress)
}

/// Each genre held out in turn: the three modes counted (with `modes`),
/// and hybrid with each of `grid`'s margins; counted on all cores.
fn held_out_run(
    data: &NerData,
    base: &Extractor,
    epochs: usize,
    modes: bool,
    grid: &[Margins],
    mut progress: impl FnMut(&str),
) -> Result<(Vec<HeldOut>, Vec<MarginScore>)> {
    use rayon::prelude::*;
    let mut rows = Vec::new();
    let mut sums = vec![(0.0, 0.0); grid.len()];
    let mut news_sums = vec![(0.0, 0.0); grid.len()];
    let mut genres = 0usize;
    let mut news_genres = 0usize;
    each_genre_held_out(data, base.lexicon(), epochs, |g, test, model| {
        let ex = base.clone().with_tagger(Some(model));
        if modes {
            let all = [NerMode::Rules, NerMode::Tagger, NerMode::Hybrid];
            let counts: Vec<NameCounts> = all
                .par_iter()
                .map(|&mode| count_all(&ex.clone().with_mode(mode), test))
                .collect();
            rows.push(HeldOut {
                genre: g.to_string(),
                documents: test.len(),
                modes: [0, 1, 2].map(|i| (all[i], counts[i])),
            });
        }
        let hybrid = ex.with_mode(NerMode::Hybrid);
        let scores: Vec<(f64, f64)> = grid
            .par_iter()
            .map(|m| {
                let c = count_all(&hybrid.clone().with_margins(*m), test);
                (c.strict_f1(), c.lenient_f1())
            })
            .collect();
        let news = test.iter().any(|d| d.news);
        for ((sum, news_sum), (strict, lenient)) in sums.iter_mut().zip(&mut news_sums).zip(scores)
        {
            sum.0 += strict;
            sum.1 += lenient;
            if news {
                news_sum.0 += strict;
                news_sum.1 += lenient;
            }
        }
        genres += 1;
        news_genres += usize::from(news);
        progress(&if grid.is_empty() {
            format!("{g}: {} documents", test.len())
        } else {
            format!(
                "{g}: {} documents, {} margin settings",
                test.len(),
                grid.len()
            )
        });
    })?;
    let n = genres.max(1) as f64;
    let n_news = news_genres.max(1) as f64;
    let margins = grid
        .iter()
        .copied()
        .zip(sums.into_iter().zip(news_sums))
        .map(|(margins, ((s, l), (ns, nl)))| MarginScore {
            margins,
            strict: s / n,
            lenient: l / n,
            news_strict: ns / n_news,
            news_lenient: nl / n_news,
        })
        .collect();
    Ok((rows, margins))
}

/// Every pair of `names` and `lone_person` margins (the latter at least
/// the former) with `base`'s other margins, then `base` with each of
/// `cover`, then with each of `retype`: searched one after the other, not
/// as a product, which would cost a pass over every genre per setting.
pub fn margin_grid(
    base: Margins,
    names: &[f32],
    lone_person: &[f32],
    cover: &[f32],
    retype: &[f32],
) -> Vec<Margins> {
    let mut grid: Vec<Margins> = names
        .iter()
        .flat_map(|&name| {
            lone_person
                .iter()
                .filter(move |&&lone| lone >= name)
                .map(move |&lone_person| Margins {
                    name,
                    lone_person,
                    ..base
                })
        })
        .collect();
    let others = cover
        .iter()
        .map(|&cover| Margins { cover, ..base })
        .chain(retype.iter().map(|&retype| Margins { retype, ..base }));
    for m in others {
        if !grid.contains(&m) {
            grid.push(m);
        }
    }
    grid
}

/// Hybrid mode with some margins, over the genres held out in turn.
#[derive(Debug, Clone, Copy)]
pub struct MarginScore {
    pub margins: Margins,
    /// Means over the genres of strict and lenient F1.
    pub strict: f64,
    pub lenient: f64,
    /// The same over the news files' genres only.
    pub news_strict: f64,
    pub news_lenient: f64,
}

impl MarginScore {
    /// What the choice maximizes: the mean of the two means.
    pub fn score(&self) -> f64 {
        (self.strict + self.lenient) / 2.0
    }
    /// The same over the news genres.
    pub fn news_score(&self) -> f64 {
        (self.news_strict + self.news_lenient) / 2.0
    }
}

/// Score hybrid mode with each of `grid`'s margins on each genre held
/// out of training in turn: the data to choose the margins on, so that no
/// dev file chooses them.
pub fn choose_margins(
    data: &NerData,
    base: &Extractor,
    epochs: usize,
    grid: &[Margins],
    progress: impl FnMut(&str),
) -> Result<Vec<MarginScore>> {
    Ok(held_out_run(data, base, epochs, false, grid, progress)?.1)
}

fn coarse(kind: EntityType) -> ChunkType {
    match kind {
        EntityType::Person => ChunkType::Person,
        EntityType::Organization => ChunkType::Organization,
        EntityType::Country | EntityType::Place => ChunkType::Location,
    }
}

/// Count the names `ex` finds in `gold`'s text against its names.
fn count_names(ex: &Extractor, gold: &GoldDoc, c: &mut NameCounts) {
    let x = ex.extract(&gold.text, None);
    let mut pred: Vec<(Span, ChunkType)> = x
        .entities
        .iter()
        .flat_map(|e| e.extents.iter().map(move |s| (*s, coarse(e.kind))))
        .collect();
    pred.sort_by_key(|(s, _)| (s.start, s.end));
    pred.dedup();
    c.gold += gold.mentions.len();
    c.predicted += pred.len();
    for (s, k) in &gold.mentions {
        c.strict += usize::from(pred.iter().any(|(p, pk)| p == s && pk == k));
        c.lenient += usize::from(
            pred.iter()
                .any(|(p, pk)| pk == k && p.start < s.end && s.start < p.end),
        );
    }
}

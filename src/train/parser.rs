//! `newsgraph train-parser`: train the UPOS tagger and the dependency
//! parser on a Universal Dependencies treebank (CoNLL-U) and report UPOS
//! accuracy, UAS and LAS on a dev file after each epoch.
//!
//! The parser learns from tags predicted by taggers trained on the other
//! folds of the training data (jackknifing), so that it sees tags as
//! wrong as they will be at parsing time. Everything is deterministic: the
//! same file and settings give a byte-identical model.

use super::ud::{self, UdSentence};
use crate::error::{Error, Result};
use crate::eval::parse::{score, ParseScore};
use crate::extract::parse::arc::{self, ArcTrainer};
use crate::extract::parse::perceptron::Weights;
use crate::extract::parse::pos::{self, PosTrainer, Words};
use crate::extract::parse::{fingerprint, Parse, Parser, Provenance, Upos};
use rayon::prelude::*;
use std::path::Path;

/// Training settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Passes of the tagger over the training data.
    pub pos_epochs: usize,
    /// Passes of the parser over the training data.
    pub parse_epochs: usize,
    /// Width of the parser's beam (1: greedy, trained with the dynamic
    /// oracle; more: trained globally with early update).
    pub beam: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            pos_epochs: DEFAULT_POS_EPOCHS,
            parse_epochs: DEFAULT_PARSE_EPOCHS,
            beam: 1,
        }
    }
}

impl Settings {
    /// The settings of the bundled beam model (`parser-beam.bin`).
    pub fn beam() -> Self {
        Settings {
            pos_epochs: DEFAULT_POS_EPOCHS,
            parse_epochs: DEFAULT_BEAM_EPOCHS,
            beam: DEFAULT_BEAM,
        }
    }

    /// The most features the parser keeps (those with the largest
    /// weights), 0 for all: [`GREEDY_FEATURES`] for the greedy parser,
    /// none for one trained with a beam.
    pub fn max_features(&self) -> usize {
        if self.beam > 1 {
            0
        } else {
            GREEDY_FEATURES
        }
    }

    /// The model file these settings train: `parser.bin` for the greedy
    /// parser, `parser-beam.bin` for one trained with a beam.
    pub fn file_name(&self) -> &'static str {
        if self.beam > 1 {
            "parser-beam.bin"
        } else {
            "parser.bin"
        }
    }
}

/// Tagger passes of the bundled model (chosen on the EWT dev split).
pub const DEFAULT_POS_EPOCHS: usize = 8;
/// Parser passes of the bundled greedy model (chosen on the EWT dev split).
pub const DEFAULT_PARSE_EPOCHS: usize = 12;
/// Parser passes of the bundled beam model: EWT dev LAS (beam of 16)
/// 0.8232 after 10, 0.8242 after 11, 0.8244 after 16, flat from 10 on.
pub const DEFAULT_BEAM_EPOCHS: usize = 16;
/// Beam of the bundled beam model's training.
pub const DEFAULT_BEAM: usize = 8;
/// Folds of the jackknifed training tags.
const FOLDS: usize = 4;
/// Averaged parser weights smaller than this are left out of the model:
/// at 1.0 about half of the features go (mostly ones updated once), the
/// file shrinks from 24 to 11 MB, and dev LAS drops by 0.002.
const PARSE_MIN_WEIGHT: f32 = 1.0;

/// Features the greedy parser keeps: the 260,000 of its million with the
/// largest weights. Its slots then take 4 MB instead of 16, and scoring,
/// which waits on memory, is about a fifth faster; on the EWT splits
/// (gold tokens) LAS goes from 0.8181 to 0.8165 (test) and 0.8144 to
/// 0.8112 (dev). Cutting each feature's small weights instead costs more:
/// at 2.0 (440,000 features left) LAS is 0.8121 on test.
pub const GREEDY_FEATURES: usize = 260_000;

/// The figures after one epoch.
#[derive(Debug, Clone, Copy)]
pub struct Epoch {
    /// "tagger" or "parser".
    pub stage: &'static str,
    /// 1-based.
    pub epoch: usize,
    /// Share of right decisions on the training data during the pass.
    pub train_accuracy: f64,
    /// Scores on the dev file, if one was given.
    pub dev: Option<ParseScore>,
}

/// What training read and how it went.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub sentences: usize,
    pub tokens: usize,
    /// Sentences the parser learnt from (projective trees).
    pub projective: usize,
    pub epochs: Vec<Epoch>,
}

/// Tag and parse the sentences of a treebank with `parser`, gold tokens.
pub fn parse_all(parser: &Parser, sents: &[UdSentence]) -> Vec<Parse> {
    sents
        .iter()
        .map(|s| parser.parse_sentence(&s.form_refs()))
        .collect()
}

fn pos_examples<'a>(words: &'a [Words], sents: &'a [UdSentence]) -> Vec<pos::Example<'a>> {
    words
        .iter()
        .zip(sents)
        .map(|(w, s)| pos::Example {
            words: w,
            gold: &s.gold.upos,
        })
        .collect()
}

/// Tags of every training sentence from taggers that did not see it.
fn jackknife(words: &[Words], sents: &[UdSentence], epochs: usize) -> Vec<Vec<Upos>> {
    let per_fold: Vec<Vec<(usize, Vec<Upos>)>> = (0..FOLDS)
        .into_par_iter()
        .map(|k| {
            let ex: Vec<pos::Example> = pos_examples(words, sents)
                .into_iter()
                .enumerate()
                .filter(|(i, _)| i % FOLDS != k)
                .map(|(_, e)| e)
                .collect();
            let model = pos::train(&ex, epochs);
            (k..words.len())
                .step_by(FOLDS)
                .map(|i| (i, pos::tag(&model, &words[i])))
                .collect()
        })
        .collect();
    let mut tags = vec![Vec::new(); words.len()];
    for (i, t) in per_fold.into_iter().flatten() {
        tags[i] = t;
    }
    tags
}

fn single_rooted(s: &UdSentence) -> bool {
    s.gold.head.iter().filter(|h| h.is_none()).count() == 1
}

/// The treebanks of the bundled model, relative to the repository:
/// the EWT train split and the five GUM genres.
pub const DEFAULT_TRAINING: [&str; 2] = [
    "../shared/train/ud-ewt/en_ewt-ud-train.conllu",
    "../shared/train/gum",
];

/// The CoNLL-U files `paths` name, in order: a folder stands for its
/// `.conllu` files in name order.
pub fn training_files(paths: &[impl AsRef<Path>]) -> Result<Vec<std::path::PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        let p = p.as_ref();
        if p.is_dir() {
            let mut files: Vec<_> = std::fs::read_dir(p)
                .map_err(|e| Error::io(p, e))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.extension().is_some_and(|x| x == "conllu"))
                .collect();
            if files.is_empty() {
                return Err(Error::Data {
                    file: p.display().to_string(),
                    line: 0,
                    message: "no .conllu file in this folder".into(),
                });
            }
            files.sort();
            out.extend(files);
        } else {
            out.push(p.to_path_buf());
        }
    }
    Ok(out)
}

/// The training files' bytes (for the fingerprint) and sentences.
fn read_training(paths: &[impl AsRef<Path>]) -> Result<(Vec<u8>, Vec<UdSentence>)> {
    let (mut bytes, mut sents) = (Vec::new(), Vec::new());
    for f in training_files(paths)? {
        let b = std::fs::read(&f).map_err(|e| Error::io(&f, e))?;
        let text = std::str::from_utf8(&b).map_err(|e| Error::Data {
            file: f.display().to_string(),
            line: 0,
            message: format!("not UTF-8 ({e})"),
        })?;
        sents.extend(ud::parse(text, &f.display().to_string())?);
        bytes.extend_from_slice(&b);
    }
    Ok((bytes, sents))
}

/// The fingerprint a model trained on `paths` (see [`training_files`])
/// with `settings` carries.
pub fn fingerprint_of(paths: &[impl AsRef<Path>], settings: Settings) -> Result<u64> {
    let mut bytes = Vec::new();
    for f in training_files(paths)? {
        bytes.extend(std::fs::read(&f).map_err(|e| Error::io(&f, e))?);
    }
    Ok(fingerprint(
        &bytes,
        settings.pos_epochs as u32,
        settings.parse_epochs as u32,
        settings.beam as u32,
        settings.max_features() as u32,
    ))
}

/// Train on the CoNLL-U files (or folders of them) `train`; after each
/// epoch, score on `dev` if given. `progress` gets a line of text per step.
pub fn train(
    train: &[impl AsRef<Path>],
    dev: Option<&Path>,
    settings: Settings,
    mut progress: impl FnMut(&str),
) -> Result<(Parser, Report)> {
    let (bytes, sents) = read_training(train)?;
    let dev_sents = dev.map(ud::read).transpose()?;
    let words: Vec<Words> = sents.iter().map(|s| Words::new(&s.form_refs())).collect();
    let mut report = Report {
        sentences: sents.len(),
        tokens: words.iter().map(Words::len).sum(),
        ..Report::default()
    };
    progress(&format!(
        "{} sentences, {} tokens",
        report.sentences, report.tokens
    ));
    let provenance = Provenance {
        fingerprint: fingerprint(
            &bytes,
            settings.pos_epochs as u32,
            settings.parse_epochs as u32,
            settings.beam as u32,
            settings.max_features() as u32,
        ),
        pos_epochs: settings.pos_epochs as u32,
        parse_epochs: settings.parse_epochs as u32,
        beam: settings.beam as u32,
    };
    let mut model = Parser {
        tagger: Weights::default(),
        parser: Weights::default(),
        provenance,
    };
    let log = |e: Epoch, report: &mut Report, progress: &mut dyn FnMut(&str)| {
        let dev = e.dev.map_or(String::new(), |d| {
            format!(
                "; dev UPOS {:.4} UAS {:.4} LAS {:.4}",
                d.upos(),
                d.uas(),
                d.las()
            )
        });
        progress(&format!(
            "{} epoch {}: train {:.4}{dev}",
            e.stage, e.epoch, e.train_accuracy
        ));
        report.epochs.push(e);
    };

    // The tagger, on all the training data.
    let ex = pos_examples(&words, &sents);
    let mut pt = PosTrainer::new();
    for epoch in 1..=settings.pos_epochs {
        let acc = pt.epoch(&ex);
        model.tagger = pt.weights(pos::MIN_WEIGHT);
        let dev = dev_sents.as_ref().map(|d| {
            let tags: Vec<Parse> = d
                .iter()
                .map(|s| Parse {
                    upos: model.tag_sentence(&s.form_refs()),
                    ..s.gold.clone()
                })
                .collect();
            score(&d.iter().map(|s| s.gold.clone()).collect::<Vec<_>>(), &tags)
        });
        let e = Epoch {
            stage: "tagger",
            epoch,
            train_accuracy: acc,
            dev,
        };
        log(e, &mut report, &mut progress);
    }

    // The parser, on jackknifed tags.
    progress(&format!("tagging the training data in {FOLDS} folds"));
    let tags = jackknife(&words, &sents, settings.pos_epochs);
    let ex: Vec<arc::Example> = (0..sents.len())
        .filter(|&i| single_rooted(&sents[i]) && arc::projective(&sents[i].gold.head))
        .map(|i| arc::Example {
            words: &words[i],
            tags: &tags[i],
            head: &sents[i].gold.head,
            deprel: &sents[i].gold.deprel,
        })
        .collect();
    report.projective = ex.len();
    progress(&format!(
        "parser: {} projective single-rooted trees of {}",
        ex.len(),
        sents.len()
    ));
    let mut at = ArcTrainer::new();
    for epoch in 1..=settings.parse_epochs {
        let acc = if settings.beam > 1 {
            at.beam_epoch(&ex, settings.beam)
        } else {
            at.epoch(&ex, epoch - 1)
        };
        let dev = dev_sents.as_ref().map(|d| {
            model.parser = at
                .weights(PARSE_MIN_WEIGHT)
                .strongest(settings.max_features());
            let gold: Vec<Parse> = d.iter().map(|s| s.gold.clone()).collect();
            score(&gold, &parse_all(&model, d))
        });
        let e = Epoch {
            stage: "parser",
            epoch,
            train_accuracy: acc,
            dev,
        };
        log(e, &mut report, &mut progress);
    }
    model.parser = at
        .weights(PARSE_MIN_WEIGHT)
        .strongest(settings.max_features());
    Ok((model, report))
}

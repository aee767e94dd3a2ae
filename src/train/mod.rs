//! `newsgraph train-ner`: train the name tagger on a folder of GUM CoNLL-U
//! files and write the model file that the build embeds
//! (`data/models/ner.bin`).

pub mod conllu;
pub mod parser;
pub mod ud;

use crate::error::{Error, Result};
use crate::extract::ner::tagger::{self, Model};
use crate::resources::Lexicon;
use std::path::Path;

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

/// Train on every `*.conllu` file of `dir` (sorted by name, so the model
/// depends only on the data and the epoch count).
pub fn train_dir(
    dir: &Path,
    lex: &Lexicon,
    epochs: usize,
    mut progress: impl FnMut(&str),
) -> Result<(Model, Report)> {
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
    let mut report = Report {
        files: files.len(),
        ..Report::default()
    };
    let mut docs = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).map_err(|e| Error::io(f, e))?;
        for d in conllu::parse(&text) {
            report.mentions += d.mentions.len();
            let td = tagger::train_doc(d.text, &d.mentions, lex);
            report.tokens += td.toks.tokens.len();
            docs.push(td);
        }
    }
    report.documents = docs.len();
    progress(&format!(
        "{} files, {} documents, {} tokens, {} named mentions",
        report.files, report.documents, report.tokens, report.mentions
    ));
    let model = tagger::train(&docs, lex, epochs, |epoch, acc| {
        report.epoch_accuracy.push(acc);
        progress(&format!("epoch {epoch}/{epochs}: token accuracy {acc:.4}"));
    });
    report.features = model.len();
    Ok((model, report))
}

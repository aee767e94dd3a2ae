//! `newsgraph train-ner`: train the name tagger and write its model file,
//! or (`--held-out`) measure it on each genre left out of training, or
//! (`--choose-margins`) score hybrid mode's margins that way.

use super::Config;
use newsgraph::error::{Error, Result};
use newsgraph::extract::ner::Margins;
use newsgraph::extract::Extractor;
use newsgraph::train::{self, NerData};
use std::path::PathBuf;
use std::process::ExitCode;

/// What `train-ner` does.
pub(super) enum Task {
    /// Train and write the model file.
    Train(PathBuf),
    /// `--held-out`.
    HeldOut,
    /// `--choose-margins`.
    ChooseMargins,
}

/// Name margins tried by `--choose-margins`.
const NAME_MARGINS: [f32; 12] = [
    0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 16.0, 24.0,
];
/// Lone person margins tried (each at least the name margin).
const LONE_PERSON_MARGINS: [f32; 11] =
    [2.0, 4.0, 6.0, 8.0, 12.0, 16.0, 20.0, 24.0, 28.0, 32.0, 48.0];
/// Covering margins tried (infinity: the rules' names never give way).
const COVER_MARGINS: [f32; 10] = [
    0.0,
    1.0,
    2.0,
    4.0,
    6.0,
    8.0,
    12.0,
    16.0,
    24.0,
    f32::INFINITY,
];
/// Retyping margins tried (infinity: the rules' persons by capitals keep
/// their type).
const RETYPE_MARGINS: [f32; 9] = [0.0, 2.0, 4.0, 8.0, 12.0, 16.0, 24.0, 32.0, f32::INFINITY];

pub(super) fn run(cfg: &Config, data: &NerData, epochs: usize, task: Task) -> Result<ExitCode> {
    // Train on the rules' own output: the rules are features.
    let extractor = cfg.extractor()?;
    let output = match task {
        Task::HeldOut => return held_out(data, &extractor, epochs),
        Task::ChooseMargins => return choose_margins(data, &extractor, epochs),
        Task::Train(output) => output,
    };
    let (model, report) =
        train::train_ner(data, extractor.lexicon(), epochs, |m| eprintln!("{m}"))?;
    std::fs::write(&output, model.to_bytes()).map_err(|e| Error::io(&output, e))?;
    eprintln!(
        "{} features → {}; use it with --ner-model {1}, or rebuild (cargo build --release) to embed it",
        report.features,
        output.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn held_out(data: &NerData, extractor: &Extractor, epochs: usize) -> Result<ExitCode> {
    let rows = train::held_out(data, extractor, epochs, |m| eprintln!("{m}"))?;
    println!("genre held out  docs  gold | rules strict lenient | tagger strict lenient | hybrid strict lenient");
    for r in &rows {
        let cells: Vec<String> = r
            .modes
            .iter()
            .map(|(_, c)| format!("{:.3}  {:.3}", c.strict_f1(), c.lenient_f1()))
            .collect();
        println!(
            "{:<14} {:>5} {:>5} | {} | {} | {}",
            r.genre, r.documents, r.modes[0].1.gold, cells[0], cells[1], cells[2]
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn choose_margins(data: &NerData, extractor: &Extractor, epochs: usize) -> Result<ExitCode> {
    let current = Margins::default();
    let grid = train::margin_grid(
        current,
        &NAME_MARGINS,
        &LONE_PERSON_MARGINS,
        &COVER_MARGINS,
        &RETYPE_MARGINS,
    );
    let mut rows = train::choose_margins(data, extractor, epochs, &grid, |m| eprintln!("{m}"))?;
    rows.sort_by(|a, b| b.score().total_cmp(&a.score()));
    println!("name  lone person   cover  retype | hybrid mean strict  lenient  (mean of both) | news strict  lenient");
    // The ten best, the default, and every setting of the searches that
    // vary one margin from the default.
    let single = |m: &Margins| {
        m.name == current.name && m.lone_person == current.lone_person && m != &current
    };
    for (k, r) in rows.iter().enumerate() {
        let now = r.margins == current;
        if k < 10 || now || single(&r.margins) {
            println!(
                "{:>4}  {:>11}  {:>6}  {:>6} | {:>18.4}  {:.4}  ({:.4}) | {:>11.4}  {:.4}{}",
                r.margins.name,
                r.margins.lone_person,
                r.margins.cover,
                r.margins.retype,
                r.strict,
                r.lenient,
                r.score(),
                r.news_strict,
                r.news_lenient,
                if now { "  <- the default" } else { "" }
            );
        }
    }
    if let Some(best) = rows.first() {
        let m = |x: &Margins| {
            format!(
                "name {}, lone person {}, cover {}, retype {}",
                x.name, x.lone_person, x.cover, x.retype
            )
        };
        println!("best: {} (the default: {})", m(&best.margins), m(&current));
    }
    // The news files' genres alone, for what they would choose (the
    // defaults are chosen on every genre).
    rows.sort_by(|a, b| b.news_score().total_cmp(&a.news_score()));
    println!("the five best on the news genres alone:");
    for r in rows.iter().take(5) {
        println!(
            "{:>4}  {:>11}  {:>6}  {:>6} | news {:.4}  {:.4}  ({:.4}); all {:.4}",
            r.margins.name,
            r.margins.lone_person,
            r.margins.cover,
            r.margins.retype,
            r.news_strict,
            r.news_lenient,
            r.news_score(),
            r.score()
        );
    }
    Ok(ExitCode::SUCCESS)
}

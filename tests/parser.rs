//! The bundled UPOS tagger and dependency parser (`data/models/parser.bin`):
//! accuracy floors on the UD English Web Treebank test split (gold tokens),
//! a golden `newsgraph parse` output, and a check that the model is what
//! `newsgraph train-parser` makes from the training data with the code as
//! it is.
//!
//! After an intended change to the parser's output, run
//! `UPDATE_GOLDEN=1 cargo test --test parser` and review the diff of
//! `tests/golden/parse.conllu`.

mod common;
use common::*;
use newsgraph::extract::parse::{Parse, Parser};
use newsgraph::train::{parser, ud};

fn bundled() -> &'static Parser {
    Parser::bundled().expect("a parser model in data/models/parser.bin")
}

fn bundled_beam() -> &'static Parser {
    Parser::bundled_beam().expect("a beam parser model in data/models/parser-beam.bin")
}

fn test_split_score(parser: &Parser) -> newsgraph::eval::parse::ParseScore {
    let test = ud::read(&shared().join("train/ud-ewt/en_ewt-ud-test.conllu")).unwrap();
    let gold: Vec<Parse> = test.iter().map(|s| s.gold.clone()).collect();
    let s = newsgraph::eval::parse::score(&gold, &parser::parse_all(parser, &test));
    eprintln!(
        "EWT test, beam {}: {} tokens, UPOS {:.4} UAS {:.4} LAS {:.4}",
        parser.default_beam(),
        s.tokens,
        s.upos(),
        s.uas(),
        s.las()
    );
    assert!(s.tokens > 24_000, "{} tokens", s.tokens);
    s
}

/// The beam-trained model `newsgraph parse` uses, with its default beam.
#[test]
fn test_split_floors() {
    let s = test_split_score(bundled_beam());
    assert!(s.upos() >= UPOS_FLOOR, "UPOS {:.4}", s.upos());
    assert!(s.uas() >= UAS_FLOOR, "UAS {:.4}", s.uas());
    assert!(s.las() >= LAS_FLOOR, "LAS {:.4}", s.las());
}

// Just under what the beam model reaches with a beam of 16 (UPOS 0.9484,
// UAS 0.8605, LAS 0.8312); the targets were UPOS 0.94 and LAS 0.83.
const UPOS_FLOOR: f64 = 0.947;
const UAS_FLOOR: f64 = 0.860;
const LAS_FLOOR: f64 = 0.830;

/// The greedy model extraction uses (`--parser`).
#[test]
fn greedy_test_split_floors() {
    let s = test_split_score(bundled());
    assert!(s.upos() >= UPOS_FLOOR, "UPOS {:.4}", s.upos());
    // Just under what it reaches (UAS 0.8464, LAS 0.8164; 0.8479 and 0.8181
    // before its features were cut to the strongest 260,000).
    assert!(s.uas() >= 0.845, "UAS {:.4}", s.uas());
    assert!(s.las() >= 0.815, "LAS {:.4}", s.las());
}

/// Sentences written for this test, from no corpus.
const TEXT: &str = "The harbour authority fired its chief on Tuesday after a long inquiry.\n\
Ministers from both countries will meet in Oslo next week to discuss the new treaty.\n\
She said the company had not paid its workers since March.\n\
Police arrested two men who tried to steal a boat.\n";

#[test]
fn parse_output_matches_its_golden_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("text.txt");
    std::fs::write(&input, TEXT).unwrap();
    let out = bin().arg("parse").arg(&input).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = String::from_utf8(out.stdout).unwrap();
    assert_eq!(got.matches("# sent_id").count(), 4, "{got}");
    for line in got.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
        assert_eq!(line.split('\t').count(), 10, "{line}");
    }
    let path = repo().join("tests/golden/parse.conllu");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        want == got,
        "`newsgraph parse` differs from tests/golden/parse.conllu; rerun with UPDATE_GOLDEN=1 and review:\n{got}"
    );
}

#[test]
fn tokenized_input_keeps_its_tokens() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.conllu");
    std::fs::write(
        &input,
        "# sent_id = x\n1\tShips\t_\t_\t_\t_\t_\t_\t_\t_\n2\tsail\t_\t_\t_\t_\t_\t_\t_\t_\n3\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n",
    )
    .unwrap();
    let out = bin()
        .args(["parse", "--tokenized"])
        .arg(&input)
        .output()
        .unwrap();
    assert!(out.status.success());
    let got = String::from_utf8(out.stdout).unwrap();
    let back = ud::parse(&got, "out").unwrap();
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].id.as_deref(), Some("x"));
    assert_eq!(back[0].forms, ["Ships", "sail", "."]);
    assert_eq!(back[0].gold.head.iter().filter(|h| h.is_none()).count(), 1);
}

/// Retraining takes minutes even in a release build, so each model's
/// header carries a fingerprint of its training file, feature version,
/// epochs and beam; this checks them against the data and code as they are.
#[test]
fn bundled_model_fingerprints_match_the_training_data() {
    let training: Vec<_> = parser::DEFAULT_TRAINING
        .iter()
        .map(|p| repo().join(p))
        .collect();
    for (settings, model) in [
        (parser::Settings::default(), bundled()),
        (parser::Settings::beam(), bundled_beam()),
    ] {
        let file = repo().join("data/models").join(settings.file_name());
        let bytes = std::fs::read(&file).unwrap();
        let stale = format!(
            "{} is stale: run `newsgraph train-parser{}` and commit it",
            file.display(),
            if settings.beam > 1 { " --beam 8" } else { "" }
        );
        let p = Parser::provenance_of(&bytes).expect(&stale);
        let want = parser::fingerprint_of(&training, settings).unwrap();
        assert!(p.fingerprint == want, "{stale}");
        assert_eq!(p.beam as usize, settings.beam);
        assert_eq!(model.provenance, p);
    }
}

/// The full check: retrain both models and compare bytes (the greedy one
/// takes minutes, the beam one about twenty; `--ignored`, best with
/// `--release`).
#[test]
#[ignore]
fn bundled_models_are_reproducible_from_the_training_data() {
    for (beam, file) in [("1", "parser.bin"), ("8", "parser-beam.bin")] {
        let dir = tempfile::tempdir().unwrap();
        let run = bin()
            .args(["train-parser", "--beam", beam])
            .current_dir(repo())
            .arg("-o")
            .arg(dir.path())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&run.stderr);
        assert!(run.status.success(), "{err}");
        let fresh = std::fs::read(dir.path().join(file)).unwrap();
        let bundled = std::fs::read(repo().join("data/models").join(file)).unwrap();
        assert!(
            fresh == bundled,
            "data/models/{file} is stale: run `newsgraph train-parser --beam {beam}` and commit it"
        );
    }
}

//! The bundled tagger model is exactly what `newsgraph train-ner` makes from
//! `../shared/train/gum` and `data/ner-news` with the code as it is: its features include the
//! rules' labels, so a change to the rules must come with a retrained model.

mod common;
use common::*;

#[test]
fn bundled_model_is_reproducible_from_the_training_data() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ner.bin");
    let run = bin()
        .args(["train-ner", "--gum"])
        .arg(shared().join("train/gum"))
        .arg("--news")
        .arg(repo().join("data/ner-news"))
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{err}");
    assert!(
        err.contains(
            "264 documents (academic 18, bio 20, court 9, interview 19, voyage 18, \
             business 30, domestic 30, sport 30, web 30, wire 30, world 30)"
        ),
        "{err}"
    );
    let fresh = std::fs::read(&out).unwrap();
    let bundled = std::fs::read(repo().join("data/models/ner.bin")).unwrap();
    assert!(
        fresh == bundled,
        "data/models/ner.bin is stale: run `newsgraph train-ner` and commit it"
    );
}

/// Names on text nobody tuned for, and the margins of hybrid mode, from
/// one training per genre held out (`newsgraph train-ner --held-out` and
/// `--choose-margins` in one pass: the training is most of the time).
///
/// Floors: each GUM genre, the UNER-annotated EWT sentences and each file
/// of our news left out of the tagger's training in turn. About 0.02 under
/// the figures of the code as it is (a retrained tagger moves by about
/// that much when the tokens or rules change a little), strict F1 (same
/// span and type) then lenient (overlap).
///
/// Margins are chosen on the same genres held out, not on the dev files:
/// the default must score within 0.0005 of the best of its neighbours
/// there (the dev-chosen 4 and 8 were 0.0009 under 8 and 8).
#[test]
fn held_out_genre_floors_and_default_margins() {
    use newsgraph::extract::ner::Margins;
    let d = Margins::default();
    let near = |x: f32| [(x - 1.0).max(0.0), x, x + 1.0, x * 2.0];
    let either = |x: f32| {
        if x.is_finite() {
            near(x).to_vec()
        } else {
            vec![4.0, 8.0, f32::INFINITY]
        }
    };
    let grid = newsgraph::train::margin_grid(
        d,
        &near(d.name),
        &near(d.lone_person),
        &either(d.cover),
        &either(d.retype),
    );
    let (rows, margins) = newsgraph::train::held_out_and_margins(
        &ner_data(),
        newsgraph::extract::Extractor::bundled(),
        8,
        &grid,
        |_| {},
    )
    .unwrap();
    // genre, then (strict, lenient) floors of the tagger and of hybrid.
    let floors = [
        // GUM's genres teach the model only through the shared weights
        // since it learns news (0.43/0.36 tagger strict before that on
        // academic and court).
        ("academic", (0.31, 0.40), (0.27, 0.40)),
        ("bio", (0.57, 0.75), (0.56, 0.78)),
        ("court", (0.30, 0.55), (0.35, 0.66)),
        ("interview", (0.48, 0.61), (0.50, 0.64)),
        ("voyage", (0.49, 0.58), (0.47, 0.57)),
        ("ewt", (0.51, 0.65), (0.51, 0.63)),
        ("business", (0.83, 0.87), (0.81, 0.85)),
        ("domestic", (0.80, 0.85), (0.79, 0.84)),
        ("sport", (0.82, 0.85), (0.80, 0.85)),
        ("web", (0.82, 0.86), (0.79, 0.85)),
        ("wire", (0.83, 0.86), (0.84, 0.87)),
        ("world", (0.86, 0.90), (0.85, 0.89)),
    ];
    assert_eq!(rows.len(), floors.len());
    let mut low = Vec::new();
    for (r, (genre, tagger, hybrid)) in rows.iter().zip(floors) {
        assert_eq!(r.genre, genre);
        let (_, t) = r.modes[1];
        let (_, h) = r.modes[2];
        eprintln!(
            "{genre}: tagger {:.3} {:.3}, hybrid {:.3} {:.3}",
            t.strict_f1(),
            t.lenient_f1(),
            h.strict_f1(),
            h.lenient_f1()
        );
        if t.strict_f1() < tagger.0 || t.lenient_f1() < tagger.1 {
            low.push(format!("{genre} tagger {t:?}"));
        }
        if h.strict_f1() < hybrid.0 || h.lenient_f1() < hybrid.1 {
            low.push(format!("{genre} hybrid {h:?}"));
        }
    }
    assert!(low.is_empty(), "under the floors: {low:#?}");
    let best = margins
        .iter()
        .max_by(|a, b| a.score().total_cmp(&b.score()))
        .unwrap();
    let default = margins.iter().find(|r| r.margins == d).unwrap();
    eprintln!("default {default:?}, best {best:?}");
    assert!(
        default.score() >= best.score() - 0.0005,
        "the margins {:?} score {:.4} held out, {:?} {:.4}: run `newsgraph train-ner --choose-margins` and set Margins::default",
        d,
        default.score(),
        best.margins,
        best.score()
    );
}

/// GUM's genres, the UNER-annotated EWT sentences (held out only) and the
/// bundled news articles.
fn ner_data() -> newsgraph::train::NerData {
    newsgraph::train::NerData {
        gum: shared().join("train/gum"),
        uner: ["en_ewt-ud-dev.iob2", "en_ewt-ud-test.iob2"]
            .iter()
            .map(|f| shared().join("train/uner-ewt").join(f))
            .collect(),
        train_on_uner: false,
        news: vec![newsgraph::train::NEWS_DIR.into()],
    }
}

/// `--ner-model FILE` tags with a model `train-ner` wrote instead of the
/// bundled one; a file that is no model is an error naming it.
#[test]
fn a_model_file_replaces_the_bundled_tagger() {
    let dir = tempfile::tempdir().unwrap();
    let names = |model: Option<&std::path::Path>| {
        let mut cmd = bin();
        if let Some(m) = model {
            cmd.arg("--ner-model").arg(m);
        }
        let out = cmd
            .args(["--ner", "tagger", "extract"])
            .arg(seed_article())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        json["entities"].as_array().unwrap().len()
    };
    let bundled = names(None);
    assert!(bundled > 5, "{bundled} entities");
    assert_eq!(names(Some(&repo().join("data/models/ner.bin"))), bundled);
    // A model that learned nothing tags nothing.
    let empty = dir.path().join("empty.bin");
    std::fs::write(
        &empty,
        newsgraph::extract::ner::tagger::Model::default().to_bytes(),
    )
    .unwrap();
    assert_eq!(names(Some(&empty)), 0);
    let bad = dir.path().join("notes.txt");
    std::fs::write(&bad, "not a model").unwrap();
    let out = bin()
        .arg("--ner-model")
        .arg(&bad)
        .args(["extract"])
        .arg(seed_article())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("notes.txt: not a newsgraph NER model") && err.contains("train-ner -o FILE"),
        "{err}"
    );
}

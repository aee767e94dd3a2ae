//! Training the name tagger: documents with gold labels, the averaged
//! perceptron's runs over shuffled orders, and their average.

use super::{allowed, features, token_infos, ChunkType, Model, TokenInfo, Weights, N};
use crate::extract::ner::Recognized;
use crate::model::{Span, Tokens};
use crate::resources::Lexicon;
use rayon::prelude::*;
use std::collections::HashMap;

/// Which annotation a training document follows.
///
/// Corpora mark names by different conventions (GUM keeps a title inside
/// a person's mention, Universal NER leaves it out). Trained on both, every
/// feature has a shared weight and one per domain (Daumé III 2007,
/// "Frustratingly easy domain adaptation"); the model keeps the shared
/// weights plus the target domain's, so tagging costs the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Domain {
    /// The convention the model tags by.
    #[default]
    Target,
    /// Another convention, learned from only through the shared weights.
    Other,
}

/// One training document: its text, tokens, rule output and gold labels.
pub struct TrainDoc {
    pub text: String,
    pub toks: Tokens,
    pub rules: Recognized,
    pub gold: Vec<usize>,
    pub domain: Domain,
}

/// Build a training document from a text and its gold chunks (byte spans
/// with their type); a token takes the label of the chunk that holds it.
pub(crate) fn train_doc(
    text: String,
    gold: &[(Span, ChunkType)],
    domain: Domain,
    lex: &Lexicon,
) -> TrainDoc {
    let toks = crate::extract::text::tokenize(&text);
    let credits = crate::extract::ner::credit_lines(&text, &toks);
    let rules = crate::extract::ner::recognize(&text, &toks, lex, &credits);
    let mut labels = vec![0usize; toks.tokens.len()];
    for (span, kind) in gold {
        let b = match kind {
            ChunkType::Person => 1,
            ChunkType::Organization => 3,
            ChunkType::Location => 5,
        };
        let mut first = true;
        for (i, t) in toks.tokens.iter().enumerate() {
            if span.contains(t.span) {
                labels[i] = if first { b } else { b + 1 };
                first = false;
            }
        }
    }
    TrainDoc {
        text,
        toks,
        rules,
        gold: labels,
        domain,
    }
}

/// Shuffled orders the tagger is trained on, their weights averaged.
///
/// One averaged perceptron moves by about ±0.005 F1 on held-out genres
/// with any change of its rule features, as the order it meets its
/// mistakes in changes; the mean of several runs, each over its own
/// shuffle (parameter mixing), moves less, at no cost when tagging.
pub const RUNS: usize = 16;

/// Train an averaged perceptron for `epochs` passes over `docs`, [`RUNS`]
/// times over differently shuffled orders (fixed seeds, so training is
/// reproducible), and average the runs' weights. `progress` gets the
/// number of epochs done (counted over all runs, which train at once on
/// all cores) and the token accuracy of the one just done.
pub fn train(
    docs: &[&TrainDoc],
    lex: &Lexicon,
    epochs: usize,
    progress: impl FnMut(usize, f64) + Send,
) -> Model {
    let infos: Vec<Vec<TokenInfo>> = docs
        .iter()
        .map(|d| token_infos(&d.text, &d.toks, lex, &d.rules))
        .collect();
    // The runs are independent: trained on all cores, summed in run order
    // (the same sums, so the same bytes, whatever the number of cores).
    let done = std::sync::Mutex::new((0usize, progress));
    let runs: Vec<HashMap<u64, [f32; N]>> = (0..RUNS)
        .into_par_iter()
        .map(|run| {
            let seed = 0x9e37_79b9_7f4a_7c15_u64
                .wrapping_add((run as u64).wrapping_mul(0x2545_f491_4f6c_dd1d));
            train_run(docs, &infos, epochs, seed, |_, acc| {
                let mut d = done.lock().expect("no panic while reporting");
                d.0 += 1;
                let epoch = d.0;
                (d.1)(epoch, acc);
            })
        })
        .collect();
    let mut sum: HashMap<u64, [f32; N]> = HashMap::new();
    for one in runs {
        for (k, w) in one {
            let s = sum.entry(k).or_insert([0.0; N]);
            for (a, b) in s.iter_mut().zip(w) {
                *a += b;
            }
        }
    }
    let mut weights = Weights::default();
    for (k, w) in sum {
        let w = w.map(|x| x / RUNS as f32);
        if w.iter().any(|x| x.abs() > 1e-3) {
            weights.insert(k, w);
        }
    }
    Model { weights }
}

/// A feature's weights while training: current, and their running sum
/// for the average.
struct Acc {
    w: [f32; N],
    total: [f64; N],
    stamp: [u64; N],
}

impl Acc {
    fn new() -> Self {
        Acc {
            w: [0.0; N],
            total: [0.0; N],
            stamp: [0; N],
        }
    }

    fn update(&mut self, truth: usize, guess: usize, clock: u64) {
        for (l, delta) in [(truth, 1.0f32), (guess, -1.0)] {
            self.total[l] += (clock - self.stamp[l]) as f64 * f64::from(self.w[l]);
            self.stamp[l] = clock;
            self.w[l] += delta;
        }
    }

    fn average(&self, clock: u64) -> [f32; N] {
        std::array::from_fn(|l| {
            let t = self.total[l] + (clock - self.stamp[l]) as f64 * f64::from(self.w[l]);
            (t / clock as f64) as f32
        })
    }
}

/// One averaged perceptron over `docs` in the order `seed` shuffles them
/// to: every feature's averaged weights. Where the documents follow more
/// than one [`Domain`], each feature also has a weight per domain, and
/// the result is the shared weight plus the target domain's.
fn train_run(
    docs: &[&TrainDoc],
    infos: &[Vec<TokenInfo>],
    epochs: usize,
    mut seed: u64,
    mut progress: impl FnMut(usize, f64),
) -> HashMap<u64, [f32; N]> {
    let split = docs.iter().any(|d| d.domain != docs[0].domain);
    let mut shared: HashMap<u64, Acc> = HashMap::new();
    // Per domain (Target, Other), used only when `split`.
    let mut own: [HashMap<u64, Acc>; 2] = Default::default();
    let mut clock: u64 = 0;
    let mut sents: Vec<(usize, usize, usize)> = Vec::new();
    for (di, d) in docs.iter().enumerate() {
        for s in &d.toks.sentences {
            sents.push((di, s.tokens.start, s.tokens.end));
        }
    }
    for epoch in 0..epochs {
        // Fisher–Yates with a xorshift generator.
        for i in (1..sents.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            sents.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        let (mut right, mut total) = (0usize, 0usize);
        for &(di, s, e) in &sents {
            let d = docs[di].domain as usize;
            let (mut p1, mut p2) = (0, 0);
            for i in s..e {
                let feats = features(&infos[di], s, e, i, p1, p2);
                let mut sc = [0f32; N];
                for f in &feats {
                    let ws = [shared.get(f), own[d].get(f).filter(|_| split)];
                    for a in ws.into_iter().flatten() {
                        for (x, y) in sc.iter_mut().zip(&a.w) {
                            *x += y;
                        }
                    }
                }
                let guess = (0..N)
                    .filter(|&l| allowed(p1, l))
                    .max_by(|&a, &b| sc[a].total_cmp(&sc[b]).then(b.cmp(&a)))
                    .unwrap_or(0);
                let truth = docs[di].gold[i];
                clock += 1;
                if guess != truth {
                    for f in &feats {
                        shared
                            .entry(*f)
                            .or_insert_with(Acc::new)
                            .update(truth, guess, clock);
                        if split {
                            own[d]
                                .entry(*f)
                                .or_insert_with(Acc::new)
                                .update(truth, guess, clock);
                        }
                    }
                } else {
                    right += 1;
                }
                total += 1;
                // Teacher forcing would hide the model's own mistakes;
                // like the reference tagger, condition on its guesses.
                p2 = p1;
                p1 = guess;
            }
        }
        progress(epoch + 1, right as f64 / total.max(1) as f64);
    }
    let target = &own[Domain::Target as usize];
    shared
        .iter()
        .map(|(k, a)| {
            let mut w = a.average(clock);
            if let Some(t) = target.get(k) {
                for (x, y) in w.iter_mut().zip(t.average(clock)) {
                    *x += y;
                }
            }
            (*k, w)
        })
        .collect()
}

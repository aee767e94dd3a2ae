//! The UPOS tagger: greedy left to right, an averaged perceptron over the
//! word, its prefixes, suffixes and shape, its neighbours and the two
//! previous tags (the design of Honnibal's "A good part-of-speech tagger
//! in about 200 lines of Python").

use super::perceptron::{fnv, mix, Trainer, Weights};
use super::{Upos, UPOS};

/// Number of tags (classes of the tagger).
pub(crate) const N_TAGS: usize = UPOS.len();
/// The "previous tag" before the start of a sentence.
const START: u64 = 100;
const START2: u64 = 101;

/// Hashed lexical facts of each token of a sentence, shared by the tagger
/// and the parser.
pub(crate) struct Words {
    /// Lowercased form.
    pub lower: Vec<u64>,
    /// Form as written.
    form: Vec<u64>,
    suffix3: Vec<u64>,
    suffix2: Vec<u64>,
    prefix1: Vec<u64>,
    prefix3: Vec<u64>,
    shape: Vec<u64>,
}

fn shape(form: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    for c in form.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if k != last || !matches!(k, 'x' | 'd' | 'X') {
            out.push(k);
        }
        last = k;
        if out.len() > 6 {
            break;
        }
    }
    out
}

impl Words {
    /// Hash the tokens of one sentence.
    pub(crate) fn new(forms: &[&str]) -> Words {
        let n = forms.len();
        let mut w = Words {
            lower: Vec::with_capacity(n),
            form: Vec::with_capacity(n),
            suffix3: Vec::with_capacity(n),
            suffix2: Vec::with_capacity(n),
            prefix1: Vec::with_capacity(n),
            prefix3: Vec::with_capacity(n),
            shape: Vec::with_capacity(n),
        };
        for f in forms {
            let lower = f.to_lowercase().replace('’', "'");
            let chars: Vec<char> = lower.chars().collect();
            let cut = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
            let k = chars.len();
            w.lower.push(fnv(1, &lower));
            w.form.push(fnv(2, f));
            w.suffix3.push(fnv(3, &cut(k.saturating_sub(3), k)));
            w.suffix2.push(fnv(4, &cut(k.saturating_sub(2), k)));
            w.prefix1.push(fnv(5, &cut(0, k.min(1))));
            w.prefix3.push(fnv(6, &cut(0, k.min(3))));
            w.shape.push(fnv(7, &shape(f)));
        }
        w
    }

    /// Number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.lower.len()
    }
}

/// The features of token `i` given the two previous tags, into `f`.
fn features(w: &Words, i: usize, p1: u64, p2: u64, f: &mut Vec<u64>) {
    const PAD: u64 = 0x5151;
    let at = |v: &Vec<u64>, k: isize| -> u64 {
        let j = i as isize + k;
        if j < 0 || j >= v.len() as isize {
            PAD.wrapping_add(k as u64)
        } else {
            v[j as usize]
        }
    };
    let t = |id: u64, x: u64| mix(id, x);
    f.clear();
    f.push(t(0, 0));
    f.push(t(1, w.lower[i]));
    f.push(t(2, w.suffix3[i]));
    f.push(t(3, w.suffix2[i]));
    f.push(t(4, w.prefix1[i]));
    f.push(t(5, w.prefix3[i]));
    f.push(t(6, w.shape[i]));
    f.push(t(7, w.form[i]));
    f.push(t(8, p1));
    f.push(t(9, p2));
    f.push(mix(t(10, p1), p2));
    f.push(mix(t(11, p1), w.lower[i]));
    f.push(t(12, at(&w.lower, -1)));
    f.push(t(13, at(&w.suffix3, -1)));
    f.push(t(14, at(&w.lower, -2)));
    f.push(t(15, at(&w.lower, 1)));
    f.push(t(16, at(&w.suffix3, 1)));
    f.push(t(17, at(&w.lower, 2)));
    f.push(mix(t(18, at(&w.lower, -1)), w.lower[i]));
    f.push(mix(t(19, w.lower[i]), at(&w.lower, 1)));
    f.push(t(20, at(&w.shape, 1)));
    f.push(t(21, at(&w.shape, -1)));
    f.push(mix(t(22, u64::from(i == 0)), w.shape[i]));
    f.push(mix(t(23, p1), at(&w.lower, 1)));
    f.push(mix(t(24, p1), w.suffix3[i]));
    f.push(t(25, at(&w.suffix2, 1)));
}

fn argmax(s: &[f32]) -> usize {
    let mut best = 0;
    for (k, x) in s.iter().enumerate() {
        if *x > s[best] {
            best = k;
        }
    }
    best
}

/// Tag one sentence.
pub(crate) fn tag(model: &Weights, w: &Words) -> Vec<Upos> {
    let mut f = Vec::with_capacity(32);
    let mut s = [0f32; N_TAGS];
    let (mut p1, mut p2) = (START, START2);
    let mut out = Vec::with_capacity(w.len());
    for i in 0..w.len() {
        features(w, i, p1, p2, &mut f);
        model.score(&f, &mut s);
        let g = argmax(&s);
        out.push(UPOS[g]);
        p2 = p1;
        p1 = g as u64;
    }
    out
}

/// A sentence to learn from: hashed words and gold tags.
pub(crate) struct Example<'a> {
    pub words: &'a Words,
    pub gold: &'a [Upos],
}

/// The tagger's trainer: one call to [`PosTrainer::epoch`] per pass.
pub(crate) struct PosTrainer {
    tr: Trainer,
    rng: Rng,
}

impl PosTrainer {
    pub(crate) fn new() -> Self {
        PosTrainer {
            tr: Trainer::new(N_TAGS),
            rng: Rng(0x2545_f491_4f6c_dd1d),
        }
    }

    /// One pass over `sents` in a fixed shuffled order, conditioning on
    /// the model's own previous tags; returns the training accuracy.
    pub(crate) fn epoch(&mut self, sents: &[Example]) -> f64 {
        let mut order: Vec<usize> = (0..sents.len()).collect();
        self.rng.shuffle(&mut order);
        let mut f = Vec::with_capacity(32);
        let mut s = [0f32; N_TAGS];
        let (mut right, mut total) = (0usize, 0usize);
        for &k in &order {
            let ex = &sents[k];
            let (mut p1, mut p2) = (START, START2);
            for i in 0..ex.words.len() {
                features(ex.words, i, p1, p2, &mut f);
                self.tr.score(&f, &mut s);
                let guess = argmax(&s);
                let truth = ex.gold[i] as usize;
                self.tr.tick();
                if guess != truth {
                    self.tr.update(&f, truth, guess);
                } else {
                    right += 1;
                }
                total += 1;
                p2 = p1;
                p1 = guess as u64;
            }
        }
        right as f64 / total.max(1) as f64
    }

    /// The averaged weights so far, without entries under `min_abs`.
    pub(crate) fn weights(&self, min_abs: f32) -> Weights {
        self.tr.averaged(min_abs)
    }
}

/// Train the tagger for `epochs` passes.
pub(crate) fn train(sents: &[Example], epochs: usize) -> Weights {
    let mut t = PosTrainer::new();
    for _ in 0..epochs {
        t.epoch(sents);
    }
    t.weights(MIN_WEIGHT)
}

/// Averaged weights smaller than this are dropped from the tagger model.
pub(crate) const MIN_WEIGHT: f32 = 1e-3;

/// A xorshift generator for reproducible shuffles.
pub(crate) struct Rng(pub u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// Fisher–Yates.
    pub(crate) fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("Hello"), "Xx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("2017"), "d");
    }

    #[test]
    fn learns_a_toy_pattern() {
        let s1 = Words::new(&["the", "dog", "runs"]);
        let s2 = Words::new(&["a", "cat", "sleeps"]);
        let g = [Upos::DET, Upos::NOUN, Upos::VERB];
        let ex = [
            Example {
                words: &s1,
                gold: &g,
            },
            Example {
                words: &s2,
                gold: &g,
            },
        ];
        let m = train(&ex, 5);
        assert_eq!(tag(&m, &s2), g);
    }
}

//! The dependency parser: greedy arc-hybrid transitions (Kuhlmann et al.
//! 2011) with labels, scored by an averaged perceptron over Zhang & Nivre
//! (2011)-style features (stack and buffer words and tags, children's
//! labels, distance, valency), trained with the dynamic oracle of Goldberg
//! & Nivre (2012, 2013) and error exploration.
//!
//! Nodes are numbered 0 (the root, at the bottom of the stack) and 1..=n
//! (the words); the buffer is the nodes `b..=n`.

use super::perceptron::{mix, Trainer, Weights};
use super::pos::{Rng, Words};
use super::{Deprel, Upos, DEPRELS};

pub(crate) mod beam;

const NL: usize = DEPRELS.len();
/// Shift, then left arcs by label, then right arcs by label.
pub(crate) const N_ACTIONS: usize = 1 + 2 * NL;
const SHIFT: usize = 0;
const NONE: usize = usize::MAX;
const ROOT: usize = 34;

/// A parser configuration.
#[derive(Clone)]
struct State {
    n: usize,
    stack: Vec<usize>,
    /// Front of the buffer; the buffer is empty when `b > n`.
    b: usize,
    head: Vec<usize>,
    label: Vec<u8>,
    /// Leftmost and second leftmost, rightmost and second rightmost children.
    l1: Vec<usize>,
    l2: Vec<usize>,
    r1: Vec<usize>,
    r2: Vec<usize>,
    /// Left and right valency, and the sets of left and right labels.
    nl: Vec<u8>,
    nr: Vec<u8>,
    lset: Vec<u64>,
    rset: Vec<u64>,
}

impl State {
    fn new(n: usize) -> State {
        let m = n + 1;
        State {
            n,
            stack: vec![0],
            b: 1,
            head: vec![NONE; m],
            label: vec![u8::MAX; m],
            l1: vec![NONE; m],
            l2: vec![NONE; m],
            r1: vec![NONE; m],
            r2: vec![NONE; m],
            nl: vec![0; m],
            nr: vec![0; m],
            lset: vec![0; m],
            rset: vec![0; m],
        }
    }

    fn done(&self) -> bool {
        self.b > self.n && self.stack.len() == 1
    }

    fn s(&self, k: usize) -> usize {
        let l = self.stack.len();
        if k < l {
            self.stack[l - 1 - k]
        } else {
            NONE
        }
    }

    fn buf(&self, k: usize) -> usize {
        if self.b + k <= self.n {
            self.b + k
        } else {
            NONE
        }
    }

    /// Which actions are allowed: one root, reached last, labelled `root`.
    fn valid(&self, ok: &mut [bool; N_ACTIONS]) {
        let has_buf = self.b <= self.n;
        let two = self.stack.len() >= 2;
        ok[SHIFT] = has_buf;
        for l in 0..NL {
            ok[1 + l] = two && has_buf && l != ROOT;
            ok[1 + NL + l] = two
                && if self.s(1) == 0 {
                    !has_buf && l == ROOT
                } else {
                    l != ROOT
                };
        }
    }

    fn attach(&mut self, h: usize, d: usize, l: usize) {
        self.head[d] = h;
        self.label[d] = l as u8;
        if d < h {
            if self.l1[h] == NONE || d < self.l1[h] {
                self.l2[h] = self.l1[h];
                self.l1[h] = d;
            } else if self.l2[h] == NONE || d < self.l2[h] {
                self.l2[h] = d;
            }
            self.nl[h] = self.nl[h].saturating_add(1);
            self.lset[h] |= 1 << l;
        } else {
            if self.r1[h] == NONE || d > self.r1[h] {
                self.r2[h] = self.r1[h];
                self.r1[h] = d;
            } else if self.r2[h] == NONE || d > self.r2[h] {
                self.r2[h] = d;
            }
            self.nr[h] = self.nr[h].saturating_add(1);
            self.rset[h] |= 1 << l;
        }
    }

    fn apply(&mut self, a: usize) {
        if a == SHIFT {
            self.stack.push(self.b);
            self.b += 1;
        } else if a <= NL {
            let s0 = self.stack.pop().expect("valid left arc");
            self.attach(self.b, s0, a - 1);
        } else {
            let s0 = self.stack.pop().expect("valid right arc");
            let s1 = *self.stack.last().expect("valid right arc");
            self.attach(s1, s0, a - 1 - NL);
        }
    }

    /// Gold arcs each action loses (Goldberg & Nivre 2013, arc-hybrid),
    /// plus one for a gold arc with the wrong label.
    fn costs(&self, gh: &[usize], gl: &[u8], cost: &mut [u32; N_ACTIONS]) {
        let (s0, s1, b0) = (self.s(0), self.s(1), self.buf(0));
        let in_buf = |x: usize| x != NONE && x >= self.b && x <= self.n;
        let in_stack = |x: usize| self.stack.contains(&x);
        cost.fill(0);
        if b0 != NONE {
            let mut c = u32::from(gh[b0] != s0 && in_stack(gh[b0]));
            c += self
                .stack
                .iter()
                .filter(|&&d| d != 0 && gh[d] == b0)
                .count() as u32;
            cost[SHIFT] = c;
        }
        if s0 == NONE || s0 == 0 {
            return;
        }
        let deps_in_buf = (self.b..=self.n).filter(|&d| gh[d] == s0).count() as u32;
        let h = gh[s0];
        let left = deps_in_buf + u32::from(h != b0 && (h == s1 || in_buf(h)));
        let right = deps_in_buf + u32::from(in_buf(h));
        for l in 0..NL {
            let wrong = u32::from(l as u8 != gl[s0]);
            cost[1 + l] = left + if h == b0 { wrong } else { 0 };
            cost[1 + NL + l] = right + if h == s1 { wrong } else { 0 };
        }
    }
}

/// Per-node word hashes and tags, the root and "nothing" included.
struct Ctx {
    w: Vec<u64>,
    p: Vec<u64>,
}

const W_NONE: u64 = 0x00ff_0001;
const P_NONE: u64 = 200;

impl Ctx {
    fn new(words: &Words, tags: &[Upos]) -> Ctx {
        let mut w = vec![0x00ff_0002];
        w.extend_from_slice(&words.lower);
        let mut p = vec![201];
        p.extend(tags.iter().map(|t| *t as u64));
        Ctx { w, p }
    }
    fn w(&self, x: usize) -> u64 {
        if x == NONE {
            W_NONE
        } else {
            self.w[x]
        }
    }
    fn p(&self, x: usize) -> u64 {
        if x == NONE {
            P_NONE
        } else {
            self.p[x]
        }
    }
}

fn h(id: u64, xs: &[u64]) -> u64 {
    xs.iter().fold(mix(0x1234_5678, id), |a, &x| mix(a, x))
}

/// The features of a configuration, into `f`.
fn features(st: &State, c: &Ctx, f: &mut Vec<u64>) {
    let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
    let (b0, b1, b2) = (st.buf(0), st.buf(1), st.buf(2));
    let get = |v: &Vec<usize>, x: usize| if x == NONE { NONE } else { v[x] };
    let lab = |x: usize| {
        if x == NONE {
            255
        } else {
            u64::from(st.label[x])
        }
    };
    let (s0l1, s0l2, s0r1, s0r2) = (
        get(&st.l1, s0),
        get(&st.l2, s0),
        get(&st.r1, s0),
        get(&st.r2, s0),
    );
    let (b0l1, b0l2) = (get(&st.l1, b0), get(&st.l2, b0));
    let (s1l1, s1r1) = (get(&st.l1, s1), get(&st.r1, s1));
    let (s0w, s0p, s1w, s1p, s2w, s2p) = (c.w(s0), c.p(s0), c.w(s1), c.p(s1), c.w(s2), c.p(s2));
    let (b0w, b0p, b1w, b1p, b2w, b2p) = (c.w(b0), c.p(b0), c.w(b1), c.p(b1), c.w(b2), c.p(b2));
    let dist = if s0 == NONE || b0 == NONE {
        0
    } else {
        match b0 - s0 {
            d @ 0..=4 => d as u64,
            5..=9 => 5,
            _ => 6,
        }
    };
    let d01 = if s0 == NONE || s1 == NONE {
        0
    } else {
        (s0 - s1).min(6) as u64
    };
    let val = |v: &Vec<u8>, x: usize| if x == NONE { 99 } else { u64::from(v[x]) };
    let set = |v: &Vec<u64>, x: usize| if x == NONE { 1 << 63 } else { v[x] };
    let (s0vl, s0vr, b0vl) = (val(&st.nl, s0), val(&st.nr, s0), val(&st.nl, b0));
    f.clear();
    let mut add = |id: u64, xs: &[u64]| f.push(h(id, xs));
    add(0, &[]);
    // Single positions.
    add(1, &[s0w]);
    add(2, &[s0p]);
    add(3, &[s0w, s0p]);
    add(4, &[s1w]);
    add(5, &[s1p]);
    add(6, &[s1w, s1p]);
    add(7, &[b0w]);
    add(8, &[b0p]);
    add(9, &[b0w, b0p]);
    add(10, &[b1w]);
    add(11, &[b1p]);
    add(12, &[b1w, b1p]);
    add(13, &[b2w]);
    add(14, &[b2p]);
    add(15, &[b2w, b2p]);
    add(16, &[s2p]);
    add(17, &[s2w]);
    // Pairs.
    add(20, &[s0w, s0p, b0w, b0p]);
    add(21, &[s0w, s0p, b0w]);
    add(22, &[s0w, b0w, b0p]);
    add(23, &[s0w, s0p, b0p]);
    add(24, &[s0p, b0w, b0p]);
    add(25, &[s0w, b0w]);
    add(26, &[s0p, b0p]);
    add(27, &[b0p, b1p]);
    add(28, &[s1p, s0p]);
    add(29, &[s1w, s0w]);
    add(30, &[s1w, s1p, s0p]);
    add(31, &[s1p, s0w, s0p]);
    add(32, &[b0w, b1w]);
    add(33, &[b0w, b1p]);
    add(34, &[b0p, b1w]);
    add(35, &[s1p, b0p]);
    add(36, &[s1w, b0w]);
    // Triples.
    add(40, &[b0p, b1p, b2p]);
    add(41, &[s0p, b0p, b1p]);
    add(42, &[s1p, s0p, b0p]);
    add(43, &[s0p, c.p(s0l1), b0p]);
    add(44, &[s0p, c.p(s0r1), b0p]);
    add(45, &[s0p, b0p, c.p(b0l1)]);
    add(46, &[s1p, c.p(s1r1), s0p]);
    add(47, &[s2p, s1p, s0p]);
    add(48, &[s1p, s0p, c.p(s0l1)]);
    add(49, &[s1p, s0p, c.p(s0r1)]);
    add(50, &[s0w, b0p, b1p]);
    add(51, &[s1p, s0w, b0p]);
    // Distance.
    add(60, &[s0w, dist]);
    add(61, &[s0p, dist]);
    add(62, &[b0w, dist]);
    add(63, &[b0p, dist]);
    add(64, &[s0w, b0w, dist]);
    add(65, &[s0p, b0p, dist]);
    add(66, &[s1p, s0p, d01]);
    add(67, &[s1w, s0w, d01]);
    // Valency.
    add(70, &[s0w, s0vr]);
    add(71, &[s0p, s0vr]);
    add(72, &[s0w, s0vl]);
    add(73, &[s0p, s0vl]);
    add(74, &[b0w, b0vl]);
    add(75, &[b0p, b0vl]);
    add(76, &[s1p, val(&st.nr, s1)]);
    // Children.
    add(80, &[c.w(s0l1)]);
    add(81, &[c.p(s0l1)]);
    add(82, &[lab(s0l1)]);
    add(83, &[c.w(s0r1)]);
    add(84, &[c.p(s0r1)]);
    add(85, &[lab(s0r1)]);
    add(86, &[c.w(b0l1)]);
    add(87, &[c.p(b0l1)]);
    add(88, &[lab(b0l1)]);
    add(89, &[c.w(s0l2)]);
    add(90, &[c.p(s0l2)]);
    add(91, &[lab(s0l2)]);
    add(92, &[c.w(s0r2)]);
    add(93, &[c.p(s0r2)]);
    add(94, &[lab(s0r2)]);
    add(95, &[c.w(b0l2)]);
    add(96, &[c.p(b0l2)]);
    add(97, &[lab(b0l2)]);
    add(98, &[c.p(s1r1), lab(s1r1)]);
    add(99, &[c.p(s1l1), lab(s1l1)]);
    // Third order.
    add(100, &[s0p, lab(s0l1), lab(s0l2)]);
    add(101, &[s0p, lab(s0r1), lab(s0r2)]);
    add(102, &[b0p, lab(b0l1), lab(b0l2)]);
    add(103, &[s0p, c.p(s0l1), c.p(s0l2)]);
    add(104, &[s0p, c.p(s0r1), c.p(s0r2)]);
    add(105, &[b0p, c.p(b0l1), c.p(b0l2)]);
    add(106, &[s1p, s0p, lab(s0l1), lab(s0r1)]);
    // Label sets.
    add(110, &[s0w, set(&st.rset, s0)]);
    add(111, &[s0p, set(&st.rset, s0)]);
    add(112, &[s0w, set(&st.lset, s0)]);
    add(113, &[s0p, set(&st.lset, s0)]);
    add(114, &[b0w, set(&st.lset, b0)]);
    add(115, &[b0p, set(&st.lset, b0)]);
    add(116, &[s1p, set(&st.rset, s1)]);
}

fn best(
    scores: &[f32; N_ACTIONS],
    ok: &[bool; N_ACTIONS],
    cost: Option<(&[u32; N_ACTIONS], u32)>,
) -> usize {
    let mut best = NONE;
    for a in 0..N_ACTIONS {
        if !ok[a] || cost.is_some_and(|(c, m)| c[a] != m) {
            continue;
        }
        if best == NONE || scores[a] > scores[best] {
            best = a;
        }
    }
    best
}

/// Parse one tagged sentence: each word's head (0-based, `None` for the
/// root) and relation.
pub(crate) fn parse(
    model: &Weights,
    words: &Words,
    tags: &[Upos],
) -> (Vec<Option<usize>>, Vec<Deprel>) {
    let n = words.len();
    let ctx = Ctx::new(words, tags);
    let mut st = State::new(n);
    let mut f = Vec::with_capacity(128);
    let mut scores = [0f32; N_ACTIONS];
    let mut ok = [false; N_ACTIONS];
    while !st.done() {
        features(&st, &ctx, &mut f);
        model.score(&f, &mut scores);
        st.valid(&mut ok);
        st.apply(best(&scores, &ok, None));
    }
    tree_of(&st)
}

/// The tree of a final configuration: heads (0-based, `None` for the root)
/// and relations.
fn tree_of(st: &State) -> (Vec<Option<usize>>, Vec<Deprel>) {
    let heads = (1..=st.n)
        .map(|d| match st.head[d] {
            0 => None,
            h => Some(h - 1),
        })
        .collect();
    let labels = (1..=st.n)
        .map(|d| Deprel::from_index(st.label[d] as usize))
        .collect();
    (heads, labels)
}

/// A sentence to learn from: hashed words, the tags the parser will see
/// (predicted ones), and the gold tree.
pub(crate) struct Example<'a> {
    pub words: &'a Words,
    pub tags: &'a [Upos],
    pub head: &'a [Option<usize>],
    pub deprel: &'a [Deprel],
}

impl Example<'_> {
    /// The gold tree by node (the root is node 0, words 1..=n): each
    /// node's head and relation index.
    fn gold_arcs(&self) -> (Vec<usize>, Vec<u8>) {
        let mut gh = vec![NONE];
        gh.extend(self.head.iter().map(|h| h.map_or(0, |h| h + 1)));
        let mut gl = vec![u8::MAX];
        gl.extend(self.deprel.iter().map(|l| l.index() as u8));
        (gh, gl)
    }
}

/// Is the tree (0-based heads, `None` for the root) projective?
pub(crate) fn projective(head: &[Option<usize>]) -> bool {
    let node = |h: Option<usize>| h.map_or(0, |h| h + 1);
    let arcs: Vec<(usize, usize)> = head
        .iter()
        .enumerate()
        .map(|(d, h)| {
            let (a, b) = (node(*h), d + 1);
            (a.min(b), a.max(b))
        })
        .collect();
    arcs.iter()
        .all(|&(a, b)| arcs.iter().all(|&(c, d)| !(a < c && c < b && b < d)))
}

/// The parser's trainer: one call to [`ArcTrainer::epoch`] per pass.
pub(crate) struct ArcTrainer {
    tr: Trainer,
    rng: Rng,
}

impl ArcTrainer {
    pub(crate) fn new() -> Self {
        ArcTrainer {
            tr: Trainer::new(N_ACTIONS),
            rng: Rng(0x9e37_79b9_7f4a_7c15),
        }
    }

    /// One pass over `sents` (projective trees only) in a fixed shuffled
    /// order; the first pass follows the oracle, later ones the model's
    /// own moves (error exploration). Returns the share of right moves.
    pub(crate) fn epoch(&mut self, sents: &[Example], epoch: usize) -> f64 {
        let mut order: Vec<usize> = (0..sents.len()).collect();
        self.rng.shuffle(&mut order);
        let mut f = Vec::with_capacity(128);
        let (mut scores, mut ok, mut cost) =
            ([0f32; N_ACTIONS], [false; N_ACTIONS], [0u32; N_ACTIONS]);
        let (mut right, mut total) = (0usize, 0usize);
        for &k in &order {
            let ex = &sents[k];
            let n = ex.words.len();
            let ctx = Ctx::new(ex.words, ex.tags);
            let (gh, gl) = ex.gold_arcs();
            let mut st = State::new(n);
            while !st.done() {
                features(&st, &ctx, &mut f);
                self.tr.score(&f, &mut scores);
                st.valid(&mut ok);
                st.costs(&gh, &gl, &mut cost);
                let min = (0..N_ACTIONS)
                    .filter(|&a| ok[a])
                    .map(|a| cost[a])
                    .min()
                    .unwrap_or(0);
                let guess = best(&scores, &ok, None);
                let gold = best(&scores, &ok, Some((&cost, min)));
                self.tr.tick();
                if cost[guess] > min {
                    self.tr.update(&f, gold, guess);
                } else {
                    right += 1;
                }
                total += 1;
                st.apply(if epoch == 0 { gold } else { guess });
            }
        }
        right as f64 / total.max(1) as f64
    }

    /// One pass with a beam of `k` and max-violation update (see
    /// [`beam::learn`]).
    /// Returns the share of sentences that needed no update.
    pub(crate) fn beam_epoch(&mut self, sents: &[Example], k: usize) -> f64 {
        let mut order: Vec<usize> = (0..sents.len()).collect();
        self.rng.shuffle(&mut order);
        let mut f = Vec::with_capacity(128);
        let right = order
            .iter()
            .filter(|&&i| beam::learn(&mut self.tr, &sents[i], k, &mut f))
            .count();
        right as f64 / sents.len().max(1) as f64
    }

    /// The averaged weights so far, without entries under `min_abs`.
    pub(crate) fn weights(&self, min_abs: f32) -> Weights {
        self.tr.averaged(min_abs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projectivity() {
        assert!(projective(&[Some(1), None, Some(1)]));
        // 1→3 crosses 2→4 (0-based: word 0 headed by 2, word 1 by 3).
        assert!(!projective(&[Some(2), Some(3), None, Some(2)]));
    }

    #[test]
    fn learns_a_toy_tree() {
        let words = Words::new(&["dogs", "chase", "cats", "."]);
        let tags = [Upos::NOUN, Upos::VERB, Upos::NOUN, Upos::PUNCT];
        let head = [Some(1), None, Some(1), Some(1)];
        let rel = |s| Deprel::parse(s).unwrap();
        let deprel = [rel("nsubj"), Deprel::ROOT, rel("obj"), rel("punct")];
        let ex = [Example {
            words: &words,
            tags: &tags,
            head: &head,
            deprel: &deprel,
        }];
        let mut t = ArcTrainer::new();
        for e in 0..5 {
            t.epoch(&ex, e);
        }
        let (h, l) = parse(&t.weights(0.0), &words, &tags);
        assert_eq!(h, head);
        assert_eq!(l, deprel);
        // The same with a beam, trained globally.
        let mut t = ArcTrainer::new();
        let first = t.beam_epoch(&ex, 4);
        assert_eq!(first, 0.0, "an untrained model gets nothing right");
        let mut last = first;
        for _ in 0..10 {
            last = t.beam_epoch(&ex, 4);
        }
        assert_eq!(last, 1.0);
        let (h, l) = beam::parse(&t.weights(0.0), &words, &tags, 4);
        assert_eq!(h, head);
        assert_eq!(l, deprel);
    }
}

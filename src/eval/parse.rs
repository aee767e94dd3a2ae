//! Scoring a tagger and parser against gold trees: UPOS accuracy, and
//! unlabelled and labelled attachment scores over universal relations
//! (punctuation included, as the CoNLL 2018 shared task's scorer does).

use crate::extract::parse::Parse;

/// Token-level agreement of predicted parses with gold ones.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ParseScore {
    /// Tokens compared.
    pub tokens: usize,
    /// Tokens with the gold UPOS tag.
    pub upos_right: usize,
    /// Tokens with the gold head.
    pub head_right: usize,
    /// Tokens with the gold head and universal relation.
    pub labelled_right: usize,
}

impl ParseScore {
    fn rate(&self, k: usize) -> f64 {
        if self.tokens == 0 {
            0.0
        } else {
            k as f64 / self.tokens as f64
        }
    }

    /// UPOS accuracy.
    pub fn upos(&self) -> f64 {
        self.rate(self.upos_right)
    }

    /// Unlabelled attachment score.
    pub fn uas(&self) -> f64 {
        self.rate(self.head_right)
    }

    /// Labelled attachment score.
    pub fn las(&self) -> f64 {
        self.rate(self.labelled_right)
    }
}

/// Score `predicted` against `gold`, sentence by sentence (the same
/// tokens); tokens past the shorter of two paired sentences count as wrong.
pub fn score(gold: &[Parse], predicted: &[Parse]) -> ParseScore {
    let mut s = ParseScore::default();
    for (k, g) in gold.iter().enumerate() {
        s.tokens += g.len();
        let Some(p) = predicted.get(k) else { continue };
        for i in 0..g.len().min(p.len()) {
            s.upos_right += usize::from(g.upos[i] == p.upos[i]);
            if g.head[i] == p.head[i] {
                s.head_right += 1;
                s.labelled_right += usize::from(g.deprel[i] == p.deprel[i]);
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::parse::{Deprel, Upos};

    #[test]
    fn counts_tags_heads_and_labels() {
        let gold = Parse {
            upos: vec![Upos::NOUN, Upos::VERB],
            head: vec![Some(1), None],
            deprel: vec![Deprel::parse("nsubj").unwrap(), Deprel::ROOT],
        };
        let mut p = gold.clone();
        p.upos[0] = Upos::PROPN;
        p.deprel[0] = Deprel::parse("obj").unwrap();
        let s = score(&[gold], &[p]);
        assert_eq!((s.upos(), s.uas(), s.las()), (0.5, 1.0, 0.5));
    }
}

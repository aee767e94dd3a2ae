//! The sparse averaged perceptron (Collins 2002) shared by the tagger and
//! the parser: hashed features, each holding weights only for the classes
//! it was ever updated for; training with lazily averaged weights.

use super::layout::{self, pack, spread, Table, DENSE, LANES, LEN_BITS, MAX_CLASSES, TABLE_HEADER};
use crate::error::{Error, Result};
use std::collections::HashMap;

/// Feature keys are already hashes: the maps use them as they are.
#[derive(Default, Clone, Copy)]
pub(crate) struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type KeyMap<V> = HashMap<u64, V, std::hash::BuildHasherDefault<KeyHasher>>;

/// FNV-1a over the bytes of a string, seeded with a tag.
pub(crate) fn fnv(tag: u8, s: &str) -> u64 {
    let step = |h: u64, b: u8| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    s.bytes().fold(step(0xcbf2_9ce4_8422_2325, tag), step)
}

/// Combine a hash with one more value (a template id, a word hash, a tag).
#[inline]
pub(crate) fn mix(h: u64, x: u64) -> u64 {
    (h ^ x)
        .wrapping_mul(0x9e37_79b9_7f4a_7c15)
        .rotate_left(29)
        .wrapping_add(0x632b_e59b_d9b4_e019)
}

/// A feature key as stored: its low 32 bits (the few collisions this makes
/// among a model's features are merged when averaging).
fn short(f: u64) -> u32 {
    f as u32
}

/// Round to bfloat16 (the top 16 bits of an `f32`, rounded to nearest even).
fn to_bf16(x: f32) -> u16 {
    let b = x.to_bits();
    let round = 0x7fff + ((b >> 16) & 1);
    (b.wrapping_add(round) >> 16) as u16
}

fn from_bf16(h: u16) -> f32 {
    f32::from_bits(u32::from(h) << 16)
}

#[inline]
fn unpack(entry: u32) -> (usize, f32) {
    ((entry >> 16) as usize, from_bf16(entry as u16))
}

/// Trained weights: feature → (class, weight) pairs, in the table of
/// [`layout`](super::layout): built when trained or read from a model
/// file, or copied from the layout embedded in the binary.
///
/// Scoring is most of the parser's time; each feature looked up touches
/// one slot and its entries (or dense row).
#[derive(Debug, Clone)]
pub(crate) struct Weights {
    classes: usize,
    slots: Vec<u64>,
    /// Slots minus one (their number is a power of two).
    mask: usize,
    /// Number of features.
    count: usize,
    entries: Vec<u32>,
    dense: Vec<[u16; LANES]>,
    /// Blocks per dense row.
    blocks: usize,
}

/// Features per scoring call handled without allocating.
const STACK_FEATURES: usize = 160;
/// Blocks of the widest dense row.
const MAX_BLOCKS: usize = MAX_CLASSES.div_ceil(LANES);

impl From<Table> for Weights {
    fn from(t: Table) -> Self {
        Weights {
            classes: t.classes,
            mask: t.slots.len() - 1,
            count: t.count,
            blocks: t.blocks(),
            slots: t.slots,
            entries: t.entries,
            dense: t.dense,
        }
    }
}

impl Default for Weights {
    /// No features: every score zero.
    fn default() -> Self {
        Table::with_capacity(0, 0).into()
    }
}

impl Weights {
    #[inline]
    fn home(&self, key: u32) -> usize {
        (spread(key) >> 32) as usize & self.mask
    }

    /// The slot of feature `key`, or 0.
    #[inline]
    fn find(&self, slots: &[u64], key: u32) -> u64 {
        let mut i = self.home(key);
        loop {
            let s = slots[i];
            if s & DENSE as u64 == 0 || (s >> 32) as u32 == key {
                return s;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Add the weights of `feats` into `scores` (one slot per class).
    ///
    /// Scoring is most of the parser's time, much of it waiting for
    /// memory: the passes below load every feature's slot, then every
    /// feature's first weight, in loops without branches, so that the
    /// processor has all the cache misses in flight at once instead of
    /// one after the other.
    pub(crate) fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.fill(0.0);
        if self.count == 0 {
            return;
        }
        let blocks = self.blocks;
        let (slots, entries, dense) = (&self.slots, &self.entries, &self.dense);
        for chunk in feats.chunks(STACK_FEATURES) {
            let n = chunk.len();
            let mut keys = [0u32; STACK_FEATURES];
            let mut slot = [0u64; STACK_FEATURES];
            for (k, f) in keys.iter_mut().zip(chunk) {
                *k = short(*f);
            }
            for (s, k) in slot.iter_mut().zip(&keys[..n]) {
                *s = slots[self.home(*k)];
            }
            // Sparse features as entry ranges, dense ones as row numbers.
            let mut sparse = [(0usize, 0usize); STACK_FEATURES];
            let mut rows = [0usize; STACK_FEATURES];
            let (mut m, mut d) = (0, 0);
            for (&s, &k) in slot[..n].iter().zip(&keys[..n]) {
                let s = if s & DENSE as u64 == 0 || (s >> 32) as u32 == k {
                    s
                } else {
                    self.find(slots, k)
                };
                let len = (s & DENSE as u64) as usize;
                let start = ((s as u32) >> LEN_BITS) as usize;
                if len == DENSE {
                    rows[d] = start * blocks;
                    d += 1;
                } else if len != 0 {
                    sparse[m] = (start, start + len);
                    m += 1;
                }
            }
            let mut first = 0u32;
            for &(s, _) in &sparse[..m] {
                first ^= entries[s];
            }
            for &r in &rows[..d] {
                first ^= u32::from(dense[r][0]);
            }
            std::hint::black_box(first);
            let mut acc = [[0f32; LANES]; MAX_BLOCKS];
            for &r in &rows[..d] {
                for (a, row) in acc.iter_mut().zip(&dense[r..r + blocks]) {
                    for (x, &w) in a.iter_mut().zip(row) {
                        *x += from_bf16(w);
                    }
                }
            }
            // Features take turns over four sums: one feature's adds do
            // not wait for the previous feature's to the same class.
            let mut sums = [[0f32; DENSE + 1]; 4];
            for (j, &(s, e)) in sparse[..m].iter().enumerate() {
                let a = &mut sums[j & 3];
                for &entry in &entries[s..e] {
                    let (c, w) = unpack(entry);
                    a[c & DENSE] += w;
                }
            }
            for (c, x) in scores.iter_mut().enumerate() {
                *x += acc[c / LANES][c % LANES]
                    + ((sums[0][c] + sums[1][c]) + (sums[2][c] + sums[3][c]));
            }
        }
    }

    /// Number of features.
    pub(crate) fn len(&self) -> usize {
        self.count
    }

    /// The features as (key, entries), in key order.
    fn sorted(&self) -> Vec<(u32, Vec<u32>)> {
        let mut keys: Vec<(u32, Vec<u32>)> = self
            .slots
            .iter()
            .filter(|&&s| s & DENSE as u64 != 0)
            .map(|&s| {
                let start = ((s as u32) >> LEN_BITS) as usize;
                let len = (s & DENSE as u64) as usize;
                let entries = if len == DENSE {
                    let row = &self.dense[start * self.blocks..(start + 1) * self.blocks];
                    (0..self.classes)
                        .map(|c| (c, row[c / LANES][c % LANES]))
                        .filter(|&(_, w)| w != 0)
                        .map(|(c, w)| pack(c as u8, w))
                        .collect()
                } else {
                    self.entries[start..start + len].to_vec()
                };
                ((s >> 32) as u32, entries)
            })
            .collect();
        keys.sort_by_key(|(k, _)| *k);
        keys
    }

    /// The `n` features whose largest weight (in magnitude) is largest,
    /// ties by key; all of them if `n` is 0 or there are no more. A
    /// smaller table waits less on memory when scoring.
    pub(crate) fn strongest(&self, n: usize) -> Weights {
        if n == 0 || self.count <= n {
            return self.clone();
        }
        let mut feats = self.sorted();
        let peak = |e: &[u32]| {
            e.iter()
                .map(|&x| from_bf16(x as u16).abs())
                .fold(0f32, f32::max)
        };
        let mut order: Vec<(f32, u32)> = feats.iter().map(|(k, e)| (peak(e), *k)).collect();
        order.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut keep: Vec<u32> = order[..n].iter().map(|&(_, k)| k).collect();
        keep.sort_unstable();
        feats.retain(|(k, _)| keep.binary_search(k).is_ok());
        let mut out = Table::with_capacity(self.classes, feats.len());
        for (k, entries) in feats {
            let start = out.entries.len();
            out.entries.extend(entries);
            out.insert(k, start)
                .expect("a key once, and few enough weights");
        }
        out.into()
    }

    /// Append: class count, feature count, then per feature (sorted by
    /// key): 32-bit key, entry count, (class, bfloat16 weight) entries;
    /// little-endian.
    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        let keys = self.sorted();
        out.extend_from_slice(&(self.classes as u32).to_le_bytes());
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        for (k, entries) in keys {
            out.extend_from_slice(&k.to_le_bytes());
            out.push(entries.len() as u8);
            for &entry in &entries {
                out.push((entry >> 16) as u8);
                out.extend_from_slice(&(entry as u16).to_le_bytes());
            }
        }
    }

    /// Read what [`Weights::write`] wrote, advancing `bytes`.
    pub(crate) fn read(bytes: &mut &[u8], classes: usize) -> Result<Self> {
        Ok(Table::read_compact(bytes, classes)
            .map_err(|m| bad(&m))?
            .into())
    }

    /// Read a table written by [`Table::write_layout`], advancing `bytes`:
    /// its vectors are copied as they are, nothing is hashed or inserted
    /// (into fresh memory, which the system backs with large pages: scoring
    /// from the binary's own pages measured 2.5% slower).
    pub(crate) fn from_layout(bytes: &mut &[u8], classes: usize) -> Result<Self> {
        let mut head = [0usize; TABLE_HEADER];
        for h in &mut head {
            *h = usize::try_from(take_u64(bytes)?).map_err(|_| bad("table too large"))?;
        }
        let [n, count, n_slots, n_entries, n_dense, _] = head;
        if n != classes {
            return Err(bad(&format!("{n} classes, this build expects {classes}")));
        }
        if !n_slots.is_power_of_two() || count >= n_slots {
            return Err(bad("a table's slots are not a power of two"));
        }
        let slots = take(bytes, n_slots * 8)?;
        let entries = take(bytes, n_entries * 4)?;
        take(bytes, n_entries % 2 * 4)?;
        let dense = take(bytes, n_dense * 2 * LANES)?;
        let word = |b: &[u8]| u64::from_le_bytes(b.try_into().expect("8 bytes"));
        let entry = |b: &[u8]| u32::from_le_bytes(b.try_into().expect("4 bytes"));
        let block =
            |b: &[u8]| std::array::from_fn(|i| u16::from_le_bytes([b[2 * i], b[2 * i + 1]]));
        Ok(Weights {
            classes,
            mask: n_slots - 1,
            count,
            blocks: classes.div_ceil(LANES),
            slots: slots.chunks_exact(8).map(word).collect(),
            entries: entries.chunks_exact(4).map(entry).collect(),
            dense: dense.chunks_exact(2 * LANES).map(block).collect(),
        })
    }
}

pub(crate) fn bad(m: &str) -> Error {
    Error::Data {
        file: "parser model".into(),
        line: 0,
        message: m.to_string(),
    }
}

pub(crate) fn take<'a>(bytes: &mut &'a [u8], n: usize) -> Result<&'a [u8]> {
    layout::take(bytes, n).map_err(|m| bad(&m))
}

pub(crate) fn take_u32(bytes: &mut &[u8]) -> Result<u32> {
    layout::take_u32(bytes).map_err(|m| bad(&m))
}

pub(crate) fn take_u64(bytes: &mut &[u8]) -> Result<u64> {
    layout::take_u64(bytes).map_err(|m| bad(&m))
}

/// One class's weight of a feature while training.
#[derive(Clone, Copy)]
struct Acc {
    class: u8,
    w: f32,
    /// Sum of the weight over all past ticks, up to `stamp`.
    total: f64,
    stamp: u64,
}

/// An averaged perceptron being trained. Only lookups use hashing order;
/// updates follow the order of the features given, so training is
/// deterministic.
pub(crate) struct Trainer {
    classes: usize,
    map: KeyMap<Vec<Acc>>,
    clock: u64,
}

impl Trainer {
    pub(crate) fn new(classes: usize) -> Self {
        Trainer {
            classes,
            map: KeyMap::default(),
            clock: 0,
        }
    }

    /// Current (not averaged) scores.
    pub(crate) fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.fill(0.0);
        for f in feats {
            if let Some(v) = self.map.get(f) {
                for a in v {
                    scores[a.class as usize] += a.w;
                }
            }
        }
    }

    /// Count one decision (the averaging clock).
    pub(crate) fn tick(&mut self) {
        self.clock += 1;
    }

    /// Reward `truth` and penalize `guess` on every feature.
    pub(crate) fn update(&mut self, feats: &[u64], truth: usize, guess: usize) {
        self.bump_all(feats, &[(truth, 1.0), (guess, -1.0)]);
    }

    /// Add `delta` to the weight of `class` on every feature.
    pub(crate) fn bump(&mut self, feats: &[u64], class: usize, delta: f32) {
        self.bump_all(feats, &[(class, delta)]);
    }

    fn bump_all(&mut self, feats: &[u64], changes: &[(usize, f32)]) {
        let clock = self.clock;
        for f in feats {
            let v = self.map.entry(*f).or_default();
            for &(class, delta) in changes {
                let i = match v.iter().position(|a| a.class as usize == class) {
                    Some(i) => i,
                    None => {
                        v.push(Acc {
                            class: class as u8,
                            w: 0.0,
                            total: 0.0,
                            stamp: clock,
                        });
                        v.len() - 1
                    }
                };
                let a = &mut v[i];
                a.total += (clock - a.stamp) as f64 * f64::from(a.w);
                a.stamp = clock;
                a.w += delta;
            }
        }
    }

    /// The averaged weights so far (training can go on), rounded to
    /// bfloat16, without the entries whose magnitude is below `min_abs`.
    pub(crate) fn averaged(&self, min_abs: f32) -> Weights {
        let clock = self.clock.max(1);
        let mut keys: Vec<(u32, u64)> = self.map.keys().map(|&k| (short(k), k)).collect();
        keys.sort_unstable();
        let mut out = Table::with_capacity(self.classes, keys.len());
        let mut i = 0;
        let mut sums = vec![0f64; self.classes];
        while i < keys.len() {
            // Features sharing a short key are merged.
            let k = keys[i].0;
            sums.fill(0.0);
            while i < keys.len() && keys[i].0 == k {
                for a in &self.map[&keys[i].1] {
                    let t = a.total + (clock - a.stamp) as f64 * f64::from(a.w);
                    sums[a.class as usize] += t / clock as f64;
                }
                i += 1;
            }
            let start = out.entries.len();
            for (c, &x) in sums.iter().enumerate() {
                let h = to_bf16(x as f32);
                let w = from_bf16(h);
                if w != 0.0 && w.abs() >= min_abs {
                    out.entries.push(pack(c as u8, h));
                }
            }
            out.insert(k, start)
                .expect("a key once, and few enough weights");
        }
        out.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_round_trip() {
        let mut t = Trainer::new(4);
        t.tick();
        t.update(&[1, 2, 3], 2, 0);
        t.tick();
        t.update(&[3, 4], 1, 2);
        let w = t.averaged(0.0);
        let mut bytes = Vec::new();
        w.write(&mut bytes);
        let back = Weights::read(&mut bytes.as_slice(), 4).unwrap();
        let (mut a, mut b) = ([0f32; 4], [0f32; 4]);
        w.score(&[1, 3, 4], &mut a);
        back.score(&[1, 3, 4], &mut b);
        assert_eq!(a, b);
        assert!(a[2] > a[0]);
        assert!(Weights::read(&mut &bytes[..bytes.len() - 1], 4).is_err());
        assert!(Weights::read(&mut bytes.as_slice(), 5).is_err());
        assert_eq!(from_bf16(to_bf16(1.5)), 1.5);
    }

    #[test]
    fn strongest_keeps_the_features_with_the_largest_weights() {
        let mut t = Trainer::new(3);
        t.tick();
        t.update(&[8, 9], 2, 0);
        for _ in 0..4 {
            t.tick();
            t.update(&[7], 1, 0);
        }
        t.tick();
        let w = t.averaged(0.0);
        assert_eq!(w.len(), 3);
        let one = w.strongest(1);
        assert_eq!(one.len(), 1);
        let (mut a, mut b) = ([0f32; 3], [0f32; 3]);
        w.score(&[7], &mut a);
        one.score(&[7, 8, 9], &mut b);
        assert_eq!(a, b, "feature 7, updated most, is the one kept");
        assert_eq!(w.strongest(0).len(), 3);
        assert_eq!(w.strongest(5).len(), 3);
    }

    #[test]
    fn the_layout_scores_like_the_file() {
        let classes = 20;
        let mut t = Trainer::new(classes);
        for c in 0..18 {
            t.tick();
            t.update(&[7, 8 + (c % 3) as u64], c, (c + 1) % classes);
        }
        let w = t.averaged(0.0);
        let mut file = vec![0u8; layout::HEADER];
        w.write(&mut file);
        let converted = layout::convert(&file).unwrap();
        let mut rest = &converted[layout::HEADER..];
        let back = Weights::from_layout(&mut rest, classes).unwrap();
        assert!(rest.is_empty());
        let (mut a, mut b) = (vec![0f32; classes], vec![0f32; classes]);
        w.score(&[7, 8, 9, 10, 11], &mut a);
        back.score(&[7, 8, 9, 10, 11], &mut b);
        assert_eq!(a, b);
        assert!(a.iter().any(|&x| x != 0.0));
        let mut again = Vec::new();
        back.write(&mut again);
        assert_eq!(again, file[layout::HEADER..]);
        // A table for another number of classes, or cut short, is refused.
        let mut rest = &converted[layout::HEADER..];
        assert!(Weights::from_layout(&mut rest, classes + 1).is_err());
        let mut short = &converted[layout::HEADER..converted.len() - 8];
        assert!(Weights::from_layout(&mut short, classes).is_err());
    }

    #[test]
    fn dense_rows_score_and_round_trip_like_entries() {
        // Feature 7 gets weights for 18 of 20 classes: a dense row;
        // features 8 and 9 a few: entries.
        let classes = 20;
        let mut t = Trainer::new(classes);
        for c in 0..18 {
            t.tick();
            t.update(&[7, 8 + (c % 2) as u64], c, (c + 1) % classes);
        }
        let w = t.averaged(0.0);
        assert!(!w.dense.is_empty(), "feature 7 as a dense row");
        let mut bytes = Vec::new();
        w.write(&mut bytes);
        let back = Weights::read(&mut bytes.as_slice(), classes).unwrap();
        let mut again = Vec::new();
        back.write(&mut again);
        assert_eq!(bytes, again);
        // The scores are the trainer's averaged sums, class by class.
        let mut got = vec![0f32; classes];
        back.score(&[7, 8, 9, 10], &mut got);
        let mut want = vec![0f32; classes];
        for (k, e) in w.sorted() {
            if [7, 8, 9].contains(&(k as u64)) {
                for entry in e {
                    let (c, x) = unpack(entry);
                    want[c] += x;
                }
            }
        }
        assert_eq!(got, want);
        assert!(got.iter().any(|&x| x != 0.0));
    }
}

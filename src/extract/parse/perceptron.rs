//! The sparse averaged perceptron (Collins 2002) shared by the tagger and
//! the parser: hashed features, each holding weights only for the classes
//! it was ever updated for; training with lazily averaged weights.

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

/// A short key spread over 64 bits (the table's slot is from the top bits).
fn spread(k: u32) -> u64 {
    u64::from(k).wrapping_mul(0x9e37_79b9_7f4a_7c15)
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

/// A class and a bfloat16 weight in one `u32`.
fn pack(class: u8, weight: u16) -> u32 {
    (u32::from(class) << 16) | u32::from(weight)
}

#[inline]
fn unpack(entry: u32) -> (usize, f32) {
    ((entry >> 16) as usize, from_bf16(entry as u16))
}

/// Trained weights: feature → (class, weight) pairs.
///
/// The index is an open-addressing table (linear probing) of one `u64` a
/// feature: its 32-bit key, where its entries start, and how many there
/// are. One probe usually touches one cache line, where a general hash map
/// touches two; scoring is most of the parser's time.
///
/// A feature with weights for many classes (a tag, a frequent word: few
/// features, but most of what a sentence looks up) keeps them as a dense
/// row of every class's weight instead, added with vector instructions
/// rather than one class at a time.
#[derive(Debug, Clone, Default)]
pub(crate) struct Weights {
    classes: usize,
    /// `key << 32 | start << LEN_BITS | len`; `len == 0` marks a free slot,
    /// `len == DENSE` a dense row (`start` is its number).
    slots: Vec<u64>,
    /// Slots minus one (their number is a power of two).
    mask: usize,
    /// Number of features.
    count: usize,
    /// (class, bfloat16 weight) packed in 32 bits: half the memory of
    /// `(u8, f32)`, and the weights were bfloat16 on disk anyway.
    entries: Vec<u32>,
    /// Dense rows: `blocks` blocks of `LANES` bfloat16 weights each, by
    /// class (zero past the last class).
    dense: Vec<[u16; LANES]>,
    /// Blocks per dense row.
    blocks: usize,
}

/// Bits of a slot holding its number of entries (at most one per class).
const LEN_BITS: u32 = 7;
/// The length marking a dense row.
const DENSE: usize = (1 << LEN_BITS) - 1;
/// The most classes a model may have.
const MAX_CLASSES: usize = DENSE - 1;
/// Classes per block of a dense row.
const LANES: usize = 16;
/// Blocks of the widest dense row.
const MAX_BLOCKS: usize = MAX_CLASSES.div_ceil(LANES);
/// A feature with weights for at least this many classes is a dense row:
/// with fewer, adding its entries one by one is as fast.
const DENSE_MIN: usize = 12;
/// Features per scoring call handled without allocating.
const STACK_FEATURES: usize = 160;

impl Weights {
    /// An empty table for `n` features of `classes` classes.
    fn with_capacity(classes: usize, n: usize) -> Self {
        assert!(classes <= MAX_CLASSES, "{classes} classes");
        // At most half full: short probe runs.
        let size = (2 * n.max(1)).next_power_of_two();
        Weights {
            classes,
            slots: vec![0; size],
            mask: size - 1,
            count: 0,
            entries: Vec::new(),
            dense: Vec::new(),
            blocks: classes.div_ceil(LANES),
        }
    }

    #[inline]
    fn home(&self, key: u32) -> usize {
        (spread(key) >> 32) as usize & self.mask
    }

    /// Add a feature whose entries are `entries[start..]` (a dense row
    /// instead if there are many).
    fn insert(&mut self, key: u32, start: usize) -> Result<()> {
        let mut len = self.entries.len() - start;
        if len == 0 {
            return Ok(());
        }
        if len > self.classes {
            return Err(bad("more weights than classes"));
        }
        let mut at = start;
        if len >= DENSE_MIN {
            at = self.dense.len() / self.blocks;
            let mut row = vec![[0u16; LANES]; self.blocks];
            for &entry in &self.entries[start..] {
                let c = (entry >> 16) as usize;
                row[c / LANES][c % LANES] = entry as u16;
            }
            self.entries.truncate(start);
            self.dense.extend(row);
            len = DENSE;
        }
        if at >= 1 << (32 - LEN_BITS) {
            return Err(bad("too many weights"));
        }
        let mut i = self.home(key);
        while self.slots[i] & DENSE as u64 != 0 {
            if (self.slots[i] >> 32) as u32 == key {
                return Err(bad("a feature stored twice"));
            }
            i = (i + 1) & self.mask;
        }
        self.slots[i] = (u64::from(key) << 32) | ((at as u64) << LEN_BITS) | len as u64;
        self.count += 1;
        Ok(())
    }

    /// The slot of feature `key`, or 0.
    #[inline]
    fn find(&self, key: u32) -> u64 {
        let mut i = self.home(key);
        loop {
            let s = self.slots[i];
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
        for chunk in feats.chunks(STACK_FEATURES) {
            let n = chunk.len();
            let mut keys = [0u32; STACK_FEATURES];
            let mut slot = [0u64; STACK_FEATURES];
            for (k, f) in keys.iter_mut().zip(chunk) {
                *k = short(*f);
            }
            for (s, k) in slot.iter_mut().zip(&keys[..n]) {
                *s = self.slots[self.home(*k)];
            }
            // Sparse features as entry ranges, dense ones as row numbers.
            let mut sparse = [(0usize, 0usize); STACK_FEATURES];
            let mut rows = [0usize; STACK_FEATURES];
            let (mut m, mut d) = (0, 0);
            for (&s, &k) in slot[..n].iter().zip(&keys[..n]) {
                let s = if s & DENSE as u64 == 0 || (s >> 32) as u32 == k {
                    s
                } else {
                    self.find(k)
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
                first ^= self.entries[s];
            }
            for &r in &rows[..d] {
                first ^= u32::from(self.dense[r][0]);
            }
            std::hint::black_box(first);
            let mut acc = [[0f32; LANES]; MAX_BLOCKS];
            for &r in &rows[..d] {
                for (a, row) in acc.iter_mut().zip(&self.dense[r..r + blocks]) {
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
                for &entry in &self.entries[s..e] {
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
        let n = take_u32(bytes)? as usize;
        if n != classes {
            return Err(bad(&format!("{n} classes, this build expects {classes}")));
        }
        let count = take_u32(bytes)? as usize;
        let mut w = Weights::with_capacity(classes, count);
        w.entries.reserve(count * 3);
        for _ in 0..count {
            let key = take_u32(bytes)?;
            let k = take(bytes, 1)?[0] as usize;
            let start = w.entries.len();
            for r in take(bytes, k * 3)?.chunks_exact(3) {
                if r[0] as usize >= classes {
                    return Err(bad("class out of range"));
                }
                w.entries.push(pack(r[0], u16::from_le_bytes([r[1], r[2]])));
            }
            w.insert(key, start)?;
        }
        Ok(w)
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
    if bytes.len() < n {
        return Err(bad("truncated file"));
    }
    let (a, b) = bytes.split_at(n);
    *bytes = b;
    Ok(a)
}

pub(crate) fn take_u32(bytes: &mut &[u8]) -> Result<u32> {
    Ok(u32::from_le_bytes(
        take(bytes, 4)?.try_into().expect("4 bytes"),
    ))
}

pub(crate) fn take_u64(bytes: &mut &[u8]) -> Result<u64> {
    Ok(u64::from_le_bytes(
        take(bytes, 8)?.try_into().expect("8 bytes"),
    ))
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
        let mut out = Weights::with_capacity(self.classes, keys.len());
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
        out
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

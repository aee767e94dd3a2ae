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

/// A short key spread over 64 bits for the hash map (which uses the top bits).
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
#[derive(Debug, Clone, Default)]
pub(crate) struct Weights {
    classes: usize,
    index: KeyMap<(u32, u32)>,
    /// (class, bfloat16 weight) packed in 32 bits: half the memory of
    /// `(u8, f32)`, and the weights were bfloat16 on disk anyway.
    entries: Vec<u32>,
}

impl Weights {
    /// Add the weights of `feats` into `scores` (one slot per class).
    pub(crate) fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.fill(0.0);
        // Look every feature up first, then add: the lookups are
        // independent cache misses the processor can overlap.
        let found: Vec<(u32, u32)> = feats
            .iter()
            .filter_map(|f| self.index.get(&spread(short(*f))).copied())
            .collect();
        for (s, e) in found {
            for &entry in &self.entries[s as usize..e as usize] {
                let (c, w) = unpack(entry);
                scores[c] += w;
            }
        }
    }

    /// Number of features.
    pub(crate) fn len(&self) -> usize {
        self.index.len()
    }

    /// Append: class count, feature count, then per feature (sorted by
    /// key): 32-bit key, entry count, (class, bfloat16 weight) entries;
    /// little-endian.
    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        let mut keys: Vec<(u32, (u32, u32))> = self
            .index
            .iter()
            .map(|(k, v)| (short(k.wrapping_mul(INVERSE)), *v))
            .collect();
        keys.sort_by_key(|(k, _)| *k);
        out.extend_from_slice(&(self.classes as u32).to_le_bytes());
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        for (k, (s, e)) in keys {
            out.extend_from_slice(&k.to_le_bytes());
            out.push((e - s) as u8);
            for &entry in &self.entries[s as usize..e as usize] {
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
        let mut w = Weights {
            classes,
            index: KeyMap::with_capacity_and_hasher(count, Default::default()),
            entries: Vec::with_capacity(count * 3),
        };
        for _ in 0..count {
            let key = take_u32(bytes)?;
            let k = take(bytes, 1)?[0] as usize;
            let start = w.entries.len() as u32;
            for r in take(bytes, k * 3)?.chunks_exact(3) {
                if r[0] as usize >= classes {
                    return Err(bad("class out of range"));
                }
                w.entries.push(pack(r[0], u16::from_le_bytes([r[1], r[2]])));
            }
            w.index.insert(spread(key), (start, w.entries.len() as u32));
        }
        Ok(w)
    }
}

/// The inverse of the multiplier of [`spread`] modulo 2^64.
const INVERSE: u64 = {
    let a: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut x = a; // Newton's iteration for the inverse of an odd number.
    let mut i = 0;
    while i < 6 {
        x = x.wrapping_mul(2u64.wrapping_sub(a.wrapping_mul(x)));
        i += 1;
    }
    x
};

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
        let clock = self.clock;
        for f in feats {
            let v = self.map.entry(*f).or_default();
            for (class, delta) in [(truth, 1.0f32), (guess, -1.0)] {
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
        let mut out = Weights {
            classes: self.classes,
            index: KeyMap::with_capacity_and_hasher(keys.len(), Default::default()),
            entries: Vec::new(),
        };
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
            let start = out.entries.len() as u32;
            for (c, &x) in sums.iter().enumerate() {
                let h = to_bf16(x as f32);
                let w = from_bf16(h);
                if w != 0.0 && w.abs() >= min_abs {
                    out.entries.push(pack(c as u8, h));
                }
            }
            let end = out.entries.len() as u32;
            if end > start {
                out.index.insert(spread(k), (start, end));
            }
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
        assert_eq!(spread(7).wrapping_mul(INVERSE), 7);
        assert_eq!(from_bf16(to_bf16(1.5)), 1.5);
    }
}

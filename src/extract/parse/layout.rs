//! The perceptron's weight table as it lies in memory, and the conversion
//! of a model file to that layout.
//!
//! This module uses only `std`: the build script compiles it too
//! (`build.rs`), to turn `data/models/parser.bin` into the layout the
//! binary embeds, whose tables a process copies as they are at start
//! ([`super::perceptron::Weights::from_layout`]). Building them from the
//! model file (2²¹ slots, a million inserts) was most of a process's 0.1 s
//! start.
//!
//! The index is an open-addressing table (linear probing) of one `u64` a
//! feature: its 32-bit key, where its entries start, and how many there
//! are. A feature with weights for many classes keeps them as a dense row
//! of every class's weight instead (see [`Table::insert`]).
//!
//! A layout file is the model file's header ([`HEADER`] bytes), then per
//! table six little-endian `u64` (classes, features, slots, entries, dense
//! blocks, zero) and its slots (`u64`), entries (`u32`, padded to 8 bytes)
//! and dense blocks (`LANES` × `u16`).

/// Bytes of a model file's header (magic, feature version, provenance).
pub const HEADER: usize = 32;
/// Bits of a slot holding its number of entries (at most one per class).
pub const LEN_BITS: u32 = 7;
/// The length marking a dense row.
pub const DENSE: usize = (1 << LEN_BITS) - 1;
/// The most classes a model may have.
pub const MAX_CLASSES: usize = DENSE - 1;
/// Classes per block of a dense row.
pub const LANES: usize = 16;
/// A feature with weights for at least this many classes is a dense row:
/// with fewer, adding its entries one by one is as fast.
const DENSE_MIN: usize = 12;
/// `u64` words of a table's header in a layout file.
pub const TABLE_HEADER: usize = 6;

/// A short key spread over 64 bits (the table's slot is from the top bits).
#[inline]
pub fn spread(k: u32) -> u64 {
    u64::from(k).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// A class and a bfloat16 weight in one `u32`.
pub fn pack(class: u8, weight: u16) -> u32 {
    (u32::from(class) << 16) | u32::from(weight)
}

/// A weight table being built (owned vectors).
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub classes: usize,
    /// `key << 32 | start << LEN_BITS | len`; `len == 0` marks a free slot,
    /// `len == DENSE` a dense row (`start` is its number).
    pub slots: Vec<u64>,
    /// Number of features.
    pub count: usize,
    /// (class, bfloat16 weight) packed by [`pack`].
    pub entries: Vec<u32>,
    /// Dense rows: blocks of `LANES` bfloat16 weights each, by class (zero
    /// past the last class).
    pub dense: Vec<[u16; LANES]>,
}

impl Table {
    /// An empty table for `n` features of `classes` classes.
    pub fn with_capacity(classes: usize, n: usize) -> Self {
        assert!(classes <= MAX_CLASSES, "{classes} classes");
        // At most half full: short probe runs.
        let size = (2 * n.max(1)).next_power_of_two();
        Table {
            classes,
            slots: vec![0; size],
            ..Table::default()
        }
    }

    /// Blocks per dense row.
    pub fn blocks(&self) -> usize {
        self.classes.div_ceil(LANES)
    }

    /// Add a feature whose entries are `entries[start..]` (a dense row
    /// instead if there are many).
    pub fn insert(&mut self, key: u32, start: usize) -> Result<(), String> {
        let mut len = self.entries.len() - start;
        if len == 0 {
            return Ok(());
        }
        if len > self.classes {
            return Err("more weights than classes".into());
        }
        let mut at = start;
        if len >= DENSE_MIN {
            let blocks = self.blocks();
            at = self.dense.len() / blocks;
            let mut row = vec![[0u16; LANES]; blocks];
            for &entry in &self.entries[start..] {
                let c = (entry >> 16) as usize;
                row[c / LANES][c % LANES] = entry as u16;
            }
            self.entries.truncate(start);
            self.dense.extend(row);
            len = DENSE;
        }
        if at >= 1 << (32 - LEN_BITS) {
            return Err("too many weights".into());
        }
        let mask = self.slots.len() - 1;
        let mut i = (spread(key) >> 32) as usize & mask;
        while self.slots[i] & DENSE as u64 != 0 {
            if (self.slots[i] >> 32) as u32 == key {
                return Err("a feature stored twice".into());
            }
            i = (i + 1) & mask;
        }
        self.slots[i] = (u64::from(key) << 32) | ((at as u64) << LEN_BITS) | len as u64;
        self.count += 1;
        Ok(())
    }

    /// Read one table of a model file (class count, feature count, then
    /// per feature its 32-bit key, entry count and (class, bfloat16 weight)
    /// entries), advancing `bytes`.
    pub fn read_compact(bytes: &mut &[u8], classes: usize) -> Result<Self, String> {
        let n = take_u32(bytes)? as usize;
        if n != classes {
            return Err(format!("{n} classes, this build expects {classes}"));
        }
        if classes > MAX_CLASSES {
            return Err(format!("{classes} classes, at most {MAX_CLASSES}"));
        }
        let count = take_u32(bytes)? as usize;
        let mut t = Table::with_capacity(classes, count);
        t.entries.reserve(count * 3);
        for _ in 0..count {
            let key = take_u32(bytes)?;
            let k = take(bytes, 1)?[0] as usize;
            let start = t.entries.len();
            for r in take(bytes, k * 3)?.chunks_exact(3) {
                if r[0] as usize >= classes {
                    return Err("class out of range".into());
                }
                t.entries.push(pack(r[0], u16::from_le_bytes([r[1], r[2]])));
            }
            t.insert(key, start)?;
        }
        Ok(t)
    }

    /// Append the table in the layout described in the module's docs.
    #[allow(dead_code)] // the build script's and the tests'
    pub fn write_layout(&self, out: &mut Vec<u8>) {
        let header = [
            self.classes,
            self.count,
            self.slots.len(),
            self.entries.len(),
            self.dense.len(),
            0,
        ];
        for x in header {
            out.extend_from_slice(&(x as u64).to_le_bytes());
        }
        for s in &self.slots {
            out.extend_from_slice(&s.to_le_bytes());
        }
        for e in &self.entries {
            out.extend_from_slice(&e.to_le_bytes());
        }
        if self.entries.len() % 2 == 1 {
            out.extend_from_slice(&[0; 4]);
        }
        for block in &self.dense {
            for w in block {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
    }
}

/// A model file (header, then its tables, each with the class count it
/// states; the reader checks them against the build's) in the in-memory
/// layout.
#[allow(dead_code)] // the build script's and the tests'
pub fn convert(model: &[u8]) -> Result<Vec<u8>, String> {
    let mut bytes = model;
    let mut out = take(&mut bytes, HEADER)?.to_vec();
    while !bytes.is_empty() {
        let classes = take_u32(&mut &bytes[..])? as usize;
        Table::read_compact(&mut bytes, classes)?.write_layout(&mut out);
    }
    Ok(out)
}

/// The first `n` bytes, advancing `bytes`.
pub fn take<'a>(bytes: &mut &'a [u8], n: usize) -> Result<&'a [u8], String> {
    if bytes.len() < n {
        return Err("truncated file".into());
    }
    let (a, b) = bytes.split_at(n);
    *bytes = b;
    Ok(a)
}

/// A little-endian `u32`, advancing `bytes`.
pub fn take_u32(bytes: &mut &[u8]) -> Result<u32, String> {
    Ok(u32::from_le_bytes(
        take(bytes, 4)?.try_into().expect("4 bytes"),
    ))
}

/// A little-endian `u64`, advancing `bytes`.
pub fn take_u64(bytes: &mut &[u8]) -> Result<u64, String> {
    Ok(u64::from_le_bytes(
        take(bytes, 8)?.try_into().expect("8 bytes"),
    ))
}

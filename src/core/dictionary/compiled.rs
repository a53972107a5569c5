//! A dictionary compiled to bytes: entities, words and index layers.
//!
//! The build script compiles `dictionaries/*.toml` with
//! [`Dictionary::to_bytes`]; the binary embeds the bytes and
//! [`Dictionary::from_bytes`] uses the index arrays in place (no parsing, no
//! sorting, no hashing at start-up). Only the entities are decoded into
//! owned values.
//!
//! Layout: the magic `CDSKDICT`, a format version, then every section in a
//! fixed order. Numbers are little-endian; arrays are a `u64` length then
//! their items, starting at a multiple of 8 bytes from the start of the
//! data, so that a slice of the data can be read as `&[u64]` or `&[u32]` in
//! place when the data itself is 8-aligned.

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::entity::{Date, Entity, EntityKind, Role};

use super::Dictionary;
use super::index::{Index, KeyTable, Layer, Words};

const MAGIC: &[u8; 8] = b"CDSKDICT";
/// Bump when the layout or anything hashed into the index changes.
const VERSION: u32 = 5;

/// The compiled data is not a dictionary this version can read.
#[derive(Debug, thiserror::Error)]
#[error("compiled dictionary: {0}")]
pub struct CompiledError(&'static str);

#[derive(Default)]
struct Writer {
    buf: Vec<u8>,
}

impl Writer {
    fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.buf.extend_from_slice(s.as_bytes());
    }

    fn strs(&mut self, v: &[String]) {
        self.u32(v.len() as u32);
        v.iter().for_each(|s| self.str(s));
    }

    /// An array: its length, padding to 8, then the raw items.
    fn array<T: bytemuck::Pod>(&mut self, items: &[T]) {
        self.buf.extend_from_slice(&(items.len() as u64).to_le_bytes());
        while !self.buf.len().is_multiple_of(8) {
            self.buf.push(0);
        }
        if cfg!(target_endian = "little") {
            self.buf.extend_from_slice(bytemuck::cast_slice(items));
        } else {
            for item in items {
                let mut bytes = bytemuck::bytes_of(item).to_vec();
                bytes.reverse();
                self.buf.extend_from_slice(&bytes);
            }
        }
    }

    fn table(&mut self, t: &KeyTable) {
        self.array(&t.keys);
        self.array(&t.values);
        self.array(&t.dir);
        self.u32(t.bits);
        self.array(&t.filter);
        self.u32(t.filter_bits);
    }
}

struct Reader {
    data: &'static [u8],
    pos: usize,
}

const TRUNCATED: CompiledError = CompiledError("truncated");

impl Reader {
    fn take(&mut self, n: usize) -> Result<&'static [u8], CompiledError> {
        let end = self.pos.checked_add(n).ok_or(TRUNCATED)?;
        let s = self.data.get(self.pos..end).ok_or(TRUNCATED)?;
        self.pos = end;
        Ok(s)
    }

    fn u32(&mut self) -> Result<u32, CompiledError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("four bytes")))
    }

    fn str(&mut self) -> Result<&'static str, CompiledError> {
        let n = self.u32()? as usize;
        std::str::from_utf8(self.take(n)?).map_err(|_| CompiledError("a string is not UTF-8"))
    }

    fn string(&mut self) -> Result<String, CompiledError> {
        self.str().map(str::to_owned)
    }

    fn strings(&mut self) -> Result<Vec<String>, CompiledError> {
        let n = self.u32()? as usize;
        (0..n).map(|_| self.string()).collect()
    }

    /// An array, borrowed when the data is aligned and little-endian,
    /// copied otherwise.
    fn array<T: bytemuck::Pod>(&mut self) -> Result<Cow<'static, [T]>, CompiledError> {
        let n = u64::from_le_bytes(self.take(8)?.try_into().expect("eight bytes")) as usize;
        self.pos = self.pos.next_multiple_of(8);
        let bytes = self.take(n.checked_mul(size_of::<T>()).ok_or(TRUNCATED)?)?;
        if cfg!(target_endian = "little")
            && let Ok(items) = bytemuck::try_cast_slice(bytes)
        {
            return Ok(Cow::Borrowed(items));
        }
        Ok(Cow::Owned(
            bytes
                .chunks_exact(size_of::<T>())
                .map(|c| {
                    let mut c = c.to_vec();
                    if cfg!(target_endian = "big") {
                        c.reverse();
                    }
                    bytemuck::pod_read_unaligned(&c)
                })
                .collect(),
        ))
    }

    fn table(&mut self) -> Result<KeyTable, CompiledError> {
        let t = KeyTable {
            keys: self.array()?,
            values: self.array()?,
            dir: self.array()?,
            bits: self.u32()?,
            filter: self.array()?,
            filter_bits: self.u32()?,
        };
        if t.keys.len() != t.values.len()
            || t.bits > 32
            || t.dir.len() != (1usize << t.bits) + 1
            || t.filter_bits > 40
            || t.filter.len() != (1usize << t.filter_bits) / 64
            || !t.keys.is_empty() && t.filter_bits < 6
        {
            return Err(CompiledError("a key table is inconsistent"));
        }
        Ok(t)
    }
}

fn kind_code(kind: EntityKind) -> u32 {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Place => 2,
        EntityKind::Event => 3,
        EntityKind::Other => 4,
    }
}

fn kind_of(code: u32) -> EntityKind {
    match code {
        0 => EntityKind::Person,
        1 => EntityKind::Organization,
        2 => EntityKind::Place,
        3 => EntityKind::Event,
        _ => EntityKind::Other,
    }
}

/// The entities of a compiled dictionary, decoded one at a time: every
/// string in one text, and per entity a record of `u32`s (string offsets
/// and lengths, list lengths, kind, flags, dates as `YYYYMMDD`, source).
#[derive(Debug)]
pub(crate) struct Records {
    strings: &'static str,
    starts: Cow<'static, [u32]>,
    records: Cow<'static, [u32]>,
}

/// Writes the records of [`Records`].
#[derive(Default)]
struct RecordWriter {
    strings: String,
    starts: Vec<u32>,
    records: Vec<u32>,
}

impl RecordWriter {
    fn str(&mut self, s: &str) {
        self.records.push(self.strings.len() as u32);
        self.records.push(s.len() as u32);
        self.strings.push_str(s);
    }

    fn list(&mut self, v: &[String]) {
        self.records.push(v.len() as u32);
        v.iter().for_each(|s| self.str(s));
    }

    fn opt(&mut self, s: Option<&str>) {
        self.list(s.map(str::to_owned).as_slice());
    }

    fn entity(&mut self, e: &Entity) {
        self.starts.push(self.records.len() as u32);
        self.str(&e.id);
        self.records.push(kind_code(e.kind));
        self.str(&e.name);
        self.list(&e.aliases);
        self.list(&e.variants);
        self.list(&e.misspellings);
        self.list(&e.abbreviations);
        self.records.push(u32::from(e.well_known));
        self.opt(e.family_name.as_deref());
        self.list(&e.titles);
        self.records.push(e.roles.len() as u32);
        for r in &e.roles {
            self.str(&r.title);
            self.opt(r.org.as_deref());
            self.records.push(r.from.map_or(0, Date::packed));
            self.records.push(r.to.map_or(0, Date::packed));
        }
        self.list(&e.ambiguous);
        self.opt(e.description.as_deref());
        self.records.push(u32::from(e.source));
    }
}

impl Records {
    /// Entity `i`. The records were written by this build of copydesk, so
    /// a bad offset is a bug, not an input error.
    pub(crate) fn entity(&self, i: usize) -> Entity {
        let mut c = RecordCursor {
            records: self,
            at: self.starts[i] as usize,
        };
        Entity {
            id: c.str(),
            kind: kind_of(c.next()),
            name: c.str(),
            aliases: c.list(),
            variants: c.list(),
            misspellings: c.list(),
            abbreviations: c.list(),
            well_known: c.next() != 0,
            family_name: c.list().pop(),
            titles: c.list(),
            roles: (0..c.next())
                .map(|_| Role {
                    title: c.str(),
                    org: c.list().pop(),
                    from: Some(c.next()).filter(|&d| d != 0).map(Date::unpacked),
                    to: Some(c.next()).filter(|&d| d != 0).map(Date::unpacked),
                })
                .collect(),
            ambiguous: c.list(),
            description: c.list().pop(),
            source: c.next() as u16,
        }
    }
}

/// Reads one entity's record.
struct RecordCursor<'a> {
    records: &'a Records,
    at: usize,
}

impl RecordCursor<'_> {
    fn next(&mut self) -> u32 {
        self.at += 1;
        self.records.records[self.at - 1]
    }

    fn str(&mut self) -> String {
        let (start, len) = (self.next() as usize, self.next() as usize);
        self.records.strings[start..start + len].to_owned()
    }

    fn list(&mut self) -> Vec<String> {
        let n = self.next() as usize;
        (0..n).map(|_| self.str()).collect()
    }
}

impl Dictionary {
    /// The dictionary compiled to bytes, for [`Dictionary::from_bytes`].
    #[allow(dead_code, reason = "the build script's and the tests' only")]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.buf.extend_from_slice(MAGIC);
        w.u32(VERSION);
        w.strs(&self.sources);
        let mut records = RecordWriter::default();
        self.entities().for_each(|e| records.entity(e));
        w.str(&records.strings);
        w.array(&records.starts);
        w.array(&records.records);
        w.array(&self.form_entity);
        w.array(&self.name_forms);
        let (text, ends, slots) = self.index.words.compiled_parts();
        w.str(&text);
        w.array(&ends);
        w.array(&slots);
        w.u32(self.index.layers.len() as u32);
        for l in &self.index.layers {
            w.u32(l.first_form);
            w.table(&l.deletions);
            w.array(&l.form_start);
            w.array(&l.form_words);
            w.table(&l.keys);
            w.array(&l.part_words);
            w.array(&l.part_entities);
            w.array(&l.name_word_count);
        }
        w.buf
    }

    /// A dictionary from the bytes of [`Dictionary::to_bytes`], written by
    /// this version of copydesk. The arrays are used in place when `data`
    /// is 8-aligned; entities are decoded when first asked for.
    pub fn from_bytes(data: &'static [u8]) -> Result<Dictionary, CompiledError> {
        let mut r = Reader { data, pos: 0 };
        if r.take(8)? != MAGIC || r.u32()? != VERSION {
            return Err(CompiledError("not a compiled dictionary of this version"));
        }
        let sources = r.strings()?;
        let records = Records {
            strings: r.str()?,
            starts: r.array()?,
            records: r.array()?,
        };
        let form_entity: Cow<'static, [u32]> = r.array()?;
        let name_forms: Cow<'static, [u32]> = r.array()?;
        let n = records.starts.len();
        if name_forms.len() != n
            || form_entity.iter().any(|&e| e as usize >= n)
            || records
                .starts
                .iter()
                .any(|&s| s as usize >= records.records.len())
        {
            return Err(CompiledError("the entity records are inconsistent"));
        }
        let text = r.str()?;
        let ends = r.array()?;
        let slots: Cow<'static, [u32]> = r.array()?;
        if !slots.len().is_power_of_two() || ends.last().is_some_and(|&e| e as usize != text.len()) {
            return Err(CompiledError("the word table is inconsistent"));
        }
        let words = Words::from_parts(Cow::Borrowed(text), ends, slots);
        // The slot table was hashed by the build script, with the same
        // function as this build.
        if !words.finds_its_ends() {
            return Err(CompiledError("the word table was hashed differently"));
        }
        let mut layers = Vec::new();
        for _ in 0..r.u32()? {
            layers.push(Layer {
                first_form: r.u32()?,
                deletions: r.table()?,
                form_start: r.array()?,
                form_words: r.array()?,
                keys: r.table()?,
                part_words: r.array()?,
                part_entities: r.array()?,
                name_word_count: r.array()?,
            });
        }
        if r.pos != data.len() {
            return Err(CompiledError("trailing bytes"));
        }
        if layers.iter().map(|l| l.form_start.len() - 1).sum::<usize>() != form_entity.len() {
            return Err(CompiledError("the forms do not match the index"));
        }
        Ok(Dictionary {
            entities: (0..n).map(|_| OnceLock::new()).collect(),
            compiled: Some(records),
            form_entity,
            name_forms,
            sources,
            index: Index {
                words,
                layers,
                ..Index::default()
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dictionary::DictSource;
    use crate::test_util::newsroom;

    /// The bytes in an 8-aligned, leaked buffer: the index is used in place.
    fn aligned(bytes: &[u8]) -> &'static [u8] {
        let words: &'static mut [u64] = Box::leak(vec![0u64; bytes.len().div_ceil(8)].into_boxed_slice());
        let out: &'static mut [u8] = bytemuck::cast_slice_mut(words);
        out[..bytes.len()].copy_from_slice(bytes);
        &out[..bytes.len()]
    }

    #[test]
    fn damaged_bytes_are_an_error_not_a_panic() {
        let bytes = newsroom().to_bytes();
        let cut = aligned(&bytes[..bytes.len() - 3]);
        assert_eq!(
            Dictionary::from_bytes(cut).unwrap_err().to_string(),
            "compiled dictionary: truncated"
        );
        let mut other = bytes.clone();
        other[8] ^= 0xff;
        assert_eq!(
            Dictionary::from_bytes(aligned(&other)).unwrap_err().to_string(),
            "compiled dictionary: not a compiled dictionary of this version"
        );
    }

    #[test]
    fn loading_onto_a_base_reports_conflicts_with_it() {
        let base = newsroom();
        let user = DictSource {
            name: "desk.toml".into(),
            text: "[[entity]]\nid = \"jennifer-daskal\"\nkind = \"person\"\nname = \"Jennifer Daskal\"\n\n\
                   [[entity]]\nkind = \"organization\"\nname = \"Homeland Security Department\"\n\
                   misspellings = [\"Department of Homeland Security\"]\n"
                .into(),
        };
        let err = Dictionary::load_onto(base, &[user]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "desk.toml:2:6: duplicate id `jennifer-daskal` (first at test.toml)\n\
             desk.toml:4:8: `Jennifer Daskal` belongs to two entities, `jennifer-daskal` and `jennifer-daskal` (at test.toml)\n\
             desk.toml:8:8: `Homeland Security Department` belongs to two entities, `department-of-homeland-security` and `homeland-security-department` (at test.toml)\n\
             desk.toml:9:17: `Department of Homeland Security` is a misspelling of `homeland-security-department` but a correct form of `department-of-homeland-security` (at test.toml)"
        );
    }
}

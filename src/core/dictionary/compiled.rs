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

use crate::entity::{Date, Entity, EntityKind, Prominence, Role};

use super::Dictionary;
use super::index::{Index, KeyTable, Layer, Words};

const MAGIC: &[u8; 8] = b"CDSKDICT";
/// Bump when the layout or anything hashed into the index changes.
const VERSION: u32 = 6;

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
        // 0 to 3 when the dictionary says, 4 when not.
        self.records.push(e.prominence.map_or(4, u32::from));
        self.records.push(u32::from(e.source));
    }
}

impl Records {
    /// How many entities are compiled.
    pub(crate) fn len(&self) -> usize {
        self.starts.len()
    }

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
            prominence: u8::try_from(c.next())
                .ok()
                .filter(|&p| p <= Prominence::PROMINENT),
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
        w.array(&self.prominence);
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
        let prominence: Cow<'static, [u8]> = r.array()?;
        let n = records.starts.len();
        if name_forms.len() != n
            || prominence.len() != n
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
            prominence,
            sources,
            notes: Vec::new(),
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
    use crate::entity::EntityId;
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
    fn a_layer_refines_and_takes_over_the_base() {
        let layer = |text: &str| {
            let user = DictSource {
                name: "desk.toml".into(),
                text: text.into(),
            };
            Dictionary::load_onto(
                Dictionary::from_bytes(aligned(&newsroom().to_bytes())).unwrap(),
                &[user],
            )
        };
        let text = "[[entity]]\nid = \"jennifer-daskal\"\nkind = \"person\"\nname = \"Jennifer Daskal\"\n\
                    aliases = [\"Jenny Daskal\"]\ndescription = \"our source\"\nprominence = 3\n\n\
                    [[entity]]\nkind = \"organization\"\nname = \"Treasury Working Group\"\n\
                    aliases = [\"Treasury Department\"]\n";
        // Conflicts among the layer's own entities stay problems.
        let err = layer(&format!("{text}\n[[entity]]\nkind = \"person\"\nname = \"Ann Bee\"\n\n[[entity]]\nkind = \"person\"\nname = \"Ann Bee\"\n")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "desk.toml:18:1: duplicate id `ann-bee` (first at desk.toml:14:1)\n\
             desk.toml:20:8: `Ann Bee` belongs to two entities, `ann-bee` and `ann-bee` (at desk.toml:16:8)"
        );
        let dict = layer(text).unwrap();
        assert_eq!(
            dict.notes().iter().map(ToString::to_string).collect::<Vec<_>>(),
            [
                "desk.toml:1:1: note: `Jennifer Daskal` refines `jennifer-daskal` of test.toml: its fields win and its forms are added",
                "desk.toml:12:12: note: `Treasury Department` is the alias of `department-of-the-treasury` in test.toml; here it belongs to `treasury-working-group`",
            ]
        );
        let owner = |form: &str| {
            let words: Vec<_> = crate::words::form_words(form)
                .iter()
                .map(|w| dict.index.word_id(w).unwrap())
                .collect();
            let forms: Vec<_> = dict.index.exact_forms(&words).collect();
            assert_eq!(forms.len(), 1, "{form}: {forms:?}");
            let e = dict.form(forms[0]).entity;
            (dict.entity(e).id.clone(), dict.prominence(e))
        };
        // The refined entity holds the base's forms and the layer's, the
        // layer's fields win, and the base's entity is hidden.
        assert_eq!(owner("Jen Daskal"), ("jennifer-daskal".to_owned(), 3));
        assert_eq!(owner("Jenny Daskal"), owner("Jennifer Daskal"));
        let refined = dict
            .entities()
            .find(|e| e.id == "jennifer-daskal" && e.source == 1)
            .unwrap();
        assert_eq!(refined.description.as_deref(), Some("our source"));
        assert_eq!(refined.titles, ["Deputy Homeland Security Advisor"]);
        let old = dict
            .entities()
            .position(|e| e.id == "jennifer-daskal" && e.source == 0)
            .unwrap();
        assert!(dict.is_refined(EntityId(old as u32)));
        // A form of another base entity belongs to the layer's entity.
        assert_eq!(owner("Treasury Department").0, "treasury-working-group");
        assert_eq!(
            owner("Department of the Treasury").0,
            "department-of-the-treasury"
        );
    }
}

//! The files the generators make, held in memory: written all at once
//! (`dictgen all`), or compared byte for byte with the files of the source
//! tree (`dictgen check`).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// One generated file.
#[derive(Debug)]
pub(crate) struct Output {
    /// Where it goes, relative to the repository root.
    pub(crate) path: PathBuf,
    pub(crate) bytes: Vec<u8>,
}

impl Output {
    pub(crate) fn new(path: impl Into<PathBuf>, bytes: impl Into<Vec<u8>>) -> Self {
        Output {
            path: path.into(),
            bytes: bytes.into(),
        }
    }

    /// Write the file under `root`.
    pub(crate) fn write(&self, root: &Path) -> Result<()> {
        let path = root.join(&self.path);
        fs::write(&path, &self.bytes).with_context(|| format!("failed to write {}", path.display()))
    }

    /// How the file under `root` compares with this one.
    pub(crate) fn compare(&self, root: &Path) -> Result<Comparison> {
        let path = root.join(&self.path);
        let committed = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Comparison::Missing),
            Err(e) => return Err(e).with_context(|| format!("failed to read {}", path.display())),
        };
        Ok(match first_difference(&committed, &self.bytes) {
            None => Comparison::Identical,
            Some(at) => Comparison::Differs(at),
        })
    }
}

/// How a file of the source tree compares with the generated one.
#[derive(Debug, PartialEq)]
pub(crate) enum Comparison {
    Identical,
    /// Where they first differ.
    Differs(Place),
    /// The source tree has no such file.
    Missing,
}

/// A place in a file: a line of a text, or a byte of anything else.
#[derive(Debug, PartialEq)]
pub(crate) enum Place {
    Line(usize),
    Byte(usize),
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Place::Line(n) => write!(f, "line {n}"),
            Place::Byte(n) => write!(f, "byte {n}"),
        }
    }
}

/// Where `a` and `b` first differ (`None` when they are equal): the line,
/// counted from 1, when both are UTF-8 text, else the byte offset.
fn first_difference(a: &[u8], b: &[u8]) -> Option<Place> {
    if a == b {
        return None;
    }
    let at = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    Some(match (std::str::from_utf8(a), std::str::from_utf8(b)) {
        (Ok(_), Ok(_)) => Place::Line(a[..at].iter().filter(|&&c| c == b'\n').count() + 1),
        _ => Place::Byte(at),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences() {
        assert_eq!(first_difference(b"a\nb\n", b"a\nb\n"), None);
        assert_eq!(first_difference(b"a\nb\n", b"a\nc\n"), Some(Place::Line(2)));
        assert_eq!(first_difference(b"a\n", b"a\nb\n"), Some(Place::Line(2)));
        assert_eq!(first_difference(&[0, 255, 1], &[0, 255, 2]), Some(Place::Byte(2)));
        let dir = tempfile::tempdir().unwrap();
        let out = Output::new("x.toml", "a = 1\n");
        assert_eq!(out.compare(dir.path()).unwrap(), Comparison::Missing);
        out.write(dir.path()).unwrap();
        assert_eq!(out.compare(dir.path()).unwrap(), Comparison::Identical);
        let changed = Output::new("x.toml", "a = 2\n");
        assert_eq!(
            changed.compare(dir.path()).unwrap(),
            Comparison::Differs(Place::Line(1))
        );
    }
}

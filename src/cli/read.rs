//! Reading what the command line names: regular files only, up to a size
//! limit, with NUL bytes looked for while reading, so that a FIFO, a device
//! or a huge binary file is refused by name instead of blocking the run or
//! filling memory.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;

use anyhow::{Context as _, Result, anyhow, bail};

/// The largest input read when nothing says otherwise: far above any story
/// (a long feature is 100 KB), far below what a run can hold in memory.
pub(crate) const DEFAULT_MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

/// How much is read at a time.
const CHUNK: usize = 64 * 1024;

/// What the bytes of an input may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Content {
    /// A story: a NUL byte means a binary file, not checked.
    Text,
    /// A dictionary or configuration file: any bytes (the parser judges).
    Data,
}

/// Refuse anything but a regular file, before opening it: opening a FIFO
/// blocks until something writes to it.
fn regular(path: &Path, shown: &str, what: &str) -> Result<u64> {
    let meta = fs::metadata(path).with_context(|| format!("failed to read {what}{shown}"))?;
    if !meta.is_file() {
        bail!(
            "{shown}: {}, not a regular file; not read",
            kind(&meta.file_type())
        );
    }
    Ok(meta.len())
}

#[cfg(unix)]
fn kind(t: &fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_fifo() {
        "a FIFO"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_dir() {
        "a folder"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn kind(t: &fs::FileType) -> &'static str {
    if t.is_dir() { "a folder" } else { "a special file" }
}

/// Open without blocking (a FIFO put in the file's place after `regular`
/// looked would otherwise block), then check the opened file itself.
fn open(path: &Path, shown: &str, what: &str) -> Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options
        .open(path)
        .with_context(|| format!("failed to read {what}{shown}"))?;
    let meta = file
        .metadata()
        .with_context(|| format!("failed to read {what}{shown}"))?;
    if !meta.is_file() {
        bail!(
            "{shown}: {}, not a regular file; not read",
            kind(&meta.file_type())
        );
    }
    Ok(file)
}

/// The bytes of a regular file of at most `limit` bytes.
pub(crate) fn file(path: &Path, shown: &str, limit: u64, content: Content) -> Result<Vec<u8>> {
    file_of(path, shown, "", limit, content)
}

/// [`file`], with `what` before the name when it cannot be opened
/// ("failed to read dictionary news.toml").
fn file_of(path: &Path, shown: &str, what: &str, limit: u64, content: Content) -> Result<Vec<u8>> {
    let len = regular(path, shown, what)?;
    if len > limit {
        bail!("{shown}: {len} bytes, more than the limit of {limit} (--max-file-size); not read");
    }
    let file = open(path, shown, what)?;
    bounded(file, shown, limit, content, len as usize)
}

/// Read at most `limit` bytes from `r`, stopping at the first NUL byte of a
/// [`Content::Text`] input.
pub(crate) fn bounded(
    r: impl Read,
    shown: &str,
    limit: u64,
    content: Content,
    hint: usize,
) -> Result<Vec<u8>> {
    let mut r = r.take(limit.saturating_add(1));
    let mut out = Vec::with_capacity(hint.min(limit as usize));
    let mut chunk = vec![0; CHUNK];
    loop {
        let n = match r.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(anyhow!(e).context(format!("failed to read {shown}"))),
        };
        if content == Content::Text && memchr::memchr(0, &chunk[..n]).is_some() {
            bail!("{shown}: binary file, not checked");
        }
        out.extend_from_slice(&chunk[..n]);
        if out.len() as u64 > limit {
            bail!("{shown}: more than the limit of {limit} bytes (--max-file-size); not read");
        }
    }
    Ok(out)
}

/// 1-based line and column (in characters) of `offset`, where
/// `bytes[..offset]` is valid UTF-8.
pub(crate) fn position(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset];
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = std::str::from_utf8(&before[line_start..]).map_or(0, |s| s.chars().count()) + 1;
    (line, column)
}

/// A dictionary or configuration file (`what`: "dictionary ", "") as UTF-8
/// text; invalid UTF-8 is an error at its line and column.
pub(crate) fn text_file(path: &Path, what: &str, limit: u64) -> Result<String> {
    let shown = path.display().to_string();
    let bytes = file_of(path, &shown, what, limit, Content::Data)?;
    String::from_utf8(bytes).map_err(|e| {
        let (line, column) = position(e.as_bytes(), e.utf8_error().valid_up_to());
        anyhow!("{shown}:{line}:{column}: invalid UTF-8")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_anywhere_means_binary() {
        let mut bytes = vec![b'a'; 3 * CHUNK];
        bytes[2 * CHUNK + 5] = 0;
        let err = bounded(&bytes[..], "x.txt", u64::MAX, Content::Text, 0).unwrap_err();
        assert_eq!(err.to_string(), "x.txt: binary file, not checked");
        assert!(bounded(&bytes[..], "x.toml", u64::MAX, Content::Data, 0).is_ok());
    }

    #[test]
    fn reading_stops_past_the_limit() {
        // An endless input (like /dev/zero read as data) ends at the limit.
        let err = bounded(io::repeat(b'a'), "-", 1000, Content::Text, 0).unwrap_err();
        assert!(
            err.to_string().contains("more than the limit of 1000 bytes"),
            "{err}"
        );
        assert_eq!(
            bounded(&[b'a'; 1000][..], "-", 1000, Content::Text, 0)
                .unwrap()
                .len(),
            1000
        );
    }

    #[cfg(unix)]
    #[test]
    fn special_files_are_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.md");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(made.success());
        let err = file(&fifo, "pipe.md", u64::MAX, Content::Text).unwrap_err();
        assert_eq!(err.to_string(), "pipe.md: a FIFO, not a regular file; not read");
        let err = text_file(Path::new("/dev/zero"), "", u64::MAX).unwrap_err();
        assert_eq!(
            err.to_string(),
            "/dev/zero: a device, not a regular file; not read"
        );
    }

    #[test]
    fn invalid_utf8_has_a_position() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.toml");
        fs::write(&path, b"[[entity]]\nname = \"Ca\xe9\"\n").unwrap();
        let err = text_file(&path, "", u64::MAX).unwrap_err().to_string();
        assert!(err.ends_with("d.toml:2:11: invalid UTF-8"), "{err}");
    }
}

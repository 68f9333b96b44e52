//! Writing what the import made: YAML values quoted so that any text reads back the same
//! (titles with colons, quotes, `#`, newlines), `podcast.yaml`, `episode.md` and files put in
//! place whole (written beside, then renamed).

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

use super::Found;
use crate::t;

/// A YAML document written key by key, in the order given.
#[derive(Default)]
pub struct Yaml {
    text: String,
}

impl Yaml {
    /// `key: "text"`.
    pub fn text(&mut self, key: &str, value: &str) -> &mut Self {
        let _ = writeln!(self.text, "{key}: {}", quote(value));
        self
    }

    /// `key: |` and the lines of a long text, or a quoted value when a block cannot hold it.
    pub fn long_text(&mut self, key: &str, value: &str) -> &mut Self {
        let block_safe = value.contains('\n')
            && !value.starts_with([' ', '\t', '\n'])
            && value.chars().all(|c| c == '\n' || !needs_escape(c));
        if !block_safe {
            return self.text(key, value);
        }
        let _ = writeln!(self.text, "{key}: |-");
        for line in value.lines() {
            if line.is_empty() {
                self.text.push('\n');
            } else {
                let _ = writeln!(self.text, "  {}", line.trim_end());
            }
        }
        self
    }

    /// `key: value` for numbers, booleans and words YAML reads as themselves.
    pub fn plain(&mut self, key: &str, value: impl std::fmt::Display) -> &mut Self {
        let _ = writeln!(self.text, "{key}: {value}");
        self
    }

    /// `key:` and one flow map per line (`- { a: "x", b: 2 }`); nothing when `items` is empty.
    pub fn list(&mut self, key: &str, items: &[String]) -> &mut Self {
        if !items.is_empty() {
            let _ = writeln!(self.text, "{key}:");
            for item in items {
                let _ = writeln!(self.text, "  - {item}");
            }
        }
        self
    }

    /// A `# comment` line (one line per line of `text`).
    pub fn comment(&mut self, text: &str) -> &mut Self {
        for line in text.lines() {
            let _ = writeln!(self.text, "# {line}");
        }
        self
    }

    pub fn finish(self) -> String {
        self.text
    }
}

/// A flow map, `{ name: "Hélène", role: "guest" }`, of the pairs whose value is not empty;
/// values are written as given (quote text with [`quote`]).
pub fn flow(pairs: &[(&str, String)]) -> String {
    let inner: Vec<String> = pairs
        .iter()
        .filter(|(_, v)| !v.is_empty() && v != "\"\"")
        .map(|(k, v)| format!("{k}: {v}"))
        .collect();
    format!("{{ {} }}", inner.join(", "))
}

/// A YAML double-quoted scalar that reads back as `text` exactly.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if needs_escape(c) => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Characters YAML does not allow raw in a document, or reads as line breaks (YAML 1.1's
/// NEL, LS and PS, which some readers still honour).
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
        )
}

/// `episode.md`: the front matter, then the notes.
pub fn episode_md(front: &str, notes: &str) -> String {
    let mut text = format!("---\n{front}---\n");
    if !notes.is_empty() {
        text.push_str(notes);
        text.push('\n');
    }
    text
}

/// Writes `bytes` to `path` whole: into a file beside it, synced, then renamed over it.
pub fn file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temp = path.with_file_name(format!(".{name}.importing"));
    let mut out = std::fs::File::create(&temp)?;
    out.write_all(bytes)?;
    out.sync_all()?;
    std::fs::rename(&temp, path)
}

/// [`file`], or a warning of `found` naming the file when it cannot be written; true when written.
pub fn file_or_warn(path: &Path, bytes: &[u8], found: &mut Found) -> bool {
    let written = file(path, bytes);
    if let Err(e) = &written {
        found.warn(
            t!(
                "import-cannot-write",
                path = path.display().to_string(),
                error = e.to_string()
            ),
            t!("import-permissions-help"),
        );
    }
    written.is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Doc {
        a: String,
        b: String,
        c: Vec<serde_json::Value>,
    }

    #[test]
    fn any_text_reads_back_the_same() {
        let hard =
            "Épisode 3 : « L'IA » — \"quotes\", #hash, key: value\\ \t\u{85}\u{2028}\u{7}\u{202f}?";
        let mut yaml = Yaml::default();
        yaml.text("a", hard)
            .long_text("b", "Ligne un\n\n- pas une liste YAML\n  indentée")
            .list(
                "c",
                &[flow(&[
                    ("name", quote("Hélène: x")),
                    ("n", "2".into()),
                    ("empty", quote("")),
                ])],
            );
        let text = yaml.finish();
        let doc: Doc = crate::show::yaml::parse(&text, Path::new("x"), 0).unwrap();
        assert_eq!(doc.a, hard);
        assert_eq!(doc.b, "Ligne un\n\n- pas une liste YAML\n  indentée");
        assert_eq!(doc.c[0]["name"], "Hélène: x");
        assert_eq!(doc.c[0]["n"], 2);
        assert!(doc.c[0].get("empty").is_none());
    }
}

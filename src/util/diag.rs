//! Diagnostics: every problem a producer can cause, with the file, line and column it comes from.
//!
//! Loaders never stop at the first problem: they push into a [`Diagnostics`] and the pipeline
//! stops once a stage is done and errors were found, so a run reports everything at once.

use std::fmt;
use std::path::{Path, PathBuf};

/// How serious a finding is: errors fail the run, warnings do not.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Level {
    Error,
    Warning,
}

/// One problem, printed as `path:line:column: error: message` followed by an optional `help:` line.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    pub level: Level,
    pub path: PathBuf,
    /// 1-based line, when the problem has one.
    pub line: Option<u64>,
    /// 1-based column, when known.
    pub column: Option<u64>,
    pub message: String,
    /// What to write instead, in plain words.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error about a whole file (no line).
    pub fn error(path: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Self {
            level: Level::Error,
            path: path.as_ref().to_path_buf(),
            line: None,
            column: None,
            message: message.into(),
            help: None,
        }
    }

    /// A warning about a whole file (no line).
    pub fn warning(path: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Self {
            level: Level::Warning,
            ..Self::error(path, message)
        }
    }

    /// Points the diagnostic at a line and, when non-zero, a column.
    pub fn at(mut self, line: u64, column: u64) -> Self {
        self.line = (line > 0).then_some(line);
        self.column = (line > 0 && column > 0).then_some(column);
        self
    }

    /// Points the diagnostic at a position, if it has one.
    pub fn at_pos(self, pos: Pos) -> Self {
        self.at(pos.line, pos.column)
    }

    /// Adds the fix, in plain words.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.level == Level::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `--root .` (the default) gives `./episodes/…`: print `episodes/…`.
        let path = match self.path.strip_prefix(".") {
            Ok(rest) if !rest.as_os_str().is_empty() => rest,
            _ => &self.path,
        };
        write!(f, "{}", path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        let level = match self.level {
            Level::Error => "error",
            Level::Warning => "warning",
        };
        write!(f, ": {level}: {}", self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

impl Diagnostic {
    /// The diagnostic followed by the offending line of its file and a caret under the column,
    /// when the file can be read; otherwise just the diagnostic.
    pub fn render(&self) -> String {
        let snippet = self.line.and_then(|line| {
            let text = std::fs::read_to_string(&self.path).ok()?;
            let source = text
                .lines()
                .nth(usize::try_from(line).ok()?.checked_sub(1)?)?;
            Some(snippet(line, source, self.column))
        });
        match snippet {
            // The help line comes last, after the snippet.
            Some(snippet) => {
                let mut head = self.clone();
                head.help = None;
                let help = self
                    .help
                    .as_ref()
                    .map(|h| format!("\n  help: {h}"))
                    .unwrap_or_default();
                format!("{head}\n{snippet}{help}")
            }
            None => self.to_string(),
        }
    }
}

/// ` 12 | the line` and a caret under `column` (a character count, 1-based).
fn snippet(line: u64, source: &str, column: Option<u64>) -> String {
    let number = line.to_string();
    let gutter = " ".repeat(number.len());
    let source: String = source
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    let mut out = format!(" {gutter} |\n {number} | {source}");
    if let Some(column) = column {
        let pad = " ".repeat(usize::try_from(column).unwrap_or(1).saturating_sub(1));
        out.push_str(&format!("\n {gutter} | {pad}^"));
    }
    out
}

/// A 1-based position in a source file; `line == 0` means unknown.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Pos {
    pub line: u64,
    pub column: u64,
}

/// The findings of a run, in the order they were found.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// Sorts by file, then line, so reports read in source order whatever the thread timing.
    pub fn sort(&mut self) {
        self.items.sort_by(|a, b| {
            (&a.path, a.line, a.column, a.level, &a.message)
                .cmp(&(&b.path, b.line, b.column, b.level, &b.message))
        });
    }

    /// Returns `Err(self)` when there is at least one error, so callers can `?` out of a stage.
    pub fn check(self) -> Result<Self, Self> {
        if self.has_errors() {
            Err(self)
        } else {
            Ok(self)
        }
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Self {
        Self {
            items: vec![diagnostic],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_is_path_line_column_level_message() {
        let d = Diagnostic::error("episodes/001/episode.md", "unknown key `titel`")
            .at(3, 1)
            .help("did you mean `title`?");
        assert_eq!(
            d.to_string(),
            "episodes/001/episode.md:3:1: error: unknown key `titel`\n  help: did you mean `title`?"
        );
        let w = Diagnostic::warning("./podcast.yaml", "no funding").at(7, 0);
        assert_eq!(w.to_string(), "podcast.yaml:7: warning: no funding");
    }

    #[test]
    fn render_shows_the_line_and_a_caret() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("episode.md");
        std::fs::write(&path, "---\ntitle: x\nsaison: 2\n---\n").unwrap();
        let d = Diagnostic::error(&path, "unknown key `saison`")
            .at(3, 1)
            .help("did you mean `season`?");
        let text = d.render();
        let lines: Vec<&str> = text.lines().collect();
        assert!(
            lines[0].ends_with("episode.md:3:1: error: unknown key `saison`"),
            "{text}"
        );
        assert_eq!(
            &lines[1..],
            [
                "   |",
                " 3 | saison: 2",
                "   | ^",
                "  help: did you mean `season`?"
            ]
        );
        let unreadable = Diagnostic::error(dir.path().join("missing"), "m").at(1, 1);
        assert_eq!(unreadable.render(), unreadable.to_string());
    }

    #[test]
    fn check_fails_only_on_errors() {
        let mut all = Diagnostics::default();
        all.push(Diagnostic::warning("a", "w"));
        let all = all.check().expect("warnings alone pass");
        let mut all = all;
        all.push(Diagnostic::error("b", "e"));
        assert_eq!(all.check().unwrap_err().error_count(), 1);
    }
}

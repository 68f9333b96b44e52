//! [`Checker`]: collects the problems of one YAML file, each at its line and column, with the
//! fix; shared by `podcast.yaml` and the episodes' front matter.

use std::path::Path;

use crate::show::validate;
use crate::show::yaml::{self, Spanned};
use crate::t;
use crate::util::diag::{Diagnostic, Diagnostics, Pos};

/// Collects the problems of one file, each at its position.
pub(crate) struct Checker<'a> {
    pub path: &'a Path,
    /// Lines of the file before the YAML (the front matter's `---`).
    pub line_offset: u64,
    pub found: Diagnostics,
}

impl Checker<'_> {
    /// Records an error at the position of `value`.
    pub fn error<T>(&mut self, value: &Spanned<T>, message: impl Into<String>) {
        let pos = yaml::pos(value, self.line_offset);
        self.found
            .push(Diagnostic::error(self.path, message).at_pos(pos));
    }

    /// Records an error at a position of the YAML (before the line offset).
    pub fn error_at(&mut self, pos: Pos, message: impl Into<String>) {
        let pos = Pos {
            line: pos.line + self.line_offset,
            ..pos
        };
        self.found
            .push(Diagnostic::error(self.path, message).at_pos(pos));
    }

    /// Records a warning with a fix at the position of `value`.
    pub fn warning<T>(&mut self, value: &Spanned<T>, message: impl Into<String>, help: &str) {
        let pos = yaml::pos(value, self.line_offset);
        self.found.push(
            Diagnostic::warning(self.path, message)
                .at_pos(pos)
                .help(help),
        );
    }

    /// Records an error with a fix at the position of `value`.
    pub fn error_help<T>(&mut self, value: &Spanned<T>, message: impl Into<String>, help: &str) {
        let pos = yaml::pos(value, self.line_offset);
        self.found
            .push(Diagnostic::error(self.path, message).at_pos(pos).help(help));
    }

    /// Checks a URL value, returning it when valid.
    pub fn url(&mut self, value: &Spanned<String>, https_only: bool) -> Option<String> {
        match validate::url(&value.value, https_only) {
            Ok(()) => Some(value.value.clone()),
            Err(e) => {
                let help = match https_only {
                    true => t!("show-url-https-help"),
                    false => t!("show-url-help"),
                };
                self.error_help(value, e, &help);
                None
            }
        }
    }

    /// A text of at most `max` characters (Podcasting 2.0 limits), trimmed; longer is an
    /// error, empty too when `required`.
    pub fn short_text(
        &mut self,
        value: &Spanned<String>,
        key: &str,
        max: usize,
        required: bool,
    ) -> Option<String> {
        let text = value.value.trim();
        let count = text.chars().count();
        if required && text.is_empty() {
            let help = t!("show-text-empty-help", key = key);
            self.error_help(value, t!("show-text-empty", key = key), &help);
            return None;
        }
        if count > max {
            self.error_help(
                value,
                t!("show-text-too-long", key = key, count = count, max = max),
                &t!("show-text-too-long-help", max = max),
            );
            return None;
        }
        Some(text.to_string())
    }

    /// A required text value, trimmed; empty is an error.
    pub fn required(&mut self, value: Spanned<String>, key: &str) -> String {
        let text = value.value.trim().to_string();
        if text.is_empty() {
            self.error(&value, t!("show-text-empty", key = key));
        }
        text
    }
}

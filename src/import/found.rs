//! The findings of an import about the channel or one item, each at its place in the old
//! feed (the page's address and the item's line) and named by the item's title.

use std::path::PathBuf;

use super::fetch::FetchError;
use super::old::Item;
use crate::t;
use crate::util::diag::{Diagnostic, Diagnostics};

/// Findings about the channel or one item, at its place in the feed.
pub(crate) struct Found {
    path: PathBuf,
    line: u64,
    /// The item's title (or GUID) that names each finding; none for the channel.
    subject: Option<String>,
    items: Vec<Diagnostic>,
    pub(crate) footer: Option<&'static str>,
}

impl Found {
    pub(crate) fn channel(address: &str) -> Self {
        Found {
            path: PathBuf::from(address),
            line: 0,
            subject: None,
            items: Vec::new(),
            footer: None,
        }
    }

    pub(crate) fn item(item: &Item) -> Self {
        let name = if item.title.is_empty() {
            item.guid.clone().unwrap_or_default()
        } else {
            item.title.clone()
        };
        Found {
            path: PathBuf::from(&item.page),
            line: item.line,
            subject: Some(name),
            ..Found::channel("")
        }
    }

    fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic.at(self.line, 0));
    }

    /// `message` named by the item it is about (« title »: message).
    fn named(&self, message: String) -> String {
        match &self.subject {
            Some(item) => t!(
                "import-item-finding",
                item = item.as_str(),
                message = message
            ),
            None => message,
        }
    }

    pub(crate) fn warn(&mut self, message: impl Into<String>, help: impl Into<String>) {
        let message = self.named(message.into());
        self.push(Diagnostic::warning(&self.path, message).help(help));
    }

    pub(crate) fn error(&mut self, message: impl Into<String>, help: impl Into<String>) {
        let message = self.named(message.into());
        self.push(Diagnostic::error(&self.path, message).help(help));
    }

    /// The episode could not be imported, because of `e`.
    pub(crate) fn failed(&mut self, e: FetchError) {
        let message = t!("import-not-imported", url = e.url, error = e.message);
        self.error(message, e.help);
    }

    pub(crate) fn footer(&mut self, host: &'static str) {
        self.footer = Some(host);
    }

    pub(crate) fn diagnostics(self) -> Diagnostics {
        let mut all = Diagnostics::default();
        all.extend(self.items);
        all
    }

    pub(crate) fn done(self) -> Vec<Diagnostic> {
        self.items
    }
}

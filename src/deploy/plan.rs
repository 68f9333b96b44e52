//! The plan of a deploy: which files to upload, keep and delete, why, and in which order.
//!
//! The order is the one that never shows a listener a broken episode. First everything the
//! new pages and feed point to (new audio, artwork, transcripts, chapters, the search index,
//! the theme's assets), then the pages (and the sitemap), then the MP3s that replace one the
//! live feed already announces (a retitled episode's: the live feed announces the old length
//! until the new feed is up, so they go as late as they can), then `feed.xml`, and only then
//! the deletions, which the old feed may still point to until the new one replaced it.

use std::collections::BTreeSet;

use super::local::Local;
use super::remote::{Remote, Source};

/// The steps of a deploy, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    /// What the pages and the feed point to.
    Referenced,
    /// The HTML pages and the sitemap.
    Pages,
    /// MP3s replacing one of the same name.
    Replaced,
    /// `feed.xml`, alone.
    Feed,
}

impl Phase {
    pub const ALL: [Phase; 4] = [
        Phase::Referenced,
        Phase::Pages,
        Phase::Replaced,
        Phase::Feed,
    ];

    fn of(path: &str, replacing: bool) -> Phase {
        match path {
            "feed.xml" => Phase::Feed,
            "sitemap.xml" => Phase::Pages,
            _ if path.ends_with(".html") => Phase::Pages,
            _ if replacing && path.ends_with(".mp3") => Phase::Replaced,
            _ => Phase::Referenced,
        }
    }
}

/// Why a file is uploaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    /// The target does not have it.
    New,
    /// The target's copy has other bytes.
    Changed,
}

/// One upload.
#[derive(Clone, Debug)]
pub struct Upload {
    pub path: String,
    pub size: u64,
    /// What its bytes must hash to, when known before reading them.
    pub hash: Option<String>,
    pub phase: Phase,
    pub why: Why,
}

/// Why a remote file is deleted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gone {
    /// A deploy put it there, and the output no longer has it.
    Unpublished,
    /// Left by a deploy that stopped: a partial upload, or a deletion not finished.
    Unsettled,
    /// Found by listing a target without manifest, not in the output; deleted only with
    /// `--allow-deletes`.
    Foreign,
}

/// One deletion.
#[derive(Clone, Debug)]
pub struct Delete {
    pub path: String,
    pub why: Gone,
}

/// What a deploy will do.
#[derive(Debug, Default)]
pub struct Plan {
    /// In the order they go: by phase, the largest first within one.
    pub uploads: Vec<Upload>,
    pub deletes: Vec<Delete>,
    /// Output files the target already holds.
    pub kept: usize,
    /// Of those, the ones only a listing vouched for (same size, contents not compared).
    pub kept_by_size: usize,
    /// Files of a target without manifest that the output does not have, left in place.
    pub left: Vec<String>,
    /// Files the target held.
    pub remote_files: usize,
}

/// A deploy that would delete more than this share of the target's files needs
/// `--allow-deletes`.
pub const DELETE_SHARE: usize = 5;

impl Plan {
    /// Files this plan deletes that carnets (or the target) published, not its own leftovers.
    pub fn deletions(&self) -> usize {
        self.deletes
            .iter()
            .filter(|d| d.why != Gone::Unsettled)
            .count()
    }

    /// True when the plan deletes more than a fifth of the target's files.
    pub fn deletes_too_much(&self) -> bool {
        self.deletions() * DELETE_SHARE > self.remote_files
    }

    /// Bytes to upload.
    pub fn bytes(&self) -> u64 {
        self.uploads.iter().map(|u| u.size).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.uploads.is_empty() && self.deletes.is_empty()
    }
}

/// True when comparing `file` with the target needs its hash: the target holds a file of that
/// name, that size, and knows its hash.
pub fn needs_hash(file: &Local, remote: &Remote) -> bool {
    remote
        .manifest
        .files
        .get(&file.path)
        .is_some_and(|entry| entry.size == file.size && entry.hash.is_some())
}

/// The plan that makes the target hold exactly `files`.
pub fn make(files: &[Local], remote: &Remote, allow_deletes: bool) -> Plan {
    let listed = matches!(remote.source, Source::Listing(_));
    let mut plan = Plan {
        remote_files: remote.manifest.files.len(),
        ..Plan::default()
    };
    for file in files {
        let why = match remote.manifest.files.get(&file.path) {
            None => Some(Why::New),
            Some(entry) if entry.size != file.size => Some(Why::Changed),
            Some(entry) => match (&entry.hash, &file.hash) {
                (Some(theirs), Some(ours)) if theirs == ours => None,
                (Some(_), _) => Some(Why::Changed),
                (None, _) => {
                    plan.kept_by_size += 1;
                    None
                }
            },
        };
        match why {
            None => plan.kept += 1,
            Some(why) => plan.uploads.push(Upload {
                path: file.path.clone(),
                size: file.size,
                hash: file.hash.clone(),
                phase: Phase::of(&file.path, why == Why::Changed),
                why,
            }),
        }
    }
    plan.uploads
        .sort_by(|a, b| (a.phase, b.size, &a.path).cmp(&(b.phase, a.size, &b.path)));
    let wanted: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    for path in remote.manifest.files.keys() {
        if wanted.contains(path.as_str()) {
            continue;
        }
        match (listed, allow_deletes) {
            (false, _) => plan.deletes.push(Delete {
                path: path.clone(),
                why: Gone::Unpublished,
            }),
            (true, true) => plan.deletes.push(Delete {
                path: path.clone(),
                why: Gone::Foreign,
            }),
            (true, false) => plan.left.push(path.clone()),
        }
    }
    for path in &remote.manifest.unsettled {
        if !wanted.contains(path.as_str()) {
            plan.deletes.push(Delete {
                path: path.clone(),
                why: Gone::Unsettled,
            });
        }
    }
    plan
}

#[cfg(test)]
mod tests;

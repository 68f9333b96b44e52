//! What the staging folder's folders held when a build left them, so that the build after next
//! (when the same tree is the staging folder again) does not read a thousand folders to learn
//! what it already knows.
//!
//! A folder's entries change only with its modification and change times (an entry added,
//! removed or renamed), so a folder that looks exactly as it did ([`Seen`]: inode and both
//! times) holds what it held. A folder changed moments before it was looked at is not kept:
//! file times lag the clock by up to a tick, and a change in that tick would not show.
//! The two trees that take turns as output and staging folder are told apart by the inode of
//! their top folder, which the exchange keeps.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::util::paths::Seen;

/// An entry of a folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Entry {
    /// A file, with its inode.
    File(u64),
    Folder,
    /// Anything else (a link, a socket): it goes.
    Other,
}

/// One folder: how it looked, and its entries by name.
#[derive(Clone, Serialize, Deserialize)]
pub struct Listing {
    pub seen: Seen,
    pub entries: Vec<(String, Entry)>,
}

/// The folders of one tree, by path relative to its top (`""` for the top).
pub type Tree = BTreeMap<String, Listing>;

/// The listings of the two trees, in a file of the cache.
pub struct Listings {
    path: PathBuf,
    /// By the inode of the tree's top folder, the newest last.
    trees: Vec<(u64, Tree)>,
}

impl Listings {
    /// What the file at `path` holds (nothing when it is missing or unreadable).
    pub fn read(path: &Path) -> Self {
        let trees = fs::read(path)
            .ok()
            .and_then(|bytes| super::decode(&bytes))
            .unwrap_or_default();
        Listings {
            path: path.to_path_buf(),
            trees,
        }
    }

    /// The folders of the tree whose top folder is the inode `top`.
    pub fn tree(&self, top: u64) -> Option<&Tree> {
        self.trees
            .iter()
            .find(|(ino, _)| *ino == top)
            .map(|(_, t)| t)
    }

    /// Keeps each tree for its top folder's inode, in order, and the trees of the two newest
    /// tops in all.
    pub fn save(mut self, trees: impl IntoIterator<Item = (u64, Tree)>) -> io::Result<()> {
        for (top, tree) in trees {
            self.trees.retain(|(ino, _)| *ino != top);
            self.trees.push((top, tree));
        }
        let old = self.trees.len().saturating_sub(2);
        self.trees.drain(..old);
        super::write_atomically(&self.path, &super::encode(&self.trees)?)
    }
}

/// The entries of the folder `dir` as they are on disk, by name (by path, for a name that is
/// not UTF-8).
pub fn read(dir: &Path) -> io::Result<Vec<(Result<String, PathBuf>, Entry)>> {
    fs::read_dir(dir)?
        .map(|entry| {
            let entry = entry?;
            let kind = entry.file_type()?;
            let what = if kind.is_dir() {
                Entry::Folder
            } else if kind.is_file() {
                Entry::File(std::os::unix::fs::DirEntryExt::ino(&entry))
            } else {
                Entry::Other
            };
            let name = entry.file_name().into_string().map_err(|_| entry.path());
            Ok((name, what))
        })
        .collect()
}

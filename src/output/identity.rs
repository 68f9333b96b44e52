//! How a file looks on disk (size, modification time, inode): equal identities are taken for
//! equal bytes by the cache, the stamp and the manifest.

use std::fs;
use std::os::unix::fs::MetadataExt;

use serde::{Deserialize, Serialize};

/// How a file looked when it was hashed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    pub size: u64,
    pub mtime_ns: i128,
    pub ino: u64,
}

impl Identity {
    pub fn of(meta: &fs::Metadata) -> Self {
        Identity {
            size: meta.size(),
            mtime_ns: i128::from(meta.mtime()) * 1_000_000_000 + i128::from(meta.mtime_nsec()),
            ino: meta.ino(),
        }
    }
}

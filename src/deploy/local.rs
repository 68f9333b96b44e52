//! The files to deploy: the build's output, as its manifest lists them (no walk of `public/`),
//! with the BLAKE3 hash of each file's bytes where the comparison with the target needs it.
//!
//! Hashes are kept in the cache (`.carnets/out-….hashes.json`) by the file's identity (size,
//! modification time, inode): an unchanged output file keeps its identity across builds (the
//! staging folder hard-links it), so a second deploy hashes nothing.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::output::{self, SourceCache, cache::Identity};

/// One file of the output.
#[derive(Clone, Debug)]
pub struct Local {
    /// Relative to the output folder, `/`-separated.
    pub path: String,
    pub size: u64,
    pub identity: Identity,
    /// `blake3:<hex>`, when known.
    pub hash: Option<String>,
}

/// The hashes of output files, by path and identity.
pub struct Hashes {
    file: PathBuf,
    known: BTreeMap<String, (Identity, String)>,
}

/// The output's files, each with its hash when the cache knows it.
pub fn read(out: &Path, cache: &SourceCache) -> io::Result<(Vec<Local>, Hashes)> {
    let published = output::published(out, cache)?;
    let file = cache.output_file(out, "hashes.json")?;
    let known: BTreeMap<String, (Identity, String)> = fs::read(&file)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default();
    let files = published
        .into_iter()
        .map(|(path, identity)| {
            let hash = known
                .get(&path)
                .filter(|(then, _)| *then == identity)
                .map(|(_, hash)| hash.clone());
            Local {
                size: identity.size,
                path,
                identity,
                hash,
            }
        })
        .collect();
    Ok((files, Hashes { file, known }))
}

/// Hashes the files of `files` that `wanted` picks and the cache did not know, on every core.
pub fn hash_missing(
    out: &Path,
    files: &mut [Local],
    wanted: impl Fn(&Local) -> bool + Sync,
) -> io::Result<()> {
    files
        .par_iter_mut()
        .filter(|f| f.hash.is_none() && wanted(f))
        .try_for_each(|f| {
            f.hash = Some(hash_file(&out.join(&f.path))?);
            Ok(())
        })
}

/// `blake3:<hex>` of a file's bytes.
fn hash_file(path: &Path) -> io::Result<String> {
    let mut hasher = blake3::Hasher::new();
    let mut file = fs::File::open(path)?;
    let mut buffer = vec![0; 256 * 1024];
    loop {
        match file.read(&mut buffer)? {
            0 => return Ok(format_hash(&hasher.finalize())),
            n => {
                hasher.update(&buffer[..n]);
            }
        }
    }
}

/// How a hash is written, in the cache and in the target's manifest.
pub fn format_hash(hash: &blake3::Hash) -> String {
    format!("blake3:{}", hash.to_hex())
}

impl Hashes {
    /// Keeps the hashes of `files` (and only theirs: the cache never grows stale) for the next
    /// deploy; a cache that cannot be written only costs time then.
    pub fn save(mut self, files: &[Local]) {
        let next: BTreeMap<String, (Identity, String)> = files
            .iter()
            .filter_map(|f| Some((f.path.clone(), (f.identity, f.hash.clone()?))))
            .collect();
        if next != self.known {
            self.known = next;
            if let Ok(bytes) = serde_json::to_vec(&self.known) {
                let _ = output::write_if_changed(&self.file, &bytes);
            }
        }
    }
}

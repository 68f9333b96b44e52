//! Hashing what a file or a fragment is made from.

/// Feeds `parts` to `hasher`, each after its length, so that no two lists of parts hash alike
/// (`ab`, `c` and `a`, `bc` differ).
pub fn hash_parts(hasher: &mut blake3::Hasher, parts: &[&[u8]]) {
    for part in parts {
        hasher.update(&(part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
}

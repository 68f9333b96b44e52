//! Hashing what a file or a fragment is made from.

/// Feeds `parts` to `hasher`, each after its length, so that no two lists of parts hash alike
/// (`ab`, `c` and `a`, `bc` differ).
pub fn hash_parts(hasher: &mut blake3::Hasher, parts: &[&[u8]]) {
    for part in parts {
        hasher.update(&(part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
}

/// A fingerprint of what `value` holds: its postcard encoding (compact binary: no escaping,
/// no field names, the cheapest faithful encoding serde offers) hashed by XXH3-128, so that
/// two values fingerprint alike only when they serialize alike. It tells a build which of the
/// things it made before it may reuse; a collision is as unlikely as a 128-bit one can be,
/// and XXH3 is several times faster than a cryptographic hash on the kilobytes of an episode.
/// `None` when postcard cannot encode the value (a map or sequence of unknown length): then
/// nothing may be reused on the strength of it.
pub fn fingerprint<T: serde::Serialize + ?Sized>(value: &T) -> Option<[u8; 16]> {
    let bytes = postcard::to_allocvec(value).ok()?;
    Some(xxhash_rust::xxh3::xxh3_128(&bytes).to_le_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_differ_with_the_value_and_not_otherwise() {
        #[derive(serde::Serialize)]
        struct Item<'a> {
            title: &'a str,
            notes: &'a str,
        }
        let a = Item {
            title: "ab",
            notes: "c",
        };
        let b = Item {
            title: "a",
            notes: "bc",
        };
        assert_ne!(fingerprint(&a), fingerprint(&b));
        let again = Item {
            title: "ab",
            notes: "c",
        };
        assert_eq!(fingerprint(&a), fingerprint(&again));
        assert!(fingerprint(&a).is_some());
    }
}

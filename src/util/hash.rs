//! Hashing what a file or a fragment is made from, and the SRI hashes of published files.

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

/// The Subresource Integrity string of what `input` reads (`sha384-` and the digest in
/// base64, W3C SRI), as `podcast:integrity type="sri"` wants it.
pub fn sri_sha384(mut input: impl std::io::Read) -> std::io::Result<String> {
    use base64::Engine as _;
    use sha2::Digest as _;
    let mut hasher = sha2::Sha384::new();
    let mut buffer = vec![0; 256 << 10];
    loop {
        match input.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => hasher.update(&buffer[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    let digest = base64::engine::general_purpose::STANDARD.encode(hasher.finalize());
    Ok(format!("sha384-{digest}"))
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

    #[test]
    fn sri_of_a_known_text() {
        // `printf 'alert(1)' | openssl dgst -sha384 -binary | base64`
        assert_eq!(
            sri_sha384(&b"alert(1)"[..]).unwrap(),
            "sha384-HT2E9NfWiuQ/w1PRai+hTyqW16NIoCGA/m8VQDUopfAtcz6YQjtsMmQd5uRbVDpW"
        );
    }
}

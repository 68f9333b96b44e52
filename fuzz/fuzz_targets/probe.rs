//! The MPEG frame reader on arbitrary bytes: it never panics, never loops, never reads past the
//! end, and what it reports is consistent with the bytes it was given.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(info) = carnets::audio::probe_bytes(data) else {
        return;
    };
    let len = data.len() as u64;
    assert!(info.audio_start < info.audio_end, "{info:?}");
    assert!(info.audio_end <= len, "{info:?} of {len} bytes");
    assert!(info.frames > 0 && info.sample_rate > 0, "{info:?}");
    assert!(matches!(info.layer, 1..=3) && matches!(info.channels, 1 | 2), "{info:?}");
    let _ = info.duration_ms();
    // The same bytes always measure the same.
    assert_eq!(carnets::audio::probe_bytes(data).ok(), Some(info));
});

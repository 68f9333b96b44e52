//! The chapter-time parser (`SS`, `MM:SS`, `HH:MM:SS`, `.mmm`) on arbitrary text: no panic, no
//! overflow, and every accepted time reads back the same once written as `H:MM:SS.mmm`.
#![no_main]

use carnets::show::times;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let Ok(ms) = times::chapter(text) else {
        return;
    };
    let _ = times::clock(ms);
    let s = ms / 1000;
    let canonical = format!("{}:{:02}:{:02}.{:03}", s / 3600, s / 60 % 60, s % 60, ms % 1000);
    if s / 3600 <= 999_999 {
        assert_eq!(times::chapter(&canonical), Ok(ms), "{text:?} → {canonical}");
    }
});

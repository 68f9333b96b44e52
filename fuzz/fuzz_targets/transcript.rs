//! The WebVTT and SubRip parsers on arbitrary text (the first byte picks the format): no panic,
//! and the cues they accept are in order, each ending after it starts.
#![no_main]

use carnets::model::TranscriptFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let format = if which & 1 == 0 {
        TranscriptFormat::Vtt
    } else {
        TranscriptFormat::Srt
    };
    match carnets::show::transcript::parse(text, format) {
        Ok(cues) => {
            for pair in cues.windows(2) {
                assert!(pair[0].start_ms <= pair[1].start_ms, "{pair:?}");
            }
            for cue in &cues {
                assert!(cue.start_ms < cue.end_ms, "{cue:?}");
            }
            let _ = carnets::render::transcript::to_json(&cues);
        }
        Err((line, message)) => {
            assert!(line >= 1 && !message.is_empty(), "{line} {message}");
        }
    }
});

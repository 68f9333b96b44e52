//! The `episode.md` reader on arbitrary text: front-matter splitter, YAML loader into the
//! episode's front matter type (serde-saphyr, with its budgets), chapter times. It returns a
//! message or a value, never panics, never hangs, never blows up memory.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(split) = carnets::show::episode::split(text) {
        // The two parts are the text's own, in order.
        assert!(split.yaml.len() + split.body.len() <= text.len());
    }
    if let Err(message) = carnets::show::episode::parse_header(text) {
        assert!(!message.is_empty());
    }
});

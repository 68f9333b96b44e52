//! `formats:` of `podcast.yaml`: the encodings published beside each MP3, e.g.
//! `formats: [{codec: opus, bitrate: 48k}, {codec: aac, bitrate: 64k}]`.

use serde::Deserialize;

use crate::model::{Codec, Format, kbits};
use crate::show::checker::Checker;
use crate::show::yaml::{self, Spanned};
use crate::t;

/// One entry as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFormat {
    pub codec: Spanned<String>,
    pub bitrate: Spanned<Bitrate>,
}

/// `48k`, `48000`, `"64 k"`: a bitrate as producers write it.
pub(crate) struct Bitrate(Result<u32, String>);

impl<'de> Deserialize<'de> for Bitrate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Bitrate;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&t!("config-bitrate-expecting"))
            }
            fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<Bitrate, E> {
                Ok(Bitrate(u32::try_from(value).map_err(|_| value.to_string())))
            }
            fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<Bitrate, E> {
                Ok(Bitrate(u32::try_from(value).map_err(|_| value.to_string())))
            }
            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<Bitrate, E> {
                Ok(Bitrate(
                    parse_bitrate(value).ok_or_else(|| value.to_string()),
                ))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// `48k` → 48 000, `48000` → 48 000.
fn parse_bitrate(text: &str) -> Option<u32> {
    let text = text.trim();
    match text.strip_suffix(['k', 'K']) {
        Some(kilo) => kilo.trim().parse::<u32>().ok()?.checked_mul(1000),
        None => text.parse().ok(),
    }
}

/// The formats, each codec once (each is published as `<slug>.<extension>`).
pub(crate) fn formats(raw: &[Spanned<RawFormat>], check: &mut Checker) -> Vec<Format> {
    let mut found: Vec<Format> = Vec::new();
    for entry in raw {
        let pos = yaml::pos(entry, check.line_offset);
        let name = entry.value.codec.value.trim();
        let Some(codec) = Codec::ALL.into_iter().find(|c| c.key() == name) else {
            let known: Vec<&str> = Codec::ALL.iter().map(|c| c.key()).collect();
            check.error_help(
                &entry.value.codec,
                t!("config-format-unknown-codec", codec = name),
                &t!(
                    "config-format-unknown-codec-help",
                    codecs = known.join(", ")
                ),
            );
            continue;
        };
        let range = codec.bitrates();
        let bitrate = match &entry.value.bitrate.value.0 {
            Ok(bitrate) if range.contains(bitrate) => *bitrate,
            Ok(bitrate) => {
                check.error_help(
                    &entry.value.bitrate,
                    t!(
                        "config-format-bitrate-range",
                        codec = codec.name(),
                        bitrate = kbits(*bitrate)
                    ),
                    &t!(
                        "config-format-bitrate-range-help",
                        min = kbits(*range.start()),
                        max = kbits(*range.end())
                    ),
                );
                continue;
            }
            Err(text) => {
                check.error_help(
                    &entry.value.bitrate,
                    t!("config-format-not-bitrate", value = text.as_str()),
                    &t!("config-format-not-bitrate-help"),
                );
                continue;
            }
        };
        if found.iter().any(|f| f.codec == codec) {
            check.error_help(
                &entry.value.codec,
                t!("config-format-twice", codec = codec.name()),
                &t!("config-format-twice-help", extension = codec.extension()),
            );
            continue;
        }
        found.push(Format {
            codec,
            bitrate,
            pos,
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::parse_bitrate;

    #[test]
    fn bitrates_as_producers_write_them() {
        assert_eq!(parse_bitrate("48k"), Some(48_000));
        assert_eq!(parse_bitrate(" 64 K "), Some(64_000));
        assert_eq!(parse_bitrate("96000"), Some(96_000));
        assert_eq!(parse_bitrate("48 kbps"), None);
        assert_eq!(parse_bitrate("k"), None);
    }
}

//! `episode.md`: YAML front matter between `---` lines, then Markdown show notes.

use serde::Deserialize;

use crate::show::config::extras::{RawImage, RawSocial};
use crate::show::config::{Keywords, RawLocation, RawPerson, RawValue};
use crate::show::yaml::Spanned;
use crate::t;

/// The front matter as written (what YAML says); `episode::load` validates it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEpisode {
    pub title: Spanned<String>,
    pub date: Spanned<String>,
    pub guid: Option<Spanned<String>>,
    #[serde(default)]
    pub guid_permalink: bool,
    pub number: Option<Spanned<u32>>,
    pub season: Option<Spanned<u32>>,
    #[serde(rename = "type")]
    pub episode_type: Option<Spanned<String>>,
    pub summary: Option<String>,
    pub explicit: Option<bool>,
    pub image: Option<Spanned<String>>,
    pub audio: Option<Spanned<String>>,
    pub transcript: Option<Spanned<String>>,
    #[serde(default)]
    pub persons: Vec<RawPerson>,
    #[serde(default)]
    pub chapters: Vec<Spanned<RawChapter>>,
    #[serde(default)]
    pub soundbites: Vec<Spanned<RawSoundbite>>,
    pub location: Option<Spanned<RawLocation>>,
    #[serde(default)]
    pub block: bool,
    pub keywords: Option<Keywords>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub images: Vec<Spanned<RawImage>>,
    pub value: Option<Spanned<RawValue>>,
    #[serde(default)]
    pub social_interact: Vec<Spanned<RawSocial>>,
    pub ai_content: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawChapter {
    pub start: Spanned<Time>,
    pub title: String,
    pub url: Option<Spanned<String>>,
    pub img: Option<Spanned<String>>,
}

/// `soundbites: [{start: "12:30", duration: 45, title: …}]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSoundbite {
    pub start: Spanned<Time>,
    pub duration: Spanned<Time>,
    pub title: Option<Spanned<String>>,
}

/// A chapter time: `"03:15"` or a bare number of seconds (`75`, `75.5`).
#[derive(Deserialize)]
#[serde(untagged)]
pub(crate) enum Time {
    Seconds(f64),
    Text(String),
}

/// An `episode.md` cut in two.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    pub yaml: &'a str,
    pub body: &'a str,
    /// Lines before the YAML (the opening `---`), to report YAML errors at the file's line.
    pub line_offset: u64,
}

/// Separates the front matter from the notes. The error says what is wrong with the layout.
pub fn split(text: &str) -> Result<Split<'_>, (u64, String)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or_default();
    if first.trim_end() != "---" {
        return Err((1, t!("show-front-matter-no-start")));
    }
    let yaml_start = first.len();
    let mut offset = yaml_start;
    for line in lines {
        let marker = line.trim_end();
        if marker == "---" || marker == "..." {
            return Ok(Split {
                yaml: &text[yaml_start..offset],
                body: &text[offset + line.len()..],
                line_offset: 1,
            });
        }
        offset += line.len();
    }
    Err((1, t!("show-front-matter-not-closed")))
}

/// Reads an `episode.md` as far as text goes: splits it, loads the YAML header into the raw
/// front matter and parses the chapter times. Touches no file; the fuzzer's entry point.
pub fn parse_header(text: &str) -> Result<(), String> {
    let parts = split(text).map_err(|(_, message)| message)?;
    let raw: RawEpisode =
        crate::show::yaml::parse(parts.yaml, std::path::Path::new("episode.md"), 1)
            .map_err(|d| d.to_string())?;
    for chapter in &raw.chapters {
        if let Time::Text(text) = &chapter.value.start.value {
            crate::show::times::chapter(text)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_header_and_body() {
        let s = split("---\ntitle: x\r\n---\r\nCorps\n").unwrap();
        assert_eq!(
            s,
            Split {
                yaml: "title: x\r\n",
                body: "Corps\n",
                line_offset: 1
            }
        );
        let bom = split("\u{feff}---\ntitle: x\n...\n").unwrap();
        assert_eq!((bom.yaml, bom.body), ("title: x\n", ""));
    }

    #[test]
    fn reports_missing_markers() {
        assert!(
            split("title: x\n")
                .unwrap_err()
                .1
                .contains("must start with")
        );
        assert!(
            split("---\ntitle: x\n")
                .unwrap_err()
                .1
                .contains("never closed")
        );
        assert!(split("").is_err());
    }
}

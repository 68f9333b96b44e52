//! The ID3v2.3 tag written in front of the published MP3.
//!
//! Version 2.3, not 2.4: Windows and several players mishandle 2.4, and ffmpeg 5 drops chapter
//! images from it. The tag is built fresh from the domain model (the source's own tags are
//! dropped by publishing only its MPEG frames), it is deterministic and it has no padding: the
//! published file is written whole on every change, so padding would only waste bytes.
//!
//! The `id3` crate encodes the frames; it writes v2.3 frame sizes as plain 32-bit integers and
//! the tag size syncsafe, as the standard says. What it leaves to the caller, and this module
//! therefore does itself:
//! - the text encoding of each frame: v2.3 knows only ISO-8859-1 and UTF-16 with a BOM (no
//!   UTF-8), and the crate's Latin-1 encoder silently truncates characters above U+00FF, so
//!   [`text_encoding`] picks Latin-1 only when every character survives it, UTF-16 otherwise;
//! - URLs (WOAF, WXXX), which the crate writes as UTF-8 bytes where v2.3 wants ISO-8859-1:
//!   [`ascii_url`] percent-encodes anything outside printable ASCII first;
//! - CTOC entry counts, which the crate stores in one byte without a check: more than 255
//!   chapters are grouped under nested tables of contents ([`CTOC_MAX_ENTRIES`]).

use std::borrow::Cow;

use id3::frame::{Chapter as ChapFrame, Comment, ExtendedLink};
use id3::frame::{Content, TableOfContents};
use id3::{Encoder, Encoding, Frame, Tag, TagLike, Version};
use jiff::Zoned;

use crate::model::{Chapter, Episode, Show};
use crate::util::text::strip_control_chars;

/// `TCON` of every episode.
pub const GENRE: &str = "Podcast";

/// CHAP byte offsets are not used: players seek by time.
const NO_OFFSET: u32 = u32::MAX;

/// A CTOC stores its number of entries in one byte.
pub const CTOC_MAX_ENTRIES: usize = 255;

/// Element id of the top-level table of contents.
pub const TOC_ID: &str = "toc";

/// Builds the ID3v2.3 tag of the published copy of `episode`.
///
/// `cover` is the artwork to embed as the front cover (APIC type 3), already prepared as a
/// JPEG by [`super::prepare_cover`]; `None` writes no picture. The same arguments always give
/// the same bytes: [`tag_head`] followed by the cover.
pub fn build_tag(show: &Show, episode: &Episode, cover: Option<&[u8]>) -> Vec<u8> {
    let mut bytes = tag_head(show, episode, cover.map(<[u8]>::len));
    bytes.extend_from_slice(cover.unwrap_or_default());
    bytes
}

/// The bytes of [`build_tag`] up to the cover's JPEG data, which is the tag's last bytes
/// (`cover_len` of them). Publishing writes this head then the cover, so that a thousand
/// episodes sharing the show's artwork do not each hold a copy of it in memory.
pub fn tag_head(show: &Show, episode: &Episode, cover_len: Option<usize>) -> Vec<u8> {
    let mut tag = Tag::with_version(Version::Id3v23);
    let language = iso639_2(&show.language);

    push_text(&mut tag, "TIT2", &episode.title);
    push_text(&mut tag, "TPE1", &author(show, episode));
    push_text(&mut tag, "TALB", &show.title);
    if let Some(number) = episode.number {
        push_text(&mut tag, "TRCK", &number.to_string());
    }
    if let Some(season) = episode.season {
        push_text(&mut tag, "TPOS", &season.to_string());
    }
    let date = Id3Date::from(&episode.date);
    push_text(&mut tag, "TYER", &date.year);
    push_text(&mut tag, "TDAT", &date.day_month);
    push_text(&mut tag, "TIME", &date.hour_minute);
    push_text(&mut tag, "TCON", GENRE);
    push_text(&mut tag, "TLAN", &language);
    let summary = episode.summary.as_deref().map(strip_control_chars);
    if let Some(summary) = summary.filter(|s| !s.is_empty()) {
        let encoding = text_encoding(&[&summary]);
        let comment = Comment {
            lang: language.clone(),
            description: String::new(),
            text: summary.into_owned(),
        };
        tag.add_frame(
            Frame::with_content("COMM", Content::Comment(comment)).set_encoding(Some(encoding)),
        );
    }
    let page = show.url(&episode.page_path());
    tag.add_frame(Frame::link("WOAF", ascii_url(&page)));

    for frame in chapter_frames(&episode.chapters, episode.media.duration_ms()) {
        tag.add_frame(frame);
    }

    let mut bytes = Vec::new();
    Encoder::new()
        .version(Version::Id3v23)
        .unsynchronisation(false)
        .compression(false)
        .encode(&tag, &mut bytes)
        .expect("every frame built here is valid for ID3v2.3 and a Vec never fails to write");
    if let Some(len) = cover_len {
        append_apic_header(&mut bytes, len);
    }
    bytes
}

/// The start of an APIC frame (front cover, JPEG, no description) whose `len` bytes of
/// picture data come next, as the `id3` crate encodes it; `tag` is a whole encoded tag, whose
/// size is grown to take in the frame. Tested against the crate's own encoding.
fn append_apic_header(tag: &mut Vec<u8>, len: usize) {
    const PREFIX: &[u8] = b"\x00image/jpeg\x00\x03\x00"; // Latin-1, MIME, type 3, no description
    let frame_len = u32::try_from(PREFIX.len() + len).expect("a prepared cover is 500 kB at most");
    tag.extend_from_slice(b"APIC");
    tag.extend_from_slice(&frame_len.to_be_bytes());
    tag.extend_from_slice(&[0, 0]);
    tag.extend_from_slice(PREFIX);
    // The tag's size (syncsafe, header excluded) now counts the whole picture frame.
    let size = tag.len() - 10 + len;
    assert!(size < 1 << 28, "an ID3 tag holds at most 256 MB");
    for (i, byte) in tag[6..10].iter_mut().enumerate() {
        *byte = ((size >> (7 * (3 - i))) & 0x7F) as u8;
    }
}

/// The `TPE1` text: the episode's hosts when it names any (`/`-separated, as v2.3 lists
/// several performers), otherwise the show's author.
pub fn author(show: &Show, episode: &Episode) -> String {
    let hosts: Vec<&str> = episode
        .persons
        .iter()
        .filter(|p| p.role == "host")
        .map(|p| p.name.as_str())
        .collect();
    if hosts.is_empty() {
        show.author.clone()
    } else {
        hosts.join("/")
    }
}

/// Start and end of each chapter, in milliseconds: a chapter ends where the next one starts,
/// the last one at `duration_ms`. An end is never before its start.
pub fn chapter_spans(chapters: &[Chapter], duration_ms: u64) -> Vec<(u64, u64)> {
    chapters
        .iter()
        .enumerate()
        .map(|(i, chapter)| {
            let end = chapters
                .get(i + 1)
                .map_or(duration_ms, |next| next.start_ms);
            (chapter.start_ms, end.max(chapter.start_ms))
        })
        .collect()
}

/// Element id of the `index`-th CHAP frame.
pub fn chapter_id(index: usize) -> String {
    format!("chp{index}")
}

/// The CTOC and CHAP frames of `chapters`: one top-level ordered CTOC listing `chp0`, `chp1`…
/// in order (through nested CTOCs when there are more than 255), then one CHAP per chapter with
/// a TIT2 sub-frame and a WXXX sub-frame when the chapter has a URL.
fn chapter_frames(chapters: &[Chapter], duration_ms: u64) -> Vec<Frame> {
    if chapters.is_empty() {
        return Vec::new();
    }
    let ids: Vec<String> = (0..chapters.len()).map(chapter_id).collect();
    let mut frames = Vec::new();
    if ids.len() <= CTOC_MAX_ENTRIES {
        frames.push(toc(TOC_ID, true, ids.clone()));
    } else {
        let groups: Vec<&[String]> = ids.chunks(CTOC_MAX_ENTRIES).collect();
        let group_ids: Vec<String> = (0..groups.len()).map(|i| format!("{TOC_ID}{i}")).collect();
        frames.push(toc(TOC_ID, true, group_ids.clone()));
        for (id, group) in group_ids.into_iter().zip(groups) {
            frames.push(toc(&id, false, group.to_vec()));
        }
    }
    for ((chapter, (start, end)), id) in chapters
        .iter()
        .zip(chapter_spans(chapters, duration_ms))
        .zip(ids)
    {
        let mut sub_frames = vec![text_frame("TIT2", &chapter.title)];
        if let Some(url) = &chapter.url {
            let link = ExtendedLink {
                description: String::new(),
                link: ascii_url(url).into_owned(),
            };
            sub_frames.push(
                Frame::with_content("WXXX", Content::ExtendedLink(link))
                    .set_encoding(Some(Encoding::Latin1)),
            );
        }
        let chap = ChapFrame {
            element_id: id,
            start_time: millis_u32(start),
            end_time: millis_u32(end),
            start_offset: NO_OFFSET,
            end_offset: NO_OFFSET,
            frames: sub_frames,
        };
        frames.push(Frame::with_content("CHAP", Content::Chapter(chap)));
    }
    frames
}

fn toc(id: &str, top_level: bool, elements: Vec<String>) -> Frame {
    debug_assert!(elements.len() <= CTOC_MAX_ENTRIES);
    let toc = TableOfContents {
        element_id: id.into(),
        top_level,
        ordered: true,
        elements,
        frames: Vec::new(),
    };
    Frame::with_content("CTOC", Content::TableOfContents(toc))
}

/// CHAP times are 32-bit milliseconds (49 days); longer saturates rather than wraps.
fn millis_u32(ms: u64) -> u32 {
    u32::try_from(ms).unwrap_or(u32::MAX)
}

fn push_text(tag: &mut Tag, id: &str, text: &str) {
    tag.add_frame(text_frame(id, text));
}

/// A text frame. Control characters are dropped, as in the feed: a NUL separates values in
/// ID3 (readers showed a title with one as two values, `a/b`, or cut it there).
fn text_frame(id: &str, text: &str) -> Frame {
    let text = strip_control_chars(text);
    Frame::text(id, text.as_ref()).set_encoding(Some(text_encoding(&[&text])))
}

/// The v2.3 text encoding of a frame holding `texts`: ISO-8859-1 when every character is
/// printable in it (smallest, read by everything), UTF-16 with a BOM otherwise. ID3v2.3 has no
/// UTF-8. The C1 controls U+0080–U+009F go to UTF-16 too, because Windows reads "Latin-1" as
/// Windows-1252, where those bytes are other characters.
pub fn text_encoding(texts: &[&str]) -> Encoding {
    let latin1 = |c: char| matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{a0}'..='\u{ff}');
    if texts.iter().all(|t| t.chars().all(latin1)) {
        Encoding::Latin1
    } else {
        Encoding::UTF16
    }
}

/// `url` with every byte outside printable ASCII percent-encoded (from its UTF-8 form), so it
/// reads the same as ISO-8859-1, which is what v2.3 URL fields are.
pub fn ascii_url(url: &str) -> Cow<'_, str> {
    if url.bytes().all(|b| b.is_ascii_graphic()) {
        return Cow::Borrowed(url);
    }
    let mut out = String::with_capacity(url.len() + 16);
    for b in url.bytes() {
        if b.is_ascii_graphic() {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    Cow::Owned(out)
}

/// ISO 639-2 (bibliographic) code of a BCP 47 language tag, for TLAN and COMM: `fr-FR` → `fre`.
/// A primary subtag that is already three letters (BCP 47 allows ISO 639-2/3 codes) is kept;
/// anything else unknown gives `und` (undetermined), which ISO 639-2 reserves for that.
pub fn iso639_2(bcp47: &str) -> String {
    const TABLE: &[(&str, &str)] = &[
        ("ar", "ara"),
        ("br", "bre"),
        ("ca", "cat"),
        ("co", "cos"),
        ("cs", "cze"),
        ("da", "dan"),
        ("de", "ger"),
        ("el", "gre"),
        ("en", "eng"),
        ("es", "spa"),
        ("eu", "baq"),
        ("fi", "fin"),
        ("fr", "fre"),
        ("he", "heb"),
        ("hi", "hin"),
        ("hu", "hun"),
        ("it", "ita"),
        ("ja", "jpn"),
        ("ko", "kor"),
        ("nl", "dut"),
        ("no", "nor"),
        ("oc", "oci"),
        ("pl", "pol"),
        ("pt", "por"),
        ("ro", "rum"),
        ("ru", "rus"),
        ("sv", "swe"),
        ("tr", "tur"),
        ("uk", "ukr"),
        ("zh", "chi"),
    ];
    let primary = bcp47
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match TABLE.iter().find(|(two, _)| *two == primary) {
        Some((_, code)) => (*code).to_string(),
        None if primary.len() == 3 && primary.bytes().all(|b| b.is_ascii_lowercase()) => primary,
        None => "und".to_string(),
    }
}

/// The date frames of ID3v2.3, which has no TDRC: TYER `YYYY`, TDAT `DDMM`, TIME `HHMM`, in the
/// show's timezone (the date as the producer wrote it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Id3Date {
    pub year: String,
    pub day_month: String,
    pub hour_minute: String,
}

impl From<&Zoned> for Id3Date {
    fn from(date: &Zoned) -> Self {
        Id3Date {
            year: format!("{:04}", date.year()),
            day_month: format!("{:02}{:02}", date.day(), date.month()),
            hour_minute: format!("{:02}{:02}", date.hour(), date.minute()),
        }
    }
}

#[cfg(test)]
#[path = "tag_tests.rs"]
mod tests;

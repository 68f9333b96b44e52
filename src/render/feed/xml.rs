//! A small pretty-printing XML writer and the escaping rules of the feed.
//!
//! The feed is read by machines that disagree, so the escaping is deliberately conservative
//! (SPEC §4):
//! - every character XML 1.0 cannot carry is dropped: C0 controls other than tab, newline and
//!   carriage return, and U+FFFE/U+FFFF (lone surrogates cannot exist in a Rust `str`). DEL and
//!   the C1 controls (U+007F–U+009F) go too: they are legal XML but never meant in UTF-8 text,
//!   and the W3C validator flags C1 characters as mis-encoded;
//! - in element text, `&`, `<` and `>` are written as hexadecimal character references
//!   (`&#x26;`, `&#x3C;`, `&#x3E;`), which the RSS Best Practices Profile asks for so that no
//!   reader mistakes them for markup (the W3C validator checks it), and so is a carriage return
//!   (`&#xD;`), which XML would otherwise turn into a newline;
//! - in attribute values, `&`, `<`, `>` and `"` are written as the predefined entities
//!   (`&amp;`…): Podcast Index's parser (fast-xml-parser) decodes those but leaves numeric
//!   references in attributes as they are, which would corrupt every URL with a query string.
//!   For the same reason tab, newline and carriage return become spaces there (what XML's
//!   attribute normalization would make of them anyway); no attribute of the feed is
//!   multi-line;
//! - HTML goes in CDATA sections, any `]]>` inside split across two sections.

use crate::util::text::{has_stripped, is_stripped, strip_control_chars};

/// Escapes plain text for element content.
pub fn escape_text(text: &str) -> String {
    escape(text, false)
}

/// Escapes plain text for a double-quoted attribute value.
pub fn escape_attr(text: &str) -> String {
    escape(text, true)
}

fn escape(text: &str, attribute: bool) -> String {
    let special = |b: u8| {
        matches!(b, b'&' | b'<' | b'>' | b'\r') || (attribute && matches!(b, b'"' | b'\t' | b'\n'))
    };
    // Most text has nothing to escape: one pass over its bytes (vectorized) says so.
    if !text.bytes().fold(false, |any, b| any | special(b)) && !has_stripped(text.as_bytes()) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars().filter(|&c| !is_stripped(c)) {
        match (c, attribute) {
            ('&', false) => out.push_str("&#x26;"),
            ('<', false) => out.push_str("&#x3C;"),
            ('>', false) => out.push_str("&#x3E;"),
            ('\r', false) => out.push_str("&#xD;"),
            ('&', true) => out.push_str("&amp;"),
            ('<', true) => out.push_str("&lt;"),
            ('>', true) => out.push_str("&gt;"),
            ('"', true) => out.push_str("&quot;"),
            ('\t' | '\n' | '\r', true) => out.push(' '),
            (c, _) => out.push(c),
        }
    }
    out
}

/// Wraps HTML in CDATA: a `]]>` inside is split across two sections, and a carriage return
/// (which a CDATA section cannot protect from XML's line-end normalization) is written as a
/// character reference between two sections.
pub fn cdata(html: &str) -> String {
    let html = strip_control_chars(html);
    let mut out = String::with_capacity(html.len() + 12);
    out.push_str("<![CDATA[");
    let mut rest: &str = &html;
    while let Some(i) = memchr::memchr2(b'\r', b']', rest.as_bytes()) {
        let (before, after) = rest.split_at(i);
        out.push_str(before);
        if let Some(tail) = after.strip_prefix("]]>") {
            // `]]` ends this section, `>` starts the next one: no `]]>` survives.
            out.push_str("]]]]><![CDATA[>");
            rest = tail;
        } else if let Some(tail) = after.strip_prefix('\r') {
            out.push_str("]]>&#xD;<![CDATA[");
            rest = tail;
        } else {
            out.push(']');
            rest = &after[1..];
        }
    }
    out.push_str(rest);
    out.push_str("]]>");
    out
}

/// The attributes of `attrs` that have a value, in their order.
pub fn present<'a, const N: usize>(
    attrs: [(&'static str, Option<&'a str>); N],
) -> Vec<(&'static str, &'a str)> {
    attrs
        .into_iter()
        .filter_map(|(key, value)| Some((key, value?)))
        .collect()
}

/// Writes an indented XML document element by element (two spaces per level).
pub struct XmlWriter {
    out: String,
    open: Vec<&'static str>,
}

/// Attributes of an element: names are ours, values are escaped on the way out.
pub type Attrs<'a> = &'a [(&'static str, &'a str)];

impl XmlWriter {
    /// Starts a UTF-8 document with its XML declaration.
    pub fn new() -> Self {
        Self {
            out: String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"),
            open: Vec::new(),
        }
    }

    /// A writer for a part of this document at the current depth: what it writes, given back
    /// to [`XmlWriter::append`], is byte for byte what this writer would have written.
    pub fn part(&self) -> Self {
        Self {
            out: String::new(),
            open: self.open.clone(),
        }
    }

    /// The text of a part whose elements are all closed.
    pub fn finish_part(self, of: &XmlWriter) -> String {
        assert_eq!(self.open, of.open, "unclosed elements in a part");
        self.out
    }

    /// Adds a part made by [`XmlWriter::part`] at this depth.
    pub fn append(&mut self, part: &str) {
        self.out.push_str(part);
    }

    fn start_tag(&mut self, name: &str, attrs: Attrs<'_>) {
        for _ in 0..self.open.len() {
            self.out.push_str("  ");
        }
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attrs {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            self.out.push_str(&escape_attr(value));
            self.out.push('"');
        }
    }

    /// Opens an element whose children follow on their own lines.
    pub fn open(&mut self, name: &'static str, attrs: Attrs<'_>) {
        self.start_tag(name, attrs);
        self.out.push_str(">\n");
        self.open.push(name);
    }

    /// Closes the innermost open element.
    pub fn close(&mut self) {
        let name = self.open.pop().expect("close() without a matching open()");
        for _ in 0..self.open.len() {
            self.out.push_str("  ");
        }
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// Writes `<name attrs/>`.
    pub fn empty(&mut self, name: &str, attrs: Attrs<'_>) {
        self.start_tag(name, attrs);
        self.out.push_str("/>\n");
    }

    /// Writes an element holding plain text, escaped.
    pub fn text(&mut self, name: &str, attrs: Attrs<'_>, text: &str) {
        self.raw(name, attrs, &escape_text(text));
    }

    /// Writes an element holding HTML, in CDATA.
    pub fn html(&mut self, name: &str, html: &str) {
        self.raw(name, &[], &cdata(html));
    }

    fn raw(&mut self, name: &str, attrs: Attrs<'_>, content: &str) {
        self.start_tag(name, attrs);
        self.out.push('>');
        self.out.push_str(content);
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// Returns the document; every element must be closed.
    pub fn finish(self) -> String {
        assert!(self.open.is_empty(), "unclosed elements: {:?}", self.open);
        self.out
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;

    #[test]
    fn plain_text_uses_hexadecimal_references() {
        assert_eq!(
            escape_text("R&D <IA> \"ok\" l'été"),
            "R&#x26;D &#x3C;IA&#x3E; \"ok\" l'été"
        );
    }

    #[test]
    fn attributes_use_predefined_entities_and_single_lines() {
        assert_eq!(
            escape_attr("a\"b\tc\nd\re&f<g>h'i"),
            "a&quot;b c d e&amp;f&lt;g&gt;h'i"
        );
    }

    #[test]
    fn carriage_returns_survive_in_text() {
        assert_eq!(escape_text("a\r\nb"), "a&#xD;\nb");
    }

    #[test]
    fn the_byte_scan_finds_exactly_the_stripped_characters() {
        let mut buf = [0; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("a{}b", c.encode_utf8(&mut buf));
            assert_eq!(has_stripped(text.as_bytes()), is_stripped(c), "{c:?}");
        }
    }

    #[test]
    fn the_scans_see_a_character_in_any_block_and_across_blocks() {
        for offset in 0..=70 {
            let pad = "a".repeat(offset);
            for c in [
                '\u{1}', '\u{7F}', '\u{85}', '\u{FFFE}', 'é', '\u{A0}', '\u{FFFD}', '🎙', '\t',
            ] {
                let text = format!("{pad}{c}bbbbbbbbbb");
                assert_eq!(
                    has_stripped(text.as_bytes()),
                    is_stripped(c),
                    "{c:?} at {offset}"
                );
            }
            assert_eq!(escape_text(&format!("{pad}&")), format!("{pad}&#x26;"));
            assert_eq!(escape_attr(&format!("{pad}\n")), format!("{pad} "));
        }
    }

    #[test]
    fn control_characters_are_stripped_everywhere() {
        let text = "a\u{0}b\u{7}c\u{1B}d\u{7F}e\u{85}f\u{9F}g\u{FFFE}h\u{FFFF}i\tj\nk";
        assert_eq!(strip_control_chars(text), "abcdefghi\tj\nk");
        assert_eq!(escape_text(text), "abcdefghi\tj\nk");
        assert_eq!(escape_attr("x\u{8}y"), "xy");
        assert_eq!(cdata("<p>x\u{1}y</p>"), "<![CDATA[<p>xy</p>]]>");
        assert!(matches!(strip_control_chars("é 🎙️"), Cow::Borrowed(_)));
    }

    #[test]
    fn cdata_splits_the_end_marker() {
        assert_eq!(
            cdata("<p>a]]>b</p>"),
            "<![CDATA[<p>a]]]]><![CDATA[>b</p>]]>"
        );
        assert_eq!(
            cdata("]]>]]>"),
            "<![CDATA[]]]]><![CDATA[>]]]]><![CDATA[>]]>"
        );
        assert_eq!(cdata("a]]b]c"), "<![CDATA[a]]b]c]]>");
        assert_eq!(cdata("a\r\nb"), "<![CDATA[a]]>&#xD;<![CDATA[\nb]]>");
        assert_eq!(cdata(""), "<![CDATA[]]>");
    }

    #[test]
    fn writer_indents_two_spaces_and_closes_in_order() {
        let mut w = XmlWriter::new();
        w.open("rss", &[("version", "2.0")]);
        w.open("channel", &[]);
        w.text("title", &[], "A & B");
        w.empty("enclosure", &[("url", "https://x.org/?a=1&b=2")]);
        w.html("description", "<p>x</p>");
        w.close();
        w.close();
        assert_eq!(
            w.finish(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <rss version=\"2.0\">\n\
             \x20 <channel>\n\
             \x20   <title>A &#x26; B</title>\n\
             \x20   <enclosure url=\"https://x.org/?a=1&amp;b=2\"/>\n\
             \x20   <description><![CDATA[<p>x</p>]]></description>\n\
             \x20 </channel>\n\
             </rss>\n"
        );
    }
}

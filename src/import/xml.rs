//! The XML layer of the feed reader: a streaming walk over quick-xml's events that hands each
//! element, with its namespace URI (never its prefix), attributes and text, to a handler.
//!
//! What hostile feeds try is refused here: entity declarations (a DTD's internal subset, the
//! way "billion laughs" bombs grow), unknown entities, nesting deeper than any feed needs.
//! Errors carry the line, counted as the bytes stream past.

use std::collections::VecDeque;
use std::io::{BufRead, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

use crate::t;

/// Deepest element nesting accepted (a podcast feed needs about six).
const MAX_DEPTH: usize = 64;
/// Most text kept for one element (the whole feed has its own cap, in `fetch`).
const MAX_TEXT: usize = 4 << 20;

/// One element being read.
#[derive(Debug, Default)]
pub struct Element {
    /// Namespace URI; empty for none.
    pub ns: String,
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub text: String,
    /// 1-based line of its start tag.
    pub line: u64,
}

impl Element {
    /// The value of an unprefixed attribute, trimmed; empty when absent.
    pub fn attr(&self, name: &str) -> &str {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.trim())
    }

    pub fn is(&self, ns: &str, name: &str) -> bool {
        self.ns == ns && self.name == name
    }
}

/// What the walk tells its handler; `open` are the enclosing elements, outermost first.
pub trait Handler {
    fn start(&mut self, open: &[Element], element: &Element);
    fn end(&mut self, open: &[Element], element: Element);
}

/// A problem with the XML itself, at a line.
#[derive(Debug)]
pub struct XmlError {
    pub line: u64,
    pub message: String,
}

/// Reads the whole document from `input`, calling `handler` for each element.
pub fn walk(input: impl BufRead, handler: &mut impl Handler) -> Result<(), XmlError> {
    let mut reader = NsReader::from_reader(Lines::new(input));
    reader.config_mut().expand_empty_elements = true;
    let mut open: Vec<Element> = Vec::new();
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let line = reader.get_ref().line;
        let event = reader.read_resolved_event_into(&mut buf);
        let fail = |reader: &NsReader<Lines<_>>, message: String| XmlError {
            line: reader.get_ref().line_at(reader.error_position()),
            message,
        };
        let (ns, event) = match event {
            Ok(found) => found,
            Err(e) => return Err(fail(&reader, explain(&e))),
        };
        match event {
            Event::Start(start) => {
                if open.len() >= MAX_DEPTH {
                    return Err(XmlError {
                        line,
                        message: t!("import-xml-too-deep", max = MAX_DEPTH),
                    });
                }
                let ns = match ns {
                    ResolveResult::Bound(ns) => ns.as_ref().to_string(),
                    _ => String::new(),
                };
                let element =
                    element(&start, ns, line).map_err(|m| XmlError { line, message: m })?;
                handler.start(&open, &element);
                open.push(element);
            }
            Event::End(_) => {
                let element = open.pop().expect("quick-xml checks that end tags match");
                handler.end(&open, element);
            }
            Event::Text(text) => push(&mut open, &text.xml10_content()),
            Event::CData(data) => push(&mut open, &data.xml10_content()),
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => entity(&reference).ok_or_else(|| XmlError {
                        line,
                        message: t!("import-xml-unknown-entity", name = &*reference),
                    })?,
                    Err(e) => {
                        return Err(XmlError {
                            line,
                            message: e.to_string(),
                        });
                    }
                };
                push(&mut open, &resolved);
            }
            Event::DocType(doctype) => {
                if doctype.xml10_content().contains("<!ENTITY") {
                    return Err(XmlError {
                        line,
                        message: t!("import-xml-entities"),
                    });
                }
            }
            Event::Eof => {
                return match open.last() {
                    Some(unclosed) => Err(XmlError {
                        line: reader.get_ref().line,
                        message: t!(
                            "import-xml-unclosed",
                            name = unclosed.name.as_str(),
                            line = unclosed.line
                        ),
                    }),
                    None => Ok(()),
                };
            }
            Event::Empty(_) | Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
        }
    }
}

/// The predefined XML entities, and HTML's (`&eacute;`, `&nbsp;`) that careless feeds use
/// without declaring them.
fn entity(name: &str) -> Option<String> {
    entity_text(name).map(str::to_string)
}

fn entity_text(name: &str) -> Option<&'static str> {
    quick_xml::escape::resolve_xml_entity(name)
        .or_else(|| quick_xml::escape::resolve_html5_entity(name))
}

fn push(open: &mut [Element], text: &str) {
    if let Some(top) = open.last_mut()
        && top.text.len() + text.len() <= MAX_TEXT
    {
        top.text.push_str(text);
    }
}

fn element(start: &BytesStart<'_>, ns: String, line: u64) -> Result<Element, String> {
    let mut attrs = Vec::new();
    for attr in start.attributes() {
        let attr = attr.map_err(|e| t!("import-xml-bad-attribute", error = e.to_string()))?;
        let value = attr
            .normalized_value_with(quick_xml::XmlVersion::Implicit1_0, 1, entity_text)
            .map_err(|e| t!("import-xml-bad-attribute-value", error = e.to_string()))?;
        let key = attr.key.local_name();
        attrs.push((key.as_ref().to_string(), value.into_owned()));
    }
    Ok(Element {
        ns,
        name: start.local_name().as_ref().to_string(),
        attrs,
        text: String::new(),
        line,
    })
}

/// quick-xml's messages, said for producers.
fn explain(error: &quick_xml::Error) -> String {
    match error {
        quick_xml::Error::Io(e) => e.to_string(),
        other => t!("import-xml-not-well-formed", error = other.to_string()),
    }
}

/// A reader that counts lines as quick-xml consumes bytes, keeping the offsets of recent line
/// ends so that an error's byte position gives its line.
struct Lines<R> {
    inner: R,
    consumed: u64,
    /// Line of the next byte to be consumed.
    line: u64,
    recent: VecDeque<u64>,
}

/// Line ends remembered for errors (quick-xml reports a position a little behind its reads).
const RECENT: usize = 4096;

impl<R> Lines<R> {
    fn new(inner: R) -> Self {
        Lines {
            inner,
            consumed: 0,
            line: 1,
            recent: VecDeque::new(),
        }
    }

    /// The line of byte `position` (consumed already).
    fn line_at(&self, position: u64) -> u64 {
        let after = self
            .recent
            .iter()
            .rev()
            .take_while(|&&end| end >= position)
            .count();
        self.line - after as u64
    }
}

impl<R: Read> Read for Lines<R> {
    fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
        unreachable!("quick-xml reads through BufRead")
    }
}

impl<R: BufRead> BufRead for Lines<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        if let Ok(buf) = self.inner.fill_buf() {
            for at in memchr::memchr_iter(b'\n', &buf[..amount.min(buf.len())]) {
                self.recent.push_back(self.consumed + at as u64);
                if self.recent.len() > RECENT {
                    self.recent.pop_front();
                }
                self.line += 1;
            }
        }
        self.consumed += amount as u64;
        self.inner.consume(amount);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default)]
    struct Names(Vec<(String, String, String, u64)>);

    impl Handler for Names {
        fn start(&mut self, _: &[Element], _: &Element) {}
        fn end(&mut self, _: &[Element], e: Element) {
            self.0.push((e.ns, e.name, e.text, e.line));
        }
    }

    fn walked(xml: &str) -> Result<Vec<(String, String, String, u64)>, XmlError> {
        let mut names = Names::default();
        walk(xml.as_bytes(), &mut names).map(|()| names.0)
    }

    #[test]
    fn namespaces_are_told_by_uri_not_prefix() {
        let found = walked(
            "<rss xmlns:i=\"http://www.itunes.com/dtds/podcast-1.0.dtd\">\n<i:author>A</i:author>\n</rss>",
        )
        .unwrap();
        assert_eq!(
            found[0],
            (
                "http://www.itunes.com/dtds/podcast-1.0.dtd".into(),
                "author".into(),
                "A".into(),
                2
            )
        );
    }

    #[test]
    fn cdata_entities_and_html_entities_are_text() {
        let found = walked("<a><![CDATA[<p>x</p>]]> &amp; &#233; &eacute;&nbsp;!</a>").unwrap();
        assert_eq!(found[0].2, "<p>x</p> & é é\u{a0}!");
    }

    #[test]
    fn bombs_and_broken_feeds_name_their_line() {
        let bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n<!ENTITY lol2 \"&lol;&lol;\">\n]>\n<rss>&lol2;</rss>";
        let error = walked(bomb).unwrap_err();
        assert!(
            error.message.contains("declares its own XML entities"),
            "{error:?}"
        );
        assert_eq!(error.line, 2);
        let error = walked("<rss>\n<channel>\n<title>x</titel>\n</channel></rss>").unwrap_err();
        assert_eq!(error.line, 3, "{error:?}");
        let error = walked("<rss>\n<a>&nope;</a></rss>").unwrap_err();
        assert!(
            error.message.contains("&nope;") && error.line == 2,
            "{error:?}"
        );
        let deep = "<a>".repeat(100);
        assert!(walked(&deep).unwrap_err().message.contains("nested"));
        assert!(
            walked("<rss>\n<channel>")
                .unwrap_err()
                .message
                .contains("ends before")
        );
    }
}

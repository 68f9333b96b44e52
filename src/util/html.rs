//! HTML text helpers shared by the feed and the site: escaping plain text into HTML, decoding
//! character references, and reducing HTML to plain text.

/// Escapes plain text into HTML text (`&`, `<`, `>`, `"`, `'`).
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Decodes the character references of HTML text: numeric ones and the few named ones that
/// Markdown renderers and WebVTT write.
pub fn unescape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.find(';').filter(|&semi| semi <= 10).and_then(|semi| {
            let name = &rest[1..semi];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{A0}'),
                "lrm" => Some('\u{200E}'),
                "rlm" => Some('\u{200F}'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, semi + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// How far apart the text around an element is set: 2 for a paragraph break, 1 for a line.
fn block_break(name: &str) -> u8 {
    match name {
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "pre" | "ul" | "ol"
        | "table" | "hr" => 2,
        "br" | "li" | "div" | "tr" | "dd" | "dt" => 1,
        _ => 0,
    }
}

/// Reduces HTML to plain text, the way a browser lays it out: tags dropped, runs of spaces and
/// newlines collapsed to one space, a blank line between paragraphs (and lists, headings…), a
/// line break between list items, references decoded.
pub fn to_plain_text(html: &str) -> String {
    plain_text(html, false)
}

/// The text of an HTML fragment on one line: [`to_plain_text`] with its line breaks as spaces
/// (no-break spaces, French typography, are kept as they are).
pub fn to_one_line(html: &str) -> String {
    plain_text(html, true)
}

fn plain_text(html: &str, one_line: bool) -> String {
    let mut out = String::with_capacity(html.len());
    let mut pending_break = 0u8;
    let mut pending_space = false;
    let mut push_text = |text: &str, pending_break: &mut u8, out: &mut String| {
        let text = match text.contains('&') {
            true => std::borrow::Cow::Owned(unescape_html(text)),
            false => std::borrow::Cow::Borrowed(text),
        };
        for (i, word) in text.split(|c: char| c.is_ascii_whitespace()).enumerate() {
            pending_space |= i > 0;
            if word.is_empty() {
                continue;
            }
            if !out.is_empty() {
                match *pending_break {
                    _ if one_line && (*pending_break > 0 || pending_space) => out.push(' '),
                    2 => out.push_str("\n\n"),
                    1 => out.push('\n'),
                    _ if pending_space => out.push(' '),
                    _ => {}
                }
            }
            *pending_break = 0;
            pending_space = false;
            out.push_str(word);
        }
    };
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        push_text(&rest[..lt], &mut pending_break, &mut out);
        rest = &rest[lt..];
        if !rest[1..].starts_with(|c: char| c.is_ascii_alphabetic() || matches!(c, '/' | '!')) {
            push_text("<", &mut pending_break, &mut out);
            rest = &rest[1..];
            continue;
        }
        let end = tag_end(rest);
        let name = rest[1..end]
            .trim_start_matches('/')
            .split(|c: char| !c.is_ascii_alphanumeric())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        pending_break = pending_break.max(block_break(&name));
        rest = &rest[end..];
    }
    push_text(rest, &mut pending_break, &mut out);
    out
}

/// Length of the tag at the start of `html`, up to and including its `>` (quotes respected).
pub(crate) fn tag_end(html: &str) -> usize {
    let mut quote = None;
    for (i, c) in html.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return i + 1,
            _ => {}
        }
    }
    html.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_plain_text_into_html() {
        assert_eq!(
            escape_html("L'IA & les PME <enfin> \"oui\""),
            "L&#39;IA &amp; les PME &lt;enfin&gt; &quot;oui&quot;"
        );
    }

    #[test]
    fn decodes_references() {
        assert_eq!(
            unescape_html("a &amp; b &lt;c&gt; &#233;&#xE9; &quot;&unknown; & x"),
            "a & b <c> éé \"&unknown; & x"
        );
    }

    #[test]
    fn html_becomes_plain_text_with_paragraphs() {
        let html = "<p>Le podcast de la <strong>Cité de l’IA</strong> &amp; ses PME.</p>\n<ul>\n<li>un</li>\n<li>deux</li>\n</ul>\n<p>Fin &lt;3</p>\n";
        assert_eq!(
            to_plain_text(html),
            "Le podcast de la Cité de l’IA & ses PME.\n\nun\ndeux\n\nFin <3"
        );
        assert_eq!(to_plain_text("Texte brut"), "Texte brut");
    }
    #[test]
    fn one_line_text_keeps_no_break_spaces() {
        assert_eq!(
            to_one_line("<p>L&#x27;IA &amp; les <em>PME</em>&nbsp;!</p>\n<p>Fin</p>"),
            "L'IA & les PME\u{a0}! Fin"
        );
        assert_eq!(to_one_line("a &unknown; b & c"), "a &unknown; b & c");
        assert_eq!(
            to_one_line("<li>un</li><li>deux<br/>trois</li>"),
            "un deux trois"
        );
    }
}

//! Plain text from the HTML of the notes and description, for meta descriptions.

/// The text of an HTML fragment: tags dropped, common entities decoded, spaces collapsed.
pub fn plain_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            rest = &rest[open..];
            break;
        };
        let tag = &rest[open + 1..open + close];
        // Inline tags (`<em>`, `<a>`) join words; block tags separate them.
        let name = tag
            .trim_start_matches('/')
            .split([' ', '/', '\t', '\n'])
            .next();
        if name.is_some_and(is_block) {
            text.push(' ');
        }
        rest = &rest[open + close + 1..];
    }
    text.push_str(rest);
    let text = decode_entities(&text);
    // Only ASCII whitespace: no-break spaces are French typography, kept as they are.
    text.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_block(name: &str) -> bool {
    matches!(
        name.to_ascii_lowercase().as_str(),
        "p" | "br"
            | "div"
            | "li"
            | "ul"
            | "ol"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "td"
            | "th"
            | "tr"
            | "table"
            | "blockquote"
            | "pre"
            | "hr"
            | "section"
            | "dd"
            | "dt"
    )
}

fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.find(';').filter(|&end| end <= 10).and_then(|end| {
            let entity = &rest[1..end];
            let c = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => entity
                    .strip_prefix("#x")
                    .or_else(|| entity.strip_prefix("#X"))
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
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

/// At most `max` characters, cut at a word boundary with an ellipsis.
pub fn excerpt(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > max / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    format!(
        "{}…",
        cut.trim_end_matches([',', ';', ':', ' ', '\u{a0}', '\u{202f}'])
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_drops_tags_and_decodes_entities() {
        assert_eq!(
            plain_text("<p>L&#x27;IA &amp; les <em>PME</em>&nbsp;!</p>\n<p>Fin</p>"),
            "L'IA & les PME\u{a0}! Fin"
        );
        assert_eq!(plain_text("a &unknown; b & c"), "a &unknown; b & c");
        assert_eq!(
            plain_text("<li>un</li><li>deux<br/>trois</li>"),
            "un deux trois"
        );
    }

    #[test]
    fn excerpts_cut_at_a_word() {
        assert_eq!(excerpt("court", 10), "court");
        assert_eq!(excerpt("un deux trois quatre", 12), "un deux…");
    }
}

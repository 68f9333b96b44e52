//! Show notes and descriptions: the old feed's HTML → Markdown (htmd, which passes turndown's
//! tests), plain text kept line for line, and the old host's own footer taken off.

use htmd::HtmlToMarkdown;

use super::Found;
use super::old::Item;
use crate::t;
use htmd::options::{BrStyle, BulletListMarker, HrStyle, Options};

/// The old host's footer, which says the show is hosted there: true of the old feed, false of
/// the new one. Each is recognised by addresses only that host writes (both of a pair).
const FOOTERS: &[(&str, &[(&str, &str)])] = &[
    ("Acast", &[("acast.com/privacy", "")]),
    (
        "Ausha",
        &[
            ("ausha.co/politique-de-confidentialite", ""),
            ("ausha.co/privacy-policy", ""),
        ],
    ),
    (
        "Spotify for Creators",
        &[
            ("podcasters.spotify.com/pod/show/", "/message"),
            ("anchor.fm/", "/message"),
        ],
    ),
];

/// Notes turned into Markdown, and the host whose footer was taken off, if any.
#[derive(Debug, PartialEq, Eq)]
pub struct Notes {
    pub markdown: String,
    pub footer: Option<&'static str>,
}

/// The Markdown for some feed text: HTML when it holds tags, plain text otherwise.
pub fn to_markdown(text: &str) -> Notes {
    let text = text.trim();
    if text.is_empty() {
        return Notes {
            markdown: String::new(),
            footer: None,
        };
    }
    let html = if looks_like_html(text) {
        text.to_string()
    } else {
        plain_to_html(text)
    };
    let markdown = converter()
        .convert(&html)
        .unwrap_or_else(|_| text.to_string());
    let (markdown, footer) = without_footer(&keep_punctuation(&markdown));
    Notes {
        markdown: markdown.trim().to_string(),
        footer,
    }
}

/// Longest episode summary Apple accepts, in bytes.
const MAX_SUMMARY_BYTES: usize = 4000;

/// An episode's words: its show notes (`content:encoded`, else `description`, else
/// `itunes:summary`) and, when the feed has a shorter text distinct from them, its summary.
pub fn episode_words(item: &Item, found: &mut Found) -> (String, Option<String>) {
    let texts = [
        &item.content_encoded,
        &item.description,
        &item.itunes_summary,
    ];
    let Some(source) = texts.iter().position(|t| !t.trim().is_empty()) else {
        return (String::new(), None);
    };
    let notes = to_markdown(texts[source]);
    if let Some(host) = notes.footer {
        found.footer(host);
    }
    // A summary only when the feed has a text that is not the notes' beginning (hosts repeat
    // the notes, or their first lines, in `itunes:summary` and `description`).
    let seen = one_line(&summary_text(texts[source]));
    let candidates = [&item.itunes_summary, &item.subtitle, &item.description];
    let summary = candidates
        .into_iter()
        .map(|text| summary_text(text))
        .find(|text| !text.is_empty() && !seen.starts_with(&one_line(text)));
    let summary = summary.filter(|text| {
        let fits = text.len() <= MAX_SUMMARY_BYTES;
        if !fits {
            found.warn(
                t!(
                    "import-summary-too-long",
                    bytes = text.len(),
                    max = MAX_SUMMARY_BYTES
                ),
                t!("import-summary-too-long-help"),
            );
        }
        fits
    });
    (notes.markdown, summary)
}

/// Words separated by one space (no-break spaces are kept: they are part of the text).
fn one_line(text: &str) -> String {
    text.split(|c: char| c.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A summary as plain text: HTML reduced to its text, entities read.
fn summary_text(text: &str) -> String {
    let text = text.trim();
    if looks_like_html(text) {
        crate::util::html::to_plain_text(text)
    } else {
        crate::util::html::unescape_html(text).trim().to_string()
    }
}

/// carnets renders Markdown with smart punctuation (' " -- ... become ’ “ ” – …), which
/// would change the old notes' text: their straight quotes, double hyphens and three dots are
/// escaped, outside code, so that they render as they were.
fn keep_punctuation(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() + markdown.len() / 16);
    let mut fenced = false;
    for line in markdown.split_inclusive('\n') {
        let fence = line.trim_start().starts_with("```") || line.trim_start().starts_with("~~~");
        fenced ^= fence;
        // A table's delimiter row (`| --- | :-: |`) is markup, not text.
        let delimiters = line.contains('-') && line.trim().chars().all(|c| "|-: ".contains(c));
        if fenced || fence || delimiters {
            out.push_str(line);
            continue;
        }
        let mut in_code = false;
        let mut escaped = false;
        let mut chars = line.chars().peekable();
        let mut previous = '\0';
        while let Some(c) = chars.next() {
            let text = !in_code && !escaped;
            match c {
                '`' if !escaped => in_code = !in_code,
                '\'' | '"' if text => out.push('\\'),
                '-' if text && previous == '-' => out.push('\\'),
                '.' if text && previous == '.' && chars.peek() == Some(&'.') => out.push('\\'),
                _ => {}
            }
            out.push(c);
            escaped = c == '\\' && !escaped;
            previous = c;
        }
    }
    out
}

fn converter() -> HtmlToMarkdown {
    HtmlToMarkdown::builder()
        .skip_tags(vec!["script", "style", "head", "iframe"])
        .options(Options {
            bullet_list_marker: BulletListMarker::Dash,
            ul_bullet_spacing: 1,
            ol_number_spacing: 1,
            br_style: BrStyle::Backslash,
            hr_style: HrStyle::Dashes,
            ..Options::default()
        })
        .build()
}

/// True when the text holds an HTML tag (`<p>`, `<br/>`, `</a>`…) or an entity.
fn looks_like_html(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'<', bytes).any(|at| {
        bytes
            .get(at + 1)
            .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'/' || *b == b'!')
    })
}

/// Plain text as HTML: blank lines part paragraphs, other line ends stay line breaks, and
/// entities the host left in (`&amp;`, `&nbsp;`) are read as such.
fn plain_to_html(text: &str) -> String {
    let text = crate::util::html::unescape_html(&text.replace("\r\n", "\n"));
    let mut html = String::new();
    for paragraph in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let lines: Vec<String> = paragraph
            .lines()
            .map(|l| crate::util::html::escape_html(l.trim()))
            .collect();
        html.push_str("<p>");
        html.push_str(&lines.join("<br>\n"));
        html.push_str("</p>\n");
    }
    html
}

/// Takes the old host's footer off the end of the notes: the blocks that name one of
/// [`FOOTERS`], and the rule above them.
fn without_footer(markdown: &str) -> (String, Option<&'static str>) {
    let mut blocks: Vec<&str> = markdown.split("\n\n").collect();
    let mut found = None;
    while let Some(last) = blocks.last() {
        let block = last.to_ascii_lowercase();
        let host = FOOTERS
            .iter()
            .find(|(_, marks)| {
                marks
                    .iter()
                    .any(|(a, b)| block.contains(a) && block.contains(b))
            })
            .map(|(host, _)| *host);
        // The rule above a footer, and the line breaks hosts put before it.
        let is_rule = matches!(
            last.trim(),
            "- - -" | "---" | "* * *" | "***" | "___" | "\\" | ""
        );
        match host {
            Some(host) => found = Some(host),
            None if is_rule && found.is_some() => {}
            None => break,
        }
        blocks.pop();
    }
    (blocks.join("\n\n"), found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_markdown_with_its_links() {
        let notes = to_markdown(
            "<p>Avec <strong>Hélène</strong> : <a href=\"https://exemple.fr/a?b=1&amp;c=2\">son site</a>.</p><ul><li>un</li><li>deux</li></ul>",
        );
        assert_eq!(
            notes.markdown,
            "Avec **Hélène** : [son site](https://exemple.fr/a?b=1&c=2).\n\n- un\n- deux"
        );
    }

    #[test]
    fn plain_text_keeps_its_line_breaks_and_entities() {
        let notes = to_markdown("Ligne un\nLigne deux &amp; trois\n\nParagraphe\u{a0}! *pas gras*");
        let html = crate::show::markdown::to_html(&notes.markdown, "x", true);
        assert!(
            html.contains("Ligne un<br>\nLigne deux &amp; trois"),
            "{html}"
        );
        assert!(html.contains("Paragraphe&nbsp;! *pas gras*"), "{html}");
    }

    #[test]
    fn smart_punctuation_does_not_change_the_old_text() {
        let notes = to_markdown(
            "<p>L'IA \"dit\" -- trois... <code>a--b</code></p><table><tr><th>a</th></tr><tr><td>b--c</td></tr></table>",
        );
        let html = crate::show::markdown::to_html(&notes.markdown, "x", true);
        assert_eq!(
            crate::util::html::to_one_line(&html),
            "L'IA \"dit\" -- trois... a--b a b--c",
            "{}",
            notes.markdown
        );
    }

    #[test]
    fn the_old_hosts_footer_goes() {
        let acast = to_markdown(
            "<p>Les notes.</p><br /><hr><p style='color:grey; font-size:0.75em;'> Hébergé par Acast. Visitez <a style='color:grey;' target='_blank' rel='noopener noreferrer' href='https://acast.com/privacy'>acast.com/privacy</a> pour plus d'informations.</p>",
        );
        assert_eq!(acast.markdown, "Les notes.");
        assert_eq!(acast.footer, Some("Acast"));
        let ausha = to_markdown(
            "<p>Notes</p><p>Hébergé par Ausha. Visitez <a href=\"https://ausha.co/politique-de-confidentialite\">ausha.co/politique-de-confidentialite</a> pour plus d'informations.</p>",
        );
        assert_eq!(
            (ausha.markdown.as_str(), ausha.footer),
            ("Notes", Some("Ausha"))
        );
        let kept = to_markdown("<p>Un lien vers acast.com/privacy au milieu.</p><p>Fin.</p>");
        assert_eq!(kept.footer, None);
    }
}

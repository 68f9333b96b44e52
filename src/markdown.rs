//! Markdown → HTML for show notes and the show description (pulldown-cmark).

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, html};

/// Renders `source` to HTML; footnote ids are prefixed with `id_prefix` so that several
/// episodes' notes can share one page (the archive, the feed reader) without clashing.
pub fn to_html(source: &str, id_prefix: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION;
    let prefixed = |label: CowStr<'_>| -> CowStr<'static> {
        let label: String = label
            .chars()
            .map(|c| if c.is_whitespace() { '-' } else { c })
            .collect();
        format!("{id_prefix}-{label}").into()
    };
    let events = Parser::new_ext(source, options).map(|event| match event {
        Event::FootnoteReference(label) => Event::FootnoteReference(prefixed(label)),
        Event::Start(Tag::FootnoteDefinition(label)) => {
            Event::Start(Tag::FootnoteDefinition(prefixed(label)))
        }
        other => other,
    });
    let mut out = String::with_capacity(source.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_footnotes_and_links_render() {
        let html = to_html(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\nVoir [ici](https://x.fr)[^note].\n\n[^note]: Une note.\n",
            "fn-001",
        );
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains(r##"href="#fn-001-note""##), "{html}");
        assert!(html.contains(r#"id="fn-001-note""#), "{html}");
        assert!(html.contains(r#"<a href="https://x.fr">ici</a>"#), "{html}");
    }

    #[test]
    fn footnote_ids_differ_between_episodes() {
        let a = to_html("x[^1]\n\n[^1]: n\n", "fn-a");
        let b = to_html("x[^1]\n\n[^1]: n\n", "fn-b");
        assert!(a.contains(r#"id="fn-a-1""#) && b.contains(r#"id="fn-b-1""#));
    }
}

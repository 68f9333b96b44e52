//! Markdown → HTML for show notes and the show description (pulldown-cmark), and the
//! sanitiser that keeps the producer's raw HTML to a safe subset (ammonia).
//!
//! Show notes are the producer's Markdown, and Markdown lets raw HTML through. Published as
//! is, a `<script>`, an `onerror=` or a `javascript:` link pasted into the notes (or into a
//! description copied from elsewhere) would run on the site and in every podcast app that
//! shows `content:encoded`. So the rendered HTML goes through [`sanitize`] unless the show sets
//! `unsafe_html: true`: formatting, links, images, tables, footnotes and heading ids survive;
//! scripts, styles, event handlers, forms, frames and dangerous URL schemes do not.

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, html};

/// Renders `source` to HTML; footnote ids are prefixed with `id_prefix` so that several
/// episodes' notes can share one page (the archive, the feed reader) without clashing. With
/// `sanitize`, raw HTML is cut down to the safe subset of [`sanitize`].
pub fn to_html(source: &str, id_prefix: &str, sanitize: bool) -> String {
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
    if sanitize { self::sanitize(&out) } else { out }
}

/// The safe subset of HTML: ammonia's defaults (no script, style, iframe, form, object, event
/// handler or `javascript:`/`data:` URL; comments removed), plus what the Markdown renderer
/// itself writes: `id` on headings and footnotes, `class` (code languages, footnotes, heading
/// classes), `dir`, and `text-align` alone in the `style` of table cells. Links keep the `rel`
/// they were written with.
pub fn sanitize(html: &str) -> String {
    static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
        let mut builder = ammonia::Builder::default();
        builder
            .link_rel(None)
            .add_generic_attributes(["class", "dir"])
            .add_tag_attributes("a", ["id"])
            .add_tag_attributes("div", ["id"])
            .add_tag_attributes("li", ["id"])
            .add_tag_attributes("sup", ["id"])
            .add_tag_attributes("img", ["title"])
            .add_tag_attributes("th", ["style"])
            .add_tag_attributes("td", ["style"])
            .filter_style_properties(HashSet::from(["text-align"]));
        for heading in ["h1", "h2", "h3", "h4", "h5", "h6"] {
            builder.add_tag_attributes(heading, ["id"]);
        }
        builder
    });
    CLEANER.clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_footnotes_and_links_render() {
        let html = to_html(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\nVoir [ici](https://x.fr)[^note].\n\n[^note]: Une note.\n",
            "fn-001",
            true,
        );
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains(r##"href="#fn-001-note""##), "{html}");
        assert!(html.contains(r#"id="fn-001-note""#), "{html}");
        assert!(html.contains(r#"<a href="https://x.fr">ici</a>"#), "{html}");
    }

    #[test]
    fn footnote_ids_differ_between_episodes() {
        let a = to_html("x[^1]\n\n[^1]: n\n", "fn-a", true);
        let b = to_html("x[^1]\n\n[^1]: n\n", "fn-b", true);
        assert!(a.contains(r#"id="fn-a-1""#) && b.contains(r#"id="fn-b-1""#));
    }

    #[test]
    fn raw_html_is_cut_to_the_safe_subset() {
        let notes = "# Titre {#intro .grand}\n\n\
            <script>alert(1)</script>\n\n\
            <img src=x onerror=\"alert(2)\">\n\n\
            <a href=\"javascript:alert(3)\">lien</a> <iframe src=\"https://x.fr\"></iframe>\n\n\
            <p style=\"position:fixed\" onclick=\"alert(4)\">texte</p>\n\n\
            <form action=\"https://x.fr\"><input name=a></form><svg onload=alert(5)></svg>\n";
        let html = to_html(notes, "fn-x", true);
        for banned in [
            "<script",
            "alert",
            "onerror",
            "javascript:",
            "<iframe",
            "position:",
            "<form",
            "<input",
            "<svg",
            "onclick",
        ] {
            assert!(!html.contains(banned), "{banned} in {html}");
        }
        assert!(
            html.contains(r#"<h1 id="intro" class="grand">Titre</h1>"#),
            "{html}"
        );
        assert!(
            html.contains("texte") && html.contains(">lien</a>"),
            "{html}"
        );
    }

    #[test]
    fn what_markdown_writes_survives_the_sanitiser() {
        let notes = "| a | b |\n|:--|--:|\n| 1 | 2 |\n\n\
            Voir [ici](https://x.fr \"Titre\")[^n].\n\n\
            ![Logo](logo.png \"Le logo\")\n\n\
            ```rust\nfn main() {}\n```\n\n\
            [^n]: Une note.\n";
        let raw = to_html(notes, "fn-x", false);
        let clean = to_html(notes, "fn-x", true);
        assert!(
            clean.contains(r#"<th style="text-align:left">a</th>"#),
            "{clean}"
        );
        assert!(clean.contains(r##"<a href="#fn-x-n">"##), "{clean}");
        assert!(clean.contains(r#"id="fn-x-n""#), "{clean}");
        assert!(clean.contains(r#"class="footnote-definition""#), "{clean}");
        assert!(
            clean.contains(r#"<a href="https://x.fr" title="Titre">ici</a>"#),
            "{clean}"
        );
        assert!(
            clean.contains(r#"<img src="logo.png" alt="Logo" title="Le logo">"#),
            "{clean}"
        );
        assert!(clean.contains(r#"<code class="language-rust">"#), "{clean}");
        // Only the serialisation differs from the unsanitised rendering.
        let text = |h: &str| {
            h.split('<')
                .map(|p| p.split_once('>').map_or(p, |(_, t)| t))
                .collect::<String>()
        };
        assert_eq!(text(&raw), text(&clean));
    }

    #[test]
    fn markdown_links_and_images_with_dangerous_schemes_lose_their_url() {
        let html = to_html(
            "[a](javascript:alert(1)) [b](JAVASCRIPT:alert(2)) ![c](data:text/html,x) \
             [d](vbscript:x) [ok](mailto:a@b.fr) [rel](../002-x/)\n",
            "fn-x",
            true,
        );
        for banned in ["javascript", "JAVASCRIPT", "data:", "vbscript"] {
            assert!(!html.contains(banned), "{banned} in {html}");
        }
        assert!(html.contains(r#"href="mailto:a@b.fr""#), "{html}");
        assert!(html.contains(r#"href="../002-x/""#), "{html}");
    }

    #[test]
    fn unsafe_html_keeps_what_the_producer_wrote() {
        let html = to_html("<video src=\"a.mp4\" controls></video>\n", "fn-x", false);
        assert!(
            html.contains("<video src=\"a.mp4\" controls></video>"),
            "{html}"
        );
        assert!(!to_html("<video src=\"a.mp4\"></video>\n", "fn-x", true).contains("<video"));
    }
}

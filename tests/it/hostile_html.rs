//! Hostile text end to end: markup in titles, summaries, chapter titles, names, transcripts and
//! show notes never becomes live HTML. Every built page and the feed's `content:encoded` are
//! read back with real parsers (scraper, roxmltree) and searched for scripts, event handlers
//! and `javascript:` URLs. Raw HTML in the notes is sanitised unless `unsafe_html: true`.

use std::fs;
use std::path::Path;

use scraper::{Html, Selector};

use crate::common::tree;
use crate::reliability_support::{build, edit_front_matter, episode_dir, one_episode};

const TITLE: &str = "<script>alert(101)</script> & <b>co</b>";
const NOTES: &str = "Notes <script>alert(102)</script>\n\n\
    <img src=\"x.png\" onerror=\"alert(103)\">\n\n\
    <a href=\"javascript:alert(104)\" onclick=\"alert(105)\">lien</a>\n\n\
    <iframe src=\"https://example.org/\"></iframe><svg><script>alert(106)</script></svg>\n\n\
    <p style=\"position:fixed\">Texte gardé</p>\n";

/// The one-episode podcast with markup everywhere a producer can type text.
fn hostile_podcast(unsafe_html: bool) -> (tempfile::TempDir, std::path::PathBuf) {
    let (tmp, root) = one_episode();
    let dir = episode_dir(&root);
    fs::write(
        dir.join("transcript.vtt"),
        "WEBVTT\n\n00:00.000 --> 00:01.000\n<v <img src=x onerror=alert(107)>>\
         &lt;script&gt;alert(108)&lt;/script&gt;\n",
    )
    .unwrap();
    edit_front_matter(&root, |_| {
        format!(
            "title: {TITLE:?}\ndate: 2026-01-15 08:00\n\
             summary: \"<img src=x onerror=alert(109)>\"\n\
             persons:\n  - {{ name: \"<script>alert(110)</script>\", role: guest }}\n\
             chapters:\n  - {{ start: \"00:00\", title: \"</li><script>alert(111)</script>\" }}\n"
        )
    });
    let md = dir.join("episode.md");
    let text = fs::read_to_string(&md).unwrap();
    let header_end = text.rfind("---\n").unwrap() + 4;
    fs::write(&md, format!("{}{NOTES}", &text[..header_end])).unwrap();
    let yaml = root.join("podcast.yaml");
    let mut show = fs::read_to_string(&yaml).unwrap();
    show.push_str("description: \"<script>alert(112)</script> **Essais**\"\n");
    show = show.replacen(
        "description: |\n  Un podcast d'essai pour **carnets** : des MP3 de toutes les sortes.\n",
        "",
        1,
    );
    if unsafe_html {
        show.push_str("unsafe_html: true\n");
    }
    fs::write(&yaml, show).unwrap();
    (tmp, root)
}

/// Every place where one of the injected payloads (all call `alert(…)`, or load
/// example.org) became live HTML, as a real parser sees it: a script, a frame, an event
/// handler, a `javascript:` URL, a style. The theme's own scripts and attributes do not count,
/// nor does text inside a harmless attribute (`<meta content="…">`).
fn live_code(html: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    let mut found = Vec::new();
    for element in doc.select(&Selector::parse("*").unwrap()) {
        let name = element.value().name();
        let inner = element.inner_html();
        // JSON-LD is data, never run: it must stay one valid JSON document, so the payload
        // cannot have closed the element early.
        if name == "script" && element.value().attr("type") == Some("application/ld+json") {
            if serde_json::from_str::<serde_json::Value>(&inner).is_err() {
                found.push(format!("<script type=application/ld+json> broken: {inner}"));
            }
            continue;
        }
        if name == "script" && inner.contains("alert(") {
            found.push(format!("<script>{inner}"));
        }
        for (attr, value) in element.value().attrs() {
            let value = value.trim().to_ascii_lowercase();
            let live = (attr.starts_with("on") && value.contains("alert("))
                || (matches!(attr, "href" | "src" | "action") && value.starts_with("javascript:"))
                || (matches!(name, "iframe" | "object" | "embed") && value.contains("example.org"))
                || (attr == "style" && value.contains("position:"));
            if live {
                found.push(format!("<{name} {attr}={value:?}>"));
            }
        }
    }
    found
}

/// The built pages and the HTML of the feed's `content:encoded` and `description`s.
fn documents(public: &Path) -> Vec<(String, String)> {
    let mut docs: Vec<(String, String)> = tree(public)
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| (path, String::from_utf8(bytes).unwrap()))
        .collect();
    let feed = fs::read_to_string(public.join("feed.xml")).unwrap();
    let xml = roxmltree::Document::parse(&feed).unwrap();
    for node in xml
        .descendants()
        .filter(|n| matches!(n.tag_name().name(), "encoded" | "description") && n.is_element())
    {
        docs.push((
            format!("feed.xml {}", node.tag_name().name()),
            node.text().unwrap_or("").into(),
        ));
    }
    docs
}

#[test]
fn markup_in_text_and_notes_never_runs() {
    let (_tmp, root) = hostile_podcast(false);
    let outcome = build(&root);
    assert_eq!(outcome.code, Some(0), "{outcome:?}");
    let public = root.join("public");
    let docs = documents(&public);
    assert!(docs.len() >= 4, "{docs:?}");
    for (name, html) in &docs {
        let code = live_code(html);
        assert!(code.is_empty(), "{name}: {code:?}");
        // The sanitiser drops scripts with their content, handlers and bad URLs whole.
        for gone in [
            "alert(102)",
            "alert(103)",
            "alert(104)",
            "alert(105)",
            "alert(106)",
            "alert(112)",
        ] {
            assert!(!html.contains(gone), "{gone} in {name}");
        }
    }
    // The text is there, as text.
    let page = Html::parse_document(
        &fs::read_to_string(public.join("episodes/001-cbr/index.html")).unwrap(),
    );
    let h1: String = page
        .select(&Selector::parse("h1").unwrap())
        .flat_map(|e| e.text())
        .collect();
    assert!(h1.contains(TITLE), "{h1}");
    let body: String = page.root_element().text().collect();
    assert!(
        body.contains("Texte gardé") && body.contains("lien"),
        "{body}"
    );
    assert!(body.contains("</li><script>alert(111)</script>"), "{body}");
    let feed = fs::read_to_string(public.join("feed.xml")).unwrap();
    let xml = roxmltree::Document::parse(&feed).unwrap();
    let item_title = xml
        .descendants()
        .find(|n| n.has_tag_name("title") && n.parent().is_some_and(|p| p.has_tag_name("item")))
        .and_then(|n| n.text())
        .unwrap();
    assert_eq!(item_title, TITLE);
    // The transcript's text went through, as text.
    let json = fs::read_to_string(public.join("episodes/001-cbr/transcript.json")).unwrap();
    assert!(json.contains("<script>alert(108)</script>"), "{json}");
}

#[test]
fn unsafe_html_keeps_the_producers_html_but_still_escapes_text() {
    let (_tmp, root) = hostile_podcast(true);
    let outcome = build(&root);
    assert_eq!(outcome.code, Some(0), "{outcome:?}");
    let page = fs::read_to_string(root.join("public/episodes/001-cbr/index.html")).unwrap();
    let code = live_code(&page);
    assert!(code.iter().any(|c| c.contains("alert(102)")), "{code:?}");
    assert!(
        !code
            .iter()
            .any(|c| c.contains("alert(101)") || c.contains("alert(111)")),
        "{code:?}"
    );
}

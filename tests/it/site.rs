//! The HTML archive: a Show and its Episodes built by hand (`site_model.rs`), rendered, and
//! the pages read back with a real HTML parser.

use std::fs;
use std::path::PathBuf;

use carnets::model::{Artwork, Chapter, Episode, Person, Transcript, TranscriptFormat};
use carnets::util::diag::Pos;
use scraper::Html;

use super::site_model::{attr, episode, no_theme, page, render, select, show, text};

#[test]
fn the_archive_is_a_french_page_with_one_h1_and_its_metadata() {
    let show = show("https://carnets.example.org/");
    let files = render(&show, &[episode(1, 45), episode(2, 42 * 60)], &no_theme());
    let html = page(&files, "index.html");

    assert_eq!(attr(&html, "html", "lang"), "fr");
    assert_eq!(select(&html, "h1").len(), 1);
    assert_eq!(select(&html, "meta[charset]").len(), 1);
    assert!(attr(&html, "meta[name=viewport]", "content").contains("width=device-width"));
    let title = select(&html, "title")[0].text().collect::<String>();
    // Titles on pages have the notes' typography; the feed keeps the producer's text.
    assert_eq!(title, "Les Carnets de l’IA");
    assert_eq!(
        attr(&html, "meta[name=description]", "content"),
        "Le podcast de la Cité de l'IA."
    );
    assert_eq!(
        attr(&html, "link[rel=canonical]", "href"),
        "https://carnets.example.org/"
    );
    assert_eq!(
        attr(
            &html,
            "link[rel=alternate][type='application/rss+xml']",
            "href"
        ),
        "https://carnets.example.org/feed.xml"
    );
    assert_eq!(
        attr(&html, "meta[property='og:image']", "content"),
        "https://carnets.example.org/cover.jpg"
    );
    // The subscribe block shows the feed URL.
    assert_eq!(
        attr(&html, ".subscribe input", "value"),
        "https://carnets.example.org/feed.xml"
    );
    // No external resource: every stylesheet, script and image is ours.
    for (css, name) in [
        ("link[rel=stylesheet]", "href"),
        ("script[src]", "src"),
        ("img", "src"),
    ] {
        for element in select(&html, css) {
            let url = element.value().attr(name).unwrap_or_default();
            assert!(url.starts_with('/'), "{css} loads {url}");
        }
    }
}

#[test]
fn episodes_are_listed_newest_first_with_french_dates_and_durations() {
    let show = show("https://carnets.example.org/");
    let files = render(&show, &[episode(1, 45), episode(20, 65 * 60)], &no_theme());
    let html = page(&files, "index.html");

    let titles: Vec<String> = select(&html, ".card h3")
        .iter()
        .map(|h| h.text().collect())
        .collect();
    assert_eq!(titles, ["Épisode 20", "Épisode 1"]);
    let metas: Vec<String> = select(&html, ".card .meta")
        .iter()
        .map(|m| m.text().collect::<String>().replace('\u{a0}', " "))
        .collect();
    assert_eq!(
        metas,
        ["20 janvier 2026 · 1 h 05", "1er janvier 2026 · 45 s"]
    );
    assert_eq!(
        attr(&html, ".card time", "datetime"),
        "2026-01-20T08:00:00+01:00"
    );
}

#[test]
fn a_script_in_a_title_is_text_not_markup() {
    let show = show("https://carnets.example.org/");
    let mut evil = episode(1, 60);
    evil.title = "<script>alert('x')</script> & « co »".into();
    evil.summary = Some("<img src=x onerror=alert(1)>".into());
    let files = render(&show, &[evil], &no_theme());

    for path in ["index.html", "episodes/001-episode/index.html"] {
        let html = page(&files, path);
        // Only our script and the JSON-LD, which stays JSON.
        for script in select(&html, "script") {
            match script.value().attr("type") {
                Some("application/ld+json") => {
                    let json: serde_json::Value = serde_json::from_str(&script.inner_html())
                        .unwrap_or_else(|e| panic!("{path}: {e}"));
                    assert!(json.is_object(), "{path}");
                }
                _ => {
                    let src = script.value().attr("src").unwrap_or_default();
                    assert!(
                        src.starts_with("/assets/carnets.js?v="),
                        "{path} runs {src}"
                    );
                }
            }
        }
        assert!(select(&html, "main img[onerror]").is_empty(), "{path}");
        let body = select(&html, "main")[0].text().collect::<String>();
        // The title has the notes' typography (curly apostrophes), as text.
        assert!(
            body.contains("<script>alert(‘x’)</script> & « co »"),
            "{path}"
        );
    }
    let raw = text(&files, "episodes/001-episode/index.html");
    assert!(raw.contains("&lt;script&gt;alert(‘x’)&lt;/script&gt; &amp; « co »"));
}

#[test]
fn the_episode_page_has_the_player_chapters_people_and_neighbours() {
    let show = show("https://carnets.example.org/");
    let mut middle = episode(2, 30);
    middle.chapters = vec![
        Chapter {
            start_ms: 0,
            title: "Introduction".into(),
            pos: Pos::default(),
            ..Default::default()
        },
        Chapter {
            start_ms: 15_846,
            title: "Qui la Cité accompagne-t-elle\u{202f}?".into(),
            url: Some("https://example.org/ch".into()),
            pos: Pos::default(),
            ..Default::default()
        },
    ];
    middle.persons = vec![Person {
        name: "Hélène Van Waes".into(),
        role: "guest".into(),
        group: "cast".into(),
        href: None,
        img: None,
    }];
    middle.transcript = Some(Transcript {
        source: PathBuf::from("/podcast/episodes/002-episode/transcript.vtt"),
        format: TranscriptFormat::Vtt,
        cues: Vec::new(),
    });
    let files = render(
        &show,
        &[episode(1, 30), middle, episode(3, 30)],
        &no_theme(),
    );
    let html = page(&files, "episodes/002-episode/index.html");

    assert_eq!(select(&html, "h1").len(), 1);
    assert_eq!(
        select(&html, "h1")[0].text().collect::<String>(),
        "Épisode 2"
    );
    let audio = select(&html, "audio");
    assert_eq!(audio.len(), 1);
    assert_eq!(audio[0].value().attr("preload"), Some("none"));
    assert!(audio[0].value().attr("controls").is_some());
    assert_eq!(
        audio[0].value().attr("src"),
        Some("/episodes/002-episode/002-episode.mp3")
    );
    assert_eq!(
        attr(&html, "a[download]", "href"),
        "/episodes/002-episode/002-episode.mp3"
    );
    let chapters: Vec<String> = select(&html, ".chapters li")
        .iter()
        .map(|li| li.text().collect())
        .collect();
    assert_eq!(
        chapters,
        [
            "Écouter à partir de 0:00 Introduction",
            "Écouter à partir de 0:15 Qui la Cité accompagne-t-elle\u{202f}?"
        ]
    );
    assert_eq!(
        attr(&html, ".chapter-title a", "href"),
        "https://example.org/ch"
    );
    assert!(
        select(&html, ".people")
            .iter()
            .any(|p| p.text().collect::<String>().contains("Hélène Van Waes"))
    );
    assert_eq!(
        attr(&html, "a[type='text/vtt']", "href"),
        "/episodes/002-episode/transcript.vtt"
    );
    assert_eq!(attr(&html, "a[rel=prev]", "href"), "/episodes/001-episode/");
    assert_eq!(attr(&html, "a[rel=next]", "href"), "/episodes/003-episode/");
    assert_eq!(
        attr(&html, "link[rel=canonical]", "href"),
        "https://carnets.example.org/episodes/002-episode/"
    );
    // The show notes are HTML, not escaped text.
    assert_eq!(
        select(&html, ".notes h2")[0].text().collect::<String>(),
        "Au programme"
    );
    // The oldest has no older neighbour, the newest no newer one.
    let first = page(&files, "episodes/001-episode/index.html");
    assert!(select(&first, "a[rel=prev]").is_empty());
    let last = page(&files, "episodes/003-episode/index.html");
    assert!(select(&last, "a[rel=next]").is_empty());
}

#[test]
fn archive_pages_hold_twenty_episodes_and_link_to_each_other() {
    let show = show("https://carnets.example.org/");
    let episodes: Vec<Episode> = (1..=45).map(|n| episode(n, 600)).collect();
    let files = render(&show, &episodes, &no_theme());

    let first = page(&files, "index.html");
    let second = page(&files, "page/2/index.html");
    let third = page(&files, "page/3/index.html");
    assert!(!files.contains_key("page/1/index.html"));
    assert!(!files.contains_key("page/4/index.html"));
    let count = |html: &Html| select(html, ".card").len();
    assert_eq!((count(&first), count(&second), count(&third)), (20, 20, 5));
    assert_eq!(
        select(&first, ".card h3")[0].text().collect::<String>(),
        "Épisode 45"
    );
    assert_eq!(
        select(&third, ".card h3")[4].text().collect::<String>(),
        "Épisode 1"
    );

    let nav = |html: &Html, rel: &str| {
        select(html, &format!(".pagination a[rel={rel}]"))
            .first()
            .and_then(|a| a.value().attr("href"))
            .map(str::to_string)
    };
    assert_eq!(nav(&first, "prev"), None);
    assert_eq!(nav(&first, "next").as_deref(), Some("/page/2/"));
    assert_eq!(nav(&second, "prev").as_deref(), Some("/"));
    assert_eq!(nav(&second, "next").as_deref(), Some("/page/3/"));
    assert_eq!(nav(&third, "prev").as_deref(), Some("/page/2/"));
    assert_eq!(nav(&third, "next"), None);
    assert_eq!(
        attr(&second, "link[rel=canonical]", "href"),
        "https://carnets.example.org/page/2/"
    );
    for html in [&first, &second, &third] {
        assert_eq!(select(html, "h1").len(), 1);
    }

    let sitemap = text(&files, "sitemap.xml");
    assert_eq!(sitemap.matches("<loc>").count(), 3 + 45);
    assert!(sitemap.contains("<loc>https://carnets.example.org/page/3/</loc>"));
    assert!(sitemap.contains("<loc>https://carnets.example.org/episodes/045-episode/</loc>"));
    assert!(sitemap.contains("<lastmod>2026-02-14</lastmod>"));
}

#[test]
fn an_empty_show_still_has_a_home_page_and_a_404() {
    let show = show("https://carnets.example.org/");
    let files = render(&show, &[], &no_theme());
    let home = page(&files, "index.html");
    assert!(select(&home, ".pagination").is_empty());
    assert!(
        select(&home, ".episodes")[0]
            .text()
            .collect::<String>()
            .contains("Aucun épisode")
    );
    let not_found = page(&files, "404.html");
    assert_eq!(attr(&not_found, "main a", "href"), "/");
    assert_eq!(select(&not_found, "h1").len(), 1);
    assert!(select(&not_found, "link[rel=canonical]").is_empty());
    assert_eq!(attr(&not_found, "meta[name=robots]", "content"), "noindex");
    assert!(files.contains_key("sitemap.xml"));
}

#[test]
fn a_base_url_with_a_path_prefixes_every_link() {
    let show = show("https://example.org/podcast/");
    let files = render(&show, &[episode(1, 60)], &no_theme());
    let html = page(&files, "index.html");
    assert_eq!(
        attr(&html, ".card h3 a", "href"),
        "/podcast/episodes/001-episode/"
    );
    assert!(
        attr(&html, "link[rel=stylesheet]", "href").starts_with("/podcast/assets/style.css?v=")
    );
    assert_eq!(attr(&html, ".site-title", "href"), "/podcast/");
}

#[test]
fn theme_assets_are_published_and_artwork_linked() {
    let show = show("https://carnets.example.org/");
    let mut with_cover = episode(1, 60);
    with_cover.image = Some(Artwork {
        source: PathBuf::from("/podcast/episodes/001-episode/cover.png"),
        published: "episodes/001-episode/cover.png".into(),
    });
    let files = render(&show, &[with_cover, episode(2, 60)], &no_theme());

    let css = text(&files, "assets/style.css");
    assert!(css.contains("prefers-color-scheme: dark"));
    let html = page(&files, "episodes/001-episode/index.html");
    assert_eq!(
        attr(&html, ".cover", "src"),
        "/episodes/001-episode/cover.png"
    );
    let other = page(&files, "episodes/002-episode/index.html");
    assert_eq!(attr(&other, ".cover", "src"), "/cover.jpg");
}

#[test]
fn a_theme_file_of_the_podcast_overrides_the_builtin_one() {
    let theme = tempfile::tempdir().unwrap();
    fs::create_dir_all(theme.path().join("templates")).unwrap();
    fs::create_dir_all(theme.path().join("static")).unwrap();
    fs::write(
        theme.path().join("templates/index.html"),
        "{% extends \"base.html\" %}{% block content %}<h1 class=\"mine\">{{ site.title }}</h1>\
         {% for e in episodes %}<p>{{ e.title }}</p>{% endfor %}{% endblock %}",
    )
    .unwrap();
    fs::write(theme.path().join("static/style.css"), "body { color: red }").unwrap();

    let show = show("https://carnets.example.org/");
    let files = render(&show, &[episode(1, 60)], theme.path());
    let html = page(&files, "index.html");
    assert_eq!(select(&html, "h1.mine").len(), 1);
    assert!(select(&html, ".subscribe").is_empty());
    // The built-in layout and episode page are still used.
    assert_eq!(attr(&html, "html", "lang"), "fr");
    assert_eq!(
        select(&page(&files, "episodes/001-episode/index.html"), "audio").len(),
        1
    );
    assert_eq!(text(&files, "assets/style.css"), "body { color: red }");
}

#[test]
fn a_template_error_names_the_podcast_file_and_line() {
    let theme = tempfile::tempdir().unwrap();
    fs::create_dir_all(theme.path().join("templates")).unwrap();
    fs::write(
        theme.path().join("templates/episode.html"),
        "{% extends \"base.html\" %}\n{% block content %}\n<p>{{ episode.titel }}</p>\n{% endblock %}\n",
    )
    .unwrap();
    let show = show("https://carnets.example.org/");
    let episodes = [episode(1, 60), episode(2, 60)];
    let errors = carnets::render::site::render(
        &show,
        &episodes,
        theme.path(),
        &carnets::render::site::Memo::none(),
    )
    .expect_err("a misspelt variable fails the build");
    let errors: Vec<_> = errors.into_iter().collect();
    assert_eq!(
        errors.len(),
        1,
        "reported once, not once per episode: {errors:?}"
    );
    assert_eq!(errors[0].path, theme.path().join("templates/episode.html"));
    assert_eq!(errors[0].line, Some(3));
    assert!(errors[0].message.contains("titel"), "{}", errors[0]);
}

#[test]
fn the_same_input_gives_byte_identical_pages() {
    let show = show("https://carnets.example.org/");
    let episodes: Vec<Episode> = (1..=3).map(|n| episode(n, 90)).collect();
    let mut reversed = episodes.clone();
    reversed.reverse();
    let a = render(&show, &episodes, &no_theme());
    let b = render(&show, &reversed, &no_theme());
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for path in a
        .keys()
        .filter(|p| p.ends_with(".html") || p.ends_with(".xml"))
    {
        assert_eq!(text(&a, path), text(&b, path), "{path}");
    }
}

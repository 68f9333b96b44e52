//! The parts of the site a listener uses beyond reading: the subscribe block, chapters and
//! transcript that seek the player, structured data for search engines and link previews,
//! and the search page with its static index.

use std::path::PathBuf;

use carnets::model::Cue;
use carnets::model::{AppLink, Chapter, Episode, Transcript, TranscriptFormat};
use carnets::util::diag::Pos;

use super::site_model::{attr, episode, no_theme, page, render, select, show, text};

fn cue(start_ms: u64, speaker: &str, text: &str) -> Cue {
    Cue {
        start_ms,
        end_ms: start_ms + 2_000,
        speaker: Some(speaker.into()),
        text: text.into(),
        line: 0,
    }
}

/// Episode 1 with two chapters and a transcript of three speakers' turns.
fn rich_episode() -> Episode {
    let mut e = episode(1, 120);
    e.chapters = vec![
        Chapter {
            start_ms: 0,
            title: "Introduction".into(),
            pos: Pos::default(),
            ..Default::default()
        },
        Chapter {
            start_ms: 10_374,
            title: "Cinq ans en chiffres".into(),
            pos: Pos::default(),
            ..Default::default()
        },
    ];
    e.transcript = Some(Transcript {
        source: PathBuf::from("/podcast/episodes/001-episode/transcript.vtt"),
        format: TranscriptFormat::Vtt,
        cues: vec![
            cue(0, "Animatrice", "Bonjour"),
            cue(2_000, "Animatrice", "et bienvenue."),
            cue(
                5_029,
                "Animateur",
                "Soixante événements </p><script>x</script>.",
            ),
            cue(65_500, "Animatrice", "Bonne écoute !"),
        ],
    });
    e
}

#[test]
fn chapters_and_transcript_times_are_links_that_seek_the_player() {
    let files = render(
        &show("https://carnets.example.org/"),
        &[rich_episode()],
        &no_theme(),
    );
    let html = page(&files, "episodes/001-episode/index.html");
    let mp3 = "/episodes/001-episode/001-episode.mp3";

    let seeks: Vec<(String, String)> = select(&html, ".chapters a.seek")
        .iter()
        .map(|a| {
            let v = a.value();
            (
                v.attr("href").unwrap().into(),
                v.attr("data-start").unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        seeks,
        [
            (format!("{mp3}#t=0"), "0".to_string()),
            (format!("{mp3}#t=10.374"), "10.374".to_string())
        ]
    );
    // The player the script seeks, and nothing loaded before the listener asks.
    assert_eq!(attr(&html, "audio#lecteur", "preload"), "none");

    // Consecutive cues of one speaker are one paragraph, with its speaker and its time.
    let paragraphs: Vec<String> = select(&html, ".transcript p[id]")
        .iter()
        .map(|p| p.text().collect::<String>())
        .collect();
    assert_eq!(
        paragraphs,
        [
            "Écouter à partir de 0:00 Animatrice Bonjour et bienvenue.",
            "Écouter à partir de 0:05 Animateur Soixante événements </p><script>x</script>.",
            "Écouter à partir de 1:05 Animatrice Bonne écoute !",
        ]
    );
    assert_eq!(
        attr(&html, "#tr-2 a.seek", "href"),
        format!("{mp3}#t=5.029")
    );
    assert_eq!(attr(&html, "#tr-2 .speaker", "class"), "speaker");
    assert!(select(&html, "main script").is_empty(), "cue text is text");
    // The file itself is still offered.
    assert_eq!(
        attr(&html, ".transcript a[type='text/vtt']", "href"),
        "/episodes/001-episode/transcript.vtt"
    );
}

#[test]
fn the_subscribe_block_lists_the_apps_in_order_and_the_feed_with_a_copy_button() {
    let mut show = show("https://carnets.example.org/");
    show.links = vec![
        AppLink {
            app: "apple".into(),
            name: "Apple Podcasts".into(),
            url: "https://podcasts.apple.com/fr/podcast/id1".into(),
        },
        AppLink {
            app: "antennapod".into(),
            name: "AntennaPod".into(),
            url: "https://antennapod.org/deeplink/subscribe?url=x".into(),
        },
    ];
    let files = render(&show, &[episode(1, 60)], &no_theme());
    let html = page(&files, "index.html");

    let apps: Vec<(String, String)> = select(&html, ".subscribe .apps a")
        .iter()
        .map(|a| {
            (
                a.text().collect(),
                a.value().attr("href").unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        apps,
        [
            (
                "Apple Podcasts".into(),
                "https://podcasts.apple.com/fr/podcast/id1".into()
            ),
            (
                "AntennaPod".into(),
                "https://antennapod.org/deeplink/subscribe?url=x".into()
            )
        ]
    );
    assert_eq!(
        attr(&html, ".subscribe input#adresse-flux", "value"),
        "https://carnets.example.org/feed.xml"
    );
    assert_eq!(
        attr(&html, "label[for=adresse-flux]", "class"),
        "visually-hidden"
    );
    // The copy button needs the script: hidden until it runs.
    let button = select(&html, ".subscribe button[data-copy=adresse-flux]");
    assert_eq!(button.len(), 1);
    assert!(button[0].value().attr("hidden").is_some());
    assert_eq!(select(&html, ".subscribe [role=status]").len(), 1);

    // Without links, no empty list.
    let files = render(
        &super::site_model::show("https://carnets.example.org/"),
        &[],
        &no_theme(),
    );
    assert!(select(&page(&files, "index.html"), ".apps").is_empty());
}

fn json_ld(html: &scraper::Html) -> serde_json::Value {
    let scripts = select(html, "script[type='application/ld+json']");
    assert_eq!(scripts.len(), 1);
    serde_json::from_str(&scripts[0].inner_html()).expect("valid JSON-LD")
}

#[test]
fn pages_describe_themselves_to_search_engines_and_link_previews() {
    let mut e = rich_episode();
    e.title = "Un </script> dans le titre".into();
    let files = render(&show("https://carnets.example.org/"), &[e], &no_theme());

    let home = page(&files, "index.html");
    let series = json_ld(&home);
    assert_eq!(series["@type"], "PodcastSeries");
    assert_eq!(series["inLanguage"], "fr-FR");
    assert_eq!(series["url"], "https://carnets.example.org/");
    assert_eq!(series["webFeed"], "https://carnets.example.org/feed.xml");
    assert_eq!(
        attr(&home, "meta[name='twitter:card']", "content"),
        "summary"
    );

    let html = page(&files, "episodes/001-episode/index.html");
    let episode = json_ld(&html);
    assert_eq!(episode["@type"], "PodcastEpisode");
    assert_eq!(episode["name"], "Un </script> dans le titre");
    assert_eq!(episode["inLanguage"], "fr-FR");
    assert_eq!(episode["episodeNumber"], 1);
    assert_eq!(episode["datePublished"], "2026-01-01T08:00:00+01:00");
    assert_eq!(episode["partOfSeries"]["@type"], "PodcastSeries");
    assert_eq!(
        episode["associatedMedia"]["contentUrl"],
        "https://carnets.example.org/episodes/001-episode/001-episode.mp3"
    );
    assert_eq!(
        attr(&html, "meta[property='og:audio']", "content"),
        "https://carnets.example.org/episodes/001-episode/001-episode.mp3"
    );
    assert_eq!(
        attr(&html, "meta[name='twitter:image']", "content"),
        "https://carnets.example.org/cover.jpg"
    );
    assert_eq!(
        attr(&html, "img.cover", "alt"),
        "Illustration de «\u{a0}Les Carnets de l’IA\u{a0}»"
    );
}

#[test]
fn the_search_index_holds_titles_notes_and_transcripts() {
    let files = render(
        &show("https://carnets.example.org/"),
        &[rich_episode(), episode(2, 60)],
        &no_theme(),
    );
    let index: serde_json::Value = serde_json::from_str(&text(&files, "search.json")).unwrap();
    let episodes = index["episodes"].as_array().unwrap();
    assert_eq!(episodes.len(), 2);
    assert_eq!(episodes[0]["title"], "Épisode 2", "newest first");
    let first = &episodes[1];
    assert_eq!(first["url"], "/episodes/001-episode/");
    assert_eq!(first["notes"], "Au programme Les notes de l'épisode 1.");
    assert_eq!(first["date"], "1er\u{a0}janvier\u{a0}2026");
    assert_eq!(first["transcript"][1]["id"], "tr-2");
    assert_eq!(first["transcript"][1]["time"], "0:05");
    assert_eq!(first["transcript"][1]["speaker"], "Animateur");
    assert!(
        first["transcript"][1]["text"]
            .as_str()
            .unwrap()
            .starts_with("Soixante")
    );
}

#[test]
fn the_search_page_works_without_a_server_and_says_when_it_needs_javascript() {
    let files = render(
        &show("https://carnets.example.org/"),
        &[rich_episode()],
        &no_theme(),
    );
    let html = page(&files, "search/index.html");
    assert_eq!(select(&html, "h1").len(), 1);
    assert_eq!(
        attr(&html, "meta[name=robots]", "content"),
        "noindex, follow"
    );
    let form = attr(&html, "form[role=search]", "action");
    assert_eq!(form, "/search/");
    assert_eq!(attr(&html, "form[role=search] input", "name"), "q");
    assert_eq!(attr(&html, "label[for=q]", "for"), "q");
    // The index URL changes with its content.
    let index = attr(&html, "form[data-index]", "data-index");
    assert!(index.starts_with("/search.json?v="), "{index}");
    // Without JavaScript: a notice, and every episode listed.
    let notice = text(&files, "search/index.html");
    assert!(notice.contains("<noscript><p class=\"notice\">La recherche fonctionne"));
    assert_eq!(select(&html, ".search-all .card").len(), 1);
    // Every page links to it; it is not in the sitemap.
    let home = page(&files, "index.html");
    assert_eq!(
        attr(&home, ".site-nav a[href='/search/']", "href"),
        "/search/"
    );
    assert!(!text(&files, "sitemap.xml").contains("/search/"));
    // The script is ours, loaded once per page.
    let script = attr(&home, "script[src]", "src");
    assert!(script.starts_with("/assets/carnets.js?v="), "{script}");
}

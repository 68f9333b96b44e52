//! A Show and its Episodes built by hand for the site tests (the loaders are tested on their
//! own), rendered, and helpers to read the pages back with a real HTML parser.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use carnets::audio::{AudioInfo, MpegVersion};
use carnets::model::{Artwork, Category, Episode, EpisodeType, Owner, Person, Show, ShowType};
use carnets::output::{Content, OutputFile};
use scraper::{Html, Selector};

pub fn show(base_url: &str) -> Show {
    Show {
        title: "Les Carnets de l'IA".into(),
        description: "Le podcast de la **Cité de l'IA**.".into(),
        description_html: "<p>Le podcast de la <strong>Cité de l'IA</strong>.</p>\n".into(),
        base_url: base_url.into(),
        language: "fr-FR".into(),
        author: "Cité de l'IA".into(),
        owner: Owner {
            name: "Cité de l'IA".into(),
            email: "podcast@example.org".into(),
        },
        image: Artwork {
            source: PathBuf::from("/podcast/cover.jpg"),
            published: "cover.jpg".into(),
        },
        categories: vec![Category {
            name: "Technology".into(),
            sub: None,
        }],
        show_type: ShowType::Episodic,
        copyright: Some("© 2026 Cité de l'IA".into()),
        keywords: vec![],
        guid: uuid::Uuid::nil(),
        funding: vec![],
        persons: vec![Person {
            name: "L'équipe".into(),
            role: "host".into(),
            group: "cast".into(),
            href: None,
            img: None,
        }],
        license: Some("cc-by-4.0".into()),
        timezone: jiff::tz::TimeZone::get("Europe/Paris").unwrap(),
        media_base_url: base_url.into(),
        ..Default::default()
    }
}

/// Episode `n`, published `n` days after 1 January 2026 at 08:00 in Paris, `secs` long.
pub fn episode(n: u32, secs: u64) -> Episode {
    let slug = format!("{n:03}-episode");
    let date: jiff::Zoned = "2026-01-01T08:00:00[Europe/Paris]".parse().unwrap();
    let date = date
        .checked_add(jiff::Span::new().days(i64::from(n) - 1))
        .unwrap();
    Episode {
        dir: PathBuf::from(format!("/podcast/episodes/{slug}")),
        title: format!("Épisode {n}"),
        date,
        guid: format!("guid-{n}"),
        number: Some(n),
        season: Some(1),
        episode_type: EpisodeType::Full,
        summary: Some(format!("Résumé de l'épisode {n}.")),
        audio: PathBuf::from(format!("/podcast/episodes/{slug}/audio.mp3")),
        persons: vec![],
        chapters: vec![],
        keywords: vec![],
        notes_html: format!("<h2>Au programme</h2>\n<p>Les notes de l'épisode {n}.</p>\n").into(),
        media: AudioInfo {
            version: MpegVersion::Mpeg2,
            layer: 3,
            sample_rate: 22_050,
            channels: 1,
            frames: 0,
            samples: secs * 22_050,
            audio_start: 0,
            audio_end: 0,
            vbr: false,
            bitrate: 40_000,
        },
        published_size: 146_964,
        slug,
        ..Default::default()
    }
}

/// Renders and indexes the output by path.
pub fn render(show: &Show, episodes: &[Episode], theme: &Path) -> BTreeMap<String, OutputFile> {
    let files =
        carnets::render::site::render(show, episodes, theme, &carnets::render::site::Memo::none())
            .expect("the site renders");
    let mut by_path = BTreeMap::new();
    for file in files {
        let path = file.path.clone();
        assert!(by_path.insert(path.clone(), file).is_none(), "{path} twice");
    }
    by_path
}

pub fn text(files: &BTreeMap<String, OutputFile>, path: &str) -> String {
    match &files
        .get(path)
        .unwrap_or_else(|| panic!("no {path}"))
        .content
    {
        Content::Bytes(bytes) | Content::Page { bytes, .. } => {
            String::from_utf8(bytes.clone()).unwrap()
        }
        other => panic!("{path} is not rendered: {other:?}"),
    }
}

pub fn page(files: &BTreeMap<String, OutputFile>, path: &str) -> Html {
    Html::parse_document(&text(files, path))
}

pub fn select<'a>(html: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

pub fn attr(html: &Html, css: &str, name: &str) -> String {
    let found = select(html, css);
    let element = found.first().unwrap_or_else(|| panic!("no {css}"));
    element.value().attr(name).unwrap_or_default().to_string()
}

pub fn no_theme() -> PathBuf {
    PathBuf::from("/nonexistent/theme")
}

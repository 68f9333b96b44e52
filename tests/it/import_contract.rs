//! The rest of the import's contract on the host-shaped feeds: the audio (through stacked
//! prefixes, frames intact, our duration), the words (notes that render back to the same text
//! and links), everything else a listener sees, and what carnets refuses but old hosts took.

use std::path::Path;

use carnets::audio::probe;

use crate::import::{imported, old_host};
use crate::import_support as support;

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn frames(path: &Path) -> Vec<u8> {
    let info = probe(path).unwrap();
    std::fs::read(path).unwrap()[info.audio_start as usize..info.audio_end as usize].to_vec()
}

#[test]
fn the_audio_comes_through_stacked_prefixes_with_its_frames_intact() {
    let Some(host) = old_host() else { return };
    let dir = tempfile::tempdir().unwrap();
    let (root, code, stderr) = imported(&host, "/libsyn.xml", dir.path());
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(support::build(&root, &[]).0, 0);
    // podtrac → chartable → op3 → the file: three redirects, one download.
    assert_eq!(host.served("/media/libsyn-3.mp3").1, 1);
    let old = host.www.join("media/libsyn-3.mp3");
    let published = root.join("public/episodes/003-pivot-at-midnight/003-pivot-at-midnight.mp3");
    assert_eq!(
        frames(&old),
        frames(&published),
        "the MPEG frames are the old file's"
    );
    assert_ne!(
        std::fs::read(&old).unwrap(),
        std::fs::read(&published).unwrap(),
        "the old host's tags are replaced"
    );
    let feed = read(&root.join("public/feed.xml"));
    let measured = (probe(&old).unwrap().duration_ms() + 500) / 1000;
    assert!(
        feed.contains(&format!("<itunes:duration>{measured}</itunes:duration>")),
        "our own measurement"
    );
    let length = std::fs::metadata(&published).unwrap().len();
    assert!(
        feed.contains(&format!("length=\"{length}\"")),
        "the enclosure length is the published file's"
    );
}

/// Text and link targets of an HTML fragment, whitespace collapsed.
fn text_and_links(html: &str) -> (String, Vec<String>) {
    let fragment = scraper::Html::parse_fragment(html);
    let text: String = fragment.root_element().text().collect::<Vec<_>>().join(" ");
    let text = text
        .split(|c: char| c.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let selector = scraper::Selector::parse("a").unwrap();
    let links = fragment
        .select(&selector)
        .filter_map(|a| a.value().attr("href"))
        .map(str::to_string)
        .collect();
    (text, links)
}

/// The `content:encoded` of the item with `guid` in an RSS document.
fn notes_of(xml: &str, guid: &str) -> String {
    let doc = roxmltree::Document::parse(xml).unwrap();
    let item = doc
        .descendants()
        .find(|n| {
            n.has_tag_name("item")
                && n.children()
                    .any(|c| c.has_tag_name("guid") && c.text() == Some(guid))
        })
        .unwrap();
    let encoded = item
        .children()
        .find(|c| c.tag_name().name() == "encoded")
        .or_else(|| item.children().find(|c| c.has_tag_name("description")));
    encoded
        .and_then(|c| c.text())
        .unwrap_or_default()
        .to_string()
}

#[test]
fn show_notes_render_back_to_the_same_text_and_links() {
    let Some(host) = old_host() else { return };
    let dir = tempfile::tempdir().unwrap();
    for (path, guid, footer) in [
        (
            "/ausha.xml",
            "ausha-9f8e7d6c",
            " Hébergé par Ausha. Visitez ausha.co/politique-de-confidentialite pour plus d'informations.",
        ),
        (
            "/acast.xml",
            "665f3b2c1a2b3c4d5e6f7a8b",
            " Hébergé par Acast. Visitez acast.com/privacy pour plus d'informations.",
        ),
        (
            "/podlove/feed.xml",
            "podlove-2024-07-13t08:00:00+00:00-abc",
            "",
        ),
    ] {
        let (root, code, stderr) = imported(&host, path, dir.path());
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(support::build(&root, &[]).0, 0);
        let old = notes_of(&read(&host.www.join(path.trim_start_matches('/'))), guid);
        let new = notes_of(&read(&root.join("public/feed.xml")), guid);
        let (old_text, old_links) = text_and_links(&old);
        let (new_text, new_links) = text_and_links(&new);
        assert_eq!(
            new_text,
            old_text.replace(footer, "").trim(),
            "{path}: the same text, without the old host's footer"
        );
        let kept: Vec<String> = old_links
            .into_iter()
            .filter(|l| !l.contains("acast.com") && !l.contains("ausha.co"))
            .collect();
        assert_eq!(new_links, kept, "{path}: the same links");
    }
    // French typography survives: the narrow no-break space, the no-break space, « ».
    let ausha = read(
        &dir.path()
            .join("ausha.xml/episodes/001-le-virage-numerique-d-une-pme/episode.md"),
    );
    assert!(
        ausha.contains("« dirigeant » depuis 20\u{202f}ans\u{a0}!"),
        "{ausha}"
    );
}

#[test]
fn plain_text_notes_keep_their_line_breaks() {
    let Some(host) = old_host() else { return };
    let dir = tempfile::tempdir().unwrap();
    let (root, code, stderr) = imported(&host, "/libsyn.xml", dir.path());
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(support::build(&root, &[]).0, 0);
    let page = read(&root.join("public/episodes/003-pivot-at-midnight/index.html"));
    assert!(
        page.contains("We pivoted at midnight.<br>\nThen we slept.</p>")
            || page.contains("We pivoted at midnight.<br />\nThen we slept.</p>"),
        "{page}"
    );
    assert!(
        page.contains("<p>Links:<br>\nhttps://startupstories.example/pivot &amp; more</p>")
            || page.contains("Links:<br />"),
        "{page}"
    );
}

#[test]
fn everything_else_a_listener_sees_is_carried_over() {
    let Some(host) = old_host() else { return };
    let dir = tempfile::tempdir().unwrap();
    let (root, code, stderr) = imported(&host, "/ausha.xml", dir.path());
    assert_eq!(code, 0, "{stderr}");
    let (code, stderr) = support::build(&root, &[]);
    assert_eq!(code, 0, "{stderr}");
    let feed = read(&root.join("public/feed.xml"));
    for expected in [
        "<title>Carnets d&#x26;apos;entreprise</title>",
        "<language>fr-FR</language>",
        "<itunes:author>Marie Dupont</itunes:author>",
        "<itunes:email>marie@carnets.example</itunes:email>",
        "<itunes:category text=\"Business\">\n      <itunes:category text=\"Management\"/>",
        "<itunes:category text=\"Technology\"/>",
        "<itunes:type>serial</itunes:type>",
        "<copyright>© 2024 Carnets</copyright>",
        "<podcast:funding url=\"https://soutien.carnets.example/\">Soutenez le podcast</podcast:funding>",
        "<podcast:license url=\"https://creativecommons.org/licenses/by/4.0/\">cc-by-4.0</podcast:license>",
        "geo=\"geo:50.6292,3.0573\" osm=\"R58404\">Lille</podcast:location>",
        "<podcast:locked owner=\"marie@carnets.example\">no</podcast:locked>",
        "<itunes:episode>5</itunes:episode>",
        "<itunes:season>2</itunes:season>",
        "<itunes:explicit>true</itunes:explicit>",
        "<itunes:image href=\"https://podcast.example/episodes/001-le-virage-numerique-d-une-pme/cover.jpg\"/>",
        "<itunes:keywords>PME, numérique</itunes:keywords>",
        "role=\"guest\" group=\"cast\" href=\"https://exemple.fr/paul\">Paul Martin</podcast:person>",
        "<podcast:soundbite startTime=\"0.5\" duration=\"1.5\">Le moment clé</podcast:soundbite>",
        "geo=\"geo:50.3667,3.0667\">Douai</podcast:location>",
        "<itunes:summary>Le virage d&#x26;apos;une PME du Nord, raconté par son dirigeant.</itunes:summary>",
    ] {
        let expected = expected.replace("&#x26;apos;", "'");
        assert!(feed.contains(&expected), "`{expected}` in\n{feed}");
    }
    // Chapters from the JSON: the one without a table-of-contents entry and the one past the
    // end of the audio are left out, the latter with a warning.
    let chapters =
        read(&root.join("public/episodes/001-le-virage-numerique-d-une-pme/chapters.json"));
    let chapters: serde_json::Value = serde_json::from_str(&chapters).unwrap();
    let titles: Vec<&str> = chapters["chapters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Introduction", "Le virage"]);
    assert!(stderr.is_empty() || !stderr.contains("error"), "{stderr}");
    // The VTT transcript is preferred over the JSON one, and published.
    let vtt = read(&root.join("public/episodes/001-le-virage-numerique-d-une-pme/transcript.vtt"));
    assert!(vtt.contains("<v Paul Martin>Merci"));
    // Trailer and bonus types; seasons.
    let (acast, code, _) = imported(&host, "/acast.xml", dir.path());
    assert_eq!((code, support::build(&acast, &[]).0), (0, 0));
    assert!(
        read(&acast.join("public/feed.xml"))
            .contains("<itunes:episodeType>trailer</itunes:episodeType>")
    );
    let (spotify, code, _) = imported(&host, "/spotify.xml", dir.path());
    assert_eq!((code, support::build(&spotify, &[]).0), (0, 0));
    assert!(
        read(&spotify.join("public/feed.xml"))
            .contains("<itunes:episodeType>bonus</itunes:episodeType>")
    );
}

#[test]
fn what_carnets_refuses_is_kept_in_the_folder_and_said_and_the_folder_builds() {
    let Some(host) = old_host() else { return };
    let dir = tempfile::tempdir().unwrap();
    // Podlove: episode artwork of 600 px, a chapter after the end, a summary over 4000 bytes,
    // Podlove Simple Chapters and a SubRip transcript.
    let (root, code, stderr) = imported(&host, "/podlove/feed.xml", dir.path());
    assert_eq!(code, 0, "{stderr}");
    for warning in [
        "artwork is kept in the folder as cover.jpg but left out",
        "start after the end of the audio",
        "its summary is",
        "imported as a draft",
    ] {
        assert!(stderr.contains(warning), "`{warning}` in {stderr}");
    }
    let folder = root.join("episodes/003-ps003-kapitelmarken");
    assert!(folder.join("cover.jpg").is_file());
    let md = read(&folder.join("episode.md"));
    assert!(!md.contains("image:") && !md.contains("summary:"), "{md}");
    assert!(md.contains("{ start: \"0:00:01.500\", title: \"Kapitelmarken\", url: \"https://podlove.org/simple-chapters/\" }"), "{md}");
    let (code, stderr) = support::build(&root, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        root.join("public/episodes/003-ps003-kapitelmarken/transcript.srt")
            .is_file()
    );
    // Ausha: the show's artwork of 600 px is kept, and cover.jpg made from it.
    let (ausha, code, stderr) = imported(&host, "/ausha.xml", dir.path());
    assert_eq!(code, 0);
    assert!(
        stderr.contains("cover.jpg is made from it, kept as cover-original.jpg"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read(ausha.join("cover-original.jpg")).unwrap(),
        support::cover_600()
    );
    let info = carnets::show::artwork::read(&ausha.join("cover.jpg")).unwrap();
    assert_eq!((info.width, info.height), (1400, 1400));
}

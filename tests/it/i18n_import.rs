//! `carnets import` speaks the producer's language: a saved copy of a feed whose items provoke
//! the import's warnings (an item without GUID, an item without audio, a date without time
//! zone, a duplicate episode number), an error (an item nothing identifies) and the summary,
//! imported in French (`LANG=fr_FR.UTF-8`) and in English (`LANG=C`). The podcast folders the
//! two runs make are the same: only the messages change.

use std::path::Path;

use crate::common;

/// A local feed (no audio: nothing to download) with the item and channel findings.
const FEED: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
     xmlns:podcast="https://podcastindex.org/namespace/1.0">
  <channel>
    <title>Les Carnets</title>
    <language>fr</language>
    <description>Une émission.</description>
    <podcast:guid>917393e3-1b1e-5cef-ace4-edaa54e1f810</podcast:guid>
    <item>
      <title>Sans GUID</title>
      <link>https://ancien.example/1</link>
      <pubDate>Tue, 05 Mar 2024 10:00:00 +0100</pubDate>
      <itunes:episode>1</itunes:episode>
    </item>
    <item>
      <title>Sans fuseau</title>
      <guid isPermaLink="false">deux</guid>
      <pubDate>2024-03-12T10:00:00</pubDate>
      <itunes:episode>1</itunes:episode>
    </item>
    <item>
      <title>Mystère</title>
      <pubDate>Tue, 19 Mar 2024 10:00:00 +0100</pubDate>
    </item>
  </channel>
</rss>
"#;

/// Imports `feed` into `root` with `LANG=lang`: the exit code and stderr.
fn import(feed: &Path, root: &Path, lang: &str) -> (i32, String) {
    let (code, _, stderr) = common::run(
        common::carnets()
            .env("LANG", lang)
            .arg("import")
            .arg(feed)
            .arg("--root")
            .arg(root),
    );
    (code, stderr)
}

#[test]
fn an_import_reports_in_french_under_a_french_locale_and_in_english_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.xml");
    std::fs::write(&feed, FEED).unwrap();
    let (fr_root, en_root) = (dir.path().join("fr"), dir.path().join("en"));
    let (code, fr) = import(&feed, &fr_root, "fr_FR.UTF-8");
    assert_eq!(code, 1, "{fr}");
    let f = feed.display();
    for expected in [
        format!(
            "{f}:9: warning: «\u{a0}Sans GUID\u{a0}»\u{a0}: l’épisode n’a pas de <guid>\u{a0}: il garde `https://ancien.example/1`"
        ),
        "  help: gardez-le\u{a0}: un nouveau GUID ferait retélécharger l’épisode".into(),
        "«\u{a0}Sans GUID\u{a0}»\u{a0}: l’épisode n’a pas d’audio (pas d’<enclosure>)\u{a0}: il est importé comme brouillon".into(),
        "la date `2024-03-12T10:00:00` n’a pas de fuseau horaire\u{a0}: elle est lue en UTC".into(),
        "son numéro d’épisode 1 est aussi celui de «\u{a0}Sans GUID\u{a0}»".into(),
        format!(
            "{f}:21: error: «\u{a0}Mystère\u{a0}»\u{a0}: l’épisode n’a ni <guid>, ni lien, ni audio\u{a0}: rien ne l’identifie"
        ),
        "warning: le flux ne donne pas l’adresse e-mail du propriétaire (`itunes:owner`)".into(),
        "warning: le flux n’a pas de catégorie Apple, et carnets en demande une".into(),
        format!(
            "2 épisodes importés dans {}\u{a0}; 1 n’a pas pu être importé (voir les erreurs ci-dessus)",
            fr_root.display()
        ),
        "prochaines étapes (la section «\u{a0}Move an existing show to carnets\u{a0}» du README)\u{a0}:".into(),
        format!(
            "  1. écrivez l’adresse https:// du nouveau site comme `base_url:` dans {}/podcast.yaml",
            fr_root.display()
        ),
        "vers le nouveau `feed.xml` par une redirection permanente (HTTP 301)".into(),
    ] {
        assert!(fr.contains(&expected), "missing {expected:?} in:\n{fr}");
    }
    for english in [
        "the item",
        "imported 2",
        "next steps",
        "help: keep it",
        "Apple category",
    ] {
        assert!(!fr.contains(english), "{english:?} in French:\n{fr}");
    }

    let (code, en) = import(&feed, &en_root, "C");
    assert_eq!(code, 1, "{en}");
    for expected in [
        format!(
            "{f}:9: warning: « Sans GUID »: the item has no <guid>: it keeps `https://ancien.example/1`"
        ),
        "« Sans GUID »: the item has no audio (no <enclosure>): it is imported as a draft".into(),
        format!(
            "{f}:21: error: « Mystère »: the item has no <guid>, no link and no audio: nothing identifies it"
        ),
        format!(
            "imported 2 episode(s) into {}; 1 could not be imported (see the errors above)",
            en_root.display()
        ),
        "next steps (the README's \"Move an existing show to carnets\"):".into(),
    ] {
        assert!(en.contains(&expected), "missing {expected:?} in:\n{en}");
    }
    assert_eq!(
        common::tree(&fr_root),
        common::tree(&en_root),
        "the language changes the messages, never the podcast folder"
    );
}

use super::*;
use crate::testutil::{SHOW_YAML, podcast};

fn errors(yaml: &str) -> Vec<String> {
    let dir = podcast(yaml);
    let found = load(dir.path(), None).expect_err("should fail");
    found
        .iter()
        .map(|d| {
            let s = d.to_string();
            s[s.find("podcast.yaml").expect("names the file")..].to_string()
        })
        .collect()
}

/// Asserts `yaml` fails with one error per line of `expect` (in line order), each message
/// starting with the expected text.
fn assert_errors_start_with(yaml: &str, expect: &[&str]) {
    let mut found = errors(yaml);
    found.sort_by_key(|line| line.split(':').nth(1).and_then(|l| l.parse::<u32>().ok()));
    assert_eq!(found.len(), expect.len(), "{found:#?}");
    for (got, want) in found.iter().zip(expect) {
        assert!(
            got.starts_with(want),
            "{got}\n  does not start with\n{want}"
        );
    }
}

#[test]
fn minimal_show_loads_with_defaults() {
    let dir = podcast(SHOW_YAML);
    let (show, _) = load(dir.path(), None).unwrap();
    assert_eq!(show.title, "Les Carnets de l'IA");
    assert_eq!(show.base_url, "https://carnets.example.fr/");
    assert_eq!(show.media_base_url, show.base_url);
    assert_eq!(
        show.categories[1],
        Category {
            name: "Business".into(),
            sub: Some("Entrepreneurship".into())
        }
    );
    assert_eq!(show.image.published, "cover.jpg");
    assert_eq!(show.show_type, ShowType::Episodic);
    assert_eq!(show.timezone.iana_name(), Some("Europe/Paris"));
    assert!(
        show.description_html
            .contains("<strong>Cité de l'IA</strong>")
            || show
                .description_html
                .contains("<strong>Cité de l’IA</strong>")
    );
    assert_eq!(show.guid, default_guid("https://carnets.example.fr/"));
}

#[test]
fn podcast_guid_follows_the_podcasting_2_0_example() {
    // The namespace's own example: mp3s.nashownotes.com/pc20rss.xml.
    let feed = "https://mp3s.nashownotes.com/pc20rss.xml";
    let bare = feed.trim_start_matches("https://");
    let guid = Uuid::new_v5(&PODCAST_GUID_NAMESPACE, bare.as_bytes());
    assert_eq!(guid.to_string(), "917393e3-1b1e-5cef-ace4-edaa54e1f810");
    assert_eq!(
        default_guid("https://carnets.example.fr/"),
        Uuid::new_v5(&PODCAST_GUID_NAMESPACE, b"carnets.example.fr/feed.xml")
    );
}

#[test]
fn base_url_override_keeps_the_guid() {
    let dir = podcast(SHOW_YAML);
    let (show, _) = load(dir.path(), Some("http://127.0.0.1:4000")).unwrap();
    assert_eq!(show.base_url, "http://127.0.0.1:4000/");
    assert_eq!(show.media_base_url, show.base_url);
    assert_eq!(show.guid, default_guid("https://carnets.example.fr/"));
}

#[test]
fn unknown_key_is_an_error_at_its_line() {
    let yaml = format!("{SHOW_YAML}explcit: true\n");
    assert_eq!(
        errors(&yaml),
        [
            "podcast.yaml:9:1: error: unknown key `explcit`, expected one of title, description, base_url, language, author, owner, image, categories, explicit, type, copyright, subtitle, keywords, guid, locked, funding, persons, license, timezone, media_base_url, new_feed_url, analytics_prefix, links, unsafe_html, medium, location, txt, update_frequency, block, complete, formats, images, value, social_interact, ai_content, podroll, publisher, podping, deploy, websub, pubnotify"
        ]
    );
}

#[test]
fn every_bad_value_is_reported_at_once() {
    let yaml = SHOW_YAML
        .replace("https://carnets.example.fr/", "http://carnets.example.fr/")
        .replace("fr-FR", "français")
        .replace("podcast@example.fr", "podcast-at-example")
        .replace("cover.jpg", "missing.jpg")
        + "type: daily\ntimezone: Europe/Lile\nlocked: maybe\nfunding: [{ url: 'ftp://x', text: Soutenir }]\n";
    assert_errors_start_with(
        &yaml,
        &[
            "podcast.yaml:3:11: error: `http://carnets.example.fr/` is not an absolute URL starting with https://",
            "podcast.yaml:4:11: error: `français` is not a language tag",
            "podcast.yaml:6:37: error: `podcast-at-example` is not an e-mail address",
            "podcast.yaml:7:8: error: `missing.jpg` does not exist",
            "podcast.yaml:9:7: error: unknown show type `daily`",
            "podcast.yaml:10:11: error: unknown time zone `Europe/Lile`",
            "podcast.yaml:11:9: error: `locked: maybe` is not allowed",
            "podcast.yaml:12:18: error: `ftp://x` is not an absolute URL",
        ],
    );
}

#[test]
fn yes_no_booleans_are_yaml_1_2() {
    let yaml = format!("{SHOW_YAML}explicit: yes\n");
    assert!(errors(&yaml)[0].starts_with("podcast.yaml:9:11: error: invalid boolean"));
    let dir = podcast(&format!("{SHOW_YAML}locked: yes\n"));
    assert_eq!(load(dir.path(), None).unwrap().0.locked, Some(true));
}

#[test]
fn missing_file_says_how_to_start() {
    let dir = tempfile::tempdir().unwrap();
    let found = load(dir.path(), None).unwrap_err();
    let text = found.iter().next().unwrap().to_string();
    assert!(
        text.contains("podcast.yaml: error: cannot read") && text.contains("carnets init"),
        "{text}"
    );
}

#[test]
fn artwork_must_be_a_square_rgb_image_of_1400_to_3000_px() {
    let dir = podcast(SHOW_YAML);
    std::fs::write(
        dir.path().join("cover.jpg"),
        b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x01\xf4\0\0\x01\xf4\x08\x02\0\0\0\0\0\0\0",
    )
    .unwrap();
    let found = load(dir.path(), None).unwrap_err();
    let lines: Vec<String> = found.iter().map(|d| d.to_string()).collect();
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert!(lines[0].contains(
        "podcast.yaml:7:8: error: `cover.jpg`: the file is a PNG image but is named .jpg"
    ));
    assert!(lines[1].contains("the artwork is 500×500 px; Apple requires 1400 to 3000 px"));
}

#[test]
fn long_funding_text_is_a_warning() {
    let yaml = format!(
        "{SHOW_YAML}funding:\n  - {{ url: https://x.fr, text: \"{}\" }}\n",
        "a".repeat(129)
    );
    let dir = podcast(&yaml);
    let (_, warnings) = load(dir.path(), None).unwrap();
    let text = warnings.iter().next().unwrap().to_string();
    assert!(
        text.contains("podcast.yaml:10:12: warning: the funding text has 129 characters"),
        "{text}"
    );
}

#[test]
fn app_links_keep_a_fixed_order_and_refuse_unknown_apps() {
    let yaml = format!(
        "{SHOW_YAML}links:\n  spotify: https://open.spotify.com/show/x\n  apple: https://podcasts.apple.com/fr/podcast/id1\n"
    );
    let dir = podcast(&yaml);
    let (show, _) = load(dir.path(), None).unwrap();
    let apps: Vec<&str> = show.links.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(apps, ["Apple Podcasts", "Spotify"]);
    let found = errors(&format!("{SHOW_YAML}links:\n  itunes: https://x.fr\n"));
    assert!(
        found[0].starts_with("podcast.yaml:10:11: error: unknown app `itunes` in `links`"),
        "{found:?}"
    );
}

const NAMESPACE_YAML: &str = "\
license: cc-by-sa-4.0
medium: podcast
location: { name: \"Lille, Hauts-de-France\", geo: \"geo:50.6292,3.0573\", osm: R58404 }
txt:
  - { purpose: applepodcastsverify, value: 6a1c2f0e-1b2c-4d5e-8f90-123456789abc }
  - { value: \"Un texte libre\" }
update_frequency: { text: \"Un épisode par mois\", rrule: \"FREQ=MONTHLY;BYDAY=3TH\", dtstart: 2026-01-15 08:00 }
block: true
complete: true
";

#[test]
fn podcasting_2_0_keys_load() {
    let dir = podcast(&format!("{SHOW_YAML}{NAMESPACE_YAML}"));
    let (show, warnings) = load(dir.path(), None).unwrap();
    assert_eq!(warnings.iter().count(), 0, "{warnings:?}");
    assert_eq!(show.license.as_deref(), Some("cc-by-sa-4.0"));
    assert_eq!(
        show.license_url.as_deref(),
        Some("https://creativecommons.org/licenses/by-sa/4.0/")
    );
    assert_eq!(show.medium.as_deref(), Some("podcast"));
    let location = show.location.unwrap();
    assert_eq!(location.name, "Lille, Hauts-de-France");
    assert_eq!(location.geo.as_deref(), Some("geo:50.6292,3.0573"));
    assert_eq!(location.osm.as_deref(), Some("R58404"));
    assert_eq!(show.txt.len(), 2);
    assert_eq!(show.txt[0].purpose.as_deref(), Some("applepodcastsverify"));
    assert_eq!(show.txt[1].purpose, None);
    let frequency = show.update_frequency.unwrap();
    assert_eq!(frequency.text, "Un épisode par mois");
    assert_eq!(frequency.rrule.as_deref(), Some("FREQ=MONTHLY;BYDAY=3TH"));
    // 08:00 in Paris in winter.
    assert_eq!(frequency.dtstart.as_deref(), Some("2026-01-15T07:00:00Z"));
    assert!(show.block && show.complete);
}

#[test]
fn a_licence_carnets_does_not_know_needs_its_url() {
    let dir = podcast(&format!("{SHOW_YAML}license: tous-droits-reserves\n"));
    let (show, warnings) = load(dir.path(), None).unwrap();
    assert_eq!(show.license_url, None);
    let text = warnings.iter().next().unwrap().to_string();
    assert!(
        text.contains(
            "podcast.yaml:9:10: warning: carnets does not know the licence `tous-droits-reserves`"
        ),
        "{text}"
    );
    let yaml =
        format!("{SHOW_YAML}license: {{ id: maison-1.0, url: \"https://example.fr/licence\" }}\n");
    let (show, warnings) = load(podcast(&yaml).path(), None).unwrap();
    assert_eq!(warnings.iter().count(), 0);
    assert_eq!(
        (show.license.as_deref(), show.license_url.as_deref()),
        (Some("maison-1.0"), Some("https://example.fr/licence"))
    );
}

#[test]
fn bad_podcasting_2_0_values_are_errors_at_their_line() {
    let yaml = format!(
        "{SHOW_YAML}medium: Podcast\nlocation: {{ name: Lille, geo: \"50.6,3.05\", osm: \"58404\" }}\ntxt: [{{ value: \"\" }}]\nupdate_frequency: {{ text: Mensuel, rrule: \"FREQ=FORTNIGHTLY\" }}\n"
    );
    assert_errors_start_with(
        &yaml,
        &[
            "podcast.yaml:9:9: error: `Podcast` is not a Podcasting 2.0 medium\n  help: write `medium: podcast` (lowercase)",
            "podcast.yaml:10:31: error: `50.6,3.05` is not a geo URI: it must start with `geo:`",
            "podcast.yaml:10:49: error: `58404` is not an OpenStreetMap object",
            "podcast.yaml:11:16: error: `txt.value` must not be empty",
            "podcast.yaml:12:43: error: `FREQ=FORTNIGHTLY`: the frequency is one of",
        ],
    );
}

#[test]
fn a_typo_inside_a_licence_map_is_named() {
    let found = errors(&format!(
        "{SHOW_YAML}license: {{ id: x, urll: \"https://a.fr\" }}\n"
    ));
    assert_eq!(
        found,
        ["podcast.yaml:9:19: error: unknown key `urll`, expected one of id, url"]
    );
}

#[test]
fn a_preview_serves_its_own_audio_not_the_cdns() {
    let dir = podcast(&format!(
        "{SHOW_YAML}media_base_url: https://cdn.example.fr/audio\n"
    ));
    let (show, _) = load(dir.path(), None).unwrap();
    assert_eq!(show.media_base_url, "https://cdn.example.fr/audio/");
    let (preview, _) = load(dir.path(), Some("http://127.0.0.1:4000/")).unwrap();
    assert_eq!(preview.media_base_url, "http://127.0.0.1:4000/");
}

#[test]
fn the_deploy_keys_are_read_and_checked_at_their_line() {
    let keys = "deploy: sftp://me@example.org:2222/var/www/podcast\nwebsub:\n  - https://pubsubhubbub.appspot.com/\npubnotify: https://api.podcastindex.org/api/1.0/hub/pubnotify\n";
    let dir = podcast(&format!("{SHOW_YAML}{keys}"));
    let (show, _) = load(dir.path(), None).unwrap();
    assert_eq!(
        show.deploy.map(|t| t.to_string()).as_deref(),
        Some("sftp://me@example.org:2222/var/www/podcast")
    );
    assert_eq!(show.websub, ["https://pubsubhubbub.appspot.com/"]);
    assert_eq!(
        show.pubnotify.as_deref(),
        Some("https://api.podcastindex.org/api/1.0/hub/pubnotify")
    );
    let bad = "deploy: sftp://me:secret@example.org/www\nwebsub: [http://hub.example.org/]\n";
    let found = errors(&format!("{SHOW_YAML}{bad}"));
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].starts_with("podcast.yaml:9:9: error: the deploy target `sftp://me:secret@example.org/www` holds a password"), "{found:?}");
    assert!(found[1].starts_with("podcast.yaml:10:10: error: `http://hub.example.org/` is not an absolute URL starting with https://"), "{found:?}");
}

//! The feed against the W3C Feed Validation Service's rules.
//!
//! The service cannot be reached from here, so `tests/conformance/validate_feed.py` mirrors
//! the checks it applies to our elements (its docstring lists them). Each test here checks
//! the feed passes, and that the checker catches a feed broken on purpose, one variant per
//! rule: a checker that never fails would prove nothing.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::common;
use crate::feed_fixture;
use carnets::model::{Category, EpisodeType, Show};
use carnets::render::feed;
use carnets::show::categories::APPLE_CATEGORIES;

/// Where the fixture feed is served: what its `atom:link rel="self"` must say.
const LOCATION: &str = "https://cite-ia.example/carnets/feed.xml";
/// The checker's notion of now (2026-01-01), so that dates stay plausible forever.
const NOW: &str = "1767225600";

/// Runs the checker on `feeds`; returns each feed's report, in order.
fn check(feeds: &[PathBuf]) -> Option<Vec<Value>> {
    check_at(feeds, LOCATION, NOW)
}

/// Runs the checker on `feeds` served at `location`, with `now` (Unix seconds) as the present.
pub fn check_at(feeds: &[PathBuf], location: &str, now: &str) -> Option<Vec<Value>> {
    let python = common::tool("python3")?;
    let output = Command::new(python)
        .arg(common::repo().join("tests/conformance/validate_feed.py"))
        .args(["--location", location, "--now", now])
        .args(feeds)
        .output()
        .expect("run validate_feed.py");
    let reports: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "validate_feed.py printed no JSON ({e}):\n{}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    Some(
        feeds
            .iter()
            .map(|f| reports[f.to_str().unwrap()].clone())
            .collect(),
    )
}

fn rules(report: &Value, level: &str) -> Vec<String> {
    report[level]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

/// Asserts the feed has no error and no warning but those the service gives every carnets
/// feed: the Podcasting 2.0 namespace, which it does not validate, and, in a feed with
/// chapters, the Podlove Simple Chapters namespace (`psc:`, for Spotify), which it does not
/// know (its `UnknownNamespace` is a warning, not an error).
pub fn assert_valid(report: &Value, what: &str) {
    assert!(
        rules(report, "errors").is_empty() && namespace_warnings_only(report),
        "{what} does not pass the W3C rules:\n{report:#}"
    );
}

/// True when the report's warnings are those of the two namespaces and no other.
fn namespace_warnings_only(report: &Value) -> bool {
    let warnings = report["warnings"].as_array().unwrap();
    let expected = |w: &Value| match w["rule"].as_str() {
        Some("UnsupportedNamespace") => true,
        Some("UnknownNamespace") => w["message"]
            .as_str()
            .is_some_and(|m| m.ends_with("http://podlove.org/simple-chapters")),
        _ => false,
    };
    let podcasting = warnings
        .iter()
        .filter(|w| w["rule"] == "UnsupportedNamespace")
        .count();
    podcasting == 1 && warnings.iter().all(expected)
}

fn write(dir: &Path, name: &str, xml: &str) -> PathBuf {
    let path = dir.join(format!("{name}.xml"));
    std::fs::write(&path, xml).unwrap();
    path
}

/// The fixture show, less `itunes:complete` (see
/// [`itunes_complete_is_the_one_apple_tag_the_validator_does_not_know`]).
fn w3c_show() -> Show {
    Show {
        complete: false,
        ..feed_fixture::show()
    }
}

#[test]
fn the_feed_passes_the_w3c_rules() {
    let dir = tempfile::tempdir().unwrap();
    let xml = feed::render(&w3c_show(), &feed_fixture::episodes());
    let Some(reports) = check(&[write(dir.path(), "feed", &xml)]) else {
        return;
    };
    assert_valid(&reports[0], "the fixture feed");
}

#[test]
fn sparse_and_edge_case_feeds_pass_the_w3c_rules() {
    let dir = tempfile::tempdir().unwrap();
    let mut bare = w3c_show();
    bare.copyright = None;
    bare.subtitle = None;
    bare.keywords.clear();
    bare.locked = None;
    bare.funding.clear();
    bare.persons.clear();
    bare.license = None;
    bare.analytics_prefix = None;
    bare.new_feed_url = Some("https://podcasts.example.net/carnets.xml".into());
    bare.explicit = true;
    bare.show_type = carnets::model::ShowType::Serial;
    let mut episodes = feed_fixture::episodes();
    // Episode 0 of season 0: no itunes:episode/season (they must be positive).
    episodes[2].number = Some(0);
    episodes[2].season = Some(0);
    episodes[2].episode_type = EpisodeType::Full;
    episodes[1].notes_html = "".into();
    let feeds = [
        write(dir.path(), "bare", &feed::render(&bare, &episodes)),
        write(dir.path(), "empty", &feed::render(&bare, &[])),
    ];
    let Some(reports) = check(&feeds) else { return };
    assert_valid(&reports[0], "a show without its optional fields");
    assert_valid(&reports[1], "a show without episodes");
}

#[test]
fn every_apple_category_passes_but_the_one_the_validator_does_not_know() {
    let dir = tempfile::tempdir().unwrap();
    let mut show: Show = w3c_show();
    show.categories = APPLE_CATEGORIES
        .iter()
        .flat_map(|(name, subs)| {
            std::iter::once(None)
                .chain(subs.iter().map(|s| Some(s.to_string())))
                .map(|sub| Category {
                    name: name.to_string(),
                    sub,
                })
        })
        .collect();
    let xml = feed::render(&show, &feed_fixture::episodes());
    let Some(reports) = check(&[write(dir.path(), "categories", &xml)]) else {
        return;
    };
    // Apple added Religion & Spirituality › Religion; the validator's list predates it.
    let errors = reports[0]["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{:#}", reports[0]);
    assert_eq!(errors[0]["rule"], "InvalidItunesCategory");
    assert!(
        errors[0]["message"]
            .as_str()
            .unwrap()
            .contains("'Religion'")
    );
}

/// Apple documents `itunes:complete`, the service's iTunes vocabulary has no such element: it
/// is its one finding in a feed that uses every tag carnets writes.
#[test]
fn itunes_complete_is_the_one_apple_tag_the_validator_does_not_know() {
    let dir = tempfile::tempdir().unwrap();
    let xml = feed::render(&feed_fixture::show(), &feed_fixture::episodes());
    assert!(xml.contains("<itunes:complete>Yes</itunes:complete>"));
    let Some(reports) = check(&[write(dir.path(), "complete", &xml)]) else {
        return;
    };
    let errors = reports[0]["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{:#}", reports[0]);
    assert_eq!(errors[0]["rule"], "UndefinedElement");
    assert_eq!(errors[0]["element"], "itunes:complete");
    assert!(namespace_warnings_only(&reports[0]), "{:#}", reports[0]);
}

/// How a variant breaks the fixture feed.
enum Change {
    /// Replace the first occurrence of a string.
    Replace(&'static str, &'static str),
    /// Remove the line containing a string.
    RemoveLine(&'static str),
    /// Remove from the start of a line containing the first string to the end of the line
    /// containing the second one.
    RemoveLines(&'static str, &'static str),
    /// Repeat the line containing a string.
    RepeatLine(&'static str),
}
use Change::*;

const E: &str = "errors";
const W: &str = "warnings";

fn line_span(xml: &str, containing: &str, from: usize) -> (usize, usize) {
    let at = from
        + xml[from..]
            .find(containing)
            .unwrap_or_else(|| panic!("the fixture feed has no {containing:?}"));
    let start = xml[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = at + xml[at..].find('\n').map_or(xml.len() - at, |i| i + 1);
    (start, end)
}

impl Change {
    fn apply(&self, xml: &str) -> String {
        match *self {
            Replace(from, to) => {
                assert!(xml.contains(from), "the fixture feed has no {from:?}");
                xml.replacen(from, to, 1)
            }
            RemoveLine(containing) => {
                let (start, end) = line_span(xml, containing, 0);
                format!("{}{}", &xml[..start], &xml[end..])
            }
            RemoveLines(first, last) => {
                let (start, _) = line_span(xml, first, 0);
                let (_, end) = line_span(xml, last, start);
                format!("{}{}", &xml[..start], &xml[end..])
            }
            RepeatLine(containing) => {
                let (start, end) = line_span(xml, containing, 0);
                format!("{}{}", &xml[..end], &xml[start..])
            }
        }
    }
}

/// One variant per rule: its name, the rule that must catch it, whether the service calls it
/// an error or a warning, and the change.
#[rustfmt::skip]
const BROKEN: &[(&str, &str, &str, Change)] = &[
    ("not-well-formed", "SAXError", E, Replace("</channel>", "")),
    ("xml-1.1", "BadXmlVersion", E, Replace("version=\"1.0\"", "version=\"1.1\"")),
    ("rss-0.92", "InvalidRSSVersion", E, Replace("version=\"2.0\"", "version=\"0.92\"")),
    ("latin-1", "NotUTF8", W, Replace("\"UTF-8\"", "\"ISO-8859-1\"")),
    ("itunes-prefix", "ReservedPrefix", W, Replace("podcast-1.0.dtd\"", "podcast.dtd\"")),
    ("unknown-namespace", "UnknownNamespace", W, Replace("<rss ", "<rss xmlns:x=\"urn:x\" ")),
    ("c1-control", "BadCharacters", W, Replace("<title>Bienvenue", "<title>\u{85}Bienvenue")),
    ("undefined-itunes", "UndefinedElement", E, Replace("<itunes:type>", "<itunes:foo/><itunes:type>")),
    ("two-languages", "DuplicateElement", E, RepeatLine("<language>")),
    ("metadata-after-items", "MisplacedItem", W, Replace("</channel>", "<ttl>60</ttl></channel>")),
    ("no-title", "MissingTitle", E, RemoveLine("<title>Les Carnets")),
    ("no-description", "MissingDescription", E, RemoveLines("<description>Le podcast", "</description>")),
    ("image-without-url", "MissingElement", E, RemoveLine("<url>")),
    ("image-title", "ImageTitleDoesntMatch", W, Replace("\"pratique\" 🎙️</title>\n      <link>", "</title>\n      <link>")),
    ("image-webp", "ImageUrlFormat", W, Replace("cover.jpg</url>", "cover.webp</url>")),
    ("itunes-image-src", "MissingAttribute", E, Replace("<itunes:image href=", "<itunes:image src=")),
    ("guid-attribute", "UnexpectedAttribute", E, Replace("isPermaLink=\"false\">", "isPermaLink=\"false\" x=\"1\">")),
    ("named-entities-in-title", "CharacterData", W, Replace("R&#x26;D, PME &#x3C;enfin&#x3E;", "R&amp;D, PME &lt;enfin&gt;")),
    ("html-in-title", "ContainsHTML", W, Replace("<title>L'IA dans", "<title>&lt;b&gt;Le&lt;/b&gt; L'IA dans")),
    ("long-author", "TooLong", E, Replace("<itunes:author>", "<itunes:author>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit: ")),
    ("blank-item-title", "NotBlank", W, Replace("<title>Bienvenue dans « Les Carnets » !</title>", "<title></title>")),
    ("relative-link", "InvalidFullLink", E, Replace("<link>https://cite-ia.example/carnets/</link>", "<link>cite-ia.example/carnets/</link>")),
    ("enclosure-localhost", "InvalidURLAttribute", E, Replace("https://op3.dev/e/media.cite-ia.example/carnets/episodes/001", "https://localhost/e/001")),
    ("no-self-link", "MissingAtomSelfLink", W, RemoveLine("<atom:link")),
    ("self-elsewhere", "SelfDoesntMatchLocation", W, Replace("carnets/feed.xml\"", "autre/feed.xml\"")),
    ("relative-self", "RelativeSelf", W, Replace("href=\"https://cite-ia.example/carnets/feed.xml\"", "href=\"/carnets/feed.xml\"")),
    ("self-text-xml", "SelfNotAtom", W, Replace("type=\"application/rss+xml\"", "type=\"text/xml\"")),
    ("iso-date", "InvalidRFC2822Date", E, Replace("Sun, 06 Jul 2025 08:00:00 +0200", "2025-07-06T08:00:00+02:00")),
    ("two-digit-year", "ProblematicalRFC822Date", W, Replace("Sun, 06 Jul 2025", "Sun, 06 Jul 25")),
    ("wrong-day-name", "IncorrectDOW", E, Replace("Sun, 06 Jul 2025", "Mon, 06 Jul 2025")),
    ("future-date", "ImplausibleDate", W, Replace("Sun, 06 Jul 2025", "Mon, 06 Jul 2099")),
    ("language-name", "InvalidLanguage", E, Replace("<language>fr-FR", "<language>francais")),
    ("bad-email", "InvalidContact", E, Replace("podcast@cite-ia.example</itunes:email>", "podcast(at)cite-ia.example</itunes:email>")),
    ("owner-without-email", "MissingElement", E, RemoveLine("<itunes:email>")),
    ("unknown-category", "InvalidItunesCategory", E, Replace("text=\"Technology\"", "text=\"Tech\"")),
    ("misplaced-subcategory", "InvalidItunesCategory", E, Replace("text=\"Entrepreneurship\"", "text=\"Tech News\"")),
    ("retired-category", "ObsoleteItunesCategory", W, Replace("text=\"Technology\"", "text=\"Games &amp; Hobbies\"")),
    ("explicit-no", "InvalidTrueFalse", E, Replace("<itunes:explicit>false", "<itunes:explicit>no")),
    ("keywords-without-commas", "InvalidKeywords", W, Replace("IA, PME, Hauts-de-France", "IA PME Hauts-de-France")),
    ("weekly-type", "InvalidItunesChannelType", E, Replace("<itunes:type>episodic", "<itunes:type>weekly")),
    ("special-episode", "InvalidItunesEpisodeType", E, Replace(">bonus</itunes:episodeType>", ">special</itunes:episodeType>")),
    ("episode-zero", "InvalidPositiveInteger", E, Replace("<itunes:episode>12", "<itunes:episode>0")),
    ("duration-words", "InvalidDuration", E, Replace("<itunes:duration>3724", "<itunes:duration>1h02")),
    ("no-explicit", "MissingItunesElement", W, RemoveLine("<itunes:explicit>false</itunes:explicit>")),
    ("no-owner", "MissingItunesEmail", W, RemoveLines("<itunes:owner>", "</itunes:owner>")),
    ("empty-item", "ItemMustContainTitleOrDescription", E, Replace("</channel>", "<item><guid isPermaLink=\"false\">x-1234567890</guid></item></channel>")),
    ("item-without-guid", "MissingGuid", W, Replace("</channel>", "<item><title>Sans GUID</title></item></channel>")),
    ("permalink-no", "InvalidBooleanAttribute", E, Replace("isPermaLink=\"false\"", "isPermaLink=\"no\"")),
    ("uuid-permalink", "InvalidHttpGUID", E, Replace("isPermaLink=\"false\"", "isPermaLink=\"true\"")),
    ("short-guid", "NotSufficientlyUnique", W, Replace(">6002623c-c07f-55c3-a62a-db8e0cb4bd73<", ">12<")),
    ("same-guid-twice", "DuplicateValue", E, Replace("014b3340-bbe9-525b-bb2e-d8a5ea8f7c7c", "6002623c-c07f-55c3-a62a-db8e0cb4bd73")),
    ("length-in-words", "InvalidIntegerAttribute", E, Replace("length=\"59637812\"", "length=\"59 Mo\"")),
    ("negative-length", "InvalidNonNegativeInteger", E, Replace("length=\"59637812\"", "length=\"-5\"")),
    ("unknown-length", "UseZeroForUnknown", E, Replace("length=\"59637812\"", "length=\"-1\"")),
    ("mime-with-space", "InvalidMIMEAttribute", E, Replace("length=\"59637812\" type=\"audio/mpeg\"", "length=\"59637812\" type=\"audio mpeg\"")),
    ("ogg-enclosure", "UnsupportedItunesFormat", W, Replace("001-bienvenue.mp3\" length", "001-bienvenue.ogg\" length")),
    ("two-enclosures", "DuplicateEnclosure", W, RepeatLine("<enclosure ")),
    ("content-without-description", "NeedDescriptionBeforeContent", W, RemoveLine("<description><![CDATA[<p>Une phrase")),
    ("relative-footnote", "ContainsRelRef", W, Replace("href=\"https://cite-ia.example/carnets/episodes/012-par-ou-commencer/#ep12-fn-1\"", "href=\"#ep12-fn-1\"")),
    ("script", "SecurityRisk", W, Replace("<h2 id=", "<script>alert(1)</script><h2 id=")),
    ("onclick", "SecurityRiskAttr", W, Replace("<a href=\"https://cite-ia.example/ateliers", "<a onclick=\"go()\" href=\"https://cite-ia.example/ateliers")),
    ("css-url", "DangerousStyleAttr", W, Replace("style=\"text-align: left\"", "style=\"background: url(https://x.example/a.png)\"")),
    ("not-html", "NotHtml", W, Replace("<h2 id=", "<foo>bar</foo><h2 id=")),
    ("webp-artwork", "ItunesImageFormat", E, Replace("cover.jpg\"/>", "cover.webp\"/>")),
    ("block-oui", "InvalidYesNoClean", E, Replace("<itunes:block>Yes</itunes:block>", "<itunes:block>Oui</itunes:block>")),
];

#[test]
fn the_checker_catches_every_rule_broken_on_purpose() {
    let dir = tempfile::tempdir().unwrap();
    let good = feed::render(&w3c_show(), &feed_fixture::episodes());
    let mut feeds = vec![write(dir.path(), "good", &good)];
    for (name, _, _, change) in BROKEN {
        let xml = change.apply(&good);
        assert_ne!(xml, good, "{name} changed nothing");
        feeds.push(write(dir.path(), name, &xml));
    }
    let Some(reports) = check(&feeds) else { return };
    assert_valid(&reports[0], "the unbroken feed");
    let missed: Vec<String> = BROKEN
        .iter()
        .zip(&reports[1..])
        .filter(|((_, rule, level, _), report)| !rules(report, level).iter().any(|r| r == rule))
        .map(|((name, rule, level, _), report)| format!("{name}: no {rule} in {level}: {report:#}"))
        .collect();
    assert!(
        missed.is_empty(),
        "the checker missed:\n{}",
        missed.join("\n")
    );
}

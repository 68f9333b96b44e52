//! `carnets check` in French on a `podcast.yaml` full of mistakes: every message of the show's
//! settings (`locales/fr/config.ftl`) comes in French, at the same `path:line:column: error:`
//! with the same `help:` prefix, and `LANG=C` gives the English of `locales/en/config.ftl`.

use std::fs;

use crate::common::{self, carnets, run};

/// A show whose settings hold one mistake of each kind `src/show/config/` reports: a category
/// Apple does not know (twice: with and without a suggestion), a show type, a medium, an app of
/// `links`, a geo URI, a recurrence rule, a bitrate, splits that do not add up to 100, a
/// comment protocol, an unknown licence (a warning), and a URL without its scheme.
const MISTAKES: &str = "\
title: Essais
description: Un podcast d’essai.
base_url: https://essais.example.fr/
language: fr-FR
author: Équipe
owner: { name: Équipe, email: essais@example.fr }
image: cover.jpg
categories: [technology, Technologie]
type: feuilleton
medium: Podcast
links:
  itunes: https://podcasts.apple.com/fr/podcast/id1
location: { name: Lille, geo: \"geo:95,3\" }
update_frequency: { text: Mensuel, rrule: \"FREQ=FORTNIGHTLY\" }
funding:
  - { url: \"exemple.fr/soutenir\", text: Soutenir }
formats: [{ codec: opus, bitrate: 900k }]
value:
  recipients:
    - { name: Camille, lnaddress: camille@getalby.com, split: 90 }
    - { name: Dominique, lnaddress: dominique@getalby.com, split: 20 }
social_interact: [{ protocol: mastodon, uri: \"https://podcastindex.social/@essais/1\" }]
license: tous-droits-reserves
";

/// Runs `carnets check` with `LANG=lang` on a show of `yaml` (and the fixture's artwork);
/// returns the exit code and what it printed, the show's folder left out of the paths.
fn check(yaml: &str, lang: &str) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("p");
    fs::create_dir_all(&root).unwrap();
    fs::write(root.join("podcast.yaml"), yaml).unwrap();
    let cover = common::fixtures().join("podcast/cover.jpg");
    fs::copy(cover, root.join("cover.jpg")).unwrap();
    let (code, _, stderr) = run(carnets()
        .env("LANG", lang)
        .arg("check")
        .arg("--root")
        .arg(&root));
    let prefix = format!("{}/", root.display());
    (code, stderr.replace(&prefix, ""))
}

/// Asserts each line of `lines` is a whole line of `stderr`.
fn assert_lines(stderr: &str, lines: &[&str]) {
    for line in lines {
        assert!(
            stderr.lines().any(|l| l == *line),
            "no line\n{line}\nin\n{stderr}"
        );
    }
}

#[test]
fn check_speaks_french_on_a_french_locale_and_english_on_c() {
    let (code, french) = check(MISTAKES, "fr_FR.UTF-8");
    assert_eq!(code, 1, "{french}");
    assert_lines(
        &french,
        &[
            "podcast.yaml:8:14: error: `technology` n’est pas une catégorie d’Apple Podcasts",
            "  help: vouliez-vous dire `Technology`\u{a0}?",
            "podcast.yaml:8:26: error: `Technologie` n’est pas une catégorie d’Apple Podcasts",
            "  help: utilisez un nom de la liste d’Apple, par exemple `Technology` ou `Business/Entrepreneurship`",
            "podcast.yaml:9:7: error: type d’émission `feuilleton` inconnu",
            "  help: écrivez `episodic` ou `serial`",
            "podcast.yaml:10:9: error: `Podcast` n’est pas un `medium` du Podcasting 2.0",
            "  help: écrivez `medium: podcast` (en minuscules)",
            "podcast.yaml:12:11: error: application `itunes` inconnue dans `links`",
            "podcast.yaml:13:31: error: `geo:95,3` n’est pas une URI geo\u{a0}: la latitude doit être comprise entre -90 et 90",
            "  help: écrivez la latitude et la longitude en degrés décimaux, par exemple `geo: \"geo:50.6292,3.0573\"`",
            "podcast.yaml:14:43: error: `FREQ=FORTNIGHTLY`\u{a0}: la fréquence est l’une de celles-ci\u{a0}: SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY, YEARLY",
            "  help: écrivez une règle RFC 5545 comme `FREQ=WEEKLY` ou `FREQ=MONTHLY;BYDAY=1TH`",
            "podcast.yaml:17:35: error: Opus à 900 kbit/s sort de ce qu’accepte son encodeur",
            "podcast.yaml:19:3: error: les parts (`split`) de `value` font 110 au total, et non 100",
            "  help: donnez à chaque destinataire son pourcentage de ce qu’envoient les auditeurs\u{a0}: les parts doivent faire 100 au total",
            "podcast.yaml:22:31: error: `mastodon` n’est pas un protocole de `podcast:socialInteract`",
            "podcast.yaml:23:10: warning: carnets ne connaît pas la licence `tous-droits-reserves`\u{a0}; les applications ont besoin de l’adresse de son texte",
            "  help: écrivez `license: {id: tous-droits-reserves, url: https://…}`, ou utilisez un identifiant SPDX comme cc-by-4.0",
        ],
    );
    assert!(
        french
            .lines()
            .any(|l| l.starts_with("  help: utilisez l’une de ces valeurs\u{a0}: apple, spotify,")),
        "{french}"
    );
    assert!(
        french.contains("  help: choisissez entre "),
        "the bitrate's help: {french}"
    );
    // The URL's own words are the checker's (show.ftl); its place is the same in both languages.
    assert!(french.contains("podcast.yaml:16:12: error: "), "{french}");

    let (code, english) = check(MISTAKES, "C");
    assert_eq!(code, 1, "{english}");
    assert_lines(
        &english,
        &[
            "podcast.yaml:8:14: error: `technology` is not an Apple Podcasts category",
            "  help: did you mean `Technology`?",
            "podcast.yaml:8:26: error: `Technologie` is not an Apple Podcasts category",
            "  help: use a name from Apple's list, e.g. `Technology` or `Business/Entrepreneurship`",
            "podcast.yaml:9:7: error: unknown show type `feuilleton`",
            "  help: write `episodic` or `serial`",
            "podcast.yaml:10:9: error: `Podcast` is not a Podcasting 2.0 medium",
            "  help: write `medium: podcast` (lowercase)",
            "podcast.yaml:12:11: error: unknown app `itunes` in `links`",
            "podcast.yaml:13:31: error: `geo:95,3` is not a geo URI: the latitude must be between -90 and 90",
            "podcast.yaml:14:43: error: `FREQ=FORTNIGHTLY`: the frequency is one of SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY, YEARLY",
            "podcast.yaml:17:35: error: Opus at 900 kbit/s is outside what its encoder takes",
            "podcast.yaml:19:3: error: the splits of `value` add up to 110, not 100",
            "  help: give each recipient its percent of what listeners send: the splits must add up to 100",
            "podcast.yaml:22:31: error: `mastodon` is not a protocol of podcast:socialInteract",
            "podcast.yaml:23:10: warning: carnets does not know the licence `tous-droits-reserves`; apps need the URL of its text",
        ],
    );
    assert!(
        english.contains("podcast.yaml:16:12: error: `exemple.fr/soutenir` is not an absolute URL"),
        "{english}"
    );
    // Nothing of the French run is left in the English one.
    for word in ["n’est pas", "écrivez", "\u{a0}:"] {
        assert!(!english.contains(word), "{word:?} in\n{english}");
    }
}

#[test]
fn a_value_of_the_wrong_type_names_what_is_expected_in_french() {
    let yaml = MISTAKES.replace("license: tous-droits-reserves", "license: [cc-by-4.0]");
    let (code, french) = check(&yaml, "fr_FR.UTF-8");
    assert_eq!(code, 1, "{french}");
    assert!(
        french.contains("un identifiant SPDX comme cc-by-4.0, ou `{id: …, url: …}`"),
        "{french}"
    );
    let (_, english) = check(&yaml, "C");
    assert!(
        english.contains("an SPDX identifier such as cc-by-4.0, or {id: …, url: …}"),
        "{english}"
    );
}

#[test]
fn an_unknown_key_is_reported_at_its_place_in_both_languages() {
    // The words are those of the YAML reader (`src/show/yaml.rs`, show.ftl); the place and the
    // key are the same whatever the language.
    let yaml = format!("{MISTAKES}explcit: true\n");
    for lang in ["fr_FR.UTF-8", "C"] {
        let (code, stderr) = check(&yaml, lang);
        assert_eq!(code, 1, "{stderr}");
        let line = stderr
            .lines()
            .find(|l| l.starts_with("podcast.yaml:24:1: error: "));
        assert!(line.is_some_and(|l| l.contains("`explcit`")), "{stderr}");
    }
}

//! The show's messages in French and in English: `carnets check` on a copy of the fixture
//! podcast with mistakes in the front matter, a bad date, chapters out of order, a missing
//! MP3, a broken transcript, a folder badly named and a lock that disagrees, and
//! `carnets new`/`init` where they refuse; run with `LANG=fr_FR.UTF-8`, then `LANG=C`.

use std::fs;
use std::path::Path;

use crate::check::replace;
use crate::common::{self, carnets, run};

/// Breaks the fixture podcast in every way the test reads back.
fn broken(root: &Path) {
    let first = "episodes/001-cbr/episode.md";
    replace(root, first, "date: 2026-01-15 08:00", "date: 15/01/2026");
    replace(root, first, "\"00:02.500\"", "\"00:00\"");
    replace(root, first, "number: 1", "number: 1\ntype: podcast");
    replace(
        root,
        "episodes/003-mpeg2/episode.md",
        "number: 3",
        "saison: 3",
    );
    let fourth = root.join("episodes/004-mpeg25-etiquete");
    fs::remove_file(fourth.join("audio.mp3")).unwrap();
    fs::write(
        fourth.join("transcription.vtt"),
        "00:01.000 --> 00:02.000\nBonjour\n",
    )
    .unwrap();
    fs::create_dir_all(root.join("episodes/Épisode 5")).unwrap();
    fs::write(
        root.join("carnets.lock"),
        r#"{"podcast_guid": null, "episodes": {"002-vbr-sans-xing": {"guid": "ancien", "date": "2020-01-01T08:00:00+01:00", "enclosure": ""}}}"#,
    )
    .unwrap();
}

/// `carnets check` on the broken podcast in `lang`: the exit code and stderr, the podcast's
/// folder left out of the paths.
fn check_in(lang: &str) -> (i32, String) {
    let (_tmp, root) = common::podcast("podcast");
    broken(&root);
    let (code, _, stderr) = run(carnets()
        .env("LANG", lang)
        .arg("check")
        .arg("--root")
        .arg(&root));
    (code, stderr.replace(&format!("{}/", root.display()), ""))
}

fn assert_has(stderr: &str, lines: &[&str]) {
    for line in lines {
        assert!(stderr.contains(line), "no\n{line}\nin\n{stderr}");
    }
}

#[test]
fn check_speaks_french_under_a_french_locale() {
    let (code, stderr) = check_in("fr_FR.UTF-8");
    assert_eq!(code, 1, "{stderr}");
    assert_has(
        &stderr,
        &[
            "episodes/001-cbr/episode.md:3:7: error: `15/01/2026` n’est pas une date\u{a0}: écrivez `2026-11-20 08:00` (heure locale) ou `2026-11-20T08:00:00+01:00`",
            "episodes/001-cbr/episode.md:6:7: error: type d’épisode inconnu `podcast`\n",
            "  help: écrivez `full`, `trailer` ou `bonus`",
            "error: le chapitre «\u{a0}Les PME\u{a0}» commence à 00:00, pas après le précédent (00:00)\n",
            "  help: les chapitres doivent être dans l’ordre, chacun commençant après le précédent",
            "episodes/003-mpeg2/episode.md:5:1: error: clé inconnue `saison`\u{a0}; les clés possibles sont title, date, guid,",
            "episodes/004-mpeg25-etiquete: error: aucun fichier .mp3 dans ce dossier d’épisode\n  help: ajoutez le MP3 de l’épisode dans le dossier",
            "episodes/004-mpeg25-etiquete/transcription.vtt:1:1: error: une transcription WebVTT doit commencer par une ligne `WEBVTT`\n",
            "  help: corrigez la transcription, ou exportez-la à nouveau depuis l’outil de transcription",
            "episodes/Épisode 5: error: `Épisode 5` n’est pas un nom de dossier valide\u{a0}: utilisez des minuscules sans accents, des chiffres et des tirets\n  help: renommez le dossier en `episode-5`",
            "episodes/002-vbr-sans-xing/episode.md:4:7: error: le GUID a changé\u{a0}: les applications connaissent cet épisode sous `ancien`\n",
            "  help: écrivez `guid: ancien`\u{a0}: un nouveau GUID fait télécharger l’épisode à nouveau",
            "error: la date de publication a changé\u{a0}: les applications ont cet épisode au 2020-01-01T08:00:00+01:00\n",
        ],
    );
    for english in [
        "is not a date",
        "no .mp3 file",
        "unknown key",
        "must start with",
    ] {
        assert!(!stderr.contains(english), "{english} in\n{stderr}");
    }
}

#[test]
fn check_speaks_english_under_the_c_locale() {
    let (code, stderr) = check_in("C");
    assert_eq!(code, 1, "{stderr}");
    assert_has(
        &stderr,
        &[
            "episodes/001-cbr/episode.md:3:7: error: `15/01/2026` is not a date: write `2026-11-20 08:00` (local time) or `2026-11-20T08:00:00+01:00`",
            "episodes/001-cbr/episode.md:6:7: error: unknown episode type `podcast`\n",
            "  help: write `full`, `trailer` or `bonus`",
            "error: chapter « Les PME » starts at 00:00, not after the previous one (00:00)\n",
            "episodes/003-mpeg2/episode.md:5:1: error: unknown key `saison`, expected one of title, date, guid,",
            "episodes/004-mpeg25-etiquete: error: no .mp3 file in this episode folder\n  help: add the episode's MP3 to the folder",
            "episodes/004-mpeg25-etiquete/transcription.vtt:1:1: error: a WebVTT transcript must start with a `WEBVTT` line\n",
            "episodes/Épisode 5: error: `Épisode 5` is not a valid folder name: use lowercase letters, digits and hyphens\n  help: rename the folder to `episode-5`",
            "episodes/002-vbr-sans-xing/episode.md:4:7: error: the GUID changed: apps know this episode as `ancien`\n",
            "error: the publication date changed: apps have this episode at 2020-01-01T08:00:00+01:00\n",
        ],
    );
    assert!(!stderr.contains('’'), "{stderr}");
}

#[test]
fn new_and_init_refuse_in_the_producers_language() {
    let dir = tempfile::tempdir().unwrap();
    let busy = dir.path().join("occupé");
    fs::create_dir_all(&busy).unwrap();
    fs::write(busy.join("notes.txt"), "à garder").unwrap();
    let cases = [
        (
            "fr_FR.UTF-8",
            "error: aucun podcast ici\n  help: lancez la commande dans le dossier d’un podcast, ou passez `--root`\u{a0}; `carnets init DOSSIER` commence un nouveau podcast",
            "error: existe déjà et n’est pas vide\u{a0}; rien n’a été écrit\n  help: choisissez un autre nom, ou supprimez d’abord le dossier",
        ),
        (
            "C",
            "error: no podcast here\n  help: run this in a podcast folder, or pass --root; `carnets init DIR` starts a new podcast",
            "error: already exists and is not empty; nothing was written\n  help: choose another name, or remove the folder first",
        ),
    ];
    for (lang, new, init) in cases {
        let (code, _, stderr) = run(carnets()
            .env("LANG", lang)
            .args(["new", "Un titre", "--root"])
            .arg(dir.path()));
        assert_eq!(code, 1, "{stderr}");
        assert!(stderr.contains(new), "{lang}: {stderr}");
        let (code, _, stderr) = run(carnets().env("LANG", lang).arg("init").arg(&busy));
        assert_eq!(code, 1, "{stderr}");
        assert!(stderr.contains(init), "{lang}: {stderr}");
    }
    assert_eq!(
        fs::read_to_string(busy.join("notes.txt")).unwrap(),
        "à garder"
    );
}

//! The messages of `src/audio/` and `src/render/` in French (`LANG=fr_FR.UTF-8`) and in
//! English (`LANG=C`), from the real CLI on the fixture podcast: `carnets check` on its MP3s,
//! which are too quiet (the loudness with a decimal comma in French), and its first episode,
//! whose two chapters are too few for the description's timestamps; `check` on an episode
//! whose MP3 is a WAV file; `build` with a theme template that prints an undefined variable.

use std::fs;
use std::path::Path;

use crate::common::{self, carnets, run};

const FR: &str = "fr_FR.UTF-8";
const NBSP: char = '\u{a0}';

/// `carnets <command> --root <root>` with `LANG=<lang>`: its exit code and stderr.
fn carnets_in(lang: &str, command: &str, root: &Path) -> (i32, String) {
    let (code, _, stderr) = run(carnets()
        .arg(command)
        .arg("--root")
        .arg(root)
        .env("LANG", lang));
    (code, stderr)
}

fn assert_has(stderr: &str, line: &str) {
    assert!(stderr.contains(line), "no\n{line}\nin\n{stderr}");
}

#[test]
fn check_speaks_french_with_decimal_commas_and_english_under_lang_c() {
    let (_tmp, root) = common::podcast("podcast");
    let audio = root.join("episodes/001-cbr/audio.mp3");
    let info = carnets::audio::probe(&audio).expect("a valid MP3");
    let lufs = carnets::audio::loudness::measure(&audio, info.audio_start, info.audio_end)
        .expect("measured")
        .integrated
        .expect("not silent");
    assert!(lufs < -17.0, "the fixture is too quiet: {lufs}");
    let (figure, file) = (format!("{lufs:.1}"), audio.display());
    let episode = root.join("episodes/001-cbr/episode.md");
    let episode = episode.display();
    let command = "ffmpeg -i in.mp3 -af loudnorm=I=-16:TP=-1.5 -c:a libmp3lame -b:a 128k out.mp3";

    let (code, fr) = carnets_in(FR, "check", &root);
    assert_eq!(code, 0, "warnings only: {fr}");
    let comma = figure.replace('.', ",");
    assert_has(
        &fr,
        &format!(
            "{file}: warning: le son de l’épisode est trop faible{NBSP}: {comma}{NBSP}LUFS de \
             sonie intégrée{NBSP}; Apple recommande -16{NBSP}LUFS ±{NBSP}1\n  \
             help: normalisez à -16{NBSP}LUFS, par exemple `{command}`"
        ),
    );
    assert_has(
        &fr,
        &format!(
            "{episode}:9:5: warning: cet épisode a 2 chapitres{NBSP}: Spotify ne lit les \
             horodatages d’une description qu’à partir de 3"
        ),
    );
    assert_has(
        &fr,
        "help: ajoutez des chapitres pour qu’elle les donne aussi",
    );

    let (code, en) = carnets_in("C", "check", &root);
    assert_eq!(code, 0, "warnings only: {en}");
    assert_has(
        &en,
        &format!(
            "{file}: warning: the episode is too quiet: {figure} LUFS integrated; Apple \
             recommends -16 LUFS ± 1\n  help: normalise to -16 LUFS, e.g. `{command}`"
        ),
    );
    assert_has(
        &en,
        &format!("{episode}:9:5: warning: this episode has 2 chapter(s): Spotify reads"),
    );
    assert!(!en.contains("LUFS de sonie") && !en.contains('’'), "{en}");
}

#[test]
fn a_wav_file_named_mp3_is_refused_in_both_languages() {
    let (_tmp, root) = common::podcast("podcast");
    let audio = root.join("episodes/003-mpeg2/audio.mp3");
    fs::copy(common::fixtures().join("audio/wav-renamed.mp3"), &audio).unwrap();
    let file = audio.display();

    let (code, fr) = carnets_in(FR, "check", &root);
    assert_ne!(code, 0, "{fr}");
    assert_has(
        &fr,
        &format!(
            "{file}: error: ce n’est pas un fichier MP3{NBSP}: c’est un fichier WAV{NBSP}; \
             exportez l’épisode en MP3 (audio MPEG) et réessayez"
        ),
    );
    let (code, en) = carnets_in("C", "check", &root);
    assert_ne!(code, 0, "{en}");
    assert_has(
        &en,
        &format!(
            "{file}: error: not an MP3 file: it is a WAV file; export the episode as MP3 \
             (MPEG audio) and try again"
        ),
    );
}

#[test]
fn a_theme_template_error_names_its_file_and_line_in_both_languages() {
    let (_tmp, root) = common::podcast("podcast");
    let template = root.join("theme/templates/episode.html");
    fs::create_dir_all(template.parent().unwrap()).unwrap();
    fs::write(
        &template,
        "{% extends \"base.html\" %}\n{% block content %}\n<p>{{ episode.titel }}</p>\n{% endblock %}\n",
    )
    .unwrap();
    let file = template.display();

    let (code, fr) = carnets_in(FR, "build", &root);
    assert_ne!(code, 0, "{fr}");
    assert_has(
        &fr,
        &format!("{file}:3: error: erreur dans le modèle{NBSP}: "),
    );
    assert_has(
        &fr,
        "help: les modèles reçoivent `site`, `t` et `page`\u{a0}; les pages d’archive",
    );
    let (code, en) = carnets_in("C", "build", &root);
    assert_ne!(code, 0, "{en}");
    assert_has(&en, &format!("{file}:3: error: template error: "));
    assert_has(
        &en,
        "help: templates get `site`, `t` and `page`; archive pages",
    );
    assert!(
        !root.join("public").exists(),
        "a failed build publishes nothing"
    );
}

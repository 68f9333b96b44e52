//! The CLI in French and in English, as the locale picks it: the `--help` of the commands, the
//! version, the summaries of `init`, `new`, `build` and `check`, a failed build's count, and
//! the page `serve` shows while the sources do not build.

use std::fs;
use std::process::Command;

use crate::common::{carnets, podcast, run};
use crate::serve_support::{Server, request};

const FR: (&str, &str) = ("LANG", "fr_FR.UTF-8");
const C: (&str, &str) = ("LANG", "C");

/// `carnets args…` with the environment `env`; its exit code, stdout and stderr.
fn carnets_in(env: &[(&str, &str)], args: &[&str]) -> (i32, String, String) {
    let mut command = carnets();
    command.args(args).envs(env.iter().copied());
    run(&mut command)
}

/// The help of `carnets build`, in the language of `env`.
fn build_help(env: &[(&str, &str)]) -> String {
    let (code, stdout, stderr) = carnets_in(env, &["build", "--help"]);
    assert_eq!(code, 0, "{stderr}");
    stdout
}

const BUILD_FR: [&str; 8] = [
    "Construit le site dans le dossier de sortie (public/ par défaut)",
    "Utilisation\u{a0}: carnets build [OPTIONS]",
    "Options\u{a0}:",
    "Le dossier du podcast",
    "défaut\u{a0}:\u{a0}.]",
    "Publie aussi les brouillons et les épisodes datés dans le futur",
    "N’affiche que les erreurs",
    "Affiche l’aide",
];

const BUILD_EN: [&str; 8] = [
    "Build the site into the output folder (public/ by default)",
    "Usage: carnets build [OPTIONS]",
    "Options:",
    "The podcast folder",
    "[default: .]",
    "Also publish drafts and future-dated episodes",
    "Print only errors",
    "Print help",
];

fn assert_all(text: &str, expected: &[&str]) {
    for line in expected {
        assert!(text.contains(line), "{line:?} missing in:\n{text}");
    }
}

fn assert_none(text: &str, unexpected: &[&str]) {
    for line in unexpected {
        assert!(!text.contains(line), "{line:?} in:\n{text}");
    }
}

#[test]
fn build_help_speaks_the_locale_and_carnets_lang_overrides_it() {
    let french = build_help(&[FR]);
    assert_all(&french, &BUILD_FR);
    assert_none(&french, &BUILD_EN);
    // A flag shows no `[par défaut : false]`; every option has its help.
    assert_none(&french, &["false", "\n\n\n"]);
    let english = build_help(&[C]);
    assert_all(&english, &BUILD_EN);
    assert_none(&english, &BUILD_FR);
    assert_eq!(build_help(&[C, ("CARNETS_LANG", "fr")]), french);
    assert_eq!(build_help(&[FR, ("CARNETS_LANG", "en")]), english);
    assert_eq!(build_help(&[("LC_ALL", "fr_CA.UTF-8"), C]), french);
    assert_eq!(build_help(&[]), english);
}

#[test]
fn the_commands_are_listed_in_both_languages() {
    let (code, french, stderr) = carnets_in(&[FR], &["--help"]);
    assert_eq!(code, 0, "{stderr}");
    assert_all(
        &french,
        &[
            "Publie un podcast à partir d’un dossier",
            "Commandes\u{a0}:",
            "Vérifie le dossier du podcast et signale chaque problème\u{a0}; n’écrit rien",
            "Crée un nouveau dossier de podcast",
            "Compte les téléchargements des épisodes",
            "Affiche ce message ou l’aide de la ou des sous-commandes données",
            "Affiche la version",
        ],
    );
    let (code, english, stderr) = carnets_in(&[C], &["--help"]);
    assert_eq!(code, 0, "{stderr}");
    assert_all(
        &english,
        &[
            "Publish a podcast from a folder: tagged MP3s, a podcast RSS feed and an HTML archive",
            "Commands:",
            "Validate the podcast folder and report every problem; writes nothing",
            "Print this message or the help of the given subcommand(s)",
            "Print version",
        ],
    );
    // Each command is listed in both.
    for name in [
        "build", "check", "new", "init", "serve", "import", "deploy", "stats",
    ] {
        let listed = |text: &str| text.lines().any(|l| l.trim_start().starts_with(name));
        assert!(listed(&french) && listed(&english), "{name}");
    }
    // `carnets help build` says what `carnets build --help` says.
    let (_, help_build, _) = carnets_in(&[FR], &["help", "build"]);
    assert_eq!(help_build, build_help(&[FR]));
}

#[test]
fn a_usage_error_exits_2_in_french_too() {
    for env in [FR, C] {
        assert_eq!(carnets_in(&[env], &["publish"]).0, 2);
        assert_eq!(carnets_in(&[env], &["build", "--drafts=maybe"]).0, 2);
        let (code, _, stderr) = carnets_in(&[env], &["stats"]);
        assert_eq!(code, 2, "{stderr}");
    }
}

/// `carnets --version`: the version and the commit the binary was built from.
#[test]
fn the_version_names_the_commit() {
    let (code, stdout, stderr) = carnets_in(&[FR], &["--version"]);
    assert_eq!(code, 0, "{stderr}");
    let git = Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output();
    let commit = match git {
        Ok(out) if out.status.success() => String::from_utf8(out.stdout).unwrap(),
        // Built from a tarball: no git, no commit.
        _ => "unknown".to_string(),
    };
    let expected = format!(
        "carnets {} ({})\n",
        env!("CARGO_PKG_VERSION"),
        commit.trim()
    );
    assert_eq!(stdout, expected);
    assert_eq!(carnets_in(&[C], &["--version"]).1, expected);
}

/// `init`, `new`, `build` and `check` say what they did in the producer's language.
#[test]
fn the_summaries_are_french_with_real_plurals() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("show");
    let show = dir.to_str().unwrap();
    let (code, _, stderr) = carnets_in(&[FR], &["init", show]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stderr,
        format!(
            "podcast créé dans {show}\nensuite\u{a0}: modifiez {show}/podcast.yaml, remplacez \
             cover.jpg et l’épisode d’exemple, puis lancez `carnets build --root {show}`\n"
        )
    );
    let (code, _, stderr) = carnets_in(&[FR], &["check", "--root", show]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.ends_with("1 épisode vérifié\u{a0}: aucune erreur\n"),
        "{stderr}"
    );
    let (code, _, stderr) = carnets_in(&[FR], &["build", "--root", show]);
    assert_eq!(code, 0, "{stderr}");
    let out = dir.join("public");
    let built = format!("1 épisode construit dans {} : ", out.display());
    assert!(
        stderr.contains(&built.replace(" : ", "\u{a0}: ")),
        "{stderr}"
    );
    assert!(
        stderr.contains(" fichiers écrits, 0 inchangé\n"),
        "{stderr}"
    );
    let (_, _, again) = carnets_in(&[FR], &["build", "--root", show]);
    assert!(again.contains(": 0 fichier écrit, "), "{again}");
    assert!(again.ends_with(" inchangés\n"), "{again}");
    let (_, _, english) = carnets_in(&[C], &["build", "--root", show]);
    assert!(english.contains("built 1 episode(s) into"), "{english}");
    assert!(english.contains(": 0 file(s) written, "), "{english}");

    let (code, _, stderr) = carnets_in(&[FR], &["new", "Deuxième épisode", "--root", show]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.starts_with(&format!("{show}/episodes/")), "{stderr}");
    assert!(
        stderr.contains(" créé\nensuite\u{a0}: mettez le MP3 dans "),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("puis lancez `carnets check`\n"),
        "{stderr}"
    );
}

/// A failed build counts its errors in French, after the machine-readable `error:`.
#[test]
fn a_failed_build_counts_its_errors_in_french() {
    let (_tmp, root) = podcast("podcast");
    fs::write(root.join("podcast.yaml"), "title: [broken\n").unwrap();
    let root = root.to_str().unwrap();
    let (code, _, stderr) = carnets_in(&[FR], &["build", "--root", root]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.ends_with("error: 1 erreur, 0 avertissement\u{a0}; rien n’a été écrit\n"),
        "{stderr}"
    );
    let (_, _, english) = carnets_in(&[C], &["build", "--root", root]);
    assert!(
        english.ends_with("error: 1 error(s), 0 warning(s); nothing was written\n"),
        "{english}"
    );
}

/// While the sources do not build, `serve`'s pages say so in the producer's language.
#[test]
fn serve_shows_a_broken_build_in_french() {
    let (tmp, root) = podcast("podcast");
    fs::write(root.join("podcast.yaml"), "title: [broken\n").unwrap();
    let server = Server::start_in(&root, &tmp.path().join("tmp"), &[FR]);
    let page = server.get("/");
    assert_eq!(page.status, 404, "the first build failed: no page yet");
    let text = page.text();
    assert!(text.contains("<html lang=\"fr\">"), "{text}");
    assert!(
        text.contains("<title>carnets serve\u{a0}: erreur de construction</title>"),
        "{text}"
    );
    assert!(
        text.contains("la dernière modification ne se construit pas"),
        "{text}"
    );
    assert!(text.contains("podcast.yaml:1:"), "{text}");
    let stderr = server.stderr();
    assert!(
        stderr.contains("error: 1 erreur\u{a0}; l’aperçu montre la dernière construction réussie"),
        "{stderr}"
    );
    let foreign = request(server.port, "GET", "/", &[("Host", "attacker.example")]);
    assert_eq!(foreign.status, 421);
    let refused = format!(
        "carnets serve ne répond qu’à l’adresse http://127.0.0.1:{}/\n",
        server.port
    );
    assert_eq!(foreign.text(), refused);
}

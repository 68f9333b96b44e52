//! `carnets deploy` and `carnets stats` speak the producer's language: the same runs with
//! `LANG=fr_FR.UTF-8` and with `LANG=C` — the plan of a dry run to a folder and its notes and
//! summary, a deploy target carnets does not know, the terminal tables of a count, its
//! warning about a line that is no request, its summary, and a period with no day.

use std::fs;
use std::process::Command;

use crate::common::{carnets, run, tree};
use crate::deploy_support::{command, show};
use crate::stats_support::{Format, LONG, PUBLISHED, Podcast, Req, example, log};

const FR: &str = "fr_FR.UTF-8";
const EN: &str = "C";

fn in_lang(command: &mut Command, lang: &str) -> (i32, String, String) {
    run(command.env("LANG", lang))
}

/// The path and the size of each line of a plan (`upload PATH (new, SIZE)`, in any language).
fn planned(out: &str) -> Vec<(String, String)> {
    out.lines()
        .map(|line| {
            let (_, rest) = line.split_once(' ').unwrap();
            let (path, why) = rest.split_once(" (").unwrap();
            let size = why.rsplit_once(", ").unwrap().1.trim_end_matches(')');
            (path.to_string(), size.to_string())
        })
        .collect()
}

#[test]
fn a_dry_run_and_a_bad_target_in_french_and_in_english() {
    let (tmp, root) = show("https://127.0.0.1:9/", "");
    let site = tmp.path().join("site");
    fs::create_dir_all(&site).unwrap();
    fs::write(site.join("robots.txt"), "User-agent: *\n").unwrap();
    let to = format!("file://{}", site.display());

    let (code, fr_out, fr_err) = in_lang(&mut command(&root, &to, &[], &["--dry-run"]), FR);
    assert_eq!(code, 0, "{fr_err}");
    let (code, en_out, en_err) = in_lang(&mut command(&root, &to, &[], &["--dry-run"]), EN);
    assert_eq!(code, 0, "{en_err}");
    let files = tree(&root.join("public")).len();
    assert_eq!(fr_out.lines().count(), files, "{fr_out}");
    assert!(
        fr_out
            .lines()
            .all(|l| l.starts_with("envoyer ") && l.contains(" (nouveau, ")),
        "{fr_out}"
    );
    assert!(
        en_out
            .lines()
            .all(|l| l.starts_with("upload ") && l.contains(" (new, ")),
        "{en_out}"
    );
    // The same files in the same order; the sizes as each language writes them.
    let (fr_plan, en_plan) = (planned(&fr_out), planned(&en_out));
    assert_eq!(fr_plan.len(), en_plan.len());
    for ((fr_path, fr_size), (en_path, en_size)) in fr_plan.iter().zip(&en_plan) {
        assert_eq!(fr_path, en_path);
        let french = en_size
            .replace('.', ",")
            .replace("iB", "io")
            .replace(" B", " o")
            .replace(' ', "\u{a0}");
        assert_eq!(*fr_size, french, "{fr_out}");
    }
    assert!(
        en_plan.iter().any(|(_, size)| size.contains('.')),
        "some size has decimals: {en_out}"
    );
    assert!(fr_out.ends_with(&format!(
        "envoyer feed.xml (nouveau, {})\n",
        fr_plan.last().unwrap().1
    )));

    assert!(fr_err.contains(&format!("note\u{a0}: la cible {to} a été listée, car elle n’a pas de manifeste .carnets-manifest.json (carnets n’y a encore rien mis en ligne)\u{a0}: les fichiers de même taille que ceux du site construit ont été gardés (0 fichier)")), "{fr_err}");
    assert!(fr_err.contains("note\u{a0}: 1 fichier de la cible n’est pas dans le site construit et a été laissé en place (`--allow-deletes` le supprime)"), "{fr_err}");
    assert!(
        fr_err.contains(&format!(
            "plan pour {to}\u{a0}: {files} fichiers à envoyer ("
        )),
        "{fr_err}"
    );
    assert!(
        fr_err.contains("), 0 gardé, 0 à supprimer\u{a0}; rien n’a été envoyé"),
        "{fr_err}"
    );
    assert!(en_err.contains(&format!("note: {to} was listed, as it has no manifest .carnets-manifest.json (no deploy by carnets yet): files of the same size as the output's were kept (0 of them)")), "{en_err}");
    assert!(en_err.contains("note: 1 file(s) at the target are not in the output and were left in place (`--allow-deletes` deletes them)"), "{en_err}");
    assert!(
        en_err.contains(&format!("plan for {to}: {files} file(s) to upload (")),
        "{en_err}"
    );
    assert!(
        en_err.contains("), 0 kept, 0 to delete; nothing was sent"),
        "{en_err}"
    );
    assert!(held_nothing(&site), "a dry run sends nothing");

    // A target carnets does not know: the machine-readable words stay English.
    let bad = "ftp://example.org/podcast";
    let (code, _, fr_err) = in_lang(&mut command(&root, bad, &[], &[]), FR);
    assert_eq!(code, 1, "{fr_err}");
    assert!(fr_err.contains("--to: error: carnets ne connaît pas de cible de mise en ligne `ftp://`\u{a0}; écrivez-en une de la forme `s3://bucket/préfixe`, `sftp://utilisateur@hôte/chemin`, `webdav://` ou `webdavs://hôte/chemin`, `file:///chemin`\n  help: par exemple `--to sftp://moi@example.org/var/www/podcast`"), "{fr_err}");
    assert!(fr_err.contains("error: la mise en ligne s’est arrêtée\u{a0}: 0 fichier envoyé et 0 supprimé avant l’arrêt\u{a0}; le flux en ligne ne nomme que des fichiers complets\u{a0}; relancez `carnets deploy` une fois le problème réglé"), "{fr_err}");
    let (code, _, en_err) = in_lang(&mut command(&root, bad, &[], &[]), EN);
    assert_eq!(code, 1, "{en_err}");
    assert!(en_err.contains("--to: error: `ftp://` is not a deploy target carnets knows; write one of s3://bucket/prefix, sftp://user@host/path, webdav:// or webdavs://host/path, file:///path\n  help: e.g. --to sftp://me@example.org/var/www/podcast"), "{en_err}");
    assert!(en_err.contains("error: the deploy stopped: 0 file(s) uploaded, 0 deleted before it stopped; the live feed names only complete files; run `carnets deploy` again once the problem is fixed"), "{en_err}");
}

/// True when the target holds only what the test put there.
fn held_nothing(site: &std::path::Path) -> bool {
    tree(site).into_keys().eq(["robots.txt".to_string()])
}

#[test]
fn the_tables_and_warnings_of_a_count_in_french_and_in_english() {
    let p = Podcast::new();
    let t0 = PUBLISHED + 3600;
    let requests = [
        Req::get(
            t0,
            "192.0.2.10",
            LONG,
            p.long_size,
            &example("apps", "AntennaPod"),
        ),
        Req::get(
            t0 + 60,
            "192.0.2.20",
            LONG,
            p.long_size,
            &example("apps", "Overcast"),
        ),
    ];
    let path = p.root.join("access.log");
    fs::write(
        &path,
        format!("garbage\n{}", log(Format::Combined, &requests)),
    )
    .unwrap();
    let stats = |lang: &str, extra: &[&str]| {
        in_lang(
            carnets()
                .arg("stats")
                .arg(&path)
                .arg("--root")
                .arg(&p.root)
                .args(extra),
            lang,
        )
    };

    let (code, out, err) = stats(FR, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(": 2 téléchargements, du 2026-11-10 au 2026-11-10 (Europe/Paris)\u{a0}; règles IAB v2.3, fenêtre glissante de 24 heures\n"), "{out}");
    let heading = format!(
        "{:<44}  {:<10}  {:>15}  {:>7}  {:>8}\n",
        "Épisode", "Publié le", "Téléchargements", "7 jours", "30 jours"
    );
    assert!(out.contains(&heading), "{out}");
    assert!(
        out.contains(&format!(
            "\n{:<32}  {:>15}  {:>6}\n",
            "Application", "Téléchargements", "Part"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "\n{:<32}  {:>15}  {:>6}\n",
            "AntennaPod", 1, "50,0\u{a0}%"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!("\n{:<10}  {:>15}\n", "Jour", "Téléchargements")),
        "{out}"
    );
    assert!(out.contains("\nÉcartés\u{a0}: 0 téléchargement de robot, 0 doublon de l’Apple Watch, 0 fenêtre d’auditeur sous le seuil, 0 HEAD, 0 non modifié (304), 0 erreur (4xx, 5xx), 0 sonde bytes=0-1, 1 ligne illisible\n"), "{out}");
    assert!(err.contains("access.log:1: warning: cette ligne n’est pas une ligne de journal combined, elle est écartée\u{a0}: garbage\n  help: si toutes les lignes ressemblent à celle-ci, le journal a un autre format\u{a0}: donnez-le avec `--format` (combined, s3 ou cloudfront)"), "{err}");
    assert!(
        err.contains("2 téléchargements comptés sur 3 lignes de 1 journal"),
        "{err}"
    );

    let (code, out, err) = stats(EN, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(": 2 download(s), 2026-11-10 to 2026-11-10 (Europe/Paris); IAB v2.3 rules, rolling 24-hour window\n"), "{out}");
    let heading = format!(
        "{:<44}  {:<10}  {:>9}  {:>7}  {:>7}\n",
        "Episode", "Published", "Downloads", "7 days", "30 days"
    );
    assert!(out.contains(&heading), "{out}");
    assert!(
        out.contains(&format!(
            "\n{:<32}  {:>9}  {:>6}\n",
            "AntennaPod", 1, "50.0%"
        )),
        "{out}"
    );
    assert!(out.contains("\nLeft out: 0 bot download(s), 0 Apple Watch duplicate(s), 0 listener window(s) under the threshold, 0 HEAD, 0 not modified (304), 0 error(s) (4xx, 5xx), 0 bytes=0-1 probe(s), 1 unparsed line(s)\n"), "{out}");
    assert!(err.contains("access.log:1: warning: this line is not a combined log line, left out: garbage\n  help: if every line is like this one, the log has another format: give it with --format (combined, s3 or cloudfront)"), "{err}");
    assert!(
        err.contains("counted 2 download(s) in 3 line(s) of 1 log(s)"),
        "{err}"
    );

    let period = ["--since", "2026-11-12", "--until", "2026-11-11"];
    let (code, _, err) = stats(FR, &period);
    assert_eq!(code, 2, "{err}");
    assert_eq!(
        err,
        "error: `--since 2026-11-12` est après `--until 2026-11-11`\u{a0}: il ne reste aucun jour à compter\n  help: donnez à `--since` un jour antérieur à `--until`\n"
    );
    let (code, _, err) = stats(EN, &period);
    assert_eq!(code, 2, "{err}");
    assert_eq!(
        err,
        "error: --since 2026-11-12 is after --until 2026-11-11, so no day is left to count\n  help: give --since a day before --until\n"
    );
}

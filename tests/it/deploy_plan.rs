//! The plan of `carnets deploy`, to a folder (`file://`): `--dry-run` prints it and sends
//! nothing; a deploy that would delete more than a fifth of the target stops before sending
//! anything unless `--allow-deletes`; a target without a usable manifest is listed (sizes)
//! and nothing found there is deleted; `deploy:` in `podcast.yaml` is the default target,
//! checked with the rest of the file.

use std::fs;

use crate::common::{carnets, run, tree};
use crate::deploy_support::{deploy, held, retitle, show};

/// A base URL nobody answers at: the check after publishing only warns.
const NOWHERE: &str = "https://127.0.0.1:9/";

#[test]
fn dry_run_prints_the_plan_in_order_and_sends_nothing() {
    let (tmp, root) = show(NOWHERE, "");
    let site = tmp.path().join("site");
    let to = format!("file://{}", site.display());
    let (code, out, err) = deploy(&root, &to, &[], &["--dry-run"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        !site.exists() || held(&site).is_empty(),
        "a dry run sends nothing"
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), tree(&root.join("public")).len(), "{out}");
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with("upload ") && l.contains("(new, ")),
        "{out}"
    );
    assert!(
        lines.last().unwrap().starts_with("upload feed.xml (new, "),
        "the feed goes last: {out}"
    );
    let first_page = lines.iter().position(|l| l.contains(".html")).unwrap();
    assert!(
        lines[..first_page].iter().any(|l| l.contains(".mp3")),
        "{out}"
    );
    assert!(
        lines[first_page..]
            .iter()
            .all(|l| !l.contains("chapters.json")),
        "{out}"
    );
    assert!(err.contains("nothing was sent"), "{err}");

    // Deployed, then one episode retitled: its MP3 is replaced, just before the feed.
    let (code, _, err) = deploy(&root, &to, &[], &[]);
    assert_eq!(code, 0, "{err}");
    retitle(&root, "001-cbr", "Bienvenue, autrement");
    let (code, out, err) = deploy(&root, &to, &[], &["--dry-run"]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    let n = lines.len();
    assert!(n >= 3, "{out}");
    assert!(
        lines[n - 2].starts_with("upload episodes/001-cbr/001-cbr.mp3 (changed, "),
        "{out}"
    );
    assert!(
        lines[n - 1].starts_with("upload feed.xml (changed, "),
        "{out}"
    );
    assert_eq!(
        held(&site).get("feed.xml"),
        Some(&fs::read(site.join("feed.xml")).unwrap())
    );
}

#[test]
fn deleting_more_than_a_fifth_of_the_target_needs_allow_deletes() {
    let (tmp, root) = show(NOWHERE, "");
    let site = tmp.path().join("site");
    let to = format!("file://{}", site.display());
    let (code, _, err) = deploy(&root, &to, &[], &[]);
    assert_eq!(code, 0, "{err}");
    let before = held(&site);
    for slug in ["002-vbr-sans-xing", "003-mpeg2", "004-mpeg25-etiquete"] {
        fs::remove_dir_all(root.join("episodes").join(slug)).unwrap();
    }
    let (code, _, err) = deploy(&root, &to, &[], &[]);
    assert_eq!(code, 1, "{err}");
    let files = before.len();
    assert!(err.contains(&format!("error: this deploy would delete 6 of the {files} files of the target, more than one in 5; nothing was sent")), "{err}");
    assert!(err.contains("help: check the target (--to, or deploy: in podcast.yaml) and the output; if these deletions are wanted, run `carnets deploy --allow-deletes`"), "{err}");
    assert!(
        err.contains("would delete episodes/003-mpeg2/003-mpeg2.mp3"),
        "{err}"
    );
    assert_eq!(held(&site), before, "nothing was sent");
    let (code, _, err) = deploy(&root, &to, &[], &["--allow-deletes"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("deleted episodes/004-mpeg25-etiquete/004-mpeg25-etiquete.mp3: the episode is no longer published; listeners keep what they downloaded, new plays of it fail"), "{err}");
    assert_eq!(held(&site), tree(&root.join("public")));
}

#[test]
fn a_target_without_a_usable_manifest_is_listed_and_nothing_found_there_is_deleted() {
    let (tmp, root) = show(NOWHERE, "");
    let site = tmp.path().join("site");
    let to = format!("file://{}", site.display());
    let (code, _, err) = deploy(&root, &to, &[], &[]);
    assert_eq!(code, 0, "{err}");
    // A damaged manifest, a file somebody else put there, a changed episode.
    fs::write(
        site.join(".carnets-manifest.json"),
        "{\"version\": 1, \"files\": {",
    )
    .unwrap();
    fs::write(site.join("robots.txt"), "User-agent: *\n").unwrap();
    retitle(&root, "001-cbr", "Bienvenue, autrement");
    let (code, _, err) = deploy(&root, &to, &[], &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("was listed, as its manifest .carnets-manifest.json is damaged"),
        "{err}"
    );
    assert!(err.contains("1 file(s) at the target are not in the output and were left in place (`--allow-deletes` deletes them)"), "{err}");
    assert_eq!(
        fs::read_to_string(site.join("robots.txt")).unwrap(),
        "User-agent: *\n"
    );
    let mut expected = tree(&root.join("public"));
    expected.insert("robots.txt".into(), b"User-agent: *\n".to_vec());
    assert_eq!(held(&site), expected);
    // The manifest is whole again: the next deploy compares hashes and sends nothing.
    let (code, _, err) = deploy(&root, &to, &[], &[]);
    assert_eq!(code, 0, "{err}");
    let kept = tree(&root.join("public")).len();
    assert!(
        err.contains(&format!("0 file(s) uploaded (0 B), {kept} kept, 0 deleted")),
        "{err}"
    );
}

#[test]
fn deploy_in_podcast_yaml_is_the_default_target_and_is_checked_with_the_file() {
    let (tmp, root) = show(NOWHERE, "");
    let site = tmp.path().join("site");
    let yaml = root.join("podcast.yaml");
    let text = fs::read_to_string(&yaml).unwrap();
    fs::write(&yaml, format!("{text}deploy: file://{}\n", site.display())).unwrap();
    let (code, _, err) = run(carnets().args(["deploy", "--root"]).arg(&root));
    assert_eq!(code, 0, "{err}");
    assert_eq!(held(&site), tree(&root.join("public")));

    fs::write(&yaml, format!("{text}deploy: ftp://example.org/podcast\n")).unwrap();
    let line = text.lines().count() + 1;
    let (code, _, err) = run(carnets().args(["check", "--root"]).arg(&root));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains(&format!("podcast.yaml:{line}:9: error: `ftp://` is not a deploy target carnets knows; write one of s3://bucket/prefix, sftp://user@host/path, webdav:// or webdavs://host/path, file:///path")), "{err}");

    fs::write(&yaml, &text).unwrap();
    let (code, _, err) = run(carnets().args(["deploy", "--root"]).arg(&root));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("podcast.yaml: error: there is no deploy target"),
        "{err}"
    );
    assert!(
        err.contains(
            "help: pass --to URL, or write `deploy: sftp://me@example.org/var/www/podcast`"
        ),
        "{err}"
    );
}

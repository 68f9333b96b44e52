//! The French guide, `docs/guide.md`, run as a transcript: each ```console block is
//! `$ carnets …` commands followed by what they print (stdout and stderr together), and
//! [trycmd] runs them one after the other in one folder, with `LANG=fr_FR.UTF-8`, and fails
//! when an output differs (`[..]` stands for a variable part of a line, `...` for lines).
//! Blocks written ```console,ignore are shown but not run: `carnets serve` (it runs until
//! Ctrl-C) and the installation (`cargo install` builds carnets again).
//!
//! The guide is written as a producer types it, with a producer's addresses: the old host
//! `https://ancien-hebergeur.example/`, the new site `https://podcast.example.fr/`, its folder
//! `/var/www/les-carnets`. The test makes them real: nginx on 127.0.0.1 and free ports plays
//! the old host (over HTTP, serving `tests/fixtures/guide/flux.xml` and its MP3s) and the new
//! site (over HTTPS with a throwaway authority, `SSL_CERT_FILE`, serving the deploy folder, so
//! that the check after `carnets deploy` finds the show online), and the guide runs from a
//! copy whose addresses are those servers'. The working folder holds what a producer has at
//! hand: the new episode's recording (`enregistrement.mp3`) and the host's access log
//! (`acces.log`, for `carnets stats`).
//!
//! After a change of the messages, bless the guide's outputs with
//! `TRYCMD=overwrite cargo test --test it guide::` (the copy's outputs are written back into
//! `docs/guide.md`, the addresses put back), then read the diff.

use std::fs;
use std::path::Path;

use crate::common::{copy_tree, fixtures, repo};
use crate::deploy_http::{Site, nginx};
use crate::deploy_servers::{free_port, tls, tools};

/// The guide's addresses, and the local ones the test puts in their place.
fn addresses(old_host: u16, site: u16, www: &Path) -> [(String, String); 3] {
    [
        (
            "https://ancien-hebergeur.example/".to_string(),
            format!("http://127.0.0.1:{old_host}/"),
        ),
        (
            "https://podcast.example.fr/".to_string(),
            format!("https://127.0.0.1:{site}/"),
        ),
        ("/var/www/les-carnets".to_string(), www.display().to_string()),
    ]
}

fn replace_all(text: &str, pairs: &[(String, String)], back: bool) -> String {
    pairs.iter().fold(text.to_string(), |text, (guide, local)| {
        if back {
            text.replace(local, guide)
        } else {
            text.replace(guide, local)
        }
    })
}

#[test]
fn the_guide_runs_as_written() {
    if tools(&["nginx", "openssl"]).is_none() {
        return;
    }
    let lab = tempfile::tempdir().unwrap();
    let old = lab.path().join("ancien-hebergeur");
    let www = lab.path().join("www");
    let work = lab.path().join("guide.in");
    fs::create_dir_all(old.join("media")).unwrap();
    fs::create_dir_all(&work).unwrap();
    let old_host = Site {
        port: free_port(),
        directives: format!("listen 127.0.0.1:{{port}};\nroot {};", old.display()),
    };
    let site = Site::https(&www);
    let tls = tls(lab.path());
    let _nginx = nginx(lab.path(), &tls, &[&old_host, &site]);

    let guide = fixtures().join("guide");
    let feed = fs::read_to_string(guide.join("flux.xml")).unwrap();
    let host = format!("127.0.0.1:{}", old_host.port);
    fs::write(old.join("flux.xml"), feed.replace("{{HOST}}", &host)).unwrap();
    fs::copy(repo().join("cover.jpg"), old.join("cover.jpg")).unwrap();
    for mp3 in ["bienvenue.mp3", "ateliers.mp3"] {
        fs::copy(guide.join(mp3), old.join("media").join(mp3)).unwrap();
    }
    copy_tree(&guide.join("work"), &work);

    let pairs = addresses(old_host.port, site.port, &www);
    let original = fs::read_to_string(repo().join("docs/guide.md")).unwrap();
    let copy = lab.path().join("guide.md");
    fs::write(&copy, replace_all(&original, &pairs, false)).unwrap();

    trycmd::TestCases::new()
        .case(&copy)
        .register_bin("carnets", Path::new(env!("CARGO_BIN_EXE_carnets")))
        .register_bin("cp", Path::new("/bin/cp"))
        // The producer's language, whatever the machine's: no override, French from LANG.
        .env("CARNETS_LANG", "")
        .env("LC_ALL", "")
        .env("LC_MESSAGES", "")
        .env("LANG", "fr_FR.UTF-8")
        .env("SSL_CERT_FILE", tls.ca.display().to_string())
        .run();

    if std::env::var_os("TRYCMD").is_some_and(|mode| mode == "overwrite") {
        let blessed = fs::read_to_string(&copy).unwrap();
        fs::write(
            repo().join("docs/guide.md"),
            replace_all(&blessed, &pairs, true),
        )
        .unwrap();
    }
}

//! Hostile targets: an SFTP host whose key is unknown, a WebDAV server that refuses the
//! password or every write, a host that does not answer, an SFTP host whose disk fills up
//! (a small tmpfs in a private mount namespace, sshd inside it). Each is one clear error that
//! says what to do, and the live feed stays as it was.

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use crate::common::{conformance_required, tree};
use crate::deploy_http::{Site, nginx};
use crate::deploy_servers::{free_port, sshd, tls, tools};
use crate::deploy_support::{add_episode, deploy, edit, held, show};
use crate::faults::footprint;

#[test]
fn an_unknown_host_key_is_refused_with_the_command_to_trust_it() {
    if tools(&["sshd", "ssh", "ssh-keygen"]).is_none() {
        return;
    }
    let lab = tempfile::tempdir().unwrap();
    let sshd = sshd(lab.path(), &[]);
    fs::write(&sshd.known_hosts, "").unwrap();
    let site = lab.path().join("site");
    let (_tmp, root) = show("https://127.0.0.1:9/", "");
    let (code, _, err) = deploy(&root, &sshd.target(&site), &sshd.env(), &[]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("error: the SSH host key of 127.0.0.1 is not in ~/.ssh/known_hosts"),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "ssh-keyscan -p {} 127.0.0.1 >> ~/.ssh/known_hosts",
            sshd.port
        )),
        "{err}"
    );
    assert!(!site.exists(), "nothing was written there");
    assert_eq!(sshd.clients(), Vec::<String>::new());
}

/// A WebDAV folder (writable and read-only addresses over the same files) with one deploy in.
struct Dav {
    _lab: tempfile::TempDir,
    _nginx: crate::deploy_http::Nginx,
    root: PathBuf,
    _show: tempfile::TempDir,
    site: PathBuf,
    writable: String,
    read_only: String,
}

fn deployed_dav() -> Option<Dav> {
    tools(&["nginx", "openssl"])?;
    let lab = tempfile::tempdir().unwrap();
    let tls = tls(lab.path());
    let folder = lab.path().join("dav");
    let site = folder.join("podcast");
    fs::create_dir_all(&site).unwrap();
    let htpasswd = lab.path().join("htpasswd");
    fs::write(&htpasswd, "camille:{PLAIN}mot-de-passe\n").unwrap();
    let rw = Site::dav(&folder, &htpasswd, true);
    let ro = Site::dav(&folder, &htpasswd, false);
    let nginx = nginx(lab.path(), &tls, &[&rw, &ro]);
    let (show_dir, root) = show("https://127.0.0.1:9/", "");
    let dav = Dav {
        _lab: lab,
        _nginx: nginx,
        root,
        _show: show_dir,
        site,
        writable: format!("webdav://127.0.0.1:{}/podcast", rw.port),
        read_only: format!("webdav://127.0.0.1:{}/podcast", ro.port),
    };
    let (code, _, err) = deploy(&dav.root, &dav.writable, &login("mot-de-passe"), &[]);
    assert_eq!(code, 0, "{err}");
    edit(&dav.root, "002-vbr-sans-xing", |t| {
        t.replace("Notes avec", "Notes revues, avec")
    });
    Some(dav)
}

fn login(password: &str) -> Vec<(String, PathBuf)> {
    vec![
        ("CARNETS_WEBDAV_USER".into(), "camille".into()),
        ("CARNETS_WEBDAV_PASSWORD".into(), password.into()),
    ]
}

#[test]
fn a_wrong_or_missing_webdav_password_is_refused_and_the_feed_stays() {
    let Some(dav) = deployed_dav() else { return };
    let feed = fs::read(dav.site.join("feed.xml")).unwrap();
    let (code, _, err) = deploy(&dav.root, &dav.writable, &login("mauvais"), &[]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("error: the WebDAV server http://127.0.0.1"),
        "{err}"
    );
    assert!(err.contains("refused the login"), "{err}");
    assert!(
        err.contains("help: set CARNETS_WEBDAV_USER and CARNETS_WEBDAV_PASSWORD"),
        "{err}"
    );
    let only_user = vec![("CARNETS_WEBDAV_USER".into(), "camille".into())];
    let (code, _, err) = deploy(&dav.root, &dav.writable, &only_user, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("set CARNETS_WEBDAV_PASSWORD in the environment"),
        "{err}"
    );
    assert_eq!(
        fs::read(dav.site.join("feed.xml")).unwrap(),
        feed,
        "the live feed stayed"
    );
}

#[test]
fn a_server_that_refuses_writes_stops_the_deploy_and_the_feed_stays() {
    let Some(dav) = deployed_dav() else { return };
    let feed = fs::read(dav.site.join("feed.xml")).unwrap();
    let (code, _, err) = deploy(&dav.root, &dav.read_only, &login("mot-de-passe"), &[]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("error: the target refused to write"), "{err}");
    assert!(
        err.contains("help: give the account the right to write in webdav://"),
        "{err}"
    );
    assert!(
        err.contains("the live feed names only complete files"),
        "{err}"
    );
    assert_eq!(
        fs::read(dav.site.join("feed.xml")).unwrap(),
        feed,
        "the live feed stayed"
    );
    // Once the server takes writes again, the next deploy finishes.
    let (code, _, err) = deploy(&dav.root, &dav.writable, &login("mot-de-passe"), &[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(held(&dav.site), tree(&dav.root.join("public")));
}

#[test]
fn an_unreachable_host_is_a_clear_error() {
    let (_tmp, root) = show("https://127.0.0.1:9/", "");
    let port = free_port();
    for to in [
        format!("webdav://127.0.0.1:{port}/podcast"),
        format!("sftp://127.0.0.1:{port}/srv/podcast"),
    ] {
        if to.starts_with("sftp") && tools(&["ssh"]).is_none() {
            continue;
        }
        let (code, _, err) = deploy(&root, &to, &[], &[]);
        assert_eq!(code, 1, "{to}: {err}");
        assert!(err.contains("error: cannot reach"), "{to}: {err}");
        assert!(
            err.to_lowercase().contains("connection refused"),
            "{to}: {err}"
        );
        assert!(
            err.contains("help: check the host name and port of the target"),
            "{to}: {err}"
        );
    }
}

/// `unshare -m`, when this machine lets the tests mount a filesystem of their own.
fn private_mount_namespace() -> bool {
    let ok = Command::new("unshare")
        .args(["-m", "sh", "-c", "d=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs \"$d\" && umount \"$d\"; r=$?; rmdir \"$d\"; exit $r"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok && conformance_required() {
        panic!("CARNETS_CONFORMANCE=1: cannot mount a tmpfs in a private namespace (unshare -m)");
    }
    ok
}

/// Runs `script` in the mount namespace of `pid` (where the small disk is).
fn inside(pid: u32, script: &str) -> String {
    let out = Command::new("nsenter")
        .args(["-t", &pid.to_string(), "-m", "sh", "-c", script])
        .output()
        .expect("nsenter");
    assert!(out.status.success(), "{script}: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_full_disk_on_the_host_fails_clearly_the_feed_stays_and_a_deploy_with_room_finishes() {
    if tools(&["sshd", "ssh", "ssh-keygen", "unshare", "nsenter"]).is_none()
        || !private_mount_namespace()
    {
        return;
    }
    let lab = tempfile::tempdir().unwrap();
    let disk = lab.path().join("disk");
    fs::create_dir_all(&disk).unwrap();
    let (_tmp, root) = show("https://127.0.0.1:9/", "");
    // Room for the show once, not for two more episodes of 147 kB.
    let (code, _, err) = crate::common::run(
        crate::common::carnets()
            .args(["build", "--root"])
            .arg(&root),
    );
    assert_eq!(code, 0, "{err}");
    let size_kb = footprint(&root.join("public")) / 1024 + 64;
    let mount = format!(
        "mount -t tmpfs -o size={size_kb}k tmpfs {} && exec \"$@\"",
        disk.display()
    );
    let sshd = sshd(
        lab.path(),
        &[
            "unshare",
            "-m",
            "--propagation",
            "private",
            "sh",
            "-c",
            &mount,
            "sh",
        ],
    );
    let site = disk.join("site");
    let to = sshd.target(&site);
    let (code, _, err) = deploy(&root, &to, &sshd.env(), &[]);
    assert_eq!(code, 0, "{err}");
    let pid = sshd.process.pid();
    let feed = inside(pid, &format!("cat {}/feed.xml", site.display()));

    let audio = crate::common::repo().join("episodes/001-premier-bilan/premier-bilan.mp3");
    for (slug, number) in [("005-long", 5), ("006-plus-long", 6)] {
        add_episode(&root, slug, number);
        fs::copy(&audio, root.join("episodes").join(slug).join("audio.mp3")).unwrap();
    }
    let (code, _, err) = deploy(&root, &to, &sshd.env(), &[]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("error: the target kept only "), "{err}");
    assert!(err.contains("help: the host's disk may be full"), "{err}");
    assert_eq!(
        inside(pid, &format!("cat {}/feed.xml", site.display())),
        feed,
        "the live feed stayed"
    );
    let parts = inside(
        pid,
        &format!("find {} -name '*.carnets-part'", site.display()),
    );
    assert_eq!(parts, "", "the partial files were removed");

    inside(
        pid,
        &format!("mount -o remount,size=65536k {}", disk.display()),
    );
    let (code, _, err) = deploy(&root, &to, &sshd.env(), &[]);
    assert_eq!(code, 0, "{err}");
    let listing = inside(
        pid,
        &format!(
            "cd {} && find . -type f ! -name .carnets-manifest.json -printf '%P %s\\n' | sort",
            site.display()
        ),
    );
    let mut expected: Vec<String> = tree(&root.join("public"))
        .iter()
        .map(|(path, bytes)| format!("{path} {}", bytes.len()))
        .collect();
    expected.sort();
    assert_eq!(listing.lines().collect::<Vec<_>>(), expected);
    assert_eq!(sshd.clients(), Vec::<String>::new());
}

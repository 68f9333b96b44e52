//! `carnets deploy` to real servers on 127.0.0.1: an OpenSSH host over SFTP and an nginx
//! WebDAV server, each then served over HTTPS by nginx, as a producer's host serves the show.
//! The order is read from what the server saw (sshd's SFTP log, nginx's access log), the
//! after-publishing check and the pings from nginx's log, and gPodder subscribes and
//! downloads the episodes from the live address.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use crate::common::tree;
use crate::deploy_http::{Site, nginx};
use crate::deploy_servers::{sshd, tls, tools};
use crate::deploy_support::{
    assert_second_version, deploy, differing, edit, feed_holds, gpodder, held, second_version, show,
};

/// The files an SFTP log shows taking their final name or being removed, in order, relative
/// to `site` (carnets' manifest and partial files left out).
fn sftp_events(log: &str, site: &Path) -> Vec<(String, bool)> {
    let prefix = format!("{}/", site.display());
    log.lines()
        .filter_map(|line| {
            let (deleted, rest) = if let Some(at) = line.find("rename old ") {
                (false, line[at..].split(" new \"").nth(1)?)
            } else if let Some(at) = line.find("remove name \"") {
                (true, &line[at + "remove name \"".len()..])
            } else {
                return None;
            };
            let path = rest.strip_suffix('"')?.strip_prefix(&prefix)?;
            let ours = path.contains(".carnets-manifest.json") || path.ends_with(".carnets-part");
            (!ours).then(|| (path.to_string(), deleted))
        })
        .collect()
}

#[test]
fn sftp_deploy_goes_in_order_is_served_as_apple_wants_and_gpodder_downloads_it() {
    let Some(tools) = tools(&["sshd", "ssh", "ssh-keygen", "nginx", "openssl", "gpo"]) else {
        return;
    };
    let lab = tempfile::tempdir().unwrap();
    let tls = tls(lab.path());
    let sshd = sshd(lab.path(), &[]);
    let site = lab.path().join("www/site");
    fs::create_dir_all(&site).unwrap();
    let https = Site::https(&site);
    let pings = Site::pings();
    let nginx = nginx(lab.path(), &tls, &[&https, &pings[0], &pings[1]]);
    let base = format!("https://127.0.0.1:{}/", https.port);
    let hooks = format!(
        "websub:\n  - https://127.0.0.1:{p}/hub\npubnotify: https://127.0.0.1:{p}/pubnotify\n",
        p = pings[0].port
    );
    let (_tmp, root) = show(&base, &hooks);
    let mut env = sshd.env();
    env.push(("SSL_CERT_FILE".into(), tls.ca.clone()));
    let to = sshd.target(&site);

    let (code, _, err) = deploy(&root, &to, &env, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        !err.contains("warning"),
        "the live check found problems: {err}"
    );
    assert_eq!(
        held(&site),
        tree(&root.join("public")),
        "the target holds the output"
    );
    let feed = fs::read_to_string(site.join("feed.xml")).unwrap();
    assert!(
        feed.contains(&format!(
            r#"<atom:link href="https://127.0.0.1:{}/hub" rel="hub"/>"#,
            pings[0].port
        )),
        "{feed}"
    );
    // The check after publishing asked what Apple asks, of every MP3.
    let log = nginx.logged();
    for slug in [
        "001-cbr",
        "002-vbr-sans-xing",
        "003-mpeg2",
        "004-mpeg25-etiquete",
    ] {
        let mp3 = format!("/episodes/{slug}/{slug}.mp3");
        assert!(log.contains(&format!("HEAD 200 \"{mp3}\"")), "{log}");
        assert!(log.contains(&format!("GET 206 \"{mp3}\"")), "{log}");
    }
    let feed_url = format!("{base}feed.xml");
    let encoded = feed_url.replace(':', "%3A").replace('/', "%2F");
    assert!(
        log.contains(&format!(
            "POST 204 \"/hub\" \"-\" \"-\" \"hub.mode=publish&hub.url={encoded}\""
        )),
        "{log}"
    );
    assert!(
        log.contains(&format!(
            "GET 204 \"/pubnotify\" \"-\" \"url={encoded}\" \"-\""
        )),
        "{log}"
    );

    let downloaded = gpodder(&tools[5], lab.path(), &feed_url, &tls.ca);
    assert_eq!(downloaded.len(), 4, "{:?}", downloaded.keys());
    let published: BTreeSet<Vec<u8>> = tree(&root.join("public"))
        .into_iter()
        .filter(|(p, _)| p.ends_with(".mp3"))
        .map(|(_, b)| b)
        .collect();
    assert!(
        downloaded.values().all(|b| published.contains(b)),
        "gPodder got the published MP3s"
    );

    let before: BTreeSet<String> = held(&site).into_keys().collect();
    let logged = sshd.sftp_logged().len();
    second_version(&root);
    let (code, _, err) = deploy(&root, &to, &env, &["--allow-deletes"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(
            "deleted episodes/003-mpeg2/003-mpeg2.mp3: the episode is no longer published"
        ),
        "{err}"
    );
    assert_second_version(&sftp_events(&sshd.sftp_logged()[logged..], &site), &before);
    assert_eq!(held(&site), tree(&root.join("public")));
    assert!(
        !site.join("episodes/003-mpeg2").exists(),
        "the emptied folder is gone"
    );
    assert!(feed_holds(&site, &base, &BTreeMap::new()).is_empty());
    assert_eq!(sshd.clients(), Vec::<String>::new());
}

/// WebDAV on nginx: `dav` for carnets, HTTPS over the same folder for the listeners.
struct Dav {
    _lab: tempfile::TempDir,
    lab: PathBuf,
    nginx: crate::deploy_http::Nginx,
    site: PathBuf,
    base: String,
    to: String,
    env: Vec<(String, PathBuf)>,
}

fn dav() -> Option<Dav> {
    tools(&["nginx", "openssl"])?;
    let lab = tempfile::tempdir().unwrap();
    let tls = tls(lab.path());
    let root = lab.path().join("dav");
    let site = root.join("podcast");
    fs::create_dir_all(&site).unwrap();
    let htpasswd = lab.path().join("htpasswd");
    fs::write(&htpasswd, "camille:{PLAIN}mot-de-passe\n").unwrap();
    let dav = Site::dav(&root, &htpasswd, true);
    let https = Site::https(&site);
    let nginx = nginx(lab.path(), &tls, &[&dav, &https]);
    Some(Dav {
        lab: lab.path().to_path_buf(),
        _lab: lab,
        nginx,
        site,
        base: format!("https://127.0.0.1:{}/", https.port),
        to: format!("webdav://127.0.0.1:{}/podcast", dav.port),
        env: vec![
            ("CARNETS_WEBDAV_USER".into(), "camille".into()),
            ("CARNETS_WEBDAV_PASSWORD".into(), "mot-de-passe".into()),
            ("SSL_CERT_FILE".into(), tls.ca),
        ],
    })
}

/// The writes nginx's access log shows (PUT, MOVE's destination, DELETE), in order, relative to
/// the DAV folder `/podcast/`.
fn dav_events(log: &str) -> Vec<(String, bool)> {
    log.lines()
        .filter_map(|line| {
            let fields: Vec<&str> = line.split(' ').collect();
            let (method, status) = (fields.get(1)?, fields.get(2)?);
            if !status.starts_with('2') {
                return None;
            }
            let quoted: Vec<&str> = line.split('"').collect();
            let path = match *method {
                "MOVE" => quoted.get(3)?.split_once("/podcast/")?.1,
                "PUT" | "DELETE" => quoted.get(1)?.strip_prefix("/podcast/")?,
                _ => return None,
            };
            let ours = path.contains(".carnets-manifest.json") || path.ends_with(".carnets-part");
            (!ours && !path.ends_with('/')).then(|| (path.to_string(), *method == "DELETE"))
        })
        .collect()
}

#[test]
fn webdav_deploy_sends_only_what_changed_in_order() {
    let Some(dav) = dav() else { return };
    let Some(gpo) = tools(&["gpo"]) else { return };
    let (_tmp, root) = show(&dav.base, "");
    let (code, _, err) = deploy(&root, &dav.to, &dav.env, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("warning"), "{err}");
    assert_eq!(held(&dav.site), tree(&root.join("public")));
    let ca = &dav.env[2].1;
    let downloaded = gpodder(&gpo[0], &dav.lab, &format!("{}feed.xml", dav.base), ca);
    assert_eq!(downloaded.len(), 4, "{:?}", downloaded.keys());

    // Nothing changed: nothing is written, as the server saw.
    let logged = dav.nginx.logged().len();
    let (code, _, err) = deploy(&root, &dav.to, &dav.env, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("0 file(s) uploaded"), "{err}");
    let log = dav.nginx.logged();
    let writes: Vec<&str> = log[logged..]
        .lines()
        .filter(|l| {
            ["PUT", "MOVE", "DELETE", "MKCOL"]
                .iter()
                .any(|m| l.contains(&format!(" {m} ")))
        })
        .collect();
    assert!(
        writes.is_empty(),
        "a deploy with nothing changed wrote: {writes:#?}"
    );

    // One episode's notes edited: only the files whose bytes changed go.
    let old = tree(&root.join("public"));
    edit(&root, "002-vbr-sans-xing", |t| {
        t.replace("Notes avec un tableau", "Notes revues, avec un tableau")
    });
    let logged = dav.nginx.logged().len();
    let (code, _, err) = deploy(&root, &dav.to, &dav.env, &[]);
    assert_eq!(code, 0, "{err}");
    let changed = differing(&old, &tree(&root.join("public")));
    let sent: BTreeSet<String> = dav_events(&dav.nginx.logged()[logged..])
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    assert_eq!(sent, changed);
    assert!(sent.contains("episodes/002-vbr-sans-xing/index.html") && sent.contains("feed.xml"));
    assert!(!sent.iter().any(|p| p.ends_with(".mp3")), "{sent:?}");

    // A new version, in the order the listeners need, as the server saw it.
    let before: BTreeSet<String> = held(&dav.site).into_keys().collect();
    let logged = dav.nginx.logged().len();
    second_version(&root);
    let (code, _, err) = deploy(&root, &dav.to, &dav.env, &["--allow-deletes"]);
    assert_eq!(code, 0, "{err}");
    assert_second_version(&dav_events(&dav.nginx.logged()[logged..]), &before);
    assert_eq!(held(&dav.site), tree(&root.join("public")));
}

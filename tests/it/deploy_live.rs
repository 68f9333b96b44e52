//! The check after publishing, against real hosts (nginx over HTTPS) configured the way
//! producers' hosts go wrong: no byte ranges and MP3s served as text, a cache that still
//! serves the old files, a certificate the machine does not trust, a base URL where nothing
//! is served. Each is a warning with the fix; the deploy itself succeeds.

use std::fs;

use crate::common::copy_tree;
use crate::deploy_http::{Site, nginx};
use crate::deploy_servers::{tls, tools};
use crate::deploy_support::{deploy, retitle, show};

#[test]
fn a_host_without_ranges_or_the_mp3_type_gets_a_warning_with_the_fix() {
    if tools(&["nginx", "openssl"]).is_none() {
        return;
    }
    let lab = tempfile::tempdir().unwrap();
    let tls = tls(lab.path());
    let site = lab.path().join("site");
    let host = Site::https_with(
        &site,
        "max_ranges 0;\ntypes { text/plain mp3; application/rss+xml xml; }",
    );
    let _nginx = nginx(lab.path(), &tls, &[&host]);
    let base = format!("https://127.0.0.1:{}/", host.port);
    let (_tmp, root) = show(&base, "");
    let to = format!("file://{}", site.display());
    let env = vec![("SSL_CERT_FILE".to_string(), tls.ca.clone())];
    let (code, _, err) = deploy(&root, &to, &env, &[]);
    assert_eq!(code, 0, "{err}");
    let mp3 = format!("{base}episodes/001-cbr/001-cbr.mp3");
    assert!(err.contains(&format!("{mp3}: warning: the episode's MP3 is served as `text/plain`\n  help: configure the host to serve .mp3 files as audio/mpeg, as Apple requires")), "{err}");
    assert!(err.contains(&format!("{mp3}: warning: the host answers 200 OK to a request for the MP3's first two bytes (`Range: bytes=0-1`), not 206\n  help: enable byte ranges on the host (or its CDN): Apple Podcasts needs them to play and seek")), "{err}");
    assert_eq!(
        err.matches("warning: the episode's MP3 is served as")
            .count(),
        4,
        "{err}"
    );
    assert!(err.contains("deployed to file://"), "{err}");
}

#[test]
fn a_cache_serving_the_old_files_gets_a_warning_about_the_feed_and_the_lengths() {
    if tools(&["nginx", "openssl"]).is_none() {
        return;
    }
    let lab = tempfile::tempdir().unwrap();
    let tls = tls(lab.path());
    let site = lab.path().join("site");
    let cached = lab.path().join("cached");
    fs::create_dir_all(&cached).unwrap();
    let cdn = Site::https(&cached);
    let _nginx = nginx(lab.path(), &tls, &[&cdn]);
    let base = format!("https://127.0.0.1:{}/", cdn.port);
    let (_tmp, root) = show(&base, "");
    let to = format!("file://{}", site.display());
    let env = vec![("SSL_CERT_FILE".to_string(), tls.ca.clone())];
    let (code, _, err) = deploy(&root, &to, &env, &[]);
    assert_eq!(code, 0, "{err}");
    // The cache keeps this version while the host gets the next one.
    copy_tree(&site, &cached);
    retitle(&root, "001-cbr", "Bienvenue, version longue et retitrée");
    let (code, _, err) = deploy(&root, &to, &env, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains(&format!("{base}feed.xml: warning: the live feed is not the one just deployed\n  help: a cache in front of the host (a CDN) still serves the old one")), "{err}");
    let mp3 = format!("{base}episodes/001-cbr/001-cbr.mp3");
    assert!(
        err.contains(&format!(
            "{mp3}: warning: the episode's MP3 is served with "
        )),
        "{err}"
    );
    assert!(err.contains("bytes where the feed announces"), "{err}");
    assert_eq!(
        err.matches("warning: the episode's MP3").count(),
        1,
        "only the changed MP3 is checked: {err}"
    );
}

#[test]
fn an_untrusted_certificate_or_an_empty_address_is_named_with_the_fix() {
    if tools(&["nginx", "openssl"]).is_none() {
        return;
    }
    let lab = tempfile::tempdir().unwrap();
    let tls = tls(lab.path());
    let site = lab.path().join("site");
    let elsewhere = lab.path().join("elsewhere");
    fs::create_dir_all(&elsewhere).unwrap();
    let host = Site::https(&site);
    let empty = Site::https(&elsewhere);
    let _nginx = nginx(lab.path(), &tls, &[&host, &empty]);
    let to = format!("file://{}", site.display());

    let base = format!("https://127.0.0.1:{}/", host.port);
    let (_tmp, root) = show(&base, "");
    let (code, _, err) = deploy(&root, &to, &[], &[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains(&format!("{base}feed.xml: warning: cannot check the live show: the certificate of 127.0.0.1:{} is not trusted", host.port)), "{err}");
    assert!(err.contains("help: if the host uses your own certificate authority (or a company proxy), set SSL_CERT_FILE to its certificate (PEM), as for curl"), "{err}");

    let base = format!("https://127.0.0.1:{}/", empty.port);
    let (_tmp, root) = show(&base, "");
    let env = vec![("SSL_CERT_FILE".to_string(), tls.ca.clone())];
    let (code, _, err) = deploy(
        &root,
        &format!("file://{}", lab.path().join("other").display()),
        &env,
        &[],
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains(&format!("{base}feed.xml: warning: the live feed answers 404 Not Found\n  help: check that base_url in podcast.yaml is where the host serves the deploy target")), "{err}");
}

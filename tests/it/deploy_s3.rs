//! `carnets deploy` to a real S3 API server (moto's, from PyPI, started on 127.0.0.1), served
//! over HTTPS by nginx in front of the bucket as a CDN would be: the `Content-Type` and
//! `Cache-Control` carnets gives each object come back through it, the order is read from
//! the S3 server's own request log, and gPodder downloads the episodes.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

use crate::common::tree;
use crate::deploy_http::{Site, nginx, s3};
use crate::deploy_servers::{tls, tools};
use crate::deploy_support::{assert_second_version, deploy, gpodder, second_version, show};

/// The objects under `prefix/` of the bucket, by key (without the prefix).
fn objects(port: u16, bucket: &str, prefix: &str) -> BTreeMap<String, Vec<u8>> {
    let list = Command::new("curl")
        .args([
            "-sf",
            &format!("http://127.0.0.1:{port}/{bucket}?list-type=2&prefix={prefix}/"),
        ])
        .output()
        .unwrap();
    let xml = String::from_utf8(list.stdout).unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("a ListObjectsV2 answer");
    doc.descendants()
        .filter(|n| n.tag_name().name() == "Key")
        .filter_map(|n| n.text())
        .filter(|key| !key.ends_with(".carnets-manifest.json"))
        .map(|key| {
            let body = Command::new("curl")
                .args(["-sf", &format!("http://127.0.0.1:{port}/{bucket}/{key}")])
                .output()
                .unwrap()
                .stdout;
            (key[prefix.len() + 1..].to_string(), body)
        })
        .collect()
}

/// A response's headers, lowercased names, as served over HTTPS at `url`.
fn headers(url: &str, ca: &std::path::Path) -> BTreeMap<String, String> {
    let out = Command::new("curl")
        .args(["-sf", "-I", "--cacert"])
        .arg(ca)
        .arg(url)
        .output()
        .unwrap();
    assert!(out.status.success(), "HEAD {url}: {out:?}");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_lowercase(), v.trim().to_string()))
        .collect()
}

/// The writes of moto's request log (`PUT` and `DELETE` of an object), in order.
fn s3_events(log: &str, prefix: &str) -> Vec<(String, bool)> {
    log.lines()
        .filter_map(|line| {
            let request = line.split('"').nth(1)?;
            let mut words = request.split(' ');
            let (method, path) = (words.next()?, words.next()?);
            let deleted = match method {
                "PUT" => false,
                "DELETE" => true,
                _ => return None,
            };
            let key = path
                .split('?')
                .next()?
                .split_once(&format!("/{prefix}/"))?
                .1;
            (!key.ends_with(".carnets-manifest.json")).then(|| (key.to_string(), deleted))
        })
        .collect()
}

#[test]
fn s3_deploy_keeps_the_types_and_caching_and_goes_in_order() {
    let Some(tools) = tools(&["nginx", "openssl", "curl", "gpo"]) else {
        return;
    };
    if crate::common::python_module("moto.server").is_none() {
        return;
    }
    let lab = tempfile::tempdir().unwrap();
    let tls = tls(lab.path());
    let s3 = s3(lab.path());
    let cdn = Site::proxy(&format!("http://127.0.0.1:{}/{}/show/", s3.port, s3.bucket));
    let _nginx = nginx(lab.path(), &tls, &[&cdn]);
    let base = format!("https://127.0.0.1:{}/", cdn.port);
    let (_tmp, root) = show(&base, "");
    let mut env = s3.env();
    env.push(("SSL_CERT_FILE".into(), tls.ca.clone()));
    let to = format!("s3://{}/show", s3.bucket);

    let (code, _, err) = deploy(&root, &to, &env, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        !err.contains("warning"),
        "the live check found problems: {err}"
    );
    assert_eq!(
        objects(s3.port, s3.bucket, "show"),
        tree(&root.join("public"))
    );
    for (path, content_type, cache) in [
        (
            "feed.xml",
            "application/rss+xml; charset=utf-8",
            "public, max-age=300",
        ),
        (
            "episodes/001-cbr/001-cbr.mp3",
            "audio/mpeg",
            "public, max-age=31536000, immutable",
        ),
        (
            "episodes/001-cbr/index.html",
            "text/html; charset=utf-8",
            "public, max-age=300",
        ),
        (
            "episodes/001-cbr/transcript.vtt",
            "text/vtt; charset=utf-8",
            "public, max-age=300",
        ),
        (
            "episodes/001-cbr/chapters.json",
            "application/json",
            "public, max-age=300",
        ),
        (
            "cover.jpg",
            "image/jpeg",
            "public, max-age=31536000, immutable",
        ),
    ] {
        let served = headers(&format!("{base}{path}"), &tls.ca);
        assert_eq!(
            served.get("content-type").map(String::as_str),
            Some(content_type),
            "{path}: {served:?}"
        );
        assert_eq!(
            served.get("cache-control").map(String::as_str),
            Some(cache),
            "{path}: {served:?}"
        );
    }

    let downloaded = gpodder(&tools[3], lab.path(), &format!("{base}feed.xml"), &tls.ca);
    assert_eq!(downloaded.len(), 4, "{:?}", downloaded.keys());

    let before: BTreeSet<String> = objects(s3.port, s3.bucket, "show").into_keys().collect();
    let logged = s3.process.logged().len();
    second_version(&root);
    let (code, _, err) = deploy(&root, &to, &env, &["--allow-deletes"]);
    assert_eq!(code, 0, "{err}");
    assert_second_version(&s3_events(&s3.process.logged()[logged..], "show"), &before);
    assert_eq!(
        objects(s3.port, s3.bucket, "show"),
        tree(&root.join("public"))
    );
}

#[test]
fn s3_credentials_come_from_the_environment_and_a_missing_one_is_named() {
    let (_tmp, root) = show("https://127.0.0.1:9/", "");
    let to = "s3://bucket/show";
    let env = |pairs: &[(&str, &str)]| -> Vec<(String, std::path::PathBuf)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.into()))
            .collect()
    };
    let (code, _, err) = deploy(&root, to, &env(&[("AWS_ACCESS_KEY_ID", "k")]), &[]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(
            "s3://bucket/show: error: no credentials for s3://bucket/show: set AWS_REGION"
        ),
        "{err}"
    );
    let (code, _, err) = deploy(
        &root,
        to,
        &env(&[("AWS_ACCESS_KEY_ID", "k"), ("AWS_REGION", "auto")]),
        &[],
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("set AWS_SECRET_ACCESS_KEY in the environment"),
        "{err}"
    );
    let (code, _, err) = deploy(
        &root,
        to,
        &env(&[("AWS_REGION", "auto"), ("HOME", "/nonexistent")]),
        &[],
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(
            "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment, or AWS_PROFILE"
        ),
        "{err}"
    );
    assert!(
        err.contains("nothing was sent") || err.contains("0 file(s) uploaded"),
        "{err}"
    );
}

//! `carnets serve` over plain HTTP: what a browser and a podcast app send (HEAD, `Range`),
//! what an attacker sends (`..`, raw and percent-encoded; a foreign `Host`), and what a
//! producer does while it runs (an edit, a broken edit, the fix).

use std::fs;
use std::net::TcpStream;

use super::common;
use super::serve_support::{Events, Reply, Server, request};

/// A copy of the fixture podcast, served; the temporary folder holds both.
fn served() -> (tempfile::TempDir, std::path::PathBuf, Server) {
    let (dir, root) = common::podcast("podcast");
    let server = Server::start(&root, &dir.path().join("tmp"));
    (dir, root, server)
}

const MP3: &str = "/episodes/001-cbr/001-cbr.mp3";

#[test]
fn serve_answers_head_and_ranges_with_the_right_bytes_and_types() {
    let (_dir, _root, server) = served();
    let whole = server.get(MP3);
    assert_eq!(whole.status, 200);
    let len = whole.body.len();
    assert!(len > 1000);

    let head = request(server.port, "HEAD", MP3, &[]);
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(
        head.header("content-length"),
        Some(len.to_string().as_str())
    );
    assert_eq!(head.header("accept-ranges"), Some("bytes"));

    let part = request(server.port, "GET", MP3, &[("Range", "bytes=100-199")]);
    assert_eq!(part.status, 206);
    assert_eq!(part.body, whole.body[100..200]);
    assert_eq!(
        part.header("content-range"),
        Some(format!("bytes 100-199/{len}").as_str())
    );
    let tail = request(server.port, "GET", MP3, &[("Range", "bytes=-10")]);
    assert_eq!(tail.status, 206);
    assert_eq!(tail.body, whole.body[len - 10..]);

    let beyond = format!("bytes={}-", len + 10);
    let bad = request(server.port, "GET", MP3, &[("Range", &beyond)]);
    assert_eq!(bad.status, 416);
    assert_eq!(
        bad.header("content-range"),
        Some(format!("bytes */{len}").as_str())
    );

    let types = [
        (MP3, "audio/mpeg"),
        ("/", "text/html"),
        ("/feed.xml", "xml"),
        ("/search.json", "application/json"),
        ("/episodes/001-cbr/chapters.json", "application/json"),
        ("/assets/style.css", "text/css"),
        ("/assets/carnets.js", "javascript"),
        ("/assets/favicon.svg", "image/svg+xml"),
        ("/cover.jpg", "image/jpeg"),
    ];
    for (path, expected) in types {
        let reply = server.get(path);
        assert_eq!(reply.status, 200, "{path}");
        let got = reply.header("content-type").unwrap_or_default();
        assert!(got.contains(expected), "{path}: {got}");
        assert_eq!(reply.header("x-content-type-options"), Some("nosniff"));
    }
    let page = server.get("/");
    let head = request(server.port, "HEAD", "/", &[]);
    assert_eq!(
        head.header("content-length"),
        Some(page.body.len().to_string().as_str()),
        "HEAD and GET of a page agree, live-reload script included"
    );
}

#[test]
fn serve_refuses_paths_outside_the_preview_and_never_lists_a_folder() {
    let (dir, root, server) = served();
    // Secrets one and two levels above the preview folder, and in the podcast.
    let preview = fs::read_dir(dir.path().join("tmp"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("carnets-preview-")
        })
        .expect("the preview folder is in TMPDIR");
    fs::write(preview.join("secret.txt"), "SECRET-1").unwrap();
    fs::write(dir.path().join("tmp/secret.txt"), "SECRET-2").unwrap();
    assert!(root.join("podcast.yaml").is_file());

    let attempts = [
        "/../secret.txt",
        "/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/..%2f..%2fsecret.txt",
        "/%2e%2e%2f%2e%2e%2fsecret.txt",
        "/episodes/..%2f..%2fsecret.txt",
        "/episodes/%2e%2e/%2e%2e/secret.txt",
        "/..%5csecret.txt",
        "/%252e%252e/secret.txt",
        "//../secret.txt",
        "/./../secret.txt",
        "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/../../../../../../../../etc/passwd",
    ];
    for target in attempts {
        let reply = server.get(target);
        assert!(
            reply.status == 400 || reply.status == 404,
            "{target}: {}",
            reply.status
        );
        let body = reply.text();
        assert!(
            !body.contains("SECRET") && !body.contains("root:"),
            "{target} leaked: {body}"
        );
    }

    // Folders: redirected to their `/` form, then their index.html or a 404, never a list.
    let folder = server.get("/episodes");
    assert!(
        matches!(folder.status, 301 | 307 | 308),
        "{}",
        folder.status
    );
    assert_eq!(folder.header("location"), Some("/episodes/"));
    for target in ["/episodes/", "/assets/"] {
        let reply = server.get(target);
        assert_eq!(reply.status, 404, "{target}");
        let body = reply.text();
        assert!(
            !body.contains("001-cbr") && !body.contains("style.css\""),
            "{target} lists its files: {body}"
        );
        assert!(body.contains("Page introuvable"), "the site's 404 page");
    }
    assert_eq!(server.get("/episodes/001-cbr/").status, 200);
    assert_eq!(request(server.port, "POST", "/", &[]).status, 405);
}

#[test]
fn serve_binds_the_loopback_address_only_and_refuses_foreign_hosts() {
    let (_dir, _root, server) = served();
    assert!(
        server.url.starts_with("http://127.0.0.1:"),
        "{}",
        server.url
    );
    assert!(TcpStream::connect(("127.0.0.1", server.port)).is_ok());
    // Bound to 0.0.0.0, these would connect too.
    assert!(TcpStream::connect(("127.0.0.2", server.port)).is_err());
    assert!(TcpStream::connect(("::1", server.port)).is_err());
    let sockets = fs::read_to_string("/proc/net/tcp").unwrap_or_default();
    let listening = format!("0100007F:{:04X} 00000000:0000 0A", server.port);
    if !sockets.is_empty() {
        assert!(sockets.contains(&listening), "not listening on 127.0.0.1");
    }

    // A page elsewhere that rebinds its name to 127.0.0.1 does not get the drafts.
    let rebound = request(server.port, "GET", "/", &[("Host", "attacker.example:80")]);
    assert_eq!(rebound.status, 421);
    let local = request(
        server.port,
        "GET",
        "/",
        &[("Host", &format!("localhost:{}", server.port))],
    );
    assert_eq!(local.status, 200);
}

#[test]
fn serve_reports_a_busy_port_as_a_usage_error() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let (code, _, stderr) =
        common::run(common::carnets().args(["serve", "--root", "/nonexistent", "--port", &port]));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("--port 0"), "{stderr}");
}

fn has_error(reply: &Reply) -> bool {
    reply.text().contains("id=\"carnets-error\"")
}

#[test]
fn serve_rebuilds_after_an_edit_and_a_broken_edit_shows_its_error_in_the_page() {
    let (_dir, root, mut server) = served();
    let page = "/episodes/001-cbr/";
    let first = server.get(page);
    assert_eq!(first.status, 200);
    assert!(!has_error(&first));
    let mut events = Events::open(server.port);
    let id = events.next();

    // An edit: the page changes, and the open pages are told to reload.
    let md = root.join("episodes/001-cbr/episode.md");
    let source = fs::read_to_string(&md).unwrap();
    let title_line = source.lines().find(|l| l.starts_with("title:")).unwrap();
    fs::write(
        &md,
        source.replace(title_line, "title: \"Un titre tout neuf\""),
    )
    .unwrap();
    server.wait_for(page, "the rebuilt page", |r| {
        r.text().contains("Un titre tout neuf")
    });
    let rebuilt = events.next();
    assert_ne!(rebuilt, id);

    // A broken edit: the server keeps running, every page shows the error over the last
    // good build, and the terminal says it too.
    let yaml = root.join("podcast.yaml");
    let good = fs::read_to_string(&yaml).unwrap();
    fs::write(&yaml, format!("{good}titre_inconnu: oups\n")).unwrap();
    let broken = server.wait_for(page, "the error in the page", has_error);
    assert_eq!(broken.status, 200);
    let text = broken.text();
    assert!(text.contains("podcast.yaml:"), "{text}");
    assert!(text.contains("titre_inconnu"), "{text}");
    assert!(
        text.contains("Un titre tout neuf"),
        "the last good page is still there"
    );
    assert_ne!(events.next(), rebuilt);
    assert!(server.running(), "a broken edit does not stop the server");
    assert!(server.stderr().contains("titre_inconnu"));
    let missing = server.get("/episodes/nouveau/");
    assert_eq!(missing.status, 404);
    assert!(has_error(&missing));
    assert_eq!(server.get(MP3).status, 200);

    // The fix: the error goes away.
    fs::write(&yaml, good).unwrap();
    server.wait_for(page, "the error gone", |r| r.status == 200 && !has_error(r));

    // The live-reload script is added when serving, never written in the preview's files.
    let preview = walkdir::WalkDir::new(&server.tmp)
        .into_iter()
        .filter_map(Result::ok)
        .find(|e| e.path().ends_with("site/index.html"))
        .expect("the preview's home page");
    let built = fs::read_to_string(preview.path()).unwrap();
    assert!(!built.contains("__carnets"), "{built}");
    assert!(server.get("/").text().contains("/__carnets/events"));
}

//! The "Ondes courtes" fixture (`tests/fixtures/reach/`, made by its `make.sh`): a podcast
//! these tests did not grow up with, with chapters, two alternate formats (Opus 32k, AAC 48k)
//! and every key of the 2025 namespace. It is built once per test process (its encodings take
//! seconds) and read by the tests of `reach.rs`; the tests that change it build a copy.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use crate::common;

/// Where the fixture's feed says it is.
pub const BASE_URL: &str = "https://ondes.example.org/";

/// The fixture, built.
pub struct Built {
    pub root: PathBuf,
    pub public: PathBuf,
    /// What `carnets build` printed.
    pub stderr: String,
}

impl Built {
    pub fn feed(&self) -> PathBuf {
        self.public.join("feed.xml")
    }

    /// The published file that `url` (under [`BASE_URL`]) names.
    pub fn file(&self, url: &str) -> PathBuf {
        let path = url
            .strip_prefix(BASE_URL)
            .unwrap_or_else(|| panic!("{url} is not under {BASE_URL}"));
        self.public.join(path)
    }
}

/// A copy of the fixture in a fresh temporary folder, at `.path().join("p")`.
pub fn copy() -> (tempfile::TempDir, PathBuf) {
    common::podcast("reach")
}

/// The fixture built, once per process; `None` (the test then returns) without ffmpeg under
/// plain `cargo test`.
pub fn built() -> Option<&'static Built> {
    common::tool("ffmpeg")?;
    static BUILT: OnceLock<Built> = OnceLock::new();
    Some(BUILT.get_or_init(|| {
        let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
        // Earlier processes' builds are left behind by design (a static is never dropped).
        if let Ok(entries) = std::fs::read_dir(tmp) {
            for entry in entries.filter_map(Result::ok) {
                if entry
                    .file_name()
                    .to_string_lossy()
                    .starts_with("reach-fixture-")
                {
                    let _ = std::fs::remove_dir_all(entry.path());
                }
            }
        }
        let root = tmp.join(format!("reach-fixture-{}", std::process::id()));
        common::copy_tree(&common::fixtures().join("reach"), &root);
        let (code, _, stderr) =
            common::run(common::carnets().arg("build").arg("--root").arg(&root));
        assert_eq!(code, 0, "the fixture does not build:\n{stderr}");
        Built {
            public: root.join("public"),
            root,
            stderr,
        }
    }))
}

/// The SRI hash of a file, computed by Python's hashlib (not by carnets' code).
pub fn sri(python: &Path, file: &Path) -> String {
    let script = "import base64, hashlib, sys\n\
        print('sha384-' + base64.b64encode(hashlib.sha384(open(sys.argv[1], 'rb').read()).digest()).decode())";
    let out = Command::new(python)
        .args(["-c", script])
        .arg(file)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// What ffprobe reads of a media file: format, streams, chapters.
pub fn ffprobe(ffprobe: &Path, file: &Path) -> serde_json::Value {
    let out = Command::new(ffprobe)
        .args([
            "-v",
            "error",
            "-show_format",
            "-show_streams",
            "-show_chapters",
            "-of",
            "json",
        ])
        .arg(file)
        .output()
        .expect("ffprobe runs");
    assert!(
        out.status.success(),
        "ffprobe {}: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("ffprobe prints JSON")
}

/// A number ffprobe writes as text.
pub fn number(value: &serde_json::Value) -> f64 {
    value
        .as_str()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("not a number: {value}"))
}

/// The chapters of the fixture's front matter: episode → (start in ms, title).
pub fn front_matter_chapters() -> BTreeMap<&'static str, Vec<(u64, &'static str)>> {
    BTreeMap::from([
        (
            "5e2d8a4c-9f1b-4c3e-8a7d-1b2c3d4e5f01",
            vec![
                (0, "Bonsoir"),
                (3_000, "La station d'amateur"),
                (6_250, "Pourquoi la nuit change tout"),
                (9_000, "À suivre"),
            ],
        ),
        (
            "5e2d8a4c-9f1b-4c3e-8a7d-1b2c3d4e5f02",
            vec![(0, "Le cristal"), (4_000, "Le bout de fil")],
        ),
        ("5e2d8a4c-9f1b-4c3e-8a7d-1b2c3d4e5f03", vec![]),
    ])
}

/// One `podcast:alternateEnclosure` as the feed writes it.
#[derive(Debug)]
pub struct Alternate {
    pub mime: String,
    pub length: u64,
    pub default: bool,
    pub source: String,
    pub integrity: String,
}

/// Every item's GUID, its alternate enclosures and its description, from the raw XML.
pub fn items(xml: &str) -> Vec<(String, Vec<Alternate>, String)> {
    let doc = roxmltree::Document::parse(xml).expect("the feed is XML");
    let ns = "https://podcastindex.org/namespace/1.0";
    let child = |node: roxmltree::Node, name: &str| {
        node.children()
            .find(|c| c.tag_name().name() == name && c.tag_name().namespace() == Some(ns))
            .and_then(|c| c.attribute(if name == "source" { "uri" } else { "value" }))
            .unwrap_or_default()
            .to_string()
    };
    doc.descendants()
        .filter(|n| n.has_tag_name("item"))
        .map(|item| {
            let text = |name: &str| {
                let node = item.children().find(|c| c.has_tag_name(name));
                node.and_then(|n| n.text()).unwrap_or_default().to_string()
            };
            let alternates = item
                .children()
                .filter(|c| c.has_tag_name((ns, "alternateEnclosure")))
                .map(|a| Alternate {
                    mime: a.attribute("type").unwrap().to_string(),
                    length: a.attribute("length").unwrap().parse().unwrap(),
                    default: a.attribute("default") == Some("true"),
                    source: child(a, "source"),
                    integrity: child(a, "integrity"),
                })
                .collect();
            (text("guid"), alternates, text("description"))
        })
        .collect()
}

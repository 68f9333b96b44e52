//! SIGKILL at random moments of a build of 200 one-megabyte episodes: after every kill the
//! output is the old one or the new one, never a mix, and the next build succeeds and equals
//! a clean build.

use std::collections::BTreeMap;
use std::fs;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::common::{carnets, tree};
use crate::reliability_support::{big_podcast, fast_tempdir};

/// Path → (size, hash of the first and last 64 KiB): tells the two outputs apart file by file
/// (every page and every MP3 tag holds the show title) without reading 200 MB each time.
pub type Fingerprint = BTreeMap<String, (u64, String)>;

pub fn fingerprint(dir: &Path) -> Fingerprint {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let mut file = fs::File::open(e.path()).expect("open");
            let len = file.metadata().expect("metadata").len();
            let mut hasher = blake3::Hasher::new();
            let mut head = vec![0; 65536.min(len as usize)];
            file.read_exact(&mut head).expect("read");
            hasher.update(&head);
            file.seek(SeekFrom::Start(len.saturating_sub(65536)))
                .expect("seek");
            let mut tail = Vec::new();
            file.read_to_end(&mut tail).expect("read");
            hasher.update(&tail);
            let rel = e.path().strip_prefix(dir).expect("inside");
            let rel = rel.to_string_lossy().into_owned();
            (rel, (len, hasher.finalize().to_hex().to_string()))
        })
        .collect()
}

/// Sets the show's title, which every published page and MP3 carries.
pub fn set_title(root: &Path, title: &str) {
    let path = root.join("podcast.yaml");
    let yaml = fs::read_to_string(&path).expect("podcast.yaml");
    let rest = yaml.split_once("\ntitle: ").expect("a title line").1;
    let after = rest.split_once('\n').expect("line end").1;
    let before = yaml.split_once("\ntitle: ").expect("a title line").0;
    fs::write(&path, format!("{before}\ntitle: \"{title}\"\n{after}")).expect("write");
}

pub fn spawn_build(root: &Path, out: &Path) -> Child {
    carnets()
        .args(["build", "--root"])
        .arg(root)
        .arg("--out")
        .arg(out)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn carnets")
}

fn build_to_end(root: &Path, out: &Path) -> Duration {
    let start = Instant::now();
    let output = carnets()
        .args(["build", "--root"])
        .arg(root)
        .arg("--out")
        .arg(out)
        .output()
        .expect("carnets runs");
    assert!(output.status.success(), "{output:?}");
    start.elapsed()
}

/// A small xorshift generator: the kill moments, reproducible from the printed seed.
struct Moments(u64);

impl Moments {
    fn next_below(&mut self, limit: Duration) -> Duration {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        limit.mul_f64((self.0 % 10_000) as f64 / 10_000.0)
    }
}

#[test]
fn sigkill_at_fifty_random_moments_leaves_the_old_or_the_new_output() {
    let tmp = fast_tempdir();
    let root = tmp.path().join("p");
    if big_podcast(&root, 200).is_none() {
        return;
    }
    let titles = ["Essais A", "Essais B"];
    let mut clean = Vec::new();
    let mut duration = Duration::ZERO;
    for (i, title) in titles.iter().enumerate() {
        set_title(&root, title);
        let out = tmp.path().join(format!("clean-{i}"));
        duration = duration.max(build_to_end(&root, &out));
        clean.push(fingerprint(&out));
    }
    let differing = clean[0]
        .iter()
        .filter(|(p, v)| clean[1].get(*p) != Some(v))
        .count();
    assert!(
        differing > 400,
        "the two outputs differ in only {differing} files"
    );

    let public = tmp.path().join("public");
    set_title(&root, titles[0]);
    build_to_end(&root, &public);
    let mut current = 0;
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64 | 1);
    let mut moments = Moments(seed);
    let (mut kept_old, mut got_new) = (0, 0);
    for kill in 0..50 {
        let target = 1 - current;
        set_title(&root, titles[target]);
        let mut child = spawn_build(&root, &public);
        std::thread::sleep(moments.next_below(duration.mul_f64(1.1)));
        child.kill().ok(); // SIGKILL
        child.wait().expect("reaped");
        let now = fingerprint(&public);
        if now == clean[current] {
            kept_old += 1;
        } else if now == clean[target] {
            got_new += 1;
        } else {
            let mixed: Vec<_> = now
                .iter()
                .filter(|(p, v)| clean[current].get(*p) != Some(v))
                .take(5)
                .collect();
            panic!("kill {kill} (seed {seed}): the output is a mix: {mixed:?}");
        }
        // The next build finishes and gives exactly the clean output.
        build_to_end(&root, &public);
        assert_eq!(
            fingerprint(&public),
            clean[target],
            "kill {kill} (seed {seed})"
        );
        current = target;
    }
    eprintln!("50 kills (seed {seed}): {kept_old} kept the old output, {got_new} the new one");
    assert!(
        kept_old > 0 && got_new > 0,
        "the kills missed the build: {kept_old}/{got_new}"
    );
    // Byte for byte, the last output is a clean build's.
    let out = tmp.path().join(format!("clean-{current}"));
    assert_eq!(tree(&public), tree(&out));
}

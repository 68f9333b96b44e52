//! Every rule of `carnets check`, each caught in a copy of the fixture podcast broken in one
//! place: the exact `path:line:column: level: message`, its `help:` line and the exit code
//! (1 when there is an error, 0 with warnings only). Loudness has its own tests
//! (`loudness.rs`).

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::common::{self, carnets, run};

/// Runs `carnets check` on the fixture podcast after `edit`; returns the exit code and what
/// it printed, the podcast's folder left out of the paths, and the source excerpts under each
/// message left out too (`cli.rs` tests them): the lines that start with a `|` gutter.
pub fn check(edit: impl FnOnce(&Path)) -> (i32, String) {
    let (_tmp, root) = common::podcast("podcast");
    edit(&root);
    let (code, _, stderr) = run(carnets().arg("check").arg("--root").arg(&root));
    let is_excerpt = |line: &&str| {
        let gutter = line
            .trim_start()
            .trim_start_matches(|c: char| c.is_ascii_digit());
        gutter.trim_start().starts_with('|')
    };
    let text: String = stderr
        .lines()
        .filter(|line| !is_excerpt(line))
        .map(|line| format!("{line}\n"))
        .collect();
    (code, text.replace(&format!("{}/", root.display()), ""))
}

/// Replaces `from` (which must be there) by `to` in the podcast's file `file`.
pub fn replace(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from:?} is not in {file}");
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// Asserts the run failed with exactly `lines` (then the summary).
pub fn assert_errors(result: (i32, String), lines: &[&str]) {
    let (code, stderr) = result;
    let errors = lines.iter().filter(|l| l.contains(": error: ")).count();
    let warnings = lines.iter().filter(|l| l.contains(": warning: ")).count();
    let expected = format!(
        "{}\nerror: {errors} error(s), {warnings} warning(s); nothing was written\n",
        lines.join("\n")
    );
    assert_eq!((code, stderr.as_str()), (1, expected.as_str()));
}

/// Asserts the run passed (exit 0) and printed each of `lines` (among the loudness warnings
/// of the fixture's quiet MP3s).
pub fn assert_warnings(result: (i32, String), lines: &[&str]) {
    let (code, stderr) = result;
    assert_eq!(code, 0, "{stderr}");
    for line in lines {
        assert!(stderr.contains(line), "no\n{line}\nin\n{stderr}");
    }
    assert!(
        stderr.ends_with("checked 4 episode(s): no errors\n"),
        "{stderr}"
    );
}

/// Makes an image with ffmpeg's test source (`size` like `500x500`, `pix_fmt` like `gray`).
fn image(path: &Path, size: &str, pix_fmt: &str, codec: &str) -> bool {
    let Some(ffmpeg) = common::tool("ffmpeg") else {
        return false;
    };
    let status = Command::new(ffmpeg)
        .args(["-v", "error", "-y", "-f", "lavfi", "-i"])
        .arg(format!("testsrc=size={size}"))
        .args([
            "-frames:v",
            "1",
            "-pix_fmt",
            pix_fmt,
            "-c:v",
            codec,
            "-update",
            "1",
        ])
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
    true
}

const ARTWORK_HELP: &str = "  help: export the artwork again: a square RGB JPEG (.jpg) or PNG (.png) of 1400 to 3000 px; Apple recommends 3000 × 3000";

#[test]
fn artwork_too_small() {
    let mut made = false;
    let result =
        check(|root| made = image(&root.join("cover.jpg"), "500x500", "yuvj420p", "mjpeg"));
    if made {
        assert_errors(
            result,
            &[
                "podcast.yaml:9:8: error: `cover.jpg`: the artwork is 500×500 px; Apple requires 1400 to 3000 px on each side",
                ARTWORK_HELP,
            ],
        );
    }
}

#[test]
fn artwork_not_square() {
    let mut made = false;
    let result =
        check(|root| made = image(&root.join("cover.jpg"), "1400x1500", "yuvj420p", "mjpeg"));
    if made {
        assert_errors(
            result,
            &[
                "podcast.yaml:9:8: error: `cover.jpg`: the artwork is 1400×1500 px; it must be square",
                ARTWORK_HELP,
            ],
        );
    }
}

#[test]
fn artwork_greyscale() {
    let mut made = false;
    let result = check(|root| {
        made = image(&root.join("cover.png"), "1400x1400", "gray", "png");
        replace(root, "podcast.yaml", "image: cover.jpg", "image: cover.png");
    });
    if made {
        assert_errors(
            result,
            &[
                "podcast.yaml:9:8: error: `cover.png`: the artwork is greyscale; Apple requires RGB colours",
                ARTWORK_HELP,
            ],
        );
    }
}

/// No encoder at hand writes CMYK JPEGs, and the rule reads only the frame header: the
/// fixture's cover with its frame header saying four components (what Photoshop writes for
/// CMYK).
#[test]
fn artwork_cmyk() {
    let result = check(|root| {
        let path = root.join("cover.jpg");
        let mut bytes = fs::read(&path).unwrap();
        let sof = bytes
            .windows(2)
            .position(|w| w == [0xFF, 0xC0])
            .expect("a baseline JPEG");
        assert_eq!(bytes[sof + 9], 3, "three components");
        bytes[sof + 9] = 4;
        fs::write(path, bytes).unwrap();
    });
    assert_errors(
        result,
        &[
            "podcast.yaml:9:8: error: `cover.jpg`: the artwork is CMYK (print colours); export it as RGB",
            ARTWORK_HELP,
        ],
    );
}

#[test]
fn artwork_format_differs_from_its_extension() {
    let mut made = false;
    let result = check(|root| made = image(&root.join("cover.jpg"), "1400x1400", "rgb24", "png"));
    if made {
        assert_errors(
            result,
            &[
                "podcast.yaml:9:8: error: `cover.jpg`: the file is a PNG image but is named .jpg; rename it to match its content",
                ARTWORK_HELP,
            ],
        );
    }
}

#[test]
fn apple_category_names() {
    let result = check(|root| {
        replace(
            root,
            "podcast.yaml",
            "Business/Entrepreneurship",
            "business/entrepreneurship",
        );
    });
    assert_errors(
        result,
        &[
            "podcast.yaml:10:26: error: `business/entrepreneurship` is not an Apple Podcasts category",
            "  help: did you mean `Business/Entrepreneurship`?",
        ],
    );
}

#[test]
fn description_of_more_than_4000_bytes() {
    let long = "Une phrase sur l'IA. ".repeat(200);
    let result = check(|root| {
        replace(
            root,
            "podcast.yaml",
            "  Un podcast d'essai pour **carnets** : des MP3 de toutes les sortes.",
            &format!("  {long}"),
        );
    });
    assert_errors(
        result,
        &[
            "podcast.yaml:4:3: error: the description is 4607 bytes once rendered; Apple accepts at most 4000",
            "  help: shorten it; details belong in the episodes' show notes",
        ],
    );
}

#[test]
fn urls_must_be_https() {
    let result = check(|root| {
        replace(
            root,
            "podcast.yaml",
            "https://essais.example.fr/",
            "http://essais.example.fr/",
        );
    });
    assert_errors(
        result,
        &[
            "podcast.yaml:5:11: error: `http://essais.example.fr/podcast/` is not an absolute URL starting with https://\n  help: write the whole address, starting with https://",
        ],
    );
}

#[test]
fn owner_email() {
    let result = check(|root| {
        replace(
            root,
            "podcast.yaml",
            "essais@example.fr",
            "essais.example.fr",
        )
    });
    assert_errors(
        result,
        &[
            "podcast.yaml:8:39: error: `essais.example.fr` is not an e-mail address like nom@exemple.fr",
        ],
    );
}

#[test]
fn funding_text_over_128_characters_is_a_warning() {
    let long = "Soutenez l'émission ".repeat(7);
    let result = check(|root| replace(root, "podcast.yaml", "Soutenir l'émission", &long));
    assert_warnings(
        result,
        &[
            "podcast.yaml:16:12: warning: the funding text has 140 characters; apps may cut it after 128\n  help: shorten it to a short call to action",
        ],
    );
}

#[test]
fn person_roles_from_the_taxonomy() {
    let result = check(|root| replace(root, "podcast.yaml", "role: host", "role: animatrice"));
    assert_errors(
        result,
        &[
            "podcast.yaml:14:35: error: `animatrice` is not a Podcasting 2.0 person role; the group `cast` has: host, co-host, guest host, guest, voice actor, narrator, announcer, reporter",
        ],
    );
}

#[test]
fn unknown_keys_are_errors_at_their_line() {
    let result = check(|root| {
        replace(
            root,
            "podcast.yaml",
            "locked: no",
            "locked: no\nmedum: podcast",
        );
    });
    let (code, stderr) = result;
    assert_eq!(code, 1);
    assert!(
        stderr.starts_with("podcast.yaml:18:1: error: unknown key `medum`, expected one of title,"),
        "{stderr}"
    );
}

#[test]
fn podcasting_2_0_values() {
    let result = check(|root| {
        replace(
            root,
            "podcast.yaml",
            "locked: no",
            "locked: no\nmedium: radio\nlocation: { name: Lille, geo: \"geo:150.6,3.05\" }\nupdate_frequency: { text: Mensuel, rrule: \"FREQ=MONTHLY;INTERVAL=0\" }",
        );
    });
    assert_errors(
        result,
        &[
            "podcast.yaml:18:9: error: `radio` is not a Podcasting 2.0 medium",
            "  help: use one of: podcast, music, video, film, audiobook, newsletter, blog, course",
            "podcast.yaml:19:31: error: `geo:150.6,3.05` is not a geo URI: the latitude must be between -90 and 90",
            "  help: write latitude and longitude in decimal degrees, e.g. `geo: \"geo:50.6292,3.0573\"`",
            "podcast.yaml:20:43: error: `INTERVAL=0`: INTERVAL is a positive whole number",
            "  help: write an RFC 5545 rule such as `FREQ=WEEKLY` or `FREQ=MONTHLY;BYDAY=1TH`",
        ],
    );
}

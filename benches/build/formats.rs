//! The alternate encodings on the bench podcast (`--formats`): the cold build of N episodes
//! in Opus 48k and AAC 64k beside the MP3s, against the same cold build without formats and
//! against ffmpeg alone encoding the same files with the same settings, as many at a time as
//! there are cores (the floor); then the rebuilds after an edit of one episode's notes (which
//! must encode nothing) and after a new title (which retags that episode's two files).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::measure::{Sample, median, median_cpu, run_with_stderr};
use crate::podcast;

/// The formats of the bench, as `podcast.yaml` writes them.
const FORMATS: &str = "formats: [{codec: opus, bitrate: 48k}, {codec: aac, bitrate: 64k}]\n";

/// Seconds of audio in one bench episode (MPEG-1 frames of 1152 samples at 44.1 kHz).
fn episode_secs() -> f64 {
    podcast::FRAMES as f64 * 1152.0 / 44_100.0
}

/// The bench podcast `plain` with `formats:`, beside it: its MP3s and cover hard-linked, its
/// `podcast.yaml` and `episode.md` files copied (the runs edit them).
fn with_formats(plain: &Path) -> PathBuf {
    let root = plain.with_file_name(format!(
        "{}-formats",
        plain.file_name().unwrap().to_string_lossy()
    ));
    let _ = fs::remove_dir_all(&root);
    for entry in walkdir::WalkDir::new(plain)
        .into_iter()
        .filter_map(Result::ok)
    {
        let relative = entry.path().strip_prefix(plain).unwrap();
        let first = relative
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy());
        if matches!(first.as_deref(), Some("public" | ".carnets")) {
            continue;
        }
        let target = root.join(relative);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).expect("create a folder");
        } else if relative
            .extension()
            .is_some_and(|e| e == "mp3" || e == "jpg")
        {
            fs::hard_link(entry.path(), &target).expect("link an MP3");
        } else {
            fs::copy(entry.path(), &target).expect("copy a file");
        }
    }
    let yaml = fs::read_to_string(root.join("podcast.yaml")).unwrap();
    fs::write(root.join("podcast.yaml"), format!("{yaml}{FORMATS}")).unwrap();
    root
}

/// ffmpeg alone, with carnets' settings, on every MP3 of `root`, into `out`.
fn ffmpeg_floor(root: &Path, out: &Path) -> Sample {
    let _ = fs::remove_dir_all(out);
    fs::create_dir_all(out).unwrap();
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let script = format!(
        "find '{}/episodes' -name audio.mp3 -print0 | xargs -0 -P {cores} -I{{}} sh -c '\
         n=$(basename $(dirname \"$1\")); \
         ffmpeg -nostdin -v error -y -i \"$1\" -map 0:a:0 -threads 1 -c:a libopus -b:a 48k -f ogg \"{out}/$n.opus\" && \
         ffmpeg -nostdin -v error -y -i \"$1\" -map 0:a:0 -threads 1 -c:a aac -b:a 64k -movflags +faststart -f ipod \"{out}/$n.m4a\"' _ {{}}",
        root.display(),
        out = out.display()
    );
    crate::measure::run(Command::new("sh").args(["-c", &script]))
}

/// Runs the measures `runs` times and prints their table. `cold` builds a podcast from
/// scratch (no output, no cache), `build` rebuilds it, `edit` rewrites one episode's notes.
pub fn bench(
    plain: &Path,
    n: usize,
    runs: usize,
    cold: &dyn Fn(&Path) -> Sample,
    edit: &dyn Fn(&Path, usize),
) {
    let root = with_formats(plain);
    let floor_out = plain.with_file_name("formats-ffmpeg");
    let build =
        |root: &Path| run_with_stderr(crate::carnets().arg("build").arg("--root").arg(root));
    let (mut with, mut without, mut floor, mut edits, mut titles) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut plain_edits = Vec::new();
    let episode = n / 2;
    for r in 0..runs {
        eprint!("\rformats: run {}/{runs} at N = {n}", r + 1);
        without.push(cold(plain));
        edit(plain, r + 1);
        plain_edits.push(build(plain).0);
        edit(plain, 0);
        floor.push(ffmpeg_floor(&root, &floor_out));
        with.push(cold(&root));
        edit(&root, r + 1);
        let (sample, stderr) = build(&root);
        assert!(
            stderr.contains("; 0 file(s) encoded, 0 retagged"),
            "an edit of the notes encoded: {stderr}"
        );
        edits.push(sample);
        let md = root
            .join("episodes")
            .join(podcast::slug(episode))
            .join("episode.md");
        let text = fs::read_to_string(&md).unwrap();
        fs::write(
            &md,
            text.replacen("title: \"", &format!("title: \"Titre {r} "), 1),
        )
        .unwrap();
        let (sample, stderr) = build(&root);
        assert!(
            stderr.contains("; 0 file(s) encoded, 2 retagged"),
            "a new title: {stderr}"
        );
        titles.push(sample);
        edit(&root, 0);
    }
    eprintln!();
    let _ = fs::remove_dir_all(&floor_out);
    let hours = n as f64 * episode_secs() / 3600.0;
    let (w, wo, f) = (median(&with), median(&without), median(&floor));
    let (wc, woc, fc) = (median_cpu(&with), median_cpu(&without), median_cpu(&floor));
    println!();
    println!(
        "alternate formats (Opus 48k + AAC 64k), N = {n} episodes ({hours:.2} h of audio), median of {runs} runs:"
    );
    println!();
    println!("| measure | carnets | reference | ratio |");
    println!("|---|---|---|---|");
    println!(
        "| cold build with formats | {w:.1} s | cold build without {wo:.2} s | {:.0} |",
        w / wo
    );
    println!(
        "| encoding, wall time per audio hour | {:.1} s | ffmpeg alone, {} at a time: {:.1} s | {:.2} |",
        (w - wo) / hours,
        std::thread::available_parallelism().map_or(1, usize::from),
        f / hours,
        (w - wo) / f
    );
    println!(
        "| encoding, CPU time per audio hour | {:.1} s | ffmpeg alone: {:.1} s | {:.2} |",
        (wc - woc) / hours,
        fc / hours,
        (wc - woc) / fc
    );
    println!(
        "| rebuild after an edit of the notes (0 encoded) | {:.3} s | without formats {:.3} s | {:.2} |",
        median(&edits),
        median(&plain_edits),
        median(&edits) / median(&plain_edits)
    );
    println!(
        "| rebuild after a new title (2 retagged) | {:.3} s | | |",
        median(&titles)
    );
    println!();
    println!(
        "every run, in seconds (with formats, without, ffmpeg alone, edit, edit without, title):"
    );
    for r in 0..runs {
        println!(
            "  {:.2}  {:.3}  {:.2}  {:.3}  {:.3}  {:.3}",
            with[r].secs,
            without[r].secs,
            floor[r].secs,
            edits[r].secs,
            plain_edits[r].secs,
            titles[r].secs
        );
    }
}

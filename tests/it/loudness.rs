//! Loudness (EBU R128 integrated loudness and true peak), measured by carnets from the MP3
//! frames, against ffmpeg's `ebur128` filter on MP3s made by real encoders: a quiet speech
//! file (espeak-ng, sox, lame), a loud clipped noise (sox, lame), a stereo mix (ffmpeg) and a
//! speech file levelled to about -16 LUFS (ffmpeg). Then `carnets check` on a podcast of
//! them: the warnings, their figures and fix, and the cache that makes the next check instant.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{self, carnets, run};
use carnets::audio::loudness;
use carnets::model::Loudness;

const SPEECH: &str = "Bonjour et bienvenue dans les Carnets de l'IA. Aujourd'hui, nous parlons \
des petites et moyennes entreprises, de formation et de projets concrets. L'intelligence \
artificielle change les métiers, mais pas du jour au lendemain.";

fn sh(program: &Path, args: &[&str]) {
    let status = Command::new(program)
        .args(args)
        .status()
        .expect("run encoder");
    assert!(status.success(), "{program:?} {args:?} failed");
}

/// The four test MP3s, by name, made in `dir`; `None` when a tool is missing.
#[rustfmt::skip]
fn make_mp3s(dir: &Path) -> Option<Vec<(&'static str, PathBuf)>> {
    let (ffmpeg, lame) = (common::tool("ffmpeg")?, common::tool("lame")?);
    let (sox, espeak) = (common::tool("sox")?, common::tool("espeak-ng")?);
    let path = |name: &str| dir.join(name).to_str().unwrap().to_string();
    sh(&espeak, &["-v", "fr", "-w", &path("speech.wav"), SPEECH]);
    // Quiet: the speech 22 dB down, mono, by lame.
    sh(&sox, &[&path("speech.wav"), "-r", "44100", &path("quiet.wav"), "vol", "0.08"]);
    sh(&lame, &["--quiet", "-b", "64", "-m", "m", &path("quiet.wav"), &path("quiet.mp3")]);
    // Loud: overdriven stereo pink noise, peaks over full scale, by lame.
    sh(
        &sox,
        &[
            "-n", "-r", "44100", "-c", "2", &path("loud.wav"), "synth", "15", "pinknoise",
            "gain", "-n", "-0.1", "overdrive", "20",
        ],
    );
    sh(&lame, &["--quiet", "-b", "128", &path("loud.wav"), &path("loud.mp3")]);
    // Stereo: a tone on the left, brown noise on the right, by ffmpeg.
    sh(
        &ffmpeg,
        &[
            "-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=330:duration=15",
            "-f", "lavfi", "-i", "anoisesrc=color=brown:duration=15:amplitude=0.2",
            "-filter_complex", "[0][1]amerge=inputs=2,volume=0.5", "-c:a", "libmp3lame",
            "-b:a", "128k", &path("stereo.mp3"),
        ],
    );
    // Levelled: the speech raised and limited to about -16 LUFS, by ffmpeg.
    sh(
        &ffmpeg,
        &[
            "-v", "error", "-y", "-i", &path("speech.wav"), "-af",
            "aresample=44100,volume=13dB,alimiter=limit=0.6:level=false", "-c:a", "libmp3lame",
            "-b:a", "96k", &path("levelled.mp3"),
        ],
    );
    Some(
        ["quiet", "loud", "stereo", "levelled"]
            .into_iter()
            .map(|name| (name, dir.join(format!("{name}.mp3"))))
            .collect(),
    )
}

/// ffmpeg's integrated loudness (LUFS) and true peak (dBTP), from its summary.
fn ffmpeg_loudness(path: &Path) -> (f64, f64) {
    let ffmpeg = common::tool("ffmpeg").expect("checked by make_mp3s");
    let output = Command::new(ffmpeg)
        .args(["-hide_banner", "-nostats", "-i"])
        .arg(path)
        .args(["-af", "ebur128=peak=true", "-f", "null", "-"])
        .output()
        .expect("run ffmpeg");
    let log = String::from_utf8_lossy(&output.stderr);
    let summary = &log[log.rfind("Summary:").expect("ffmpeg prints a summary")..];
    let value = |label: &str| -> f64 {
        let line = summary
            .lines()
            .find(|l| l.trim_start().starts_with(label))
            .unwrap_or_else(|| panic!("no {label} in {summary}"));
        line.split_whitespace().nth(1).unwrap().parse().unwrap()
    };
    (value("I:"), value("Peak:"))
}

fn measure(path: &Path) -> Loudness {
    let info = carnets::audio::probe(path).expect("a valid MP3");
    loudness::measure(path, info.audio_start, info.audio_end).expect("measured")
}

#[test]
fn integrated_loudness_and_true_peak_agree_with_ffmpeg() {
    let dir = tempfile::tempdir().unwrap();
    let Some(mp3s) = make_mp3s(dir.path()) else {
        return;
    };
    let mut report = Vec::new();
    for (name, path) in &mp3s {
        let ours = measure(path);
        let (lufs, peak) = ffmpeg_loudness(path);
        let (our_lufs, our_peak) = (ours.integrated.unwrap(), ours.true_peak.unwrap());
        report.push(format!(
            "{name}: carnets {our_lufs:.2} LUFS {our_peak:.2} dBTP, ffmpeg {lufs:.1} LUFS {peak:.1} dBTP"
        ));
        assert!(
            (our_lufs - lufs).abs() <= 0.5 && (our_peak - peak).abs() <= 0.5,
            "{name} disagrees with ffmpeg:\n{}",
            report.join("\n")
        );
    }
    eprintln!("{}", report.join("\n"));
    // The files cover what they are named for.
    let (quiet, loud) = (measure(&mp3s[0].1), measure(&mp3s[1].1));
    assert!(quiet.integrated.unwrap() < -30.0 && loud.integrated.unwrap() > -8.0);
    assert!(loud.true_peak.unwrap() > 0.0);
}

#[test]
fn silence_has_no_integrated_loudness() {
    let dir = tempfile::tempdir().unwrap();
    let Some(lame) = common::tool("lame") else {
        return;
    };
    let wav = dir.path().join("silence.wav");
    // 3 s of digital silence, 16-bit mono at 44.1 kHz.
    let samples = 3 * 44_100;
    let mut bytes = b"RIFF".to_vec();
    bytes.extend((36 + samples * 2u32).to_le_bytes());
    bytes.extend(b"WAVEfmt ");
    bytes.extend(16u32.to_le_bytes());
    bytes.extend([1, 0, 1, 0]);
    bytes.extend(44_100u32.to_le_bytes());
    bytes.extend((44_100u32 * 2).to_le_bytes());
    bytes.extend([2, 0, 16, 0]);
    bytes.extend(b"data");
    bytes.extend((samples * 2).to_le_bytes());
    bytes.resize(bytes.len() + samples as usize * 2, 0);
    std::fs::write(&wav, bytes).unwrap();
    let mp3 = dir.path().join("silence.mp3");
    sh(
        &lame,
        &["--quiet", wav.to_str().unwrap(), mp3.to_str().unwrap()],
    );
    assert_eq!(
        measure(&mp3),
        Loudness {
            integrated: None,
            true_peak: None
        }
    );
}

/// The loudness warning lines `check` must print for `loudness` of `audio`.
fn expected(audio: &str, l: &Loudness) -> Vec<String> {
    let fix = "  help: normalise to -16 LUFS, e.g. `ffmpeg -i in.mp3 -af loudnorm=I=-16:TP=-1.5 -c:a libmp3lame -b:a 128k out.mp3`";
    let mut lines = Vec::new();
    let lufs = l.integrated.unwrap();
    if (lufs + 16.0).abs() > 1.0 {
        let how = if lufs < -16.0 {
            "too quiet"
        } else {
            "too loud"
        };
        lines.push(format!("{audio}: warning: the episode is {how}: {lufs:.1} LUFS integrated; Apple recommends -16 LUFS ± 1\n{fix}"));
    }
    if let Some(peak) = l.true_peak.filter(|&p| p > -1.0) {
        lines.push(format!("{audio}: warning: the true peak is {peak:.1} dBTP; Apple recommends at most -1 dBTP (above, players may distort)\n{fix}"));
    }
    lines
}

#[test]
fn check_warns_with_the_figures_and_the_fix_then_reads_the_cache() {
    let dir = tempfile::tempdir().unwrap();
    let Some(mp3s) = make_mp3s(dir.path()) else {
        return;
    };
    let (_tmp, root) = common::podcast("podcast");
    let slugs = [
        "001-cbr",
        "002-vbr-sans-xing",
        "003-mpeg2",
        "004-mpeg25-etiquete",
    ];
    let mut want = Vec::new();
    for ((name, mp3), slug) in mp3s.iter().zip(slugs) {
        let audio = root.join("episodes").join(slug).join("audio.mp3");
        std::fs::copy(mp3, &audio).unwrap();
        let l = measure(mp3);
        let lines = expected(&audio.display().to_string(), &l);
        match *name {
            "quiet" => assert!(
                lines.len() == 1 && lines[0].contains("too quiet"),
                "{lines:?}"
            ),
            "loud" => assert!(
                lines.len() == 2 && lines[0].contains("too loud"),
                "{lines:?}"
            ),
            "levelled" => {
                let (lufs, peak) = ffmpeg_loudness(mp3);
                assert!(
                    (lufs + 16.0).abs() <= 1.0 && peak <= -1.0,
                    "ffmpeg: {lufs} {peak}"
                );
                assert!(lines.is_empty(), "{lines:?}");
            }
            _ => {}
        }
        want.extend(lines);
    }
    let (code, _, stderr) = run(carnets().arg("check").arg("--root").arg(&root));
    assert_eq!(code, 0, "warnings only: {stderr}");
    for line in &want {
        assert!(stderr.contains(line.as_str()), "no\n{line}\nin\n{stderr}");
    }
    assert_eq!(stderr.matches("LUFS integrated").count(), 3, "{stderr}");
    assert_eq!(stderr.matches("dBTP;").count(), 1, "{stderr}");

    // The measurements are cached by content: a check reads them instead of decoding again
    // (here, made-up figures that are all in range silence every warning).
    let cache = root.join(".carnets/loudness.json");
    let measured: serde_json::Map<String, serde_json::Value> =
        serde_json::from_slice(&std::fs::read(&cache).unwrap()).unwrap();
    assert_eq!(measured.len(), 4);
    let in_range: serde_json::Map<String, serde_json::Value> = measured
        .keys()
        .map(|k| {
            (
                k.clone(),
                serde_json::json!({"integrated": -16.2, "true_peak": -2.0}),
            )
        })
        .collect();
    std::fs::write(&cache, serde_json::to_vec(&in_range).unwrap()).unwrap();
    let (code, _, stderr) = run(carnets().arg("check").arg("--root").arg(&root));
    assert_eq!(code, 0, "{stderr}");
    assert!(
        !stderr.contains("LUFS") && !stderr.contains("dBTP"),
        "{stderr}"
    );

    // A build never decodes: it neither measures nor touches the measurements.
    let (code, _, stderr) = run(carnets().arg("build").arg("--root").arg(&root));
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("LUFS"), "{stderr}");
    assert_eq!(
        std::fs::read(&cache).unwrap(),
        serde_json::to_vec(&in_range).unwrap()
    );
}

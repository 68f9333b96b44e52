//! The deploy benchmark: `carnets deploy` of the benchmark podcast (`benches/build/podcast.rs`)
//! to a real SFTP host on 127.0.0.1 (OpenSSH's sshd, as in the deploy tests), against
//! `rsync -a` of the same `public/` to the same host over the same `ssh`.
//!
//! ```text
//! cargo bench --bench deploy -- [--episodes N] [--runs R]
//! ```
//! N episodes (default 1000) are measured R times (default 3), alternating carnets and rsync:
//! - first deploy: into an empty folder of the host, against `rsync -a public/ host:folder/`
//!   into another empty folder (both commands as a producer runs them: carnets's includes its
//!   build, spared, and its check of the live show over HTTPS, nginx serving the folder);
//! - no-op deploy: the same deploy again, nothing changed.
//!
//! Under `cargo test --all-targets` (no `--bench`), it runs at N = 10, once: a check that the
//! harness works, not a measure.

#[allow(dead_code)]
#[path = "../../tests/it/common.rs"]
mod common;
#[allow(dead_code)]
#[path = "../../tests/it/deploy_http.rs"]
mod deploy_http;
#[allow(dead_code)]
#[path = "../../tests/it/deploy_servers.rs"]
mod deploy_servers;
#[allow(dead_code)]
#[path = "../build/measure.rs"]
mod measure;
#[allow(dead_code)]
#[path = "../build/podcast.rs"]
mod podcast;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use deploy_http::{Site, nginx};
use deploy_servers::{sshd, tls};
use measure::{Sample, median, run};

fn main() {
    let benching = std::env::args().any(|a| a == "--bench");
    let (mut episodes, mut runs) = if benching { (1000, 3) } else { (10, 1) };
    let mut jobs = 16;
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || -> usize {
            it.next()
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| panic!("{arg} wants a number"))
        };
        match arg.as_str() {
            "--episodes" | "-n" => episodes = value(),
            "--runs" => runs = value(),
            "--jobs" => jobs = value(),
            "--bench" => {}
            other => panic!("unknown argument {other}: try --episodes N --runs R --jobs J"),
        }
    }
    let tools = [
        "sshd",
        "ssh",
        "ssh-keygen",
        "nginx",
        "openssl",
        "rsync",
        "ffmpeg",
        "time",
    ];
    if deploy_servers::tools(&tools).is_none() {
        assert!(
            !benching,
            "a tool is missing: run scripts/bench.sh, which installs them"
        );
        return; // plain `cargo test` without the tools: said on stderr by `tool`
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    fs::create_dir_all(&dir).expect("create target/bench");
    // The host's side in the temporary folder: the SSH control sockets' paths stay short.
    let lab_dir = tempfile::tempdir().expect("a temporary folder");
    let lab = lab_dir.path().to_path_buf();

    let tls = tls(&lab);
    let sshd = sshd(&lab, &[]);
    let site = lab.join("site");
    let https = Site::https(&site);
    let _nginx = nginx(&lab, &tls, &[&https]);
    let root = show(
        &dir,
        episodes,
        &format!("https://127.0.0.1:{}/", https.port),
    );
    let (code, _, err) = common::run(common::carnets().args(["build", "--root"]).arg(&root));
    assert_eq!(code, 0, "{err}");

    // The variables of the test's `ssh` (config, keys) and certificate authority, through
    // `env`: the timer runs the command as a program and its arguments.
    let mut env = Command::new("env");
    for (name, value) in sshd.env() {
        env.arg(format!("{name}={}", value.display()));
    }
    env.arg(format!("SSL_CERT_FILE={}", tls.ca.display()));
    let deploy = || {
        let mut command = Command::new("env");
        command
            .args(env.get_args())
            .arg(env!("CARGO_BIN_EXE_carnets"))
            .args(["deploy", "--quiet", "--root"])
            .arg(&root)
            .args(["--to", &sshd.target(&site)])
            .args(["--jobs", &jobs.to_string()]);
        command
    };
    let copy = lab.join("rsync");
    let rsync = || {
        let mut command = Command::new("rsync");
        command
            .arg("-a")
            .arg("-e")
            .arg(format!(
                "{} -p {}",
                lab.join("ssh/bin/ssh").display(),
                sshd.port
            ))
            .arg(format!("{}/", root.join("public").display()))
            .arg(format!(
                "{}@127.0.0.1:{}/",
                deploy_servers::user(),
                copy.display()
            ));
        command
    };

    let mut first = Vec::new();
    let mut baseline = Vec::new();
    let mut noop = Vec::new();
    for r in 0..runs {
        eprint!("\rrun {}/{runs} at N = {episodes}", r + 1);
        for folder in [&site, &copy] {
            let _ = fs::remove_dir_all(folder);
        }
        fs::create_dir_all(&site).expect("the host's folder");
        // Under CARNETS_TRACE=1, the deploy's stages are shown as it times them.
        let ours = || {
            let (sample, err) = measure::run_with_stderr(&mut deploy());
            eprint!("{err}");
            sample
        };
        let theirs = || run(&mut rsync());
        if r % 2 == 0 {
            first.push(ours());
            baseline.push(theirs());
        } else {
            baseline.push(theirs());
            first.push(ours());
        }
        noop.push(run(&mut deploy()));
    }
    eprintln!();
    let published: u64 = common::tree(&root.join("public"))
        .values()
        .map(|b| b.len() as u64)
        .sum();
    assert_eq!(
        common::tree(&copy),
        common::tree(&root.join("public")),
        "rsync copied the output"
    );
    println!();
    println!(
        "carnets deploy benchmark: N = {episodes} episodes ({:.2} GB in public/) to SFTP on 127.0.0.1, median of {runs} runs",
        published as f64 / 1e9
    );
    println!("machine: {}", measure::machine());
    println!();
    println!("| measure | carnets | reference | ratio | target |");
    println!("|---|---|---|---|---|");
    let (a, b) = (median(&first), median(&baseline));
    println!(
        "| first deploy | {a:.3} s | `rsync -a` {b:.3} s | {:.2} | ≤ 1.3 |",
        a / b
    );
    println!("| no-op deploy | {:.3} s | | | ≤ 2 s |", median(&noop));
    println!(
        "| CPU time, first deploy | {:.3} s | `rsync -a` {:.3} s | {:.2} | (reference) |",
        measure::median_cpu(&first),
        measure::median_cpu(&baseline),
        measure::median_cpu(&first) / measure::median_cpu(&baseline)
    );
    println!();
    println!("every run, in seconds (first deploy, rsync -a, no-op deploy):");
    for r in 0..runs {
        let line: Vec<String> = [&first, &baseline, &noop]
            .iter()
            .map(|s: &&Vec<Sample>| format!("{:.3}", s[r].secs))
            .collect();
        println!("  {}", line.join("  "));
    }
}

/// The benchmark podcast of `n` episodes, served at `base_url`: its episodes hard-linked from
/// the one `benches/build` generates (nothing is copied), its `podcast.yaml` rewritten.
fn show(dir: &Path, n: usize, base_url: &str) -> PathBuf {
    let generated = podcast::podcast(dir, n);
    let root = dir.join(format!("deploy-{n}"));
    if !root.join("episodes").exists() {
        fs::create_dir_all(&root).expect("the deploy podcast");
        let status = Command::new("cp")
            .arg("-al")
            .arg(generated.join("episodes"))
            .arg(generated.join("cover.jpg"))
            .arg(&root)
            .status()
            .expect("cp");
        assert!(status.success(), "cp -al");
    }
    let yaml = fs::read_to_string(generated.join("podcast.yaml")).expect("podcast.yaml");
    let yaml: String = yaml
        .lines()
        .map(|l| match l.starts_with("base_url:") {
            true => format!("base_url: \"{base_url}\"\n"),
            false => format!("{l}\n"),
        })
        .collect();
    fs::write(root.join("podcast.yaml"), yaml).expect("write podcast.yaml");
    root
}

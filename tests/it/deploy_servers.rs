//! Real servers for the deploy tests, each started on 127.0.0.1 and a free port by the test
//! that needs it and stopped when dropped: here what they share (the process, the ports, a
//! throwaway certificate authority) and OpenSSH's `sshd` (an SFTP host, with a throwaway host
//! key and user key); nginx and moto's S3 server are in `deploy_http.rs`.
//!
//! The client side is kept out of the producer's files: `ssh` is a wrapper that reads a
//! config of the test's folder (known hosts, key), `HOME` is a folder of the test's (where the
//! SSH control sockets go), and `SSL_CERT_FILE` names the test's authority.

use std::fs;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::tool;

/// A server process, killed when dropped.
pub struct Process {
    child: Child,
    pub log: PathBuf,
}

impl Process {
    pub fn start(command: &mut Command, log: &Path, port: u16, what: &str) -> Process {
        let file = fs::File::create(log).expect("server log");
        let child = command
            .stdin(Stdio::null())
            .stdout(file.try_clone().expect("log"))
            .stderr(file)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {what}: {e}"));
        let process = Process {
            child,
            log: log.to_path_buf(),
        };
        let mut process = process;
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err()
            || matches!(process.child.try_wait(), Ok(Some(_)))
        {
            if let Ok(Some(status)) = process.child.try_wait() {
                panic!(
                    "{what} stopped ({status}): {}",
                    fs::read_to_string(log).unwrap_or_default()
                );
            }
            assert!(
                Instant::now() < deadline,
                "{what} did not listen on {port}: {}",
                fs::read_to_string(log).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        process
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// What the server logged so far.
    pub fn logged(&self) -> String {
        fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Process {
    /// Asks the server to stop (nginx's master then stops its workers), then makes sure.
    fn drop(&mut self) {
        if let Some(pid) = rustix::process::Pid::from_raw(self.child.id() as i32) {
            let _ = rustix::process::kill_process(pid, rustix::process::Signal::TERM);
        }
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port nobody listens on (for a moment), and never one handed out before in this run:
/// two servers started at once must not get the same.
pub fn free_port() -> u16 {
    static GIVEN: std::sync::Mutex<Vec<u16>> = std::sync::Mutex::new(Vec::new());
    let mut given = GIVEN.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        if !given.contains(&port) {
            given.push(port);
            return port;
        }
    }
}

/// The tools these servers need, or `None` (the test then returns) outside conformance runs.
pub fn tools(names: &[&str]) -> Option<Vec<PathBuf>> {
    names.iter().map(|name| tool(name)).collect()
}

pub fn run_ok(command: &mut Command) {
    let out = command.output().expect("command runs");
    assert!(out.status.success(), "{command:?}: {out:?}");
}

/// A throwaway certificate authority and a certificate for 127.0.0.1 and localhost signed by it.
pub struct Tls {
    pub ca: PathBuf,
    pub cert: PathBuf,
    pub key: PathBuf,
}

pub fn tls(dir: &Path) -> Tls {
    let dir = dir.join("tls");
    fs::create_dir_all(&dir).unwrap();
    let tls = Tls {
        ca: dir.join("ca.pem"),
        cert: dir.join("cert.pem"),
        key: dir.join("key.pem"),
    };
    let ca_key = dir.join("ca-key.pem");
    run_ok(
        Command::new("openssl")
            .args([
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=carnets test authority",
                "-keyout",
            ])
            .arg(&ca_key)
            .arg("-out")
            .arg(&tls.ca),
    );
    let csr = dir.join("cert.csr");
    run_ok(
        Command::new("openssl")
            .args([
                "req",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-subj",
                "/CN=127.0.0.1",
                "-keyout",
            ])
            .arg(&tls.key)
            .arg("-out")
            .arg(&csr),
    );
    let ext = dir.join("ext.cnf");
    fs::write(
        &ext,
        "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n",
    )
    .unwrap();
    run_ok(
        Command::new("openssl")
            .args(["x509", "-req", "-days", "2", "-CAcreateserial", "-in"])
            .arg(&csr)
            .arg("-CA")
            .arg(&tls.ca)
            .arg("-CAkey")
            .arg(&ca_key)
            .arg("-extfile")
            .arg(&ext)
            .arg("-out")
            .arg(&tls.cert),
    );
    tls
}

/// OpenSSH's SFTP server (Debian's path).
const SFTP_SERVER: &str = "/usr/lib/openssh/sftp-server";

/// An SFTP host: OpenSSH's sshd and its SFTP server, which logs each file operation into
/// `sftp.log` (sshd runs a subsystem through the shell, so its stderr can go to a file).
pub struct Sshd {
    pub port: u16,
    pub process: Process,
    /// What the SFTP server did, one line per operation.
    pub sftp_log: PathBuf,
    /// The folder of the `ssh` wrapper, first on carnets' PATH.
    bin: PathBuf,
    /// carnets' HOME (where the SSH control sockets go).
    home: PathBuf,
    /// The client's known hosts (holding this host's key).
    pub known_hosts: PathBuf,
}

/// Starts sshd; `wrap` runs it through a command (`unshare -m sh -c '… exec "$@"' sh`).
pub fn sshd(dir: &Path, wrap: &[&str]) -> Sshd {
    let dir = dir.join("ssh");
    fs::create_dir_all(dir.join("bin")).unwrap();
    fs::create_dir_all(dir.join("home")).unwrap();
    for (key, kind) in [("host_key", "ed25519"), ("id_ed25519", "ed25519")] {
        run_ok(
            Command::new("ssh-keygen")
                .args(["-q", "-t", kind, "-N", "", "-f"])
                .arg(dir.join(key)),
        );
    }
    fs::copy(dir.join("id_ed25519.pub"), dir.join("authorized_keys")).unwrap();
    // Root's privilege separation folder, made by the package's service at boot elsewhere.
    let _ = fs::create_dir_all("/run/sshd");
    let port = free_port();
    let config = dir.join("sshd_config");
    fs::write(
        &config,
        format!(
            "ListenAddress 127.0.0.1:{port}\nHostKey {d}/host_key\nPidFile none\nAuthorizedKeysFile {d}/authorized_keys\nStrictModes no\nUsePAM no\nPasswordAuthentication no\nKbdInteractiveAuthentication no\nPermitRootLogin prohibit-password\nMaxStartups 200\nMaxSessions 200\nLogLevel INFO\nSubsystem sftp {sftp} -e -l INFO 2>>{d}/sftp.log\n",
            d = dir.display(),
            sftp = SFTP_SERVER,
        ),
    )
    .unwrap();
    let known_hosts = dir.join("known_hosts");
    let host_key = fs::read_to_string(dir.join("host_key.pub")).unwrap();
    fs::write(&known_hosts, format!("[127.0.0.1]:{port} {host_key}")).unwrap();
    fs::write(
        dir.join("ssh_config"),
        format!(
            "Host *\n  UserKnownHostsFile {d}/known_hosts\n  GlobalKnownHostsFile /dev/null\n  IdentityFile {d}/id_ed25519\n  IdentitiesOnly yes\n  PasswordAuthentication no\n",
            d = dir.display()
        ),
    )
    .unwrap();
    let ssh = tool("ssh").expect("ssh");
    let wrapper = dir.join("bin/ssh");
    fs::write(
        &wrapper,
        format!(
            "#!/bin/sh\nexec {} -F {}/ssh_config \"$@\"\n",
            ssh.display(),
            dir.display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&wrapper, fs::Permissions::from_mode(0o755)).unwrap();
    let sshd = tool("sshd").expect("sshd");
    let mut command = match wrap {
        [] => Command::new(&sshd),
        [first, rest @ ..] => {
            let mut c = Command::new(first);
            c.args(rest).arg(&sshd);
            c
        }
    };
    command.arg("-D").arg("-e").arg("-f").arg(&config);
    let process = Process::start(&mut command, &dir.join("sshd.log"), port, "sshd");
    Sshd {
        port,
        process,
        sftp_log: dir.join("sftp.log"),
        bin: dir.join("bin"),
        home: dir.join("home"),
        known_hosts,
    }
}

impl Sshd {
    /// The SFTP target of folder `path` on this host.
    pub fn target(&self, path: &Path) -> String {
        format!(
            "sftp://{}@127.0.0.1:{}{}",
            user(),
            self.port,
            path.display()
        )
    }

    /// The `ssh` processes of carnets still running (control masters left behind).
    /// (An `ssh` master told to exit takes a moment to go: up to 5 s are allowed, the machine
    /// may be loaded.)
    pub fn clients(&self) -> Vec<String> {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        loop {
            let out = Command::new("pgrep")
                .args(["-a", "-f"])
                .arg(format!(
                    "{}/ssh_config",
                    self.bin.parent().unwrap().display()
                ))
                .output()
                .expect("pgrep");
            let left: Vec<String> = String::from_utf8_lossy(&out.stdout)
                .lines()
                .map(str::to_string)
                .collect();
            if left.is_empty() || std::time::Instant::now() > deadline {
                return left;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }

    /// What the SFTP server logged so far.
    pub fn sftp_logged(&self) -> String {
        fs::read_to_string(&self.sftp_log).unwrap_or_default()
    }

    /// The variables that make carnets' `ssh` use the test's config and keys.
    pub fn env(&self) -> Vec<(String, PathBuf)> {
        let path = std::env::join_paths(std::iter::once(self.bin.clone()).chain(
            std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
        ))
        .unwrap();
        vec![
            ("PATH".into(), PathBuf::from(path)),
            ("HOME".into(), self.home.clone()),
        ]
    }

    /// Stops the SSH connections a killed carnets left open (its `ssh` control masters,
    /// which outlive it, and may still be starting when it dies), each by its process id.
    pub fn close_orphans(&self) {
        let mut quiet = 0;
        while quiet < 5 {
            let clients = self.clients();
            quiet = if clients.is_empty() { quiet + 1 } else { 0 };
            for line in clients {
                let pid = line.split(' ').next().and_then(|p| p.parse().ok());
                if let Some(pid) = pid.and_then(rustix::process::Pid::from_raw) {
                    let _ = rustix::process::kill_process(pid, rustix::process::Signal::TERM);
                }
            }
            std::thread::sleep(Duration::from_millis(40));
        }
    }
}

/// The user the tests log in as: the one running them.
pub fn user() -> String {
    std::env::var("USER")
        .ok()
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| {
            String::from_utf8(Command::new("id").arg("-un").output().unwrap().stdout)
                .unwrap()
                .trim()
                .to_string()
        })
}

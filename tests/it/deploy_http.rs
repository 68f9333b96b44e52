//! The HTTP servers of the deploy tests, on 127.0.0.1 and free ports, stopped when dropped:
//! nginx (a WebDAV server with its DAV modules, and the HTTPS site in front of every target)
//! and moto's S3 server.

use std::fs;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::common::{conformance_required, python_module, tool};
use crate::deploy_servers::{Process, Tls, free_port, run_ok, user};

/// One site of an nginx: its port and the directives of its `server` block.
pub struct Site {
    pub port: u16,
    pub directives: String,
}

impl Site {
    /// HTTPS, serving the files of `root` read-only (as a producer's host does).
    pub fn https(root: &Path) -> Site {
        Site::https_with(root, "")
    }

    /// [`Site::https`], with more directives (a host configured otherwise).
    pub fn https_with(root: &Path, directives: &str) -> Site {
        Site {
            port: free_port(),
            directives: format!(
                "listen 127.0.0.1:{{port}} ssl;\nroot {};\n{directives}",
                root.display()
            ),
        }
    }

    /// WebDAV over HTTP on `root`, with Basic authentication; `writable: false` refuses
    /// every write (a host whose WebDAV is read-only).
    pub fn dav(root: &Path, htpasswd: &Path, writable: bool) -> Site {
        let methods = if writable {
            "dav_methods PUT DELETE MKCOL COPY MOVE;"
        } else {
            "dav_methods off;"
        };
        Site {
            port: free_port(),
            directives: format!(
                "listen 127.0.0.1:{{port}};\nroot {};\n{methods}\ndav_ext_methods PROPFIND OPTIONS;\ncreate_full_put_path on;\ndav_access user:rw group:r all:r;\nauth_basic \"carnets\";\nauth_basic_user_file {};",
                root.display(),
                htpasswd.display()
            ),
        }
    }

    /// HTTPS in front of another server (an S3 bucket's address).
    pub fn proxy(upstream: &str) -> Site {
        Site {
            port: free_port(),
            directives: format!(
                "listen 127.0.0.1:{{port}} ssl;\nlocation / {{ proxy_pass {upstream}; }}"
            ),
        }
    }

    /// An HTTPS address that answers 204 to anything (a WebSub hub, Podcast Index), and the
    /// plain one behind it that gives the answer: passing the request on makes nginx read
    /// its body, so that the access log holds it.
    pub fn pings() -> [Site; 2] {
        let sink = free_port();
        [
            Site {
                port: free_port(),
                directives: format!(
                    "listen 127.0.0.1:{{port}} ssl;\nlocation / {{ proxy_pass http://127.0.0.1:{sink}/; }}"
                ),
            },
            Site {
                port: sink,
                directives: "listen 127.0.0.1:{port};\nlocation / { return 204; }".to_string(),
            },
        ]
    }
}

/// nginx serving `sites`; its access log has one line per request: time, method, status,
/// path, `Destination` (of a MOVE), query and body.
pub struct Nginx {
    pub process: Process,
    pub access_log: PathBuf,
}

pub fn nginx(dir: &Path, tls: &Tls, sites: &[&Site]) -> Nginx {
    let dir = dir.join("nginx");
    fs::create_dir_all(&dir).unwrap();
    let dav = Path::new("/usr/lib/nginx/modules/ngx_http_dav_ext_module.so");
    if !dav.exists() && conformance_required() {
        panic!(
            "CARNETS_CONFORMANCE=1 needs nginx's WebDAV module (Debian: libnginx-mod-http-dav-ext)"
        );
    }
    let servers: String = sites
        .iter()
        .map(|s| {
            format!(
                "server {{\n{}\n}}\n",
                s.directives.replace("{port}", &s.port.to_string())
            )
        })
        .collect();
    let access_log = dir.join("access.log");
    let running_as_root = user() == "root";
    let config = format!(
        "{load}{user}worker_processes 1;\ndaemon off;\npid {d}/nginx.pid;\nerror_log {d}/error.log info;\nevents {{ worker_connections 512; }}\nhttp {{\ninclude /etc/nginx/mime.types;\ndefault_type application/octet-stream;\nlog_format order '$msec $request_method $status \"$uri\" \"$http_destination\" \"$args\" \"$request_body\"';\naccess_log {log} order;\nclient_body_temp_path {d}/body;\nproxy_temp_path {d}/proxy;\nfastcgi_temp_path {d}/fastcgi;\nuwsgi_temp_path {d}/uwsgi;\nscgi_temp_path {d}/scgi;\nclient_max_body_size 0;\nssl_certificate {cert};\nssl_certificate_key {key};\n{servers}}}\n",
        load = if dav.exists() {
            format!("load_module {};\n", dav.display())
        } else {
            String::new()
        },
        user = if running_as_root { "user root;\n" } else { "" },
        d = dir.display(),
        log = access_log.display(),
        cert = tls.cert.display(),
        key = tls.key.display(),
    );
    let conf = dir.join("nginx.conf");
    fs::write(&conf, config).unwrap();
    let nginx = tool("nginx").expect("nginx");
    let mut command = Command::new(nginx);
    command
        .arg("-p")
        .arg(&dir)
        .arg("-c")
        .arg(&conf)
        .arg("-e")
        .arg(dir.join("error.log"));
    let first = sites.first().expect("a site").port;
    let process = Process::start(&mut command, &dir.join("nginx.log"), first, "nginx");
    for site in sites {
        let deadline = Instant::now() + Duration::from_secs(10);
        while TcpStream::connect(("127.0.0.1", site.port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "nginx did not listen on {}",
                site.port
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    Nginx {
        process,
        access_log,
    }
}

impl Nginx {
    pub fn logged(&self) -> String {
        fs::read_to_string(&self.access_log).unwrap_or_default()
    }
}

/// moto's S3 server (`python3 -m moto.server`), with one bucket whose objects anyone may read (as a public bucket
/// behind a CDN is).
pub struct S3 {
    pub process: Process,
    pub port: u16,
    pub bucket: &'static str,
}

pub fn s3(dir: &Path) -> S3 {
    let port = free_port();
    let python = python_module("moto.server").expect("moto");
    let mut command = Command::new(python);
    command.args([
        "-m",
        "moto.server",
        "-H",
        "127.0.0.1",
        "-p",
        &port.to_string(),
    ]);
    let process = Process::start(&mut command, &dir.join("moto.log"), port, "moto_server");
    let bucket = "carnets";
    let base = format!("http://127.0.0.1:{port}/{bucket}");
    run_ok(Command::new("curl").args(["-sf", "-X", "PUT", &base]));
    let policy = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":"*","Action":["s3:GetObject","s3:HeadObject"],"Resource":"arn:aws:s3:::{bucket}/*"}}]}}"#
    );
    run_ok(Command::new("curl").args([
        "-sf",
        "-X",
        "PUT",
        "-H",
        "Content-Type: application/json",
        "--data-binary",
        &policy,
        &format!("{base}?policy"),
    ]));
    S3 {
        process,
        port,
        bucket,
    }
}

impl S3 {
    /// The variables of an S3-compatible store (moto accepts any key).
    pub fn env(&self) -> Vec<(String, PathBuf)> {
        [
            ("AWS_ACCESS_KEY_ID", "carnets-test".to_string()),
            ("AWS_SECRET_ACCESS_KEY", "carnets-test-secret".to_string()),
            ("AWS_REGION", "us-east-1".to_string()),
            (
                "AWS_ENDPOINT_URL",
                format!("http://127.0.0.1:{}", self.port),
            ),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), PathBuf::from(v)))
        .collect()
    }
}

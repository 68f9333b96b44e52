//! The target of a deploy, as a producer writes it (`--to`, or `deploy:` in `podcast.yaml`):
//! `s3://bucket/prefix`, `sftp://user@host:port/path`, `webdav://host/path` (`webdavs://` for
//! HTTPS) or `file:///path`. A value of the show: parsing only, no credentials and no
//! connection (`deploy/store.rs` opens it), so that the loader checks the key with the rest.

use std::fmt;

use crate::t;

/// Where a deploy sends `public/`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Target {
    /// An S3 bucket (AWS or an S3-compatible store), under `prefix` (no leading or trailing `/`).
    S3 { bucket: String, prefix: String },
    /// A folder on a host reached with the system's `ssh`.
    Sftp {
        user: Option<String>,
        host: String,
        port: Option<u16>,
        path: String,
    },
    /// A WebDAV collection: `endpoint` is `http(s)://host[:port]`, `path` the folder in it.
    Webdav { endpoint: String, path: String },
    /// A local folder (a mounted share, or a folder another program publishes).
    File { path: String },
}

impl Target {
    /// Reads a target URL; the error says what is wrong and what a target looks like.
    pub fn parse(url: &str) -> Result<Target, String> {
        if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(t!("deploy-target-spaces", url = url));
        }
        let Some((scheme, rest)) = url.split_once("://") else {
            return Err(t!("deploy-target-not-url", url = url));
        };
        let (authority, path) = match rest.split_once('/') {
            Some((authority, path)) => (authority, path.trim_end_matches('/')),
            None => (rest, ""),
        };
        if authority.contains(':') && authority.contains('@') {
            let (userinfo, _) = authority.split_once('@').unwrap_or_default();
            if userinfo.contains(':') {
                return Err(t!("deploy-target-password", url = url));
            }
        }
        match scheme {
            "s3" => {
                if authority.is_empty() || authority.contains(['@', ':']) {
                    return Err(t!("deploy-target-no-bucket", url = url));
                }
                Ok(Target::S3 {
                    bucket: authority.to_string(),
                    prefix: path.to_string(),
                })
            }
            "sftp" => {
                let (user, hostport) = match authority.split_once('@') {
                    Some((user, hostport)) => (Some(user.to_string()), hostport),
                    None => (None, authority),
                };
                let (host, port) = host_port(hostport, url)?;
                if path.is_empty() {
                    return Err(t!("deploy-target-no-folder", url = url));
                }
                Ok(Target::Sftp {
                    user,
                    host,
                    port,
                    path: format!("/{path}"),
                })
            }
            "webdav" | "webdavs" => {
                let (host, port) = host_port(authority, url)?;
                let http = if scheme == "webdavs" { "https" } else { "http" };
                let endpoint = match port {
                    Some(port) => format!("{http}://{host}:{port}"),
                    None => format!("{http}://{host}"),
                };
                Ok(Target::Webdav {
                    endpoint,
                    path: format!("/{path}"),
                })
            }
            "file" => {
                if !authority.is_empty() || path.is_empty() {
                    return Err(t!("deploy-target-not-absolute", url = url));
                }
                Ok(Target::File {
                    path: format!("/{path}"),
                })
            }
            other => Err(t!("deploy-target-unknown-scheme", scheme = other)),
        }
    }
}

/// `host` or `host:port` (IPv6 hosts in brackets).
fn host_port(text: &str, url: &str) -> Result<(String, Option<u16>), String> {
    let (host, port) = match text.rsplit_once(':') {
        Some((host, port)) if !host.ends_with(':') && !port.contains(']') => (host, Some(port)),
        _ => (text, None),
    };
    if host.is_empty() {
        return Err(t!("deploy-target-no-host", url = url));
    }
    let port = match port {
        Some(port) => Some(
            port.parse::<u16>()
                .ok()
                .filter(|p| *p > 0)
                .ok_or_else(|| t!("deploy-target-bad-port", url = url, port = port))?,
        ),
        None => None,
    };
    Ok((host.to_string(), port))
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::S3 { bucket, prefix } if prefix.is_empty() => write!(f, "s3://{bucket}"),
            Target::S3 { bucket, prefix } => write!(f, "s3://{bucket}/{prefix}"),
            Target::Sftp {
                user,
                host,
                port,
                path,
            } => {
                write!(f, "sftp://")?;
                if let Some(user) = user {
                    write!(f, "{user}@")?;
                }
                write!(f, "{host}")?;
                if let Some(port) = port {
                    write!(f, ":{port}")?;
                }
                write!(f, "{path}")
            }
            Target::Webdav { endpoint, path } => {
                let scheme = if endpoint.starts_with("https:") {
                    "webdavs"
                } else {
                    "webdav"
                };
                let host = endpoint.split_once("://").map_or("", |(_, h)| h);
                write!(f, "{scheme}://{host}{path}")
            }
            Target::File { path } => write!(f, "file://{path}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_scheme_reads_back_as_written() {
        for url in [
            "s3://bucket/shows/carnets",
            "s3://bucket",
            "sftp://me@example.org:2222/var/www/podcast",
            "sftp://example.org/srv/site",
            "webdav://127.0.0.1:8080/dav/site",
            "webdavs://cloud.example.org/remote.php/dav/files/me/podcast",
            "file:///mnt/share/podcast",
        ] {
            let target = Target::parse(url).unwrap_or_else(|e| panic!("{url}: {e}"));
            assert_eq!(target.to_string(), url);
        }
        assert_eq!(
            Target::parse("sftp://me@host:22/var/www/").unwrap(),
            Target::Sftp {
                user: Some("me".into()),
                host: "host".into(),
                port: Some(22),
                path: "/var/www".into()
            }
        );
        assert_eq!(
            Target::parse("webdavs://h/dav").unwrap(),
            Target::Webdav {
                endpoint: "https://h".into(),
                path: "/dav".into()
            }
        );
    }

    #[test]
    fn bad_targets_say_what_a_target_looks_like() {
        for (url, says) in [
            ("ftp://host/x", "not a deploy target carnets knows"),
            ("/var/www", "not a URL"),
            ("sftp://host", "names no folder"),
            ("sftp://me:secret@host/x", "holds a password"),
            ("webdav://host:http/x", "bad port"),
            ("s3:///prefix", "names no bucket"),
            ("file://host/x", "not an absolute folder"),
            ("sftp://host/a b", "spaces"),
        ] {
            let e = Target::parse(url).unwrap_err();
            assert!(e.contains(says), "{url}: {e}");
        }
    }
}

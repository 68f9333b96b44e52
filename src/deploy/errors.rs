//! What a failure at the target means for the producer, and what to do about it: each one
//! message, built here, naming the remote file (or the target) and the fix.
//!
//! The engine's errors carry the cause in their text (`ssh`'s own words, the HTTP status, the
//! server's reply); the known causes are recognised in it, the others shown as they are.

use super::Target;
use super::transfer::Fault;
use crate::t;
use crate::util::diag::Diagnostic;

/// The error for `fault` at `path` of `target` (none: the target as a whole, or its manifest).
pub fn describe(target: &Target, path: Option<&str>, fault: &Fault) -> Diagnostic {
    let at = match path {
        Some(path) => format!("{target}/{path}"),
        None => target.to_string(),
    };
    let what = path.unwrap_or(".carnets-manifest.json");
    let (message, help) = match fault {
        Fault::Local(e) => (
            t!(
                "deploy-local-unreadable",
                file = what,
                error = e.to_string()
            ),
            t!("deploy-local-unreadable-help"),
        ),
        Fault::Changed => (
            t!("deploy-local-changed", file = what),
            t!("deploy-local-changed-help"),
        ),
        Fault::Short { kept, sent } => (
            t!("deploy-short", kept = *kept, sent = *sent, file = what),
            t!("deploy-short-help"),
        ),
        Fault::Remote(e) => remote(target, what, e),
    };
    Diagnostic::error(at, message).help(help)
}

/// The message and the fix for an error of the engine.
fn remote(target: &Target, what: &str, e: &opendal::Error) -> (String, String) {
    let text = chain(e);
    let lower = text.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    let host = host(target);
    if has(&["remote host identification has changed"]) {
        return (
            t!("deploy-ssh-key-changed", host = host.as_str()),
            t!("deploy-ssh-key-changed-help", host = host.as_str()),
        );
    }
    if has(&[
        "host key verification failed",
        "host key is known",
        "no matching host key",
    ]) {
        return (
            t!("deploy-ssh-key-unknown", host = host.as_str()),
            t!("deploy-ssh-key-unknown-help", command = keyscan(target)),
        );
    }
    if has(&[
        "permission denied (publickey",
        "permission denied (password",
        "too many authentication failures",
    ]) {
        return (
            t!("deploy-ssh-refused", host = host.as_str()),
            t!("deploy-ssh-refused-help"),
        );
    }
    if has(&[
        "connection refused",
        "could not resolve",
        "name or service not known",
        "no route to host",
        "network is unreachable",
        "dns error",
        "failed to lookup address",
        "connection timed out",
        "connection request: timeout",
        "operation timed out",
        "connect error",
        "error sending request",
        "connection closed by",
    ]) {
        return (
            t!(
                "deploy-unreachable",
                host = host.as_str(),
                error = text.as_str()
            ),
            t!("deploy-unreachable-help"),
        );
    }
    if has(&["certificate", "tls handshake", "invalid peer"]) {
        return (
            t!(
                "deploy-certificate",
                host = host.as_str(),
                error = text.as_str()
            ),
            t!("deploy-certificate-help"),
        );
    }
    if has(&[
        "no space left",
        "insufficient storage",
        "507",
        "quota",
        "disk full",
    ]) {
        return (t!("deploy-full", file = what), t!("deploy-full-help"));
    }
    if let Target::Webdav { .. } = target
        && has(&["401", "unauthorized"])
    {
        return (
            t!("deploy-webdav-refused", host = host.as_str()),
            t!("deploy-webdav-refused-help"),
        );
    }
    if let Target::S3 { .. } = target
        && has(&[
            "invalidaccesskeyid",
            "signaturedoesnotmatch",
            "accessdenied",
            "403",
        ])
    {
        return (
            t!("deploy-s3-refused", file = what, error = text.as_str()),
            t!("deploy-s3-refused-help"),
        );
    }
    if e.kind() == opendal::ErrorKind::PermissionDenied
        || has(&[
            "permission denied",
            "403",
            "forbidden",
            "405",
            "method not allowed",
        ])
    {
        return (
            t!("deploy-write-refused", file = what, error = text.as_str()),
            t!("deploy-write-refused-help", target = target.to_string()),
        );
    }
    if e.kind() == opendal::ErrorKind::ConfigInvalid {
        return (text, t!("deploy-config-invalid-help"));
    }
    (
        t!("deploy-failed-on", file = what, error = text.as_str()),
        t!("deploy-failed-on-help"),
    )
}

/// An error and its causes, in one line.
pub fn chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        let words = cause.to_string();
        // Layers often repeat their cause's words.
        if !text.contains(&words) {
            text.push_str(": ");
            text.push_str(&words);
        }
        source = cause.source();
    }
    text
}

fn host(target: &Target) -> String {
    match target {
        Target::S3 { bucket, .. } => t!("deploy-host-bucket", bucket = bucket.as_str()),
        Target::Sftp { host, .. } => host.clone(),
        Target::Webdav { endpoint, .. } => endpoint.clone(),
        Target::File { path } => path.clone(),
    }
}

/// The command that adds an SFTP host's key to `~/.ssh/known_hosts`.
fn keyscan(target: &Target) -> String {
    match target {
        Target::Sftp {
            host,
            port: Some(port),
            ..
        } => format!("ssh-keyscan -p {port} {host} >> ~/.ssh/known_hosts"),
        Target::Sftp { host, .. } => format!("ssh-keyscan {host} >> ~/.ssh/known_hosts"),
        _ => String::new(),
    }
}

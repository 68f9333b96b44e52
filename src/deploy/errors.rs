//! What a failure at the target means for the producer, and what to do about it: each one
//! message, built here, naming the remote file (or the target) and the fix.
//!
//! The engine's errors carry the cause in their text (`ssh`'s own words, the HTTP status, the
//! server's reply); the known causes are recognised in it, the others shown as they are.

use super::Target;
use super::transfer::Fault;
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
            format!("cannot read the output file {what}: {e}"),
            "run `carnets deploy` again: it builds the output first".to_string(),
        ),
        Fault::Changed => (
            format!("{what} changed while it was being deployed"),
            "run `carnets deploy` again once nothing else writes into the output".to_string(),
        ),
        Fault::Short { kept, sent } => (
            format!("the target kept only {kept} of the {sent} bytes of {what}"),
            "the host's disk may be full (or a quota reached): free some room there, then run `carnets deploy` again".to_string(),
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
            format!("the SSH host key of {host} is not the one ~/.ssh/known_hosts recorded"),
            format!(
                "if the host was reinstalled, forget its old key (`ssh-keygen -R {host}`) and trust the new one; otherwise someone may stand between you and the host: do not deploy"
            ),
        );
    }
    if has(&[
        "host key verification failed",
        "host key is known",
        "no matching host key",
    ]) {
        return (
            format!(
                "the SSH host key of {host} is not in ~/.ssh/known_hosts: carnets connects only to hosts it can recognise"
            ),
            format!(
                "check the key's fingerprint with the host's administrator, then trust it: `{}`",
                keyscan(target)
            ),
        );
    }
    if has(&[
        "permission denied (publickey",
        "permission denied (password",
        "too many authentication failures",
    ]) {
        return (
            format!("{host} refused the SSH login"),
            "load your key into the agent (`ssh-add`) or name it in ~/.ssh/config (IdentityFile); the user is the one in the target (user@host) or in ~/.ssh/config".to_string(),
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
            format!("cannot reach {host}: {text}"),
            "check the host name and port of the target, your connection, and that the server is up; nothing was changed there".to_string(),
        );
    }
    if has(&["certificate", "tls handshake", "invalid peer"]) {
        return (
            format!("the certificate of {host} is not trusted: {text}"),
            "if the host uses your own certificate authority, point SSL_CERT_FILE at its certificate (PEM)".to_string(),
        );
    }
    if has(&[
        "no space left",
        "insufficient storage",
        "507",
        "quota",
        "disk full",
    ]) {
        return (
            format!("the target is full: {what} could not be written"),
            "free some room on the host (or raise its quota), then run `carnets deploy` again"
                .to_string(),
        );
    }
    if let Target::Webdav { .. } = target
        && has(&["401", "unauthorized"])
    {
        return (
            format!("the WebDAV server {host} refused the login"),
            "set CARNETS_WEBDAV_USER and CARNETS_WEBDAV_PASSWORD to the account's name and password".to_string(),
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
            format!("the S3 store refused the keys for {what}: {text}"),
            "check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_REGION, AWS_ENDPOINT_URL), and that the key may write to this bucket".to_string(),
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
            format!("the target refused to write {what}: {text}"),
            format!("give the account the right to write in {target}, or choose another target"),
        );
    }
    if e.kind() == opendal::ErrorKind::ConfigInvalid {
        return (text, "see the deploy section of the README".to_string());
    }
    (
        format!("the target failed on {what}: {text}"),
        "the host's disk may be full or the folder read-only: check on the host, then run `carnets deploy` again".to_string(),
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
        Target::S3 { bucket, .. } => format!("the bucket {bucket}"),
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

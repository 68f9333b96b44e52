//! A [`Target`] opened as an Apache OpenDAL operator: the one transfer engine for every kind of
//! host (its `s3`, `sftp`, `webdav` and `fs` services), so that carnets has no protocol code
//! of its own.
//!
//! Credentials never come from `podcast.yaml` nor the command line, only from where each
//! ecosystem keeps them: for S3 `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` (or a profile of
//! `~/.aws/credentials`, `AWS_PROFILE`), `AWS_REGION` and `AWS_ENDPOINT_URL`; for SFTP the
//! system's `ssh` with its agent, `~/.ssh/config`, keys and `known_hosts` (an unknown host key
//! is refused); for WebDAV `CARNETS_WEBDAV_USER` and `CARNETS_WEBDAV_PASSWORD`. A missing one
//! is an error that names the variable to set.

use std::time::Duration;

use opendal::layers::{RetryLayer, TimeoutLayer};
use opendal::{HttpTransporter, Operator, services};
use opendal_http_transport_reqwest::ReqwestTransport;

use super::Target;
use crate::t;

/// What the engine can do at this target, as far as a deploy cares.
#[derive(Clone, Copy, Debug)]
pub struct Abilities {
    /// Files are replaced atomically by a rename (SFTP, WebDAV, a folder); otherwise each
    /// upload replaces its object in one step (S3's PUT).
    pub rename: bool,
    /// The target keeps a `Content-Type` and `Cache-Control` per file and serves them (S3).
    pub headers: bool,
}

/// Opens `target` (nothing is sent until the first operation); the error names what to set.
pub fn open(
    target: &Target,
    client: &reqwest::Client,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<(Operator, Abilities), String> {
    let op = match target {
        Target::S3 { bucket, prefix } => Operator::new(s3(target, bucket, prefix, env)?),
        Target::Sftp {
            user,
            host,
            port,
            path,
        } => {
            let mut builder = services::Sftp::default()
                .endpoint(&sftp_endpoint(host, *port))
                .root(path)
                .known_hosts_strategy("strict");
            if let Some(user) = user {
                builder = builder.user(user);
            }
            Operator::new(builder)
        }
        Target::Webdav { endpoint, path } => {
            let mut builder = services::Webdav::default().endpoint(endpoint).root(path);
            // Those two variables and no other: never credentials from podcast.yaml.
            match (env("CARNETS_WEBDAV_USER"), env("CARNETS_WEBDAV_PASSWORD")) {
                (Some(user), Some(password)) => {
                    builder = builder.username(&user).password(&password);
                }
                (Some(_), None) => return Err(missing("CARNETS_WEBDAV_PASSWORD", target)),
                (None, Some(_)) => return Err(missing("CARNETS_WEBDAV_USER", target)),
                // A server that asks for none: a 401 then names both variables.
                (None, None) => {}
            }
            Operator::new(builder)
        }
        Target::File { path } => Operator::new(services::Fs::default().root(path)),
    }
    .map_err(|e| {
        t!(
            "deploy-cannot-open",
            target = target.to_string(),
            error = e.to_string()
        )
    })?;
    let transport = HttpTransporter::new(ReqwestTransport::new(client.clone()));
    let ctx = op.base_context().with_http_transport(transport);
    let op = op
        .with_context(ctx)
        // A stalled connection fails instead of hanging; passing faults are tried again.
        .layer(TimeoutLayer::new().with_io_timeout(Duration::from_secs(60)))
        .layer(
            RetryLayer::new()
                .with_max_times(3)
                .with_min_delay(Duration::from_millis(200))
                .with_max_delay(Duration::from_secs(5))
                .with_jitter(),
        );
    let capability = op.info().capability();
    let abilities = Abilities {
        rename: capability.rename,
        headers: capability.write_with_content_type && capability.write_with_cache_control,
    };
    Ok((op, abilities))
}

/// The address `ssh` is given for an SFTP host.
pub fn sftp_endpoint(host: &str, port: Option<u16>) -> String {
    match port {
        Some(port) => format!("ssh://{host}:{port}"),
        None => format!("ssh://{host}"),
    }
}

/// The S3 service for `bucket`, with the credentials of the environment.
fn s3(
    target: &Target,
    bucket: &str,
    prefix: &str,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<services::S3, String> {
    let region = env("AWS_REGION").or_else(|| env("AWS_DEFAULT_REGION"));
    let Some(region) = region else {
        return Err(t!("deploy-no-region", target = target.to_string()));
    };
    let mut builder = services::S3::default()
        .bucket(bucket)
        .root(&format!("/{prefix}"))
        .region(&region)
        // Never the EC2 metadata address: a producer's laptop has none, and asking for it
        // stalls the deploy.
        .disable_ec2_metadata();
    if let Some(endpoint) = env("AWS_ENDPOINT_URL_S3").or_else(|| env("AWS_ENDPOINT_URL")) {
        builder = builder.endpoint(&endpoint);
    }
    match (env("AWS_ACCESS_KEY_ID"), env("AWS_SECRET_ACCESS_KEY")) {
        (Some(id), Some(secret)) => {
            builder = builder.access_key_id(&id).secret_access_key(&secret);
            if let Some(token) = env("AWS_SESSION_TOKEN") {
                builder = builder.session_token(&token);
            }
        }
        (Some(_), None) => return Err(missing("AWS_SECRET_ACCESS_KEY", target)),
        (None, Some(_)) => return Err(missing("AWS_ACCESS_KEY_ID", target)),
        (None, None) => match env("AWS_PROFILE") {
            Some(profile) => builder = builder.profile(&profile),
            None if aws_files_exist(env) => {}
            None => {
                return Err(t!("deploy-no-aws-keys", target = target.to_string()));
            }
        },
    }
    Ok(builder)
}

/// True when `~/.aws/credentials` (or the file `AWS_SHARED_CREDENTIALS_FILE` names) exists:
/// its default profile then holds the keys.
fn aws_files_exist(env: &dyn Fn(&str) -> Option<String>) -> bool {
    let file = env("AWS_SHARED_CREDENTIALS_FILE")
        .or_else(|| env("HOME").map(|home| format!("{home}/.aws/credentials")));
    file.is_some_and(|f| std::path::Path::new(&f).is_file())
}

/// The message for a credential that is not set.
fn missing(variable: &str, target: &Target) -> String {
    t!(
        "deploy-no-credentials",
        target = target.to_string(),
        variable = variable
    )
}

/// The HTTP client of a deploy: the transfers to S3 and WebDAV, the check of the live show and
/// the notifications. It trusts the system's certificate store, or the file `SSL_CERT_FILE`
/// names (a producer's own authority, a company proxy), as curl does; it gives up on a server
/// that does not answer and follows at most five redirects.
pub fn client() -> Result<reqwest::Client, String> {
    // The one cryptography provider built in (ring); installing it twice is harmless.
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .user_agent(concat!("carnets/", env!("CARGO_PKG_VERSION")))
        .connect_timeout(Duration::from_secs(15))
        .read_timeout(Duration::from_secs(60))
        .redirect(reqwest::redirect::Policy::limited(5))
        .http1_only()
        .build()
        .map_err(|e| t!("deploy-no-https", error = e.to_string()))
}

//! Fetching from the old host: ureq over rustls, with a timeout on every wait, redirects
//! followed one by one (counted, and only to `http(s)://`), a size cap on every body, and the
//! addresses a feed may send us to limited by where the feed came from: a feed fetched from a
//! public host cannot make carnets reach this machine or its private network (a server-side
//! request forgery through an enclosure, a redirect or a DNS answer).
//!
//! ureq is the HTTP client STYLE.md names: blocking (the import is a batch of downloads, a
//! thread each), small, and its resolver can be replaced, which is where the address check
//! lives, so that it holds for every connection whatever the name resolves to at that moment.

use std::io::{self, Read};
use std::net::ToSocketAddrs;
use std::time::Duration;

use ureq::http::{Response, StatusCode, header};
use ureq::unversioned::resolver::DefaultResolver;
use ureq::unversioned::transport::DefaultConnector;

use super::guard::{Guarded, Refused};
pub use super::guard::{Reach, is_public};
use crate::t;
use ureq::{Agent, Body};

/// Redirects followed for one request (analytics prefixes stack three or four).
pub const MAX_REDIRECTS: usize = 10;

/// Why a fetch failed, said for producers: the address, what went wrong, what to do.
#[derive(Debug, Clone)]
pub struct FetchError {
    pub url: String,
    pub message: String,
    pub help: String,
}

/// What a body fetched is, named in the messages about it.
#[derive(Debug, Clone, Copy)]
pub enum What {
    Feed,
    Artwork,
    Chapters,
    Transcript,
    /// An episode's audio.
    File,
}

impl What {
    /// The catalogue's selector for it (`{ $what -> [feed] … }`).
    fn key(self) -> &'static str {
        match self {
            What::Feed => "feed",
            What::Artwork => "artwork",
            What::Chapters => "chapters",
            What::Transcript => "transcript",
            What::File => "file",
        }
    }
}

impl FetchError {
    pub(super) fn new(url: &str, message: impl Into<String>, help: impl Into<String>) -> Self {
        FetchError {
            url: url.to_string(),
            message: message.into(),
            help: help.into(),
        }
    }
}

/// An HTTP client for one import.
pub struct Fetcher {
    agent: Agent,
    timeout: Duration,
}

/// A response after its redirects: the address it came from at last, and the response.
pub struct Fetched {
    pub url: String,
    pub response: Response<Body>,
}

impl Fetcher {
    /// A client that waits at most `timeout` for each connection, answer and read.
    pub fn new(reach: Reach, timeout: Duration) -> Self {
        let config = Agent::config_builder()
            .max_redirects(0)
            .http_status_as_error(false)
            .timeout_resolve(Some(timeout))
            .timeout_connect(Some(timeout))
            .timeout_recv_response(Some(timeout))
            .timeout_per_read(Some(timeout))
            .user_agent(concat!("carnets/", env!("CARGO_PKG_VERSION"), " (import)"))
            .build();
        let resolver = Guarded {
            reach,
            inner: DefaultResolver::default(),
        };
        Fetcher {
            agent: Agent::with_parts(config, DefaultConnector::default(), resolver),
            timeout,
        }
    }

    /// The reach that requests made for a feed at `url` get.
    pub fn reach_of(url: &str) -> Reach {
        let host = url::Url::parse(url).ok().and_then(|u| {
            let port = u.port_or_known_default()?;
            Some((u.host_str()?.trim_matches(['[', ']']).to_string(), port))
        });
        let public = host
            .and_then(|hp| hp.to_socket_addrs().ok())
            .is_some_and(|mut addrs| addrs.all(|a| is_public(a.ip())));
        if public {
            Reach::PublicOnly
        } else {
            Reach::Anywhere
        }
    }

    /// GETs `url`, following redirects, and fails on any status but 2xx (and 416 when a
    /// `range` was asked). `headers` go with every hop.
    pub fn get(&self, url: &str, headers: &[(&str, String)]) -> Result<Fetched, FetchError> {
        let mut current = checked_url(url, url)?;
        for _ in 0..=MAX_REDIRECTS {
            let mut request = self.agent.get(current.as_str());
            for (name, value) in headers {
                request = request.header(*name, value);
            }
            let response = request
                .call()
                .map_err(|e| self.explain(current.as_str(), e))?;
            let status = response.status();
            if status.is_redirection() && status != StatusCode::NOT_MODIFIED {
                let location = response
                    .headers()
                    .get(header::LOCATION)
                    .and_then(|v| v.to_str().ok())
                    .ok_or_else(|| {
                        FetchError::new(
                            current.as_str(),
                            t!("import-redirect-nowhere", status = status.to_string()),
                            t!("import-redirect-nowhere-help"),
                        )
                    })?;
                current = checked_url(
                    current
                        .join(location)
                        .map(String::from)
                        .as_deref()
                        .unwrap_or(location),
                    url,
                )?;
                continue;
            }
            if !status.is_success() && status != StatusCode::RANGE_NOT_SATISFIABLE {
                let help = match status.as_u16() {
                    404 | 410 => t!("import-gone-help"),
                    401 | 403 => t!("import-forbidden-help"),
                    _ => t!("import-later-help"),
                };
                return Err(FetchError::new(
                    current.as_str(),
                    t!("import-status", status = status.to_string()),
                    help,
                ));
            }
            return Ok(Fetched {
                url: current.to_string(),
                response,
            });
        }
        Err(FetchError::new(
            url,
            t!("import-redirect-loop", max = MAX_REDIRECTS),
            t!("import-redirect-loop-help"),
        ))
    }

    /// The body of `url`, at most `cap` bytes, as a reader (for the streaming feed parser).
    pub fn open(
        &self,
        url: &str,
        cap: u64,
        what: What,
    ) -> Result<(String, Capped<impl Read + use<>>), FetchError> {
        let fetched = self.get(url, &[])?;
        if let Some(len) = fetched
            .response
            .body()
            .content_length()
            .filter(|&len| len > cap)
        {
            return Err(too_big(&fetched.url, what, len, cap));
        }
        let reader = fetched
            .response
            .into_body()
            .into_with_config()
            .limit(u64::MAX)
            .reader();
        let address = fetched.url.clone();
        Ok((fetched.url, Capped::new(reader, cap, address, what)))
    }

    /// A whole small body (chapters, a transcript, artwork), at most `cap` bytes.
    pub fn bytes(&self, url: &str, cap: u64, what: What) -> Result<(String, Vec<u8>), FetchError> {
        let (address, mut reader) = self.open(url, cap, what)?;
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).map_err(|e| {
            FetchError::new(
                &address,
                t!(
                    "import-cannot-read",
                    what = what.key(),
                    error = e.to_string()
                ),
                t!("import-rerun-help"),
            )
        })?;
        Ok((address, bytes))
    }

    fn explain(&self, url: &str, error: ureq::Error) -> FetchError {
        let seconds = self.timeout.as_secs();
        match error {
            ureq::Error::Other(e) if e.is::<Refused>() => FetchError::new(
                url,
                t!("import-refused", error = e.to_string()),
                t!("import-refused-help"),
            ),
            ureq::Error::Timeout(_) => FetchError::new(
                url,
                t!("import-timeout", seconds = seconds),
                t!("import-timeout-help"),
            ),
            ureq::Error::HostNotFound => FetchError::new(
                url,
                t!("import-host-not-found"),
                t!("import-host-not-found-help"),
            ),
            ureq::Error::Io(e)
                if e.kind() == io::ErrorKind::TimedOut || e.kind() == io::ErrorKind::WouldBlock =>
            {
                FetchError::new(
                    url,
                    t!("import-timeout", seconds = seconds),
                    t!("import-timeout-help"),
                )
            }
            other => FetchError::new(
                url,
                t!("import-cannot-fetch", error = other.to_string()),
                t!("import-cannot-fetch-help"),
            ),
        }
    }
}

/// `url` (resolved already) if it is `http(s)://`; `asked` names the request in the message.
fn checked_url(url: &str, asked: &str) -> Result<url::Url, FetchError> {
    let parsed = url::Url::parse(url).map_err(|e| {
        FetchError::new(
            asked,
            t!("import-not-an-address", url = url, error = e.to_string()),
            t!("import-not-an-address-help"),
        )
    })?;
    match parsed.scheme() {
        "http" | "https" => Ok(parsed),
        other => Err(FetchError::new(
            asked,
            t!("import-not-web", url = url, scheme = other),
            t!("import-not-web-help"),
        )),
    }
}

fn too_big(url: &str, what: What, len: u64, cap: u64) -> FetchError {
    FetchError::new(
        url,
        t!(
            "import-too-big",
            what = what.key(),
            cap = cap >> 20,
            size = len >> 20
        ),
        t!("import-too-big-help"),
    )
}

/// A reader that fails once more than `cap` bytes come.
pub struct Capped<R> {
    inner: R,
    left: u64,
    cap: u64,
    url: String,
    what: What,
}

impl<R> Capped<R> {
    pub fn new(inner: R, cap: u64, url: String, what: What) -> Self {
        Capped {
            inner,
            left: cap,
            cap,
            url,
            what,
        }
    }
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let want = buf
            .len()
            .min(usize::try_from(self.left.saturating_add(1)).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..want])?;
        if n as u64 > self.left {
            let error = too_big(&self.url, self.what, self.cap + 1, self.cap);
            return Err(io::Error::other(error.message));
        }
        self.left -= n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_feed_from_a_public_host_cannot_reach_this_machine() {
        // The resolver is what every connection goes through: asked for 127.0.0.1 on behalf
        // of a public feed, it refuses before anything is sent.
        let fetcher = Fetcher::new(Reach::PublicOnly, Duration::from_secs(2));
        let error = fetcher
            .get("http://127.0.0.1:9/feed.xml", &[])
            .err()
            .unwrap();
        assert!(
            error.message.contains("private or local address"),
            "{error:?}"
        );
        let error = fetcher.get("http://localhost:9/a.mp3", &[]).err().unwrap();
        assert!(
            error.message.contains("private or local address"),
            "{error:?}"
        );
    }

    #[test]
    fn only_web_addresses_are_fetched() {
        let fetcher = Fetcher::new(Reach::Anywhere, Duration::from_secs(2));
        for url in [
            "file:///etc/passwd",
            "ftp://example.org/a.mp3",
            "../../etc/passwd",
        ] {
            assert!(fetcher.get(url, &[]).is_err(), "{url}");
        }
        assert_eq!(
            Fetcher::reach_of("http://127.0.0.1:8080/feed.xml"),
            Reach::Anywhere
        );
    }

    #[test]
    fn a_capped_reader_stops_past_its_cap() {
        let mut capped = Capped::new(&[7u8; 100][..], 64, "u".into(), What::Feed);
        let mut out = Vec::new();
        let error = capped.read_to_end(&mut out).unwrap_err();
        assert!(
            error.to_string().contains("the feed is larger than"),
            "{error}"
        );
        let mut fine = Capped::new(&[7u8; 64][..], 64, "u".into(), What::Feed);
        assert_eq!(fine.read_to_end(&mut Vec::new()).unwrap(), 64);
    }
}

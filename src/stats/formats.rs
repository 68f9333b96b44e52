//! The access-log formats `carnets stats` reads, each line turned into a [`Request`]:
//! - `combined`: nginx's and Apache's Combined Log Format, `IP - user [time] "GET /path
//!   HTTP/1.1" status bytes "referer" "user-agent"` (fields after it are ignored);
//! - `s3`: Amazon S3 server access logs (the request line, status, bytes sent, user agent);
//! - `cloudfront`: CloudFront standard logs (tab-separated, columns named by their `#Fields:`
//!   line, or the standard order of version 1.0 without one).

use super::clock::{self, Clock};
use super::fields::{Cursor, find, number, tabs};

/// A log format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// nginx/Apache Combined Log Format.
    #[default]
    Combined,
    /// Amazon S3 server access logs.
    S3,
    /// Amazon CloudFront standard logs.
    Cloudfront,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Combined => "combined",
            Format::S3 => "s3",
            Format::Cloudfront => "cloudfront",
        }
    }

    pub const ALL: [Format; 3] = [Format::Combined, Format::S3, Format::Cloudfront];
}

/// What one log line says of one request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request<'a> {
    /// Unix seconds.
    pub time: i64,
    pub ip: &'a [u8],
    pub method: &'a [u8],
    /// The path (or URL) asked for, without its query.
    pub path: &'a [u8],
    pub status: u16,
    /// Bytes of the response body sent.
    pub bytes: u64,
    /// A `bytes=0-1` probe: the range when the log has it, otherwise a 206 of at most 2 bytes.
    pub probe: bool,
    pub user_agent: &'a [u8],
    /// The User-Agent is percent-encoded (CloudFront).
    pub encoded: bool,
}

/// Reads the lines of one file in one format.
#[derive(Clone, Debug)]
pub struct LineParser {
    format: Format,
    columns: Columns,
}

/// Where CloudFront's fields are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Columns {
    date: usize,
    time: usize,
    bytes: usize,
    ip: usize,
    method: usize,
    path: usize,
    status: usize,
    user_agent: usize,
    content_len: Option<usize>,
    range_start: Option<usize>,
    range_end: Option<usize>,
    /// Fields a line must have.
    needed: usize,
}

/// The fields of a CloudFront standard log, version 1.0, in their order.
const CLOUDFRONT_FIELDS: &str = "date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id x-host-header cs-protocol cs-bytes time-taken x-forwarded-for ssl-protocol ssl-cipher x-edge-response-result-type cs-protocol-version fle-status fle-encrypted-fields c-port time-to-first-byte x-edge-detailed-result-type sc-content-type sc-content-len sc-range-start sc-range-end";

/// The most fields a CloudFront line is split into.
const MAX_FIELDS: usize = 64;

impl Columns {
    fn from_names(names: &str) -> Option<Self> {
        let names: Vec<&str> = names.split_whitespace().collect();
        let at = |name: &str| names.iter().position(|n| *n == name);
        let mut columns = Columns {
            date: at("date")?,
            time: at("time")?,
            bytes: at("sc-bytes")?,
            ip: at("c-ip")?,
            method: at("cs-method")?,
            path: at("cs-uri-stem")?,
            status: at("sc-status")?,
            user_agent: at("cs(User-Agent)")?,
            content_len: at("sc-content-len"),
            range_start: at("sc-range-start"),
            range_end: at("sc-range-end"),
            needed: 0,
        };
        let optional = [columns.content_len, columns.range_start, columns.range_end];
        columns.needed = [
            columns.date,
            columns.time,
            columns.bytes,
            columns.ip,
            columns.method,
        ]
        .into_iter()
        .chain([columns.path, columns.status, columns.user_agent])
        .chain(optional.into_iter().flatten())
        .max()
        .unwrap_or(0)
            + 1;
        (columns.needed <= MAX_FIELDS).then_some(columns)
    }
}

impl LineParser {
    /// The parser of a file in `format`, whose first bytes are `head`: a CloudFront log names
    /// its columns in a `#Fields:` line there.
    pub fn for_file(format: Format, head: &[u8]) -> Self {
        let named = head
            .split(|&b| b == b'\n')
            .take_while(|line| line.first() == Some(&b'#'))
            .find_map(|line| line.strip_prefix(b"#Fields:"))
            .and_then(|names| Columns::from_names(&String::from_utf8_lossy(names)));
        LineParser {
            format,
            columns: named.unwrap_or_else(|| {
                Columns::from_names(CLOUDFRONT_FIELDS).expect("the standard fields")
            }),
        }
    }

    pub fn format(&self) -> Format {
        self.format
    }

    /// A line that is no request: CloudFront's `#Version:` and `#Fields:` lines.
    pub fn is_comment(&self, line: &[u8]) -> bool {
        self.format == Format::Cloudfront && line.first() == Some(&b'#')
    }

    /// The request of a line, or `None` when the line is not one of this format.
    pub fn parse<'a>(&self, line: &'a [u8], clock: &mut Clock) -> Option<Request<'a>> {
        match self.format {
            Format::Combined => combined(line, clock),
            Format::S3 => s3(line, clock),
            Format::Cloudfront => cloudfront(line, &self.columns),
        }
    }
}

/// `METHOD target HTTP/x`: the method and the target's path.
fn request_line(line: &[u8]) -> (&[u8], &[u8]) {
    let (method, target) = match find(b' ', line) {
        Some(space) => (&line[..space], &line[space + 1..]),
        None => (line, &b""[..]),
    };
    // The path ends at the target's query or at its end, whichever comes first.
    let end = memchr::memchr2(b' ', b'?', target).unwrap_or(target.len());
    (method, &target[..end])
}

fn without_query(target: &[u8]) -> &[u8] {
    &target[..memchr::memchr(b'?', target).unwrap_or(target.len())]
}

fn status(text: &[u8]) -> Option<u16> {
    (text.len() == 3).then_some(())?;
    u16::try_from(number(text)?).ok().filter(|s| *s >= 100)
}

/// A 206 of at most two bytes is what a `bytes=0-1` request gets.
fn small_partial(status: u16, bytes: u64) -> bool {
    status == 206 && bytes <= 2
}

fn combined<'a>(line: &'a [u8], clock: &mut Clock) -> Option<Request<'a>> {
    let mut c = Cursor::new(line);
    let ip = c.word()?;
    let time = clock.clf(c.bracketed()?)?;
    let request = request_line(c.quoted()?);
    let status = status(c.word()?)?;
    let bytes = number(c.word()?)?;
    let _referer = c.quoted()?;
    Some(logged(time, ip, request, (status, bytes), c.quoted()?))
}

fn s3<'a>(line: &'a [u8], clock: &mut Clock) -> Option<Request<'a>> {
    let mut c = Cursor::new(line);
    let (_owner, _bucket) = (c.word()?, c.word()?);
    let time = clock.clf(c.bracketed()?)?;
    let ip = c.word()?;
    let (_requester, _id, _operation, key) = (c.word()?, c.word()?, c.word()?, c.word()?);
    let (method, path) = request_line(c.quoted()?);
    let path = if path.is_empty() { key } else { path };
    let status = status(c.word()?)?;
    let _error = c.word()?;
    let bytes = number(c.word()?)?;
    let (_size, _total, _turnaround) = (c.word()?, c.word()?, c.word()?);
    let _referer = c.quoted()?;
    Some(logged(
        time,
        ip,
        (method, path),
        (status, bytes),
        c.quoted()?,
    ))
}

/// A request of a log that does not write the range asked for (combined, S3).
fn logged<'a>(
    time: i64,
    ip: &'a [u8],
    (method, path): (&'a [u8], &'a [u8]),
    (status, bytes): (u16, u64),
    user_agent: &'a [u8],
) -> Request<'a> {
    Request {
        time,
        ip,
        method,
        path,
        status,
        bytes,
        probe: small_partial(status, bytes),
        user_agent,
        encoded: false,
    }
}

fn cloudfront<'a>(line: &'a [u8], columns: &Columns) -> Option<Request<'a>> {
    let mut f = [&b""[..]; MAX_FIELDS];
    if tabs(line, &mut f) < columns.needed {
        return None;
    }
    let time = clock::iso(f[columns.date], f[columns.time])?;
    let status = status(f[columns.status])?;
    let sent = number(f[columns.bytes])?;
    // sc-bytes counts the headers too; sc-content-len is the body (the range's length), which
    // an interrupted response did not send whole: the smaller of the two.
    let body = columns
        .content_len
        .and_then(|i| number(f[i]).filter(|n| *n > 0));
    let bytes = body.map_or(sent, |body| body.min(sent));
    let range = |i: Option<usize>| i.and_then(|i| number(f[i]).filter(|_| f[i] != b"-"));
    let probe = match (range(columns.range_start), range(columns.range_end)) {
        (Some(start), Some(end)) => start == 0 && end == 1,
        _ => small_partial(status, body.unwrap_or(sent)),
    };
    Some(Request {
        time,
        ip: f[columns.ip],
        method: f[columns.method],
        path: without_query(f[columns.path]),
        status,
        bytes,
        probe,
        user_agent: f[columns.user_agent],
        encoded: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(format: Format, line: &str) -> Option<Request<'_>> {
        LineParser::for_file(format, b"").parse(line.as_bytes(), &mut Clock::default())
    }

    #[test]
    fn combined_lines() {
        let r = parse(Format::Combined, r#"203.0.113.7 - - [20/Nov/2026:08:00:00 +0100] "GET /podcast/episodes/a/a.mp3?ref=x HTTP/2.0" 206 2 "https://example.org/" "AntennaPod/3.4.0" "-" 0.001"#).unwrap();
        assert_eq!(r.time, 1_795_158_000);
        assert_eq!(
            (r.ip, r.method, r.path),
            (
                &b"203.0.113.7"[..],
                &b"GET"[..],
                &b"/podcast/episodes/a/a.mp3"[..]
            )
        );
        assert_eq!((r.status, r.bytes, r.probe), (206, 2, true));
        assert_eq!(r.user_agent, b"AntennaPod/3.4.0");
        for bad in [
            r#"203.0.113.7 - - [20/Nov/2026:08:00:00 +0100] "GET / HTTP/1.1" 2000 5 "-" "x""#,
            r#"203.0.113.7 - - [20/Nov/2026:08:00:00 +0100] "GET / HTTP/1.1" 200 5 "-""#,
            "garbage",
            "",
        ] {
            assert_eq!(parse(Format::Combined, bad), None, "{bad}");
        }
    }

    #[test]
    fn s3_lines() {
        let line = r#"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be carnets [20/Nov/2026:07:00:00 +0000] 192.0.2.3 - 3E57427F3EXAMPLE REST.GET.OBJECT episodes/a/a.mp3 "GET /carnets/episodes/a/a.mp3 HTTP/1.1" 200 - 120000 150000 70 10 "-" "Podcasts/1650.20 CFNetwork/1333.0.4 Darwin/21.5.0" - s9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234= SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader carnets.s3.eu-west-3.amazonaws.com TLSv1.2 - -"#;
        let r = parse(Format::S3, line).unwrap();
        assert_eq!(r.time, 1_795_158_000);
        assert_eq!(
            (r.method, r.path, r.status, r.bytes),
            (&b"GET"[..], &b"/carnets/episodes/a/a.mp3"[..], 200, 120000)
        );
        assert_eq!(
            r.user_agent,
            b"Podcasts/1650.20 CFNetwork/1333.0.4 Darwin/21.5.0"
        );
        assert_eq!(parse(Format::Combined, line), None);
    }

    #[test]
    fn cloudfront_lines_by_their_fields_line() {
        let parser = LineParser::for_file(Format::Cloudfront, b"");
        assert!(parser.is_comment(b"#Version: 1.0"));
        let standard = "2026-11-20\t07:00:00\tCDG50-C1\t1400\t2001:db8:1:2::5\tGET\td1.cloudfront.net\t/episodes/a/a.mp3\t206\t-\tAppleCoreMedia/1.0.0.20E252%20(iPhone;%20U)\t-\t-\tHit\tid\tcdn.example.org\thttps\t200\t0.01\t-\tTLSv1.3\tTLS_AES_128_GCM_SHA256\tHit\tHTTP/2.0\t-\t-\t50000\t0.001\tHit\taudio/mpeg\t2\t0\t1";
        let r = parser
            .parse(standard.as_bytes(), &mut Clock::default())
            .unwrap();
        assert_eq!(
            (r.time, r.status, r.bytes, r.probe, r.encoded),
            (1_795_158_000, 206, 2, true, true)
        );
        assert_eq!(r.ip, b"2001:db8:1:2::5");
        // Another order, named by the file.
        let parser = LineParser::for_file(
            Format::Cloudfront,
            b"#Version: 1.0\n#Fields: date time c-ip cs-method cs-uri-stem sc-status cs(User-Agent) sc-bytes\n",
        );
        let r = parser
            .parse(
                b"2026-11-20\t07:00:00\t192.0.2.1\tHEAD\t/x.mp3\t200\tOvercast/3.0\t900",
                &mut Clock::default(),
            )
            .unwrap();
        assert_eq!((r.method, r.bytes, r.probe), (&b"HEAD"[..], 900, false));
        assert_eq!(
            parser.parse(b"2026-11-20\t07:00:00\t192.0.2.1", &mut Clock::default()),
            None
        );
        assert!(!LineParser::for_file(Format::Combined, b"").is_comment(b"#Fields: x"));
    }
}

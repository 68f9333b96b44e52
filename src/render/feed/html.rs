//! The HTML that goes into the feed: the links of the rendered show notes made absolute.
//!
//! The show notes are rendered once for the site, where `#fn-1` or `cover.jpg` resolve against
//! the episode page; in a feed reader there is no page, so every relative `href`/`src` is
//! resolved against the episode page URL (the W3C validator warns about relative references
//! in `description` and `content:encoded` for the same reason).

use crate::util::html::{escape_html, tag_end, unescape_html};

/// The scheme and authority of an absolute URL (`https://example.org`), if it has one.
fn origin(url: &str) -> Option<&str> {
    let after_scheme = url.find("://")? + 3;
    let end = url[after_scheme..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |i| after_scheme + i);
    Some(&url[..end])
}

/// True when `reference` starts with a URI scheme (`https:`, `mailto:`…).
fn has_scheme(reference: &str) -> bool {
    let Some(colon) = reference.find(':') else {
        return false;
    };
    let scheme = &reference[..colon];
    scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Resolves a URL reference found in the HTML of a page at `page_url` (an absolute URL ending
/// in `/`, without query or fragment), as a browser would (RFC 3986 §5.2).
fn resolve(reference: &str, page_url: &str) -> Option<String> {
    if reference.is_empty() || has_scheme(reference) {
        return None;
    }
    if reference.starts_with("//") {
        let scheme = page_url.split_once("//").map_or("https:", |(s, _)| s);
        return Some(format!("{scheme}{reference}"));
    }
    if reference.starts_with(['#', '?']) {
        return Some(format!("{page_url}{reference}"));
    }
    let origin = origin(page_url)?;
    let split = reference.find(['?', '#']).unwrap_or(reference.len());
    let (path, suffix) = reference.split_at(split);
    let joined = if path.starts_with('/') {
        path.to_string()
    } else {
        let page_path = &page_url[origin.len()..];
        let dir = &page_path[..page_path.rfind('/').map_or(0, |i| i + 1)];
        format!("{}{path}", if dir.is_empty() { "/" } else { dir })
    };
    Some(format!("{origin}{}{suffix}", remove_dot_segments(&joined)))
}

/// Removes the `.` and `..` segments of an absolute path.
fn remove_dot_segments(path: &str) -> String {
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let mut out: Vec<&str> = Vec::with_capacity(segments.len());
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *segment {
            "." => {}
            ".." => {
                out.pop();
            }
            other => {
                out.push(other);
                continue;
            }
        }
        if last {
            out.push("");
        }
    }
    format!("/{}", out.join("/"))
}

/// Rewrites every relative `href` and `src` attribute of `html` to an absolute URL, resolved
/// against `page_url`, the URL of the page the HTML was rendered for (ending in `/`).
///
/// Only quoted attribute values inside tags are touched; text, comments and absolute URLs are
/// left as they are.
pub fn absolutize_urls(html: &str, page_url: &str) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        if rest.starts_with("<!--") {
            let end = rest.find("-->").map_or(rest.len(), |i| i + 3);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        if !rest[1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            out.push('<');
            rest = &rest[1..];
            continue;
        }
        let end = tag_end(rest);
        out.push_str(&rewrite_tag(&rest[..end], page_url));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn rewrite_tag(tag: &str, page_url: &str) -> String {
    let mut out = String::with_capacity(tag.len() + 64);
    let mut rest = tag;
    while let Some(eq) = rest.find('=') {
        let name_start = rest[..eq].trim_end();
        let name = name_start
            .rsplit(|c: char| c.is_ascii_whitespace())
            .next()
            .unwrap_or("");
        let value = rest[eq + 1..].trim_start();
        let quote = value.chars().next().filter(|c| matches!(c, '"' | '\''));
        let value_start = rest.len() - value.len();
        out.push_str(&rest[..value_start]);
        rest = &rest[value_start..];
        let Some(quote) = quote else { continue };
        let Some(close) = rest[1..].find(quote) else {
            break;
        };
        let value = &rest[1..1 + close];
        let is_url = name.eq_ignore_ascii_case("href") || name.eq_ignore_ascii_case("src");
        match resolve(value, page_url).filter(|_| is_url) {
            Some(absolute) => {
                out.push(quote);
                out.push_str(&escape_html(&unescape_html(&absolute)));
                out.push(quote);
            }
            None => out.push_str(&rest[..close + 2]),
        }
        rest = &rest[close + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "https://carnets.example.org/podcast/episodes/001-bienvenue/";

    #[test]
    fn relative_links_become_absolute() {
        let html = r##"<p><a href="#fn-1">1</a> <img src="cover.jpg" alt="a=b"> <a href="/x?a=1&amp;b=2">x</a> <a href='//cdn.example.org/y'>y</a></p>"##;
        assert_eq!(
            absolutize_urls(html, PAGE),
            format!(
                r##"<p><a href="{PAGE}#fn-1">1</a> <img src="{PAGE}cover.jpg" alt="a=b"> <a href="https://carnets.example.org/x?a=1&amp;b=2">x</a> <a href='https://cdn.example.org/y'>y</a></p>"##
            )
        );
    }

    #[test]
    fn dot_segments_are_resolved() {
        let html = r#"<a href="../001-bienvenue/">1</a><a href="./notes.pdf">n</a><a href="../../..">r</a><a href="/../x">x</a>"#;
        assert_eq!(
            absolutize_urls(html, PAGE),
            concat!(
                r#"<a href="https://carnets.example.org/podcast/episodes/001-bienvenue/">1</a>"#,
                r#"<a href="https://carnets.example.org/podcast/episodes/001-bienvenue/notes.pdf">n</a>"#,
                r#"<a href="https://carnets.example.org/">r</a>"#,
                r#"<a href="https://carnets.example.org/x">x</a>"#,
            )
        );
    }

    #[test]
    fn absolute_links_text_and_other_attributes_are_untouched() {
        let html = r#"<p title="href=&quot;x&quot;">href="y" <a href="https://a.org/">a</a> <a href="mailto:x@y.fr">m</a> 1 < 2</p><!-- <a href="z"> -->"#;
        assert_eq!(absolutize_urls(html, PAGE), html);
    }
}

//! What the open pages need to know about the builds: which build they show, and whether the
//! last one failed. The server adds a small script to every page it sends (never to the built
//! files): it listens to `/__carnets/events` and reloads the page when another build is out.
//! While the sources do not build, every page also carries the error, on top of the last
//! preview that built.

use tokio::sync::watch;

use crate::t;

/// Where the pages listen for builds (server-sent events).
pub const EVENTS_PATH: &str = "/__carnets/events";

/// The outcome of the last build.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    /// Changes with every build a page should reload for: `<server start>-<count>`, so a page
    /// left open across a restart of the server reloads too.
    pub id: String,
    /// The errors of the last build, as printed on the terminal; `None` when it worked.
    pub error: Option<String>,
}

/// The status of the builds, shared by the watcher (which builds) and the server.
pub struct Live {
    session: u128,
    count: std::sync::Mutex<u64>,
    sender: watch::Sender<Status>,
}

impl Default for Live {
    fn default() -> Self {
        Self::new()
    }
}

impl Live {
    pub fn new() -> Self {
        let session = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis());
        let (sender, _) = watch::channel(Status {
            id: format!("{session}-0"),
            error: None,
        });
        Self {
            session,
            count: std::sync::Mutex::new(0),
            sender,
        }
    }

    /// The status now.
    pub fn status(&self) -> Status {
        self.sender.borrow().clone()
    }

    /// Follows the status: the receiver sees the current one, then every change.
    pub fn subscribe(&self) -> watch::Receiver<Status> {
        self.sender.subscribe()
    }

    /// A build worked; `changed` says whether it wrote anything. Pages reload when it did,
    /// or when the build before had failed.
    pub fn succeeded(&self, changed: bool) {
        if changed || self.status().error.is_some() {
            self.publish(None);
        }
    }

    /// A build failed with these errors: the pages reload to show them.
    pub fn failed(&self, error: String) {
        self.publish(Some(error));
    }

    fn publish(&self, error: Option<String>) {
        let mut count = self.count.lock().unwrap_or_else(|e| e.into_inner());
        *count += 1;
        let id = format!("{}-{count}", self.session);
        self.sender.send_replace(Status { id, error });
    }
}

/// What the server adds at the end of each page: the reload script, and the error when the
/// last build failed.
pub fn snippet(status: &Status) -> String {
    let mut html = String::new();
    if let Some(error) = &status.error {
        html.push_str(
            "<div id=\"carnets-error\" role=\"alert\" style=\"position:fixed;inset:0 0 auto 0;\
             z-index:2147483647;max-height:60vh;overflow:auto;margin:0;padding:1rem 1.25rem;\
             background:#fff1ee;color:#5a0f00;border-bottom:4px solid #b3261e;\
             font:15px/1.5 ui-monospace,'DejaVu Sans Mono',monospace;text-align:left\">\
             <p style=\"margin:0 0 .5rem;font-weight:700\">",
        );
        html.push_str(&escape(&t!("serve-page-error")));
        html.push_str("</p><pre style=\"margin:0;white-space:pre-wrap\">");
        html.push_str(&escape(error));
        html.push_str("</pre></div>\n");
    }
    html.push_str(&format!(
        "<script>/* carnets serve: live reload */(function(){{var id=\"{id}\";\
         if(!window.EventSource)return;var events=new EventSource(\"{EVENTS_PATH}\");\
         events.onmessage=function(e){{if(e.data!==id){{events.close();location.reload();}}}};\
         }})();</script>\n",
        id = escape(&status.id)
    ));
    html
}

/// The page with the snippet before its last `</body>` (or at its end, if it has none).
pub fn inject(page: &[u8], snippet: &str) -> Vec<u8> {
    let at = page
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(page.len());
    let mut out = Vec::with_capacity(page.len() + snippet.len());
    out.extend_from_slice(&page[..at]);
    out.extend_from_slice(snippet.as_bytes());
    out.extend_from_slice(&page[at..]);
    out
}

/// A whole page that only shows the error: for a page the last good build does not have
/// (the very first build failed, or the page is new).
pub fn error_page(status: &Status) -> Vec<u8> {
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <title>{}</title></head><body></body></html>\n",
        crate::util::i18n::lang().code(),
        escape(&t!("serve-page-title"))
    );
    inject(page.as_bytes(), &snippet(status))
}

/// Text made safe to print inside HTML.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snippet_goes_before_the_last_body_end() {
        let page = b"<html><body><p>&lt;/body&gt;</p></BODY></html>";
        let out = String::from_utf8(inject(page, "<script></script>")).unwrap();
        assert_eq!(
            out,
            "<html><body><p>&lt;/body&gt;</p><script></script></BODY></html>"
        );
        assert_eq!(inject(b"<p>x", "S"), b"<p>xS");
    }

    #[test]
    fn errors_are_shown_escaped_and_reload_ids_change() {
        let live = Live::new();
        let first = live.status();
        live.failed("a.md:1: error: <script> & co".into());
        let failed = live.status();
        assert_ne!(first.id, failed.id);
        let html = snippet(&failed);
        assert!(html.contains("&lt;script&gt; &amp; co"), "{html}");
        assert!(html.contains(&failed.id));
        // A build that changes nothing after a failure still reloads the pages (to clear the
        // error); one that changes nothing after a success does not.
        live.succeeded(false);
        let fixed = live.status();
        assert_ne!(fixed.id, failed.id);
        assert_eq!(fixed.error, None);
        live.succeeded(false);
        assert_eq!(live.status(), fixed);
        live.succeeded(true);
        assert_ne!(live.status().id, fixed.id);
    }
}

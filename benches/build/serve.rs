//! `carnets serve`'s reload latency: the time from saving an `episode.md` to the reload
//! message the open pages get (the server-sent event of the next build), as a producer
//! editing in a browser feels it.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The server, stopped when dropped.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Seconds from each save of episode `i`'s notes to the reload message, `runs` times.
pub fn reload_latency(carnets: &Path, root: &Path, i: usize, runs: usize) -> Vec<f64> {
    let mut child = Command::new(carnets)
        .args(["serve", "--port", "0", "--root"])
        .arg(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start carnets serve");
    let stdout = child.stdout.take().expect("the server's stdout");
    let server = Server(child);
    // "serving … at http://127.0.0.1:PORT/ (…)", once the first preview is built.
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("read the server's address");
    let address = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    let mut events = TcpStream::connect(&address).expect("connect to the server");
    write!(
        events,
        "GET /__carnets/events HTTP/1.1\r\nHost: {address}\r\nAccept: text/event-stream\r\n\r\n"
    )
    .expect("ask for the events");
    let mut events = BufReader::new(events);
    let next_event = |events: &mut BufReader<TcpStream>| loop {
        let mut line = String::new();
        if events.read_line(&mut line).expect("read an event") == 0 {
            panic!("the server closed the events");
        }
        if line.starts_with("data:") {
            return;
        }
    };
    next_event(&mut events); // the current build, at once
    let notes = root
        .join("episodes")
        .join(super::podcast::slug(i))
        .join("episode.md");
    let mut samples = Vec::new();
    for run in 0..runs {
        // Past the watcher's quiet period and any build the last save started.
        std::thread::sleep(Duration::from_millis(500));
        let text = super::podcast::episode_md(i, 100 + run);
        let saved = Instant::now();
        std::fs::write(&notes, text).expect("save the notes");
        next_event(&mut events);
        samples.push(saved.elapsed().as_secs_f64());
    }
    drop(server);
    std::fs::write(&notes, super::podcast::episode_md(i, 0)).expect("restore the notes");
    samples
}

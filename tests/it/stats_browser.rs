//! The `carnets stats --html` report of the scenario of `stats.rs`, opened from disk in
//! Debian's Chromium through playwright-core (`tests/js/stats-report.mjs`): read offline, no
//! console error, every chart drawn, no axe-core violation in light and dark, nothing wider
//! than a 360 px screen. Screenshots land in `target/screenshots/stats-*.png`.
//!
//! Needs `node`, `chromium` and `npm ci --prefix tests/js`; plain `cargo test` skips without
//! them, `CARNETS_CONFORMANCE=1` (scripts/test.sh) fails.

use super::browser::{run_script, screenshots, tools};
use super::stats::scenario_log;
use super::stats_support::{Format, Podcast};

#[test]
fn the_html_report_reads_offline_in_a_real_browser_and_axe_finds_no_violation() {
    let Some((node, chromium)) = tools() else {
        return;
    };
    let p = Podcast::new();
    let log = p.root.join("access.log");
    std::fs::write(&log, scenario_log(&p, Format::Combined)).unwrap();
    let html = p.root.join("stats.html");
    let (code, _, stderr) = p.stats(&[&log], &["--html", html.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let page = std::fs::read_to_string(&html).unwrap();
    // The figures of the scenario, in French.
    for text in [
        "<html lang=\"fr\">",
        "Statistiques d’écoute",
        "du 10\u{a0}novembre\u{a0}2026 au 11\u{a0}novembre\u{a0}2026",
        "<dd>19</dd>",
        "Application inconnue",
    ] {
        assert!(page.contains(text), "the report lacks {text:?}");
    }
    let shots = screenshots();
    let (ok, out, err) = run_script(
        &node,
        "stats-report.mjs",
        &[html.as_os_str(), shots.as_os_str(), chromium.as_os_str()],
    );
    assert!(ok, "the report's browser checks failed:\n{err}\n{out}");
    for name in ["stats-1280", "stats-1280-dark", "stats-360"] {
        assert!(shots.join(format!("{name}.png")).is_file(), "no {name}.png");
    }
}

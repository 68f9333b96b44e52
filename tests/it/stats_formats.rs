//! The scenario of `stats.rs` written as S3 server access logs and CloudFront standard logs:
//! the same requests must give the same figures in every format.

use super::stats::{expected, figures, scenario_log};
use super::stats_support::{Format, Podcast};

fn same_figures_as(format: Format) {
    let p = Podcast::new();
    let log = p.root.join(format!("{}.log", format.name()));
    std::fs::write(&log, scenario_log(&p, format)).unwrap();
    let (code, report, stderr) = p.stats(&[&log], &["--format", format.name()]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(figures(&report), expected(), "{}: {stderr}", format.name());
}

#[test]
fn s3_server_access_logs_give_the_same_figures() {
    same_figures_as(Format::S3);
}

#[test]
fn cloudfront_standard_logs_give_the_same_figures() {
    same_figures_as(Format::Cloudfront);
}

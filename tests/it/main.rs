//! Integration tests: one binary, one module per feature (mdBook style).

#[allow(dead_code)]
mod common;

mod cli;
mod faults;
mod faults_changing;
mod faults_kill;
mod feed;
mod feed_fixture;
mod feed_readers;
mod feed_w3c;
mod hostile_html;
mod hostile_paths;
mod hostile_sizes;
mod probe;
mod reliability;
mod reliability_props;
mod reliability_regressions;
mod reliability_support;
mod site;
mod tag;

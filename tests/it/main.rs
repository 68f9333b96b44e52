//! Integration tests: one binary, one module per feature (mdBook style).

#[allow(dead_code)]
mod common;

mod browser;
mod check;
mod check_episode;
mod cli;
mod feed;
mod feed_build;
mod feed_fixture;
mod feed_readers;
mod feed_w3c;
mod incremental;
mod loudness;
mod probe;
mod publish;
mod serve;
mod serve_support;
mod site;
mod site_features;
mod site_model;
mod tag;

//! Integration tests: one binary, one module per feature (mdBook style).

#[allow(dead_code)]
mod common;

mod browser;
mod cli;
mod feed;
mod feed_fixture;
mod feed_readers;
mod feed_w3c;
mod probe;
mod serve;
mod serve_support;
mod site;
mod site_features;
mod site_model;
mod tag;

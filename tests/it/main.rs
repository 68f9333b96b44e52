//! Integration tests: one binary, one module per feature (mdBook style).

#[allow(dead_code)]
mod common;
mod feed;
mod feed_fixture;

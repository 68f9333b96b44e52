//! Integration tests: one binary, one module per feature (mdBook style).

#[allow(dead_code)]
mod common;

mod browser;
mod check;
mod check_episode;
mod cli;
mod deploy;
mod deploy_hostile;
#[allow(dead_code)]
mod deploy_http;
mod deploy_kill;
mod deploy_live;
mod deploy_plan;
mod deploy_s3;
#[allow(dead_code)]
mod deploy_servers;
#[allow(dead_code)]
mod deploy_support;
mod docs_commands;
mod faults;
mod faults_changing;
mod faults_kill;
mod feed;
mod feed_build;
mod feed_fixture;
mod feed_readers;
mod feed_w3c;
mod guide;
mod hostile_html;
mod hostile_paths;
mod hostile_sizes;
mod i18n_cli;
mod i18n_config;
mod i18n_import;
mod i18n_render;
mod i18n_show;
mod i18n_transfer;
mod import;
mod import_contract;
mod import_gpodder;
mod import_hostile;
mod import_support;
mod incremental;
mod loudness;
mod probe;
mod publish;
mod reach;
mod reach_apps;
mod reach_chapters;
mod reach_formats;
mod reach_site;
mod reach_support;
mod reliability;
mod reliability_props;
mod reliability_regressions;
mod reliability_support;
mod serve;
mod serve_support;
mod site;
mod site_features;
mod site_kept;
mod site_model;
mod stats;
mod stats_browser;
mod stats_formats;
mod stats_support;
mod tag;

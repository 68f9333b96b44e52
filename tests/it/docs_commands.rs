//! Every `carnets <command>` that the README and the French guide name is a command of the
//! binary (`carnets <command> --help` succeeds), and every command of the binary is in the
//! README, the producer's reference: a renamed or removed command cannot stay in the docs, a
//! new one cannot stay out of them.

use std::collections::BTreeSet;

use crate::common::{carnets, repo, run};

/// The text of the code in a Markdown file: fenced blocks and inline code spans, where the
/// docs write commands (prose says « carnets publishes… », which is no command). Of a
/// transcript (```console), only the commands (`$ …`): its output is the tool's own words.
fn code(markdown: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut fence: Option<&str> = None;
    for line in markdown.lines() {
        if let Some(info) = line.trim_start().strip_prefix("```") {
            fence = match fence {
                None => Some(info),
                Some(_) => None,
            };
        } else if let Some(info) = fence {
            if !info.starts_with("console") || line.starts_with("$ ") {
                found.push(line.to_string());
            }
        } else {
            found.extend(line.split('`').skip(1).step_by(2).map(str::to_string));
        }
    }
    found
}

/// The commands named as `carnets <command>` in the code of `markdown`.
fn named(markdown: &str) -> BTreeSet<String> {
    let command = regex::Regex::new(r"(?:^|[\s$`(])carnets ([a-z][a-z-]*)").unwrap();
    code(markdown)
        .iter()
        .flat_map(|code| {
            command
                .captures_iter(code)
                .map(|c| c[1].to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The commands `carnets --help` lists (clap's `Commands:` section, `help` left out).
fn real() -> BTreeSet<String> {
    let (code, stdout, stderr) = run(carnets().arg("--help"));
    assert_eq!(code, 0, "{stderr}");
    stdout
        .lines()
        .skip_while(|line| !line.ends_with(':') || line.starts_with(' '))
        .skip(1)
        .take_while(|line| line.starts_with("  "))
        // A help text too long for the line goes on under it, indented further.
        .filter(|line| !line.starts_with("   "))
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_string)
        .collect()
}

#[test]
fn every_command_the_docs_name_is_real_and_every_real_one_is_in_the_readme() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let guide = std::fs::read_to_string(repo().join("docs/guide.md")).unwrap();
    let real = real();
    assert!(real.contains("build") && real.len() >= 8, "{real:?}");
    let mut named_anywhere = named(&readme);
    assert!(named_anywhere.contains("deploy"), "{named_anywhere:?}");
    for command in &real {
        assert!(
            named_anywhere.contains(command),
            "`carnets {command}` is not in the README's reference"
        );
    }
    named_anywhere.extend(named(&guide));
    for command in &named_anywhere {
        let (code, _, stderr) = run(carnets().arg(command).arg("--help"));
        assert_eq!(
            code, 0,
            "the docs name `carnets {command}`, which is no command: {stderr}"
        );
    }
}

#[test]
fn prose_and_file_names_are_not_taken_for_commands() {
    let text = "**carnets** publishes\n`carnets.lock`, `carnets new \"x\"`\n```sh\ncarnets check --root a\n```\n\
                ```console\n$ carnets init a\ncarnets a créé le dossier\n```\ncarnets builds";
    assert_eq!(
        named(text).into_iter().collect::<Vec<_>>(),
        ["check", "init", "new"]
    );
}

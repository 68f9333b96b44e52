//! The catalogues agree with each other and with the code: every message in both languages,
//! with the same arguments; every id the code formats exists, with the arguments it passes;
//! every message is used; the French is typeset as the show writes it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{self, Entry, Expression, InlineExpression, PatternElement};

use super::*;

/// Each message id of `lang`'s catalogue, with the variables its value names.
fn catalogue(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(lang.catalogue())
        .unwrap_or_else(|(_, errors)| panic!("locales/{lang:?}: {errors:?}"));
    let mut messages = BTreeMap::new();
    for entry in resource.body {
        if let Entry::Message(message) = entry {
            let mut names = BTreeSet::new();
            if let Some(pattern) = &message.value {
                variables(pattern, &mut names);
            }
            let id = message.id.name.to_string();
            assert!(messages.insert(id.clone(), names).is_none(), "{id} twice");
        }
    }
    messages
}

fn variables(pattern: &ast::Pattern<&str>, names: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, names);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, names: &mut BTreeSet<String>) {
    let inline = |inline: &InlineExpression<&str>, names: &mut BTreeSet<String>| match inline {
        InlineExpression::VariableReference { id } => {
            names.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, names),
        _ => {}
    };
    match expression {
        Expression::Inline(expression) => inline(expression, names),
        Expression::Select { selector, variants } => {
            inline(selector, names);
            for variant in variants {
                variables(&variant.value, names);
            }
        }
    }
}

/// Every `t!("id", name = …)` of the crate's sources: the id and the argument names.
fn uses() -> Vec<(String, String, BTreeSet<String>)> {
    let mut found = Vec::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for entry in walkdir::WalkDir::new(src) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let file = entry.path().display().to_string();
        for (start, _) in text.match_indices("t!(") {
            let before = text[..start].chars().next_back().unwrap_or(' ');
            let line = &text[text[..start].rfind('\n').map_or(0, |n| n + 1)..start];
            let comment = line.trim_start().starts_with("//");
            if comment || before.is_alphanumeric() || before == '_' {
                continue;
            }
            let parts = arguments(&text[start + 3..]);
            let Some(id) = parts
                .first()
                .and_then(|p| p.strip_prefix('"')?.strip_suffix('"'))
            else {
                continue; // the macro's own definition
            };
            let names = parts[1..]
                .iter()
                .map(|part| part.split('=').next().unwrap().trim().to_string())
                .collect();
            found.push((file.clone(), id.to_string(), names));
        }
    }
    found
}

/// The top-level, comma-separated arguments of a macro call, `text` starting after its `(`.
fn arguments(text: &str) -> Vec<String> {
    let (mut parts, mut current, mut depth, mut in_string, mut escaped) =
        (Vec::new(), String::new(), 0, false, false);
    for c in text.chars() {
        if in_string {
            in_string = escaped || c != '"';
            escaped = !escaped && c == '\\';
        } else {
            match c {
                '"' => in_string = true,
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth == 0 => break,
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => {
                    parts.push(std::mem::take(&mut current).trim().to_string());
                    continue;
                }
                _ => {}
            }
        }
        current.push(c);
    }
    parts.push(current.trim().to_string());
    parts.retain(|part| !part.is_empty());
    parts
}

#[test]
fn both_catalogues_have_the_same_messages_with_the_same_arguments() {
    let (en, fr) = (catalogue(Lang::En), catalogue(Lang::Fr));
    let only = |a: &BTreeMap<_, _>, b: &BTreeMap<String, _>| -> Vec<String> {
        a.keys()
            .filter(|id| !b.contains_key(*id))
            .cloned()
            .collect()
    };
    assert_eq!(only(&en, &fr), Vec::<String>::new(), "in English only");
    assert_eq!(only(&fr, &en), Vec::<String>::new(), "in French only");
    let differ: Vec<_> = en
        .iter()
        .filter(|(id, names)| fr[*id] != **names)
        .map(|(id, names)| format!("{id}: en {names:?}, fr {:?}", fr[id]))
        .collect();
    assert_eq!(differ, Vec::<String>::new(), "arguments differ");
}

#[test]
fn every_id_the_code_formats_exists_with_the_arguments_it_passes() {
    let en = catalogue(Lang::En);
    let uses = uses();
    assert!(
        uses.len() > 100,
        "the scan finds the calls ({})",
        uses.len()
    );
    let wrong: Vec<_> = uses
        .iter()
        .filter(|(_, id, names)| en.get(id) != Some(names))
        .map(|(file, id, names)| format!("{file}: {id} {names:?}, catalogue {:?}", en.get(id)))
        .collect();
    assert_eq!(wrong, Vec::<String>::new());
}

#[test]
fn every_message_is_used() {
    let used: BTreeSet<String> = uses().into_iter().map(|(_, id, _)| id).collect();
    let cli = cli_ids();
    let unused: Vec<_> = catalogue(Lang::En)
        .into_keys()
        .filter(|id| !used.contains(id) && !cli.contains(id))
        .collect();
    assert_eq!(unused, Vec::<String>::new());
}

/// The ids [`crate::cli::command`] formats by name: each command's about and each argument's
/// help, shared (`cli-<arg>`) when the commands that have it say the same.
fn cli_ids() -> BTreeSet<String> {
    use clap::CommandFactory;
    let root = crate::cli::Cli::command();
    let mut ids = BTreeSet::from(["cli-about".to_string()]);
    let arg_id = |prefix: &str, arg: &clap::Arg| {
        let name = arg.get_id().as_str().replace('_', "-");
        let own = format!("{prefix}-{name}");
        if has_message(Lang::En, &own) {
            own
        } else {
            format!("cli-{name}")
        }
    };
    ids.extend(root.get_arguments().map(|arg| arg_id("cli", arg)));
    for sub in root.get_subcommands() {
        let prefix = format!("cli-{}", sub.get_name());
        ids.insert(format!("{prefix}-about"));
        ids.extend(sub.get_arguments().map(|arg| arg_id(&prefix, arg)));
    }
    ids
}

#[test]
fn every_command_and_argument_has_its_help_in_both_languages() {
    for id in cli_ids() {
        for lang in Lang::ALL {
            assert!(has_message(lang, &id), "{id} missing in {lang:?}");
        }
    }
}

#[test]
fn every_message_formats_in_both_languages() {
    for lang in Lang::ALL {
        for (id, names) in catalogue(lang) {
            let args: Vec<(&str, FluentValue)> = names
                .iter()
                .map(|name| (name.as_str(), FluentValue::from(2)))
                .collect();
            let text = message_in(lang, &id, &args);
            assert!(!text.trim().is_empty(), "{id} is empty in {lang:?}");
        }
    }
}

/// The French text of `pattern`'s literal parts, placeables and `code` left out.
fn prose(lang: Lang) -> Vec<(String, String)> {
    let resource = fluent_syntax::parser::parse(lang.catalogue()).unwrap();
    let mut out = Vec::new();
    fn collect(pattern: &ast::Pattern<&str>, text: &mut String) {
        for element in &pattern.elements {
            match element {
                PatternElement::TextElement { value } => text.push_str(value),
                PatternElement::Placeable {
                    expression: Expression::Select { variants, .. },
                } => variants.iter().for_each(|v| {
                    text.push(' ');
                    collect(&v.value, text);
                    text.push(' ');
                }),
                PatternElement::Placeable { .. } => text.push('X'),
            }
        }
    }
    for entry in resource.body {
        if let Entry::Message(message) = entry {
            let mut text = String::new();
            if let Some(pattern) = &message.value {
                collect(pattern, &mut text);
            }
            // Code, keys and commands are written as in the files: leave them out.
            let text: String = text.split('`').step_by(2).collect::<Vec<_>>().join("X");
            out.push((message.id.name.to_string(), text));
        }
    }
    out
}

#[test]
fn french_is_typeset_as_the_show_writes_it() {
    let mut wrong = Vec::new();
    for (id, text) in prose(Lang::Fr) {
        let chars: Vec<char> = text.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let before = i.checked_sub(1).map(|b| chars[b]);
            let after = chars.get(i + 1).copied();
            let spaced = |c: Option<char>| matches!(c, Some('\u{a0}' | '\u{202f}'));
            let fine = match c {
                '\'' | '"' => false,
                // `https://…` and `12:30` are not punctuation.
                ':' if after == Some('/') || before.is_some_and(|b| b.is_ascii_digit()) => true,
                ':' | ';' | '!' | '?' | '»' => spaced(before),
                '«' => spaced(after),
                _ => true,
            };
            if !fine {
                wrong.push(format!("{id}: {c:?} in {text:?}"));
            }
        }
    }
    assert_eq!(wrong, Vec::<String>::new());
}

#[test]
fn the_language_comes_from_the_locale_then_carnets_lang() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(Lang::from_env(env(&[])), Lang::En);
    assert_eq!(Lang::from_env(env(&[("LANG", "fr_FR.UTF-8")])), Lang::Fr);
    assert_eq!(Lang::from_env(env(&[("LANG", "C")])), Lang::En);
    assert_eq!(
        Lang::from_env(env(&[("LANG", "fr_CA"), ("LC_MESSAGES", "en_GB")])),
        Lang::En
    );
    assert_eq!(
        Lang::from_env(env(&[("LANG", "en_US"), ("LC_ALL", "fr_BE.UTF-8")])),
        Lang::Fr
    );
    assert_eq!(
        Lang::from_env(env(&[("LC_ALL", ""), ("LANG", "fr")])),
        Lang::Fr
    );
    assert_eq!(
        Lang::from_env(env(&[("LC_ALL", "fr_FR"), ("CARNETS_LANG", "en")])),
        Lang::En
    );
    assert_eq!(
        Lang::from_env(env(&[("LANG", "C"), ("CARNETS_LANG", "fr")])),
        Lang::Fr
    );
}

#[test]
fn plurals_follow_each_language() {
    let summary = |lang, n: u64| {
        message_in(
            lang,
            "cmd-check-summary",
            &[("episodes", FluentValue::from(n))],
        )
    };
    assert_eq!(summary(Lang::En, 1), "checked 1 episode(s): no errors");
    assert_eq!(
        summary(Lang::Fr, 0),
        "0 épisode vérifié\u{a0}: aucune erreur"
    );
    assert_eq!(
        summary(Lang::Fr, 1),
        "1 épisode vérifié\u{a0}: aucune erreur"
    );
    assert_eq!(
        summary(Lang::Fr, 3),
        "3 épisodes vérifiés\u{a0}: aucune erreur"
    );
}

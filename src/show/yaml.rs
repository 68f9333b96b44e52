//! The one place that parses YAML (`podcast.yaml` and episode front matter).
//!
//! serde-saphyr with YAML 1.2 booleans (`yes` is a string, not `true`) and its default parsing
//! budget (alias bombs are refused). Errors become [`Diagnostic`]s at the real line of the file:
//! `line_offset` is the number of lines before the YAML (the front matter's `---`).

use std::path::Path;

use serde::de::DeserializeOwned;
pub use serde_saphyr::Spanned;

use crate::t;
use crate::util::diag::{Diagnostic, Pos};

/// Parses `text` as `T`; `line_offset` lines precede it in `path`.
pub fn parse<T: DeserializeOwned>(
    text: &str,
    path: &Path,
    line_offset: u64,
) -> Result<T, Diagnostic> {
    let options = serde_saphyr::options! { strict_booleans: true };
    serde_saphyr::from_str_with_options(text, options).map_err(|err| {
        let err = err.without_snippet();
        let rendered = err.to_string();
        // The message ends with " at line L, column C": we print the position ourselves.
        let message = match rendered.rfind(" at line ") {
            Some(cut) => &rendered[..cut],
            None => rendered.as_str(),
        };
        let diagnostic = Diagnostic::error(path, explain(message));
        match err.location() {
            Some(loc) if loc.line() > 0 => diagnostic.at(loc.line() + line_offset, loc.column()),
            _ => diagnostic,
        }
    })
}

/// The position of a spanned value, shifted by the lines that precede the YAML.
pub fn pos<T>(value: &Spanned<T>, line_offset: u64) -> Pos {
    let line = value.referenced.line();
    Pos {
        line: if line == 0 { 0 } else { line + line_offset },
        column: value.referenced.column(),
    }
}

/// Rewords serde's messages for producers who do not know serde.
fn explain(message: &str) -> String {
    // serde-saphyr writes "unknown field `x`, expected one of a, b".
    let unknown = message
        .strip_prefix("unknown field `")
        .and_then(|rest| rest.split_once("`, expected one of "));
    if let Some((key, keys)) = unknown {
        return t!("show-yaml-unknown-key", key = key, keys = keys);
    }
    if let Some(key) = message.strip_prefix("missing field ") {
        return t!("show-yaml-missing-key", key = key);
    }
    if message.starts_with("recursion limit exceeded") {
        return budget("Depth");
    }
    if let Some(rest) = message.strip_prefix("budget breached: ") {
        let kind: String = rest
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        return budget(&kind);
    }
    // The parser's own words (a wrong type, a broken line): an argument, as it wrote them.
    t!("show-yaml-error", error = message)
}

/// A parsing budget that stopped the YAML (a hostile or broken file), in plain words.
fn budget(kind: &str) -> String {
    match kind {
        "Depth" => t!("show-yaml-too-deep", limit = kind),
        "Nodes" | "Events" | "Documents" => t!("show-yaml-too-many-values", limit = kind),
        "ScalarBytes" | "InputBytes" | "TotalBytes" => t!("show-yaml-too-much-text", limit = kind),
        k if k.contains("Alias") || k.contains("Anchor") => {
            t!("show-yaml-too-many-aliases", limit = kind)
        }
        _ => t!("show-yaml-too-large", limit = kind),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        #[allow(dead_code)]
        title: String,
        flag: Option<bool>,
        when: Option<Spanned<String>>,
    }

    fn err(text: &str) -> String {
        parse::<Doc>(text, Path::new("f.md"), 1)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn unknown_key_is_named_at_its_line_with_offset() {
        assert_eq!(
            err("title: a\ntitel: b\n"),
            "f.md:3:1: error: unknown key `titel`, expected one of title, flag, when"
        );
    }

    #[test]
    fn missing_key_and_wrong_type_are_reported() {
        assert!(err("flag: true\n").contains("missing required key `title`"));
        assert!(err("title: a\nflag: yes\n").starts_with("f.md:3:7: error: invalid boolean"));
    }

    #[test]
    fn spanned_values_keep_their_line() {
        let doc: Doc = parse("title: a\nwhen: demain\n", Path::new("f.md"), 1).unwrap();
        assert_eq!(doc.flag, None);
        assert_eq!(
            pos(doc.when.as_ref().unwrap(), 1),
            Pos { line: 3, column: 7 }
        );
    }

    #[test]
    fn alias_bombs_are_refused() {
        let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let p = i - 1;
            bomb.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        bomb.push_str("title: x\n");
        let error = parse::<serde_json::Value>(&bomb, Path::new("f"), 0).unwrap_err();
        assert!(
            error.to_string().contains("refused to protect the build"),
            "{error}"
        );
    }
}

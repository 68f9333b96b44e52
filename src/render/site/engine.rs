//! The minijinja environment of a build: strict about undefined variables, templates loaded
//! from the theme on first use, and template errors turned into diagnostics that name the
//! template file and line.

use minijinja::syntax::SyntaxConfig;
use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, Error, ErrorKind, Output, State, UndefinedBehavior};

use std::sync::Mutex;

use super::theme::Theme;
use crate::output::{Content, OutputFile};
use crate::t;
use crate::util::diag::{Diagnostic, Diagnostics};
use crate::util::lock;

/// Renders templates into output files and collects every template error, once each. Pages
/// may be rendered from several threads at once.
pub struct Engine {
    env: Environment<'static>,
    theme: Theme,
    files: Mutex<Vec<OutputFile>>,
    errors: Mutex<Vec<Diagnostic>>,
}

impl Engine {
    pub fn new(theme: Theme) -> Self {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        if let Ok(syntax) = SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()
        {
            env.set_syntax(syntax);
        }
        env.set_formatter(html_formatter);
        let loader_theme = theme.clone();
        env.set_loader(move |name| {
            loader_theme
                .template(name)
                .map_err(|e| Error::new(ErrorKind::InvalidOperation, e.to_string()))
        });
        Self {
            env,
            theme,
            files: Mutex::default(),
            errors: Mutex::default(),
        }
    }

    /// Renders `template` with `ctx` into the output file `path`; an error is kept for later.
    pub fn render(&self, template: &str, path: String, ctx: Value) {
        self.render_from(template, path, ctx, None);
    }

    /// [`Engine::render`] of a page whose inputs hash to `from`, when they were hashed.
    pub fn render_from(&self, template: &str, path: String, ctx: Value, from: Option<String>) {
        let rendered = self.env.get_template(template).and_then(|t| t.render(ctx));
        match rendered {
            Ok(html) => lock(&self.files).push(OutputFile {
                path,
                content: match (Content::bytes(html), from) {
                    (Content::Bytes(bytes), Some(from)) => Content::Page { bytes, from },
                    (content, _) => content,
                },
            }),
            Err(err) => {
                let diagnostic = self.diagnostic(template, &err);
                let mut errors = lock(&self.errors);
                // The same mistake in `episode.html` fails every episode page: say it once.
                if !errors.contains(&diagnostic) {
                    errors.push(diagnostic);
                }
            }
        }
    }

    /// The page at `path` as the output holds it (its key `key`), not rendered again.
    pub fn keep(&self, path: String, key: String, from: String) {
        lock(&self.files).push(OutputFile {
            path,
            content: Content::Kept { key, from },
        });
    }

    /// The rendered files in the order of their paths, or every template error found.
    pub fn finish(self) -> Result<Vec<OutputFile>, Diagnostics> {
        let errors = self.errors.into_inner().unwrap_or_else(|e| e.into_inner());
        if errors.is_empty() {
            let mut files = self.files.into_inner().unwrap_or_else(|e| e.into_inner());
            files.sort_by(|a, b| a.path.cmp(&b.path));
            Ok(files)
        } else {
            let mut diagnostics = Diagnostics::default();
            diagnostics.extend(errors);
            diagnostics.sort();
            Err(diagnostics)
        }
    }

    fn diagnostic(&self, template: &str, err: &Error) -> Diagnostic {
        // An error in an included template comes wrapped ("error in \"part.html\""):
        // report the innermost one, where the mistake is, and say where it was included from.
        let mut innermost = err;
        let mut included_from = Vec::new();
        while let Some(cause) = std::error::Error::source(innermost)
            .and_then(|c| c.downcast_ref::<Error>())
            .filter(|c| c.name().is_some())
        {
            if let (Some(name), Some(line)) = (innermost.name(), innermost.line()) {
                included_from.push(format!("{name}:{line}"));
            }
            innermost = cause;
        }
        // minijinja's words (the kind, the detail) are arguments: we do not translate them.
        let kind = innermost.kind().to_string();
        let from = included_from.join(", ");
        let message = match (innermost.detail(), from.is_empty()) {
            (Some(detail), true) => t!("render-template-error", kind = kind, detail = detail),
            (None, true) => t!("render-template-error-bare", kind = kind),
            (Some(detail), false) => t!(
                "render-template-error-included",
                kind = kind,
                detail = detail,
                from = from
            ),
            (None, false) => t!(
                "render-template-error-bare-included",
                kind = kind,
                from = from
            ),
        };
        let name = innermost.name().unwrap_or(template);
        let mut diagnostic = Diagnostic::error(self.theme.template_path(name), message);
        if let Some(line) = innermost.line() {
            diagnostic = diagnostic.at(line as u64, 0);
        }
        match innermost.kind() {
            ErrorKind::UndefinedError => diagnostic.help(t!("render-template-undefined-help")),
            ErrorKind::TemplateNotFound => diagnostic.help(t!(
                "render-template-not-found-help",
                dir = self.theme.template_path("").display().to_string()
            )),
            _ => diagnostic,
        }
    }
}

/// Like minijinja's default formatter, but HTML escaping leaves `/` alone: `&#x2f;` in
/// every URL is valid but makes the pages hard to read and to diff.
fn html_formatter(out: &mut Output, state: &mut State, value: &Value) -> Result<(), Error> {
    if *state.auto_escape() == AutoEscape::Html && !value.is_safe() {
        let text = value.to_string();
        let mut escaped = String::with_capacity(text.len());
        for c in text.chars() {
            match c {
                '&' => escaped.push_str("&amp;"),
                '<' => escaped.push_str("&lt;"),
                '>' => escaped.push_str("&gt;"),
                '"' => escaped.push_str("&quot;"),
                '\'' => escaped.push_str("&#39;"),
                _ => escaped.push(c),
            }
        }
        out.write_str(&escaped).map_err(Error::from)
    } else {
        minijinja::escape_formatter(out, state, value)
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;
    use minijinja::context;

    fn engine_with(templates: &[(&str, &str)]) -> (tempfile::TempDir, Engine) {
        let dir = tempfile::tempdir().unwrap();
        for (name, source) in templates {
            let path = dir.path().join("templates").join(name);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, source).unwrap();
        }
        let engine = Engine::new(Theme::new(dir.path()));
        (dir, engine)
    }

    fn rendered(engine: Engine) -> String {
        match &engine.finish().unwrap()[0].content {
            Content::Bytes(bytes) => String::from_utf8(bytes.clone()).unwrap(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn html_is_escaped_but_slashes_are_not() {
        let (_dir, engine) = engine_with(&[("t.html", "<a href=\"{{ u }}\">{{ s }}</a>")]);
        let ctx = context! { u => "https://a.fr/x?a=1&b=2", s => "<script>'\"" };
        engine.render("t.html", "t.html".into(), ctx);
        assert_eq!(
            rendered(engine),
            "<a href=\"https://a.fr/x?a=1&amp;b=2\">&lt;script&gt;&#39;&quot;</a>"
        );
    }

    #[test]
    fn undefined_variables_fail_with_the_template_file_and_line() {
        let (dir, engine) = engine_with(&[
            ("page.html", "<p>\n{% include \"part.html\" %}\n</p>"),
            ("part.html", "ok\n{{ sitee.title }}\n"),
        ]);
        engine.render("page.html", "a.html".into(), context! {});
        engine.render("page.html", "b.html".into(), context! {});
        let errors: Vec<_> = engine.finish().unwrap_err().into_iter().collect();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].path, dir.path().join("templates/part.html"));
        assert_eq!(errors[0].line, Some(2));
        assert!(
            errors[0].message.contains("`sitee` is undefined"),
            "{}",
            errors[0]
        );
        assert!(
            errors[0].message.contains("included from page.html:2"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn syntax_errors_name_the_file_and_line() {
        let (dir, engine) = engine_with(&[("bad.html", "a\nb\n{% if x %}\n")]);
        engine.render("bad.html", "bad.html".into(), context! { x => true });
        let errors: Vec<_> = engine.finish().unwrap_err().into_iter().collect();
        assert_eq!(errors[0].path, dir.path().join("templates/bad.html"));
        assert!(errors[0].line.is_some());
        assert!(
            errors[0].to_string().contains("syntax error"),
            "{}",
            errors[0]
        );
    }
}

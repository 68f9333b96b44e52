//! The CLI's language: every message a producer can see — diagnostics and their `help:`,
//! summaries, progress labels, `--help` — is formatted here, by id, from the Fluent catalogues
//! `locales/en/*.ftl` and `locales/fr/*.ftl`, embedded in the binary.
//!
//! The language is picked once per process, as command-line tools do: `CARNETS_LANG` when set,
//! else the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set; `fr…` is French, anything
//! else (`C`, `en_GB.UTF-8`, nothing) English. Fluent chooses French and English plurals by
//! their own rules (« 0 épisode », "0 episodes") and leaves the wording to the catalogue.
//! The machine-readable parts of a diagnostic (`path:line:column: error:`, `help:`) are not
//! messages: they are written by [`crate::util::diag`] in both languages alike.

use std::sync::OnceLock;

pub use fluent_bundle::FluentValue;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

/// A language of the CLI.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Fr,
}

impl Lang {
    /// Both languages, in the order of [`CATALOGUES`].
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// The language `var` (an environment lookup) asks for; see the module's doc.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
        let set = |name: &str| var(name).filter(|value| !value.is_empty());
        let wanted = set("CARNETS_LANG")
            .or_else(|| ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().find_map(set));
        match wanted {
            Some(locale) if locale.to_ascii_lowercase().starts_with("fr") => Lang::Fr,
            _ => Lang::En,
        }
    }

    /// The catalogue's text: one file per concern of `src/` (`locales/<lang>/<concern>.ftl`,
    /// its ids prefixed with the concern), read as one.
    pub fn catalogue(self) -> &'static str {
        match self {
            Lang::En => concat!(
                include_str!("../../locales/en/cli.ftl"),
                include_str!("../../locales/en/cmd.ftl"),
                include_str!("../../locales/en/show.ftl"),
                include_str!("../../locales/en/config.ftl"),
                include_str!("../../locales/en/audio.ftl"),
                include_str!("../../locales/en/render.ftl"),
                include_str!("../../locales/en/output.ftl"),
                include_str!("../../locales/en/serve.ftl"),
                include_str!("../../locales/en/util.ftl"),
                include_str!("../../locales/en/import.ftl"),
                include_str!("../../locales/en/deploy.ftl"),
                include_str!("../../locales/en/stats.ftl"),
            ),
            Lang::Fr => concat!(
                include_str!("../../locales/fr/cli.ftl"),
                include_str!("../../locales/fr/cmd.ftl"),
                include_str!("../../locales/fr/show.ftl"),
                include_str!("../../locales/fr/config.ftl"),
                include_str!("../../locales/fr/audio.ftl"),
                include_str!("../../locales/fr/render.ftl"),
                include_str!("../../locales/fr/output.ftl"),
                include_str!("../../locales/fr/serve.ftl"),
                include_str!("../../locales/fr/util.ftl"),
                include_str!("../../locales/fr/import.ftl"),
                include_str!("../../locales/fr/deploy.ftl"),
                include_str!("../../locales/fr/stats.ftl"),
            ),
        }
    }

    /// `en` or `fr`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    fn tag(self) -> LanguageIdentifier {
        self.code().parse().expect("a valid language tag")
    }
}

/// The language of this process, read from the environment on first use.
pub fn lang() -> Lang {
    static LANG: OnceLock<Lang> = OnceLock::new();
    *LANG.get_or_init(|| Lang::from_env(|name| std::env::var(name).ok()))
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: [OnceLock<Bundle>; 2] = [OnceLock::new(), OnceLock::new()];
    BUNDLES[lang as usize].get_or_init(|| {
        let resource = FluentResource::try_new(lang.catalogue().to_string())
            .unwrap_or_else(|(_, errors)| panic!("locales/{lang:?}: {errors:?}"));
        let mut bundle = Bundle::new_concurrent(vec![lang.tag()]);
        // No Unicode isolation marks around the arguments: terminals print them as junk.
        bundle.set_use_isolating(false);
        bundle
            .add_resource(resource)
            .unwrap_or_else(|errors| panic!("locales/{lang:?}: {errors:?}"));
        bundle
    })
}

/// The message `id` of this process's language, with its arguments (see [`crate::t!`]).
pub fn message(id: &str, args: &[(&str, FluentValue)]) -> String {
    message_in(lang(), id, args)
}

/// Whether `id` is a message of `lang`'s catalogue.
pub fn has_message(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}

/// The message `id` in `lang`. A message missing, or an argument it names missing, is a bug
/// the tests catch (debug builds panic); a release build prints the id rather than nothing.
pub fn message_in(lang: Lang, id: &str, args: &[(&str, FluentValue)]) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|message| message.value()) else {
        debug_assert!(false, "no message `{id}` in locales/{lang:?}");
        return id.to_string();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    debug_assert!(errors.is_empty(), "message `{id}`: {errors:?}");
    text.into_owned()
}

/// A decimal number with `digits` after the separator, written as the language writes it
/// (`-16.3` in English, `-16,3` in French).
pub fn decimal(value: f64, digits: usize) -> String {
    let text = format!("{value:.digits$}");
    match lang() {
        Lang::En => text,
        Lang::Fr => text.replace('.', ","),
    }
}

/// Formats the message `id` with named arguments: `t!("check-summary", episodes = 3)`.
/// Arguments are anything Fluent takes (strings, numbers); paths go as `path.display()`
/// turned into a string.
#[macro_export]
macro_rules! t {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::util::i18n::message(
            $id,
            &[$((stringify!($name), $crate::util::i18n::FluentValue::from($value))),*],
        )
    };
}

#[cfg(test)]
#[path = "i18n_tests.rs"]
mod tests;

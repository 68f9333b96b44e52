//! The typography of the show notes, for text that is not Markdown: the titles on the site's
//! pages get the curly apostrophes and quotes, dashes and ellipses that pulldown-cmark's smart
//! punctuation gives the notes (« Cité de l'IA » → « Cité de l’IA »), and nothing else of
//! Markdown. The same parser does both, so a title and the notes under it never disagree.

use pulldown_cmark::{Event, Options, Parser};

/// `text` with the notes' typography: `'` → `’`, `"…"` → `“…”`, `--` → `–`, `---` → `—`,
/// `...` → `…`. Line breaks become spaces; every other character is kept as written.
pub fn smart_punctuation(text: &str) -> String {
    if !text.contains(['\'', '"', '-', '.', '\n', '\r']) {
        return text.to_string();
    }
    let escaped = escape_markdown(text);
    let mut out = String::with_capacity(text.len() + 8);
    for event in Parser::new_ext(&escaped, Options::ENABLE_SMART_PUNCTUATION) {
        match event {
            Event::Text(text) => out.push_str(&text),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
    out
}

/// Escapes with `\` every ASCII punctuation character but the four smart punctuation works on,
/// so that the text is read as one paragraph of plain text (no emphasis, link, HTML, entity
/// or heading); a `-` or a number's `.` that would start a list is escaped too.
fn escape_markdown(text: &str) -> String {
    let text = text.trim();
    let list_dot = text
        .find(|c: char| !c.is_ascii_digit())
        .filter(|&i| i > 0 && text[i..].starts_with('.'));
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in text.char_indices() {
        let list_marker = (i == 0 && c == '-') || Some(i) == list_dot;
        if c == '\n' || c == '\r' {
            out.push(' ');
            continue;
        }
        if (c.is_ascii_punctuation() && !matches!(c, '\'' | '"' | '-' | '.')) || list_marker {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::smart_punctuation as smart;

    #[test]
    fn apostrophes_quotes_dashes_and_ellipses_as_in_the_notes() {
        assert_eq!(
            smart("Cinq ans de Cité de l'IA"),
            "Cinq ans de Cité de l’IA"
        );
        assert_eq!(
            smart("Le \"cloud\" -- et après..."),
            "Le “cloud” – et après…"
        );
        assert_eq!(
            smart("L'IA dans les PME : par où commencer ?"),
            "L’IA dans les PME : par où commencer ?"
        );
        let notes = crate::show::markdown::to_html("l'IA, \"oui\" -- non...", "fn", true);
        assert_eq!(
            notes,
            format!("<p>{}</p>\n", smart("l'IA, \"oui\" -- non..."))
        );
    }

    #[test]
    fn nothing_else_of_markdown_applies() {
        for text in [
            "# 1 *fois* [lien](x) <b>gras</b> &amp; `code` _a_ ~b~ | c \\ d",
            "1. Premier",
            "- Tiret",
            "+ Plus",
            "> Citation",
            "1) Un",
            "==",
        ] {
            // The apostrophe makes the text go through the parser.
            assert_eq!(
                smart(&format!("{text} l'a")),
                format!("{text} l’a"),
                "{text}"
            );
        }
        assert_eq!(smart("Deux\nlignes"), "Deux lignes");
        assert_eq!(smart("Déjà « bien »"), "Déjà « bien »");
    }
}

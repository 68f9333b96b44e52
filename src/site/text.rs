//! Excerpts of plain text, for meta descriptions and search results.

/// At most `max` characters, cut at a word boundary with an ellipsis.
pub fn excerpt(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > max / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    format!(
        "{}…",
        cut.trim_end_matches([',', ';', ':', ' ', '\u{a0}', '\u{202f}'])
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_cut_at_a_word() {
        assert_eq!(excerpt("court", 10), "court");
        assert_eq!(excerpt("un deux trois quatre", 12), "un deux…");
    }
}

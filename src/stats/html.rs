//! The `--html` report: one page in French, readable offline (no script, no font, no file
//! from elsewhere), with inline SVG charts ([`super::svg`]) — downloads per day, the share of
//! each app, each episode's first 30 days against the show's median — and the same figures
//! as tables, for screen readers and for copying.

use std::fmt::Write;

use super::report::{DayRow, Report};
use super::svg::{self, Label};
use crate::render::site::Locale;
use crate::util::html::escape_html;

const STYLE: &str = include_str!("report.css");

/// Apps shown by name in the share chart; the others are added up.
const APPS_SHOWN: usize = 8;

/// A narrow no-break space: between thousands, and before `%`.
const NNBSP: char = '\u{202f}';

/// « 12 345 ».
pub fn number(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(NNBSP);
        }
        out.push(c);
    }
    out
}

/// « 12,5 % ».
fn percent(share: f64) -> String {
    let tenths = (share * 1000.0).round() as u64;
    format!("{},{}{NNBSP}%", tenths / 10, tenths % 10)
}

/// A `YYYY-MM-DD` day as « 20 novembre 2026 ».
fn long_date(date: &str) -> String {
    match date.parse::<jiff::civil::Date>() {
        Ok(d) => Locale::Fr.date(&d.to_zoned(jiff::tz::TimeZone::UTC).unwrap_or_default()),
        Err(_) => date.to_string(),
    }
}

/// A `YYYY-MM-DD` day as « 20 nov. ».
fn short_date(date: &str) -> String {
    const MONTHS: [&str; 12] = [
        "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
        "déc.",
    ];
    match date.parse::<jiff::civil::Date>() {
        Ok(d) => format!(
            "{}\u{a0}{}",
            d.day(),
            MONTHS[usize::try_from(d.month() - 1).unwrap_or(0) % 12]
        ),
        Err(_) => date.to_string(),
    }
}

/// The whole page.
pub fn render(report: &Report) -> String {
    let mut page = String::new();
    let show = escape_html(&report.show);
    let period = match (&report.period.from, &report.period.to) {
        (Some(from), Some(to)) => format!("du {} au {}", long_date(from), long_date(to)),
        _ => "aucun jour".to_string(),
    };
    let _ = write!(
        page,
        r#"<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Statistiques d’écoute — {show}</title>
<style>{STYLE}</style>
</head>
<body>
<header>
<h1>Statistiques d’écoute</h1>
<p class="lead">{show}, {period}</p>
</header>
<main>
"#
    );
    summary(&mut page, report);
    days(&mut page, report);
    apps(&mut page, report);
    episodes(&mut page, report);
    excluded(&mut page, report);
    page.push_str(
        "</main>\n<footer><p>Rapport produit par carnets à partir des journaux du serveur, selon les règles de l’IAB (v2.3) et les listes d’applications de l’OPAWG.</p></footer>\n</body>\n</html>\n",
    );
    page
}

fn summary(page: &mut String, report: &Report) {
    let listened = report.episodes.iter().filter(|e| e.downloads > 0).count();
    let _ = write!(
        page,
        r#"<section aria-labelledby="bref"><h2 id="bref">En bref</h2>
<dl class="figures">
<div><dt>Téléchargements</dt><dd>{}</dd></div>
<div><dt>Épisodes téléchargés</dt><dd>{} sur {}</dd></div>
<div><dt>Applications</dt><dd>{}</dd></div>
<div><dt>Téléchargements de robots écartés</dt><dd>{}</dd></div>
</dl>
</section>
"#,
        number(report.downloads),
        number(listened as u64),
        number(report.episodes.len() as u64),
        number(report.apps.len() as u64),
        number(report.excluded.bots),
    );
}

fn days(page: &mut String, report: &Report) {
    let shown: Vec<(String, u64)> = report
        .days
        .iter()
        .map(|d| (short_date(&d.date), d.downloads))
        .collect();
    let label = Label {
        id: "jours",
        title: "Téléchargements par jour",
        description: &format!(
            "Un bâton par jour, {} jours ; le jour le plus fort compte {} téléchargements.",
            report.days.len(),
            number(report.days.iter().map(|d| d.downloads).max().unwrap_or(0))
        ),
    };
    let chart = svg::bars(&label, &shown, &|v| number(v as u64));
    let _ = write!(
        page,
        r#"<section aria-labelledby="par-jour"><h2 id="par-jour">Par jour</h2>
<figure>{chart}<figcaption>Téléchargements par jour, à l’heure de l’émission ({}).</figcaption></figure>
<details><summary>Le détail jour par jour</summary>
"#,
        escape_html(&report.time_zone)
    );
    day_table(page, &report.days);
    page.push_str("</details>\n</section>\n");
}

fn day_table(page: &mut String, days: &[DayRow]) {
    open_table(
        page,
        "Téléchargements par jour",
        &[("Jour", false), ("Téléchargements", true)],
    );
    for day in days {
        let _ = writeln!(
            page,
            "<tr><th scope=\"row\">{}</th><td class=\"n\">{}</td></tr>",
            long_date(&day.date),
            number(day.downloads)
        );
    }
    close_table(page);
}

/// Opens a table in a box of its own, which scrolls sideways on a narrow screen (and can be
/// scrolled from the keyboard); numeric columns are aligned right.
fn open_table(page: &mut String, label: &str, columns: &[(&str, bool)]) {
    let _ = write!(
        page,
        r#"<div class="table" role="region" tabindex="0" aria-label="{}"><table><thead><tr>"#,
        escape_html(label)
    );
    for (name, numeric) in columns {
        let class = if *numeric { r#" class="n""# } else { "" };
        let _ = write!(page, r#"<th scope="col"{class}>{name}</th>"#);
    }
    page.push_str("</tr></thead><tbody>\n");
}

fn close_table(page: &mut String) {
    page.push_str("</tbody></table></div>\n");
}

fn apps(page: &mut String, report: &Report) {
    let mut rows: Vec<(String, u64)> = report
        .apps
        .iter()
        .take(APPS_SHOWN)
        .map(|a| (app_name(&a.name), a.downloads))
        .collect();
    let others: u64 = report
        .apps
        .iter()
        .skip(APPS_SHOWN)
        .map(|a| a.downloads)
        .sum();
    if others > 0 {
        rows.push(("Autres".into(), others));
    }
    let label = Label {
        id: "apps",
        title: "Part de chaque application",
        description: "Une barre par application, de la plus utilisée à la moins utilisée, avec sa part des téléchargements.",
    };
    let chart = svg::shares(&label, &rows, &percent);
    let _ = write!(
        page,
        r#"<section aria-labelledby="applications"><h2 id="applications">Applications</h2>
<figure>{chart}<figcaption>Part des téléchargements par application (listes OPAWG).</figcaption></figure>
"#
    );
    open_table(
        page,
        "Téléchargements par application",
        &[
            ("Application", false),
            ("Téléchargements", true),
            ("Part", true),
        ],
    );
    for app in &report.apps {
        let share = app.downloads as f64 / report.downloads.max(1) as f64;
        let _ = writeln!(
            page,
            "<tr><th scope=\"row\">{}</th><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            escape_html(&app_name(&app.name)),
            number(app.downloads),
            percent(share)
        );
    }
    close_table(page);
    page.push_str("</section>\n");
}

/// Our names for what the lists do not name, in French.
fn app_name(name: &str) -> String {
    match name {
        super::agents::Agents::UNKNOWN => "Application inconnue".into(),
        other => other.to_string(),
    }
}

fn episodes(page: &mut String, report: &Report) {
    page.push_str("<section aria-labelledby=\"episodes\"><h2 id=\"episodes\">Épisodes</h2>\n");
    let columns = [
        ("Épisode", false),
        ("Publié le", false),
        ("Téléchargements", true),
        ("7 premiers jours", true),
        ("30 premiers jours", true),
    ];
    open_table(page, "Téléchargements par épisode", &columns);
    for e in &report.episodes {
        let _ = writeln!(
            page,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            escape_html(&e.title),
            Locale::Fr.date(&e.published),
            number(e.downloads),
            number(e.first_7_days),
            number(e.first_30_days)
        );
    }
    close_table(page);
    let median = report.median_curve();
    page.push_str("<h3>Les 30 premiers jours de chaque épisode</h3>\n<p>Téléchargements cumulés depuis la publication (trait plein), face à la médiane des épisodes de l’émission (tirets), pour les jours que couvrent les journaux.</p>\n<div class=\"curves\">\n");
    let mut drawn = 0;
    for (i, e) in report
        .episodes
        .iter()
        .enumerate()
        .filter(|(_, e)| e.days_covered > 0)
    {
        let id = format!("ep{i}");
        let total: u64 = e.by_day.iter().sum();
        let description = format!(
            "{} téléchargements en {} jours ; médiane de l’émission au même jour : {}.",
            number(total),
            e.days_covered,
            median
                .get(e.days_covered - 1)
                .map_or("inconnue".into(), |m| format!("{m}").replace('.', ","))
        );
        let title = format!("{} : ses {} premiers jours", e.title, e.days_covered);
        let label = Label {
            id: &id,
            title: &title,
            description: &description,
        };
        let chart = svg::curve(
            &label,
            &e.by_day,
            &median[..e.days_covered.min(median.len())],
            &|v| number(v as u64),
        );
        let _ = writeln!(
            page,
            "<figure>{chart}<figcaption>{}</figcaption></figure>",
            escape_html(&e.title)
        );
        drawn += 1;
    }
    if drawn == 0 {
        page.push_str("<p>Les journaux ne couvrent la première journée d’aucun épisode.</p>\n");
    }
    page.push_str("</div>\n</section>\n");
}

fn excluded(page: &mut String, report: &Report) {
    let x = &report.excluded;
    let rows = [
        (
            "Téléchargements de robots (listes OPAWG, User-Agent vide ou malformé, adresse IP aux téléchargements trop nombreux)",
            x.bots,
        ),
        (
            "Doublons de l’Apple Watch (app Podcasts de watchOS)",
            x.watch_duplicates,
        ),
        (
            "Écoutes sous le seuil (moins que l’étiquette ID3 et une minute d’audio en 24 heures)",
            x.under_threshold,
        ),
        ("Requêtes HEAD", x.head),
        ("Réponses 304 (non modifié)", x.not_modified),
        ("Erreurs (4xx, 5xx)", x.errors),
        ("Sondes bytes=0-1", x.probes),
        ("Lignes illisibles", x.unparsed_lines),
    ];
    page.push_str(
        "<section aria-labelledby=\"ecartes\"><h2 id=\"ecartes\">Ce qui n’est pas compté</h2>\n",
    );
    open_table(
        page,
        "Requêtes et téléchargements écartés",
        &[("Écarté", false), ("Nombre", true)],
    );
    for (what, n) in rows {
        let _ = writeln!(
            page,
            "<tr><th scope=\"row\">{what}</th><td class=\"n\">{}</td></tr>",
            number(n)
        );
    }
    close_table(page);
    page.push_str(
        "<p>Un téléchargement, c’est un auditeur (une adresse IP — un réseau /64 en IPv6 — et un User-Agent) qui reçoit, en 24 heures depuis sa première requête pour l’épisode, au moins l’étiquette ID3 et une minute d’audio de son MP3, ou le fichier entier s’il dure moins d’une minute. Seules les requêtes GET comptent.</p>\n</section>\n",
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates_are_french() {
        assert_eq!(number(0), "0");
        assert_eq!(number(999), "999");
        assert_eq!(number(12_345), "12\u{202f}345");
        assert_eq!(number(1_234_567), "1\u{202f}234\u{202f}567");
        assert_eq!(percent(0.125), "12,5\u{202f}%");
        assert_eq!(percent(1.0), "100,0\u{202f}%");
        assert_eq!(long_date("2026-11-01"), "1er\u{a0}novembre\u{a0}2026");
        assert_eq!(short_date("2026-02-20"), "20\u{a0}févr.");
    }
}

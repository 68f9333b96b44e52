//! The report's charts, as inline SVG: no script, readable offline, drawn with the page's
//! colours (CSS classes and `currentColor`, so they follow light and dark). Each chart is an
//! image with a title and a description; the page gives the same figures as tables.

use std::fmt::Write;

use crate::util::html::escape_html;

/// A chart's accessible name and description, and an id prefix unique in the page.
pub struct Label<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub description: &'a str,
}

fn open(out: &mut String, label: &Label, width: u32, height: u32) {
    let _ = write!(
        out,
        r#"<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-labelledby="{id}-t {id}-d" xmlns="http://www.w3.org/2000/svg"><title id="{id}-t">{}</title><desc id="{id}-d">{}</desc>"#,
        escape_html(label.title),
        escape_html(label.description),
        id = label.id,
    );
}

/// A rounded-up scale maximum with ticks: 1, 2 or 5 times a power of ten per step.
fn scale(max: f64) -> (f64, f64) {
    if max <= 0.0 {
        return (1.0, 1.0);
    }
    let raw = max / 4.0;
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * power)
        .max(1.0);
    ((max / step).ceil() * step, step)
}

const LEFT: f64 = 48.0;
const BOTTOM: f64 = 28.0;
const TOP: f64 = 12.0;

/// Horizontal grid lines with their values.
fn grid(
    out: &mut String,
    top: f64,
    step: f64,
    width: f64,
    height: f64,
    number: &dyn Fn(f64) -> String,
) {
    let plot = height - TOP - BOTTOM;
    let mut value = 0.0;
    while value <= top + 1e-9 {
        let y = TOP + plot * (1.0 - value / top);
        let _ = write!(
            out,
            r#"<line class="grid" x1="{LEFT}" x2="{width}" y1="{y:.1}" y2="{y:.1}"/><text class="axis" x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"#,
            LEFT - 6.0,
            y + 4.0,
            number(value)
        );
        value += step;
    }
}

/// Downloads per day: one bar a day, a few dates under them.
pub fn bars(label: &Label, days: &[(String, u64)], number: &dyn Fn(f64) -> String) -> String {
    let (width, height) = (720.0, 240.0);
    let mut out = String::new();
    open(&mut out, label, width as u32, height as u32);
    let max = days.iter().map(|(_, n)| *n).max().unwrap_or(0) as f64;
    let (top, step) = scale(max);
    grid(&mut out, top, step, width, height, number);
    let plot = height - TOP - BOTTOM;
    let slot = (width - LEFT) / days.len().max(1) as f64;
    let every = days.len().div_ceil(6).max(1);
    for (i, (date, n)) in days.iter().enumerate() {
        let h = plot * (*n as f64) / top;
        let x = LEFT + slot * i as f64;
        let _ = write!(
            out,
            r#"<rect class="bar" x="{:.2}" y="{:.2}" width="{:.2}" height="{h:.2}"/>"#,
            x + slot * 0.1,
            TOP + plot - h,
            (slot * 0.8).max(0.5),
        );
        if i % every == 0 {
            let _ = write!(
                out,
                r#"<text class="axis" x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
                x + slot / 2.0,
                height - 8.0,
                escape_html(date)
            );
        }
    }
    out.push_str("</svg>");
    out
}

/// Shares: one horizontal bar per name, with its share written after it.
pub fn shares(label: &Label, rows: &[(String, u64)], percent: &dyn Fn(f64) -> String) -> String {
    let (width, row) = (720.0, 28.0);
    let height = row * rows.len().max(1) as f64 + 8.0;
    let mut out = String::new();
    open(&mut out, label, width as u32, height as u32);
    let total: u64 = rows.iter().map(|(_, n)| n).sum();
    let (name_width, bar_width) = (220.0, 400.0);
    for (i, (name, n)) in rows.iter().enumerate() {
        let share = *n as f64 / total.max(1) as f64;
        let y = 4.0 + row * i as f64;
        let w = (bar_width * share).max(1.0);
        let _ = write!(
            out,
            r#"<text class="label" x="{:.1}" y="{:.1}" text-anchor="end">{}</text><rect class="bar" x="{name_width}" y="{:.1}" width="{w:.1}" height="{:.1}"/><text class="label" x="{:.1}" y="{:.1}">{}</text>"#,
            name_width - 8.0,
            y + 18.0,
            escape_html(name),
            y + 4.0,
            row - 8.0,
            name_width + w + 8.0,
            y + 18.0,
            percent(share)
        );
    }
    out.push_str("</svg>");
    out
}

/// An episode's downloads, added up day after day since publication (`episode[d]`: the
/// downloads of day `d`), against the show's median of the same sums (dashed); both start
/// from nothing at publication.
pub fn curve(
    label: &Label,
    episode: &[u64],
    median: &[f64],
    number: &dyn Fn(f64) -> String,
) -> String {
    let (width, height) = (340.0, 170.0);
    let mut out = String::new();
    open(&mut out, label, width as u32, height as u32);
    let cumulative: Vec<f64> = std::iter::once(0.0)
        .chain(episode.iter().scan(0u64, |sum, n| {
            *sum += n;
            Some(*sum as f64)
        }))
        .collect();
    let median: Vec<f64> = std::iter::once(0.0).chain(median.iter().copied()).collect();
    let max = cumulative
        .iter()
        .chain(&median)
        .fold(0.0f64, |m, v| m.max(*v));
    let (top, step) = scale(max);
    grid(&mut out, top, step, width, height, number);
    let plot = height - TOP - BOTTOM;
    let days = episode.len().max(1);
    let x_of = |d: usize| LEFT + 8.0 + (width - LEFT - 24.0) * d as f64 / days as f64;
    let y_of = |v: f64| TOP + plot * (1.0 - v / top);
    let line = |values: &[f64], class: &str| {
        let points: Vec<String> = values
            .iter()
            .enumerate()
            .map(|(d, v)| format!("{:.1},{:.1}", x_of(d), y_of(*v)))
            .collect();
        format!(
            r#"<polyline class="{class}" fill="none" points="{}"/>"#,
            points.join(" ")
        )
    };
    out.push_str(&line(&median, "median"));
    out.push_str(&line(&cumulative, "line"));
    let mut ticks = vec![0, days / 2, days];
    ticks.dedup();
    for d in ticks {
        let _ = write!(
            out,
            r#"<text class="axis" x="{:.1}" y="{:.1}" text-anchor="middle">J{d}</text>"#,
            x_of(d),
            height - 8.0,
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_round_up_to_readable_steps() {
        assert_eq!(scale(0.0), (1.0, 1.0));
        assert_eq!(scale(3.0), (3.0, 1.0));
        assert_eq!(scale(17.0), (20.0, 5.0));
        assert_eq!(scale(1234.0), (1500.0, 500.0));
    }

    #[test]
    fn charts_are_labelled_images_with_one_mark_per_value() {
        let label = Label {
            id: "c",
            title: "Titre <&>",
            description: "Desc",
        };
        let n = |v: f64| format!("{v}");
        let days: Vec<(String, u64)> = (0..10).map(|i| (format!("{i} nov."), i)).collect();
        let svg = bars(&label, &days, &n);
        assert!(svg.starts_with(r#"<svg class="chart""#) && svg.ends_with("</svg>"));
        assert!(svg.contains(r#"role="img" aria-labelledby="c-t c-d""#));
        assert!(svg.contains("<title id=\"c-t\">Titre &lt;&amp;&gt;</title>"));
        assert_eq!(svg.matches("<rect").count(), 10);
        let svg = shares(&label, &[("A".into(), 3), ("B".into(), 1)], &|s| {
            format!("{s}")
        });
        assert!(svg.contains(">0.75<") && svg.contains(">0.25<"), "{svg}");
        let svg = curve(&label, &[1, 2, 3], &[1.0, 1.5, 2.0], &n);
        assert_eq!(svg.matches("<polyline").count(), 2);
        // From nothing at publication to 6 after three days.
        assert_eq!(svg.matches(',').count(), 2 * 4, "{svg}");
    }
}

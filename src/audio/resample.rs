//! Scaling the artwork down: a mean of whole squares of pixels first (as libvips' `thumbnail`
//! does), then Lanczos3, each pass separable, in integers (weights in 1/2¹⁴, summing exactly to
//! one) and on rows of bytes, so that a 3000 px cover is ready in a fraction of what the `image`
//! crate's floating-point resize takes (it is on the critical path of a first build).

use image::RgbImage;

/// The largest square [`box_shrink`] averages exactly (see [`mean`]).
const MAX_FACTOR: u32 = 63;

/// Fixed-point precision of the weights.
const SHIFT: u32 = 14;
const ONE: i32 = 1 << SHIFT;

/// `rgb` at `width`×`height` (not larger than it): shrunk by the largest whole factor that
/// keeps it at least that size, then Lanczos3.
pub fn scale_down(rgb: RgbImage, width: u32, height: u32) -> RgbImage {
    let factor = (rgb.width() / width.max(1))
        .min(rgb.height() / height.max(1))
        .min(MAX_FACTOR);
    let rgb = if factor > 1 {
        box_shrink(&rgb, factor)
    } else {
        rgb
    };
    if rgb.dimensions() == (width, height) {
        return rgb;
    }
    lanczos3(&rgb, width, height)
}

/// Each pixel the mean of a `factor`×`factor` square of the source (the last partial ones
/// dropped).
fn box_shrink(rgb: &RgbImage, factor: u32) -> RgbImage {
    let (width, height) = (rgb.width() / factor, rgb.height() / factor);
    let (f, row) = (factor as usize, rgb.width() as usize * 3);
    let area = factor * factor;
    let inverse = inverse(area);
    let src = rgb.as_raw();
    let mut out = Vec::with_capacity(width as usize * height as usize * 3);
    // Each band of `factor` lines is summed column by column, then square by square.
    let mut columns = vec![0u32; row];
    for y in 0..height as usize {
        columns.fill(0);
        for line in src[y * f * row..].chunks_exact(row).take(f) {
            for (sum, &c) in columns.iter_mut().zip(line) {
                *sum += u32::from(c);
            }
        }
        for square in columns.chunks_exact(3 * f).take(width as usize) {
            let mut sum = [0u32; 3];
            for pixel in square.chunks_exact(3) {
                sum[0] += pixel[0];
                sum[1] += pixel[1];
                sum[2] += pixel[2];
            }
            out.extend(sum.map(|s| mean(s, area, inverse)));
        }
    }
    RgbImage::from_raw(width, height, out).expect("the buffer has the size of the image")
}

/// What [`mean`] multiplies by instead of dividing by `area` (a division per channel of
/// each pixel was a third of the time of [`box_shrink`]).
fn inverse(area: u32) -> u64 {
    (1u64 << 32).div_ceil(u64::from(area))
}

/// `sum / area`, rounded, for a sum of bytes over `area` pixels: exact while `area` is under
/// 2¹² (a square of side under 64), as the error of `inverse` stays under 1/(256·area).
fn mean(sum: u32, area: u32, inverse: u64) -> u8 {
    ((u64::from(sum + area / 2) * inverse) >> 32) as u8
}

/// Lanczos3 resampling to `width`×`height`: rows first, then columns.
fn lanczos3(rgb: &RgbImage, width: u32, height: u32) -> RgbImage {
    let (w0, h0) = (rgb.width() as usize, rgb.height() as usize);
    let (w1, h1) = (width as usize, height as usize);
    let src = rgb.as_raw();
    let mut rows = Vec::with_capacity(w1 * h0 * 3);
    let across = weights(w0, w1);
    for line in src.chunks_exact(w0 * 3) {
        for (left, taps) in &across {
            let [mut r, mut g, mut b] = [ONE / 2; 3];
            for (pixel, &w) in line[left * 3..].chunks_exact(3).zip(taps) {
                r += i32::from(pixel[0]) * w;
                g += i32::from(pixel[1]) * w;
                b += i32::from(pixel[2]) * w;
            }
            rows.extend([clamp(r), clamp(g), clamp(b)]);
        }
    }
    let mut out = Vec::with_capacity(w1 * h1 * 3);
    let mut acc = vec![0i32; w1 * 3];
    for (top, taps) in weights(h0, h1) {
        acc.fill(ONE / 2);
        for (line, &w) in rows[top * w1 * 3..].chunks_exact(w1 * 3).zip(&taps) {
            for (a, &c) in acc.iter_mut().zip(line) {
                *a += i32::from(c) * w;
            }
        }
        out.extend(acc.iter().map(|&a| clamp(a)));
    }
    RgbImage::from_raw(width, height, out).expect("the buffer has the size of the image")
}

fn clamp(acc: i32) -> u8 {
    (acc >> SHIFT).clamp(0, 255) as u8
}

/// For each of `to` output pixels, the first of the `from` source pixels it reads and their
/// weights (in 1/2¹⁴, summing to exactly 2¹⁴).
fn weights(from: usize, to: usize) -> Vec<(usize, Vec<i32>)> {
    let scale = from as f64 / to as f64;
    let stretch = scale.max(1.0);
    let support = 3.0 * stretch;
    (0..to)
        .map(|i| {
            let center = (i as f64 + 0.5) * scale;
            let left = (center - support).floor().max(0.0) as usize;
            let right = ((center + support).ceil() as usize).min(from);
            let raw: Vec<f64> = (left..right)
                .map(|j| kernel((j as f64 + 0.5 - center) / stretch))
                .collect();
            let total: f64 = raw.iter().sum();
            let mut taps: Vec<i32> = raw
                .iter()
                .map(|w| (w / total * f64::from(ONE)).round() as i32)
                .collect();
            // Rounding may leave the sum a unit or two off: the largest weight takes it.
            let (largest, _) = taps
                .iter()
                .enumerate()
                .max_by_key(|(_, w)| **w)
                .expect("a pixel reads at least one source pixel");
            taps[largest] += ONE - taps.iter().sum::<i32>();
            (left, taps)
        })
        .collect()
}

fn kernel(x: f64) -> f64 {
    if x == 0.0 {
        1.0
    } else if x.abs() < 3.0 {
        let px = std::f64::consts::PI * x;
        3.0 * px.sin() * (px / 3.0).sin() / (px * px)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{DynamicImage, Rgb, imageops::FilterType};

    fn pattern(width: u32, height: u32) -> RgbImage {
        RgbImage::from_fn(width, height, |x, y| {
            Rgb([
                (x * 255 / width) as u8,
                (y * 255 / height) as u8,
                ((x * 7 + y * 13) % 256) as u8,
            ])
        })
    }

    #[test]
    fn weights_sum_to_one_and_stay_inside_the_source() {
        for (from, to) in [
            (3000, 1400),
            (1500, 1400),
            (1401, 1400),
            (7, 3),
            (5, 5),
            (2, 1),
        ] {
            for (left, taps) in weights(from, to) {
                assert_eq!(taps.iter().sum::<i32>(), ONE, "{from} → {to}");
                assert!(left + taps.len() <= from, "{from} → {to}");
            }
        }
    }

    #[test]
    fn a_flat_colour_stays_exactly_that_colour() {
        let flat = RgbImage::from_pixel(1500, 900, Rgb([12, 200, 255]));
        let scaled = scale_down(flat, 1400, 840);
        assert_eq!(scaled.dimensions(), (1400, 840));
        assert!(scaled.pixels().all(|p| p.0 == [12, 200, 255]));
    }

    #[test]
    fn it_looks_like_the_image_crates_lanczos3() {
        let source = pattern(1500, 1500);
        let ours = scale_down(source.clone(), 1400, 1400);
        let theirs = DynamicImage::ImageRgb8(source)
            .resize_exact(1400, 1400, FilterType::Lanczos3)
            .into_rgb8();
        let diff: u64 = ours
            .as_raw()
            .iter()
            .zip(theirs.as_raw())
            .map(|(&a, &b)| u64::from(a.abs_diff(b)))
            .sum();
        let mean = diff as f64 / ours.as_raw().len() as f64;
        assert!(mean < 1.0, "mean difference {mean}");
    }

    #[test]
    fn the_mean_of_a_square_is_the_rounded_division_for_every_sum() {
        for factor in 1..=MAX_FACTOR {
            let area = factor * factor;
            let inverse = inverse(area);
            for sum in 0..=255 * area {
                assert_eq!(
                    u32::from(mean(sum, area, inverse)),
                    (sum + area / 2) / area,
                    "{sum} / {area}"
                );
            }
        }
    }

    #[test]
    fn whole_squares_are_averaged_first() {
        let source = pattern(3000, 2000);
        let shrunk = box_shrink(&source, 2);
        assert_eq!(shrunk.dimensions(), (1500, 1000));
        let mean = |x: u32, y: u32, c: usize| {
            let sum: u32 = [(0, 0), (1, 0), (0, 1), (1, 1)]
                .iter()
                .map(|(dx, dy)| u32::from(source.get_pixel(2 * x + dx, 2 * y + dy).0[c]))
                .sum();
            ((sum + 2) / 4) as u8
        };
        for (x, y) in [(0, 0), (10, 7), (1499, 999)] {
            for c in 0..3 {
                assert_eq!(shrunk.get_pixel(x, y).0[c], mean(x, y, c));
            }
        }
        assert_eq!(scale_down(source, 1400, 933).dimensions(), (1400, 933));
    }
}

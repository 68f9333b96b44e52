//! Unit tests of the artwork preparation, on images made here with the same `image` crate.

use image::{ImageEncoder, Rgba, RgbaImage};

use super::*;

/// A smooth picture: compresses like real artwork.
fn gradient(width: u32, height: u32) -> RgbImage {
    RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([
            (x * 255 / width) as u8,
            (y * 255 / height) as u8,
            ((x + y) % 256) as u8,
        ])
    })
}

/// Deterministic noise: the worst case for JPEG.
fn noise(width: u32, height: u32) -> RgbImage {
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    RgbImage::from_fn(width, height, |_, _| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let [r, g, b, ..] = state.to_le_bytes();
        image::Rgb([r, g, b])
    })
}

fn jpeg(image: &RgbImage, quality: u8) -> Vec<u8> {
    encode_jpeg(image, quality).unwrap()
}

fn png(image: &RgbaImage) -> Vec<u8> {
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(
            image,
            image.width(),
            image.height(),
            image::ExtendedColorType::Rgba8,
        )
        .unwrap();
    out
}

fn dimensions(jpeg: &[u8]) -> (u32, u32) {
    assert!(is_jpeg(jpeg), "the output is a JPEG");
    reader(jpeg, Some(ImageFormat::Jpeg))
        .unwrap()
        .into_dimensions()
        .unwrap()
}

#[test]
fn scaling_keeps_the_aspect_ratio_and_never_enlarges() {
    assert_eq!(scaled(3000, 3000, 1400), (1400, 1400));
    assert_eq!(scaled(3000, 1000, 1400), (1400, 467));
    assert_eq!(scaled(1000, 3000, 1400), (467, 1400));
    assert_eq!(scaled(1400, 1400, 1400), (1400, 1400));
    assert_eq!(scaled(600, 300, 1400), (600, 300));
    assert_eq!(scaled(100_000, 1, 1400), (1400, 1));
}

#[test]
fn a_jpeg_within_the_limits_is_embedded_byte_for_byte() {
    let original = jpeg(&gradient(1400, 1000), 95);
    assert!(original.len() <= MAX_BYTES);
    assert_eq!(fit_cover(&original).unwrap(), original);
}

#[test]
fn a_jpeg_too_wide_is_scaled_down() {
    let original = jpeg(&gradient(1600, 900), 90);
    let out = fit_cover(&original).unwrap();
    assert_eq!(dimensions(&out), (1400, 788));
    assert!(out.len() <= MAX_BYTES);
}

#[test]
fn a_png_becomes_a_jpeg_with_transparency_on_white() {
    let mut image = RgbaImage::from_pixel(200, 100, Rgba([0, 0, 0, 0]));
    for x in 0..100 {
        for y in 0..100 {
            image.put_pixel(x, y, Rgba([200, 0, 0, 255]));
        }
    }
    let out = fit_cover(&png(&image)).unwrap();
    assert_eq!(dimensions(&out), (200, 100), "small enough: not resized");
    let decoded = image::load_from_memory(&out).unwrap().to_rgb8();
    let [r, g, b] = decoded.get_pixel(150, 50).0;
    assert!(
        r > 245 && g > 245 && b > 245,
        "transparent became white, not black: {r} {g} {b}"
    );
    let [r, g, b] = decoded.get_pixel(50, 50).0;
    assert!(
        r > 180 && g < 30 && b < 30,
        "opaque red stays red: {r} {g} {b}"
    );
}

fn opaque_png(image: &RgbImage) -> Vec<u8> {
    let rgba = RgbaImage::from_fn(image.width(), image.height(), |x, y| {
        let [r, g, b] = image.get_pixel(x, y).0;
        Rgba([r, g, b, 255])
    });
    png(&rgba)
}

#[test]
fn a_heavy_picture_lowers_the_quality_until_it_fits() {
    // 700 px of noise is about 900 kB at quality 90 and fits somewhere down the ladder.
    let image = noise(700, 700);
    assert!(jpeg(&image, QUALITIES[0]).len() > MAX_BYTES);
    let first_fit = QUALITIES
        .iter()
        .find(|&&q| jpeg(&image, q).len() <= MAX_BYTES)
        .expect("some quality fits");
    let out = fit_cover(&opaque_png(&image)).unwrap();
    assert_eq!(out, jpeg(&image, *first_fit), "the best quality that fits");
    assert_eq!(dimensions(&out), (700, 700));
}

#[test]
fn a_picture_too_heavy_at_any_quality_loses_pixels() {
    let image = noise(1400, 1400);
    assert!(jpeg(&image, *QUALITIES.last().unwrap()).len() > MAX_BYTES);
    let out = fit_cover(&opaque_png(&image)).unwrap();
    assert!(out.len() <= MAX_BYTES, "{} bytes", out.len());
    let (width, height) = dimensions(&out);
    assert!(width < 1400 && width == height, "{width}x{height}");
    assert_eq!(
        fit_cover(&opaque_png(&image)).unwrap(),
        out,
        "deterministic"
    );
}

#[test]
fn what_is_not_a_picture_is_an_error() {
    let err = fit_cover(b"not an image at all").unwrap_err();
    assert!(matches!(err, CoverError::Decode(_)), "{err}");
    assert!(err.to_string().contains("JPEG or PNG"), "{err}");
    let truncated = &jpeg(&gradient(64, 64), 90)[..100];
    assert!(fit_cover(truncated).is_err());
}

#[test]
fn a_missing_file_is_an_io_error() {
    let err = prepare_cover(Path::new("/nonexistent/cover.jpg")).unwrap_err();
    assert!(matches!(err, CoverError::Io(_)), "{err}");
}

#[test]
fn scaling_keeps_a_flat_colour_and_looks_like_the_image_crates_lanczos3() {
    let flat = RgbImage::from_pixel(3000, 1800, image::Rgb([12, 200, 255]));
    let scaled = scale_down(flat, 1400, 840).unwrap();
    assert_eq!(scaled.dimensions(), (1400, 840));
    assert!(scaled.pixels().all(|p| p.0 == [12, 200, 255]));

    let source = gradient(3000, 3000);
    let ours = scale_down(source.clone(), 1400, 1400).unwrap();
    let theirs = image::DynamicImage::ImageRgb8(source)
        .resize_exact(1400, 1400, image::imageops::FilterType::Lanczos3)
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

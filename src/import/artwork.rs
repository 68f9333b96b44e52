//! The show's artwork, which `podcast.yaml` must name and Apple's rules hold to 1400–3000 px,
//! square, RGB. Old hosts accepted less; the import keeps the old file as it was and makes,
//! from it, the least surprising artwork that carnets accepts: the whole picture, scaled to fit
//! a square of the nearest accepted size, on a background of its own average colour.

use std::io::Cursor;

use image::imageops::{self, FilterType};
use image::{DynamicImage, ImageFormat, Rgb, RgbImage};

use crate::artwork::{MAX_SIDE, MIN_SIDE};

/// A JPEG that carnets accepts, made from `bytes`.
pub fn fixed(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let image =
        image::load_from_memory(bytes).map_err(|e| format!("cannot read the artwork: {e}"))?;
    let rgb = DynamicImage::ImageRgb8(image.to_rgb8()).to_rgb8();
    let side = rgb.width().max(rgb.height()).clamp(MIN_SIDE, MAX_SIDE);
    let scale = f64::from(side) / f64::from(rgb.width().max(rgb.height()));
    let width = ((f64::from(rgb.width()) * scale).round() as u32).clamp(1, side);
    let height = ((f64::from(rgb.height()) * scale).round() as u32).clamp(1, side);
    let scaled = imageops::resize(&rgb, width, height, FilterType::Lanczos3);
    let mut canvas = RgbImage::from_pixel(side, side, average(&rgb));
    imageops::overlay(
        &mut canvas,
        &scaled,
        i64::from((side - width) / 2),
        i64::from((side - height) / 2),
    );
    let mut out = Cursor::new(Vec::new());
    DynamicImage::ImageRgb8(canvas)
        .write_to(&mut out, ImageFormat::Jpeg)
        .map_err(|e| format!("cannot encode the artwork: {e}"))?;
    Ok(out.into_inner())
}

fn average(image: &RgbImage) -> Rgb<u8> {
    let mut sum = [0u64; 3];
    for pixel in image.pixels() {
        for (total, value) in sum.iter_mut().zip(pixel.0) {
            *total += u64::from(value);
        }
    }
    let count = u64::from(image.width()) * u64::from(image.height());
    Rgb(sum.map(|total| (total / count.max(1)) as u8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_oblong_artwork_becomes_a_square_carnets_accepts() {
        let small = RgbImage::from_pixel(600, 300, Rgb([200, 30, 30]));
        let mut png = Cursor::new(Vec::new());
        DynamicImage::ImageRgb8(small)
            .write_to(&mut png, ImageFormat::Png)
            .unwrap();
        let jpeg = fixed(png.get_ref()).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cover.jpg");
        std::fs::write(&path, &jpeg).unwrap();
        let info = crate::artwork::read(&path).unwrap();
        assert_eq!((info.width, info.height), (1400, 1400));
        assert!(crate::artwork::problems(&info, "jpg").is_empty());
    }
}

//! The show's artwork, which `podcast.yaml` must name and Apple's rules hold to 1400–3000 px,
//! square, RGB. Old hosts accepted less; the import keeps the old file as it was and makes,
//! from it, the least surprising artwork that carnets accepts: the whole picture, scaled to fit
//! a square of the nearest accepted size, on a background of its own average colour.

use std::io::Cursor;
use std::path::Path;

use image::imageops::{self, FilterType};
use image::{DynamicImage, ImageFormat, Rgb, RgbImage};

use super::Found;
use super::fetch::{Fetcher, What};
use super::write;
use crate::show::artwork::{MAX_SIDE, MIN_SIDE};
use crate::t;

/// Largest artwork accepted.
const MAX_BYTES: u64 = 32 << 20;

/// An artwork downloaded into a folder.
pub struct Saved {
    /// `cover.jpg` or `cover.png`.
    pub name: String,
    pub bytes: Vec<u8>,
    /// What Apple's rules say of it; empty when it is accepted.
    pub problems: Vec<String>,
}

/// Whose artwork it is, as the warnings name it (« the show's », « its »).
#[derive(Clone, Copy)]
pub enum Whose {
    Show,
    Episode,
}

impl Whose {
    /// The catalogue's selector for it (`{ $whose -> [show] … }`).
    fn key(self) -> &'static str {
        match self {
            Whose::Show => "show",
            Whose::Episode => "episode",
        }
    }
}

/// Downloads the artwork at `url` into `dir` as `cover.jpg` or `cover.png` (by its content)
/// and holds it to Apple's rules.
pub fn save(
    fetcher: &Fetcher,
    url: &str,
    dir: &Path,
    whose: Whose,
    found: &mut Found,
) -> Option<Saved> {
    let bytes = match fetcher.bytes(url, MAX_BYTES, What::Artwork) {
        Ok((_, bytes)) => bytes,
        Err(e) => {
            found.warn(
                t!(
                    "import-artwork-not-downloaded",
                    whose = whose.key(),
                    url = e.url,
                    error = e.message
                ),
                t!("import-artwork-help"),
            );
            return None;
        }
    };
    let ext = if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        "jpg"
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        "png"
    } else {
        found.warn(
            t!("import-artwork-not-image", whose = whose.key(), url = url),
            t!("import-artwork-help"),
        );
        return None;
    };
    let name = format!("cover.{ext}");
    let path = dir.join(&name);
    if !write::file_or_warn(&path, &bytes, found) {
        return None;
    }
    let problems = crate::show::artwork::read(&path)
        .map(|info| crate::show::artwork::problems(&info, ext))
        .unwrap_or_else(|e| vec![e]);
    Some(Saved {
        name,
        bytes,
        problems,
    })
}

/// The show's artwork into the folder: as it was when Apple's rules accept it, else made
/// acceptable from it (the old file kept beside). Returns its name in the folder.
pub fn for_show(fetcher: &Fetcher, url: &str, root: &Path, found: &mut Found) -> Option<String> {
    let url = url::Url::parse(url).ok()?.to_string();
    let saved = save(fetcher, &url, root, Whose::Show, found)?;
    if saved.problems.is_empty() {
        return Some(saved.name);
    }
    let problems = saved.problems.join(&t!("import-list-separator"));
    let original = saved.name.replace("cover.", "cover-original.");
    std::fs::rename(root.join(&saved.name), root.join(&original)).ok()?;
    match fixed(&saved.bytes) {
        Ok(jpeg) if write::file(&root.join("cover.jpg"), &jpeg).is_ok() => {
            found.warn(
                t!(
                    "import-show-artwork-made",
                    problems = problems,
                    original = original.as_str()
                ),
                t!("import-show-artwork-made-help"),
            );
            Some("cover.jpg".into())
        }
        _ => {
            found.warn(
                t!(
                    "import-show-artwork-bad",
                    problems = problems,
                    original = original.as_str()
                ),
                t!("import-show-artwork-bad-help"),
            );
            None
        }
    }
}

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
        let info = crate::show::artwork::read(&path).unwrap();
        assert_eq!((info.width, info.height), (1400, 1400));
        assert!(crate::show::artwork::problems(&info, "jpg").is_empty());
    }
}

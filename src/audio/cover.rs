//! The artwork embedded in the published MP3: a JPEG of at most [`MAX_SIDE`] pixels on its
//! longest side and at most [`MAX_BYTES`] bytes, so the tag stays small enough for players
//! that read it whole before playing.
//!
//! A JPEG already within both limits is embedded byte for byte (no generation loss, and the
//! producer's file is what they chose). Anything else is decoded, oriented, flattened onto white,
//! scaled down with Lanczos3 (`fast_image_resize`) and encoded as JPEG, lowering the quality step
//! by step until it fits. The encoder is pure Rust and single-threaded here, so the same file
//! gives the same bytes.

use std::fmt;
use std::io::Cursor;
use std::path::Path;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, RgbImage};

use crate::t;

/// Longest side of the embedded artwork, in pixels.
pub const MAX_SIDE: u32 = 1400;

/// Largest embedded artwork, in bytes (500 kB, counted in thousands to stay under either reading).
pub const MAX_BYTES: usize = 500_000;

/// JPEG qualities tried in turn; the first whose output fits wins.
const QUALITIES: &[u8] = &[90, 85, 80, 75, 70, 65, 60, 50, 40];

/// Why the artwork could not be prepared.
#[derive(Debug)]
pub enum CoverError {
    Io(std::io::Error),
    /// Not a JPEG or PNG this crate can decode, or a damaged one.
    Decode(String),
}

impl fmt::Display for CoverError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CoverError::Io(e) => f.write_str(&t!("audio-cover-cannot-read", error = e.to_string())),
            CoverError::Decode(why) => {
                f.write_str(&t!("audio-cover-cannot-decode", why = why.as_str()))
            }
        }
    }
}

impl std::error::Error for CoverError {}

impl From<std::io::Error> for CoverError {
    fn from(e: std::io::Error) -> Self {
        CoverError::Io(e)
    }
}

impl From<image::ImageError> for CoverError {
    fn from(e: image::ImageError) -> Self {
        CoverError::Decode(e.to_string())
    }
}

/// Reads the artwork at `path` and returns it as a JPEG within [`MAX_SIDE`] and [`MAX_BYTES`].
pub fn prepare_cover(path: &Path) -> Result<Vec<u8>, CoverError> {
    let bytes = std::fs::read(path).map_err(CoverError::Io)?;
    fit_cover(&bytes)
}

/// [`prepare_cover`] on the bytes of an image file.
pub fn fit_cover(bytes: &[u8]) -> Result<Vec<u8>, CoverError> {
    if is_jpeg(bytes) && bytes.len() <= MAX_BYTES {
        let (width, height) = reader(bytes, Some(ImageFormat::Jpeg))?.into_dimensions()?;
        if width.max(height) <= MAX_SIDE {
            return Ok(bytes.to_vec());
        }
    }
    let image = decode(bytes)?;
    let (width, height) = scaled(image.width(), image.height(), MAX_SIDE);
    let mut rgb = resize(image, width, height)?;
    loop {
        for &quality in QUALITIES {
            let jpeg = encode_jpeg(&rgb, quality)?;
            if jpeg.len() <= MAX_BYTES {
                return Ok(jpeg);
            }
        }
        // Even the lowest quality is too big (an image of pure noise): give up pixels instead.
        let side = rgb.width().max(rgb.height()) * 3 / 4;
        if side < 16 {
            return Err(CoverError::Decode(t!(
                "audio-cover-too-heavy",
                bytes = MAX_BYTES
            )));
        }
        let (width, height) = scaled(rgb.width(), rgb.height(), side);
        rgb = scale_down(rgb, width, height)?;
    }
}

fn is_jpeg(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xD8, 0xFF])
}

fn reader(
    bytes: &[u8],
    format: Option<ImageFormat>,
) -> Result<ImageReader<Cursor<&[u8]>>, CoverError> {
    let reader = ImageReader::new(Cursor::new(bytes));
    Ok(match format {
        Some(format) => {
            let mut reader = reader;
            reader.set_format(format);
            reader
        }
        None => reader.with_guessed_format().map_err(CoverError::Io)?,
    })
}

/// Decodes a JPEG or PNG and turns it the way its EXIF orientation says.
fn decode(bytes: &[u8]) -> Result<DynamicImage, CoverError> {
    let reader = reader(bytes, None)?;
    match reader.format() {
        Some(ImageFormat::Jpeg | ImageFormat::Png) => {}
        Some(other) => {
            return Err(CoverError::Decode(t!(
                "audio-cover-unsupported",
                format = format!("{other:?}")
            )));
        }
        None => {
            return Err(CoverError::Decode(t!("audio-cover-unknown-format")));
        }
    }
    let mut decoder = reader.into_decoder()?;
    let orientation = decoder.orientation()?;
    let mut image = DynamicImage::from_decoder(decoder)?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// Width and height scaled so the longest side is at most `max_side`, keeping the aspect ratio
/// (never enlarging, never below one pixel).
pub fn scaled(width: u32, height: u32, max_side: u32) -> (u32, u32) {
    let longest = width.max(height);
    if longest <= max_side {
        return (width, height);
    }
    let scale = |side: u32| {
        let scaled =
            (u64::from(side) * u64::from(max_side) + u64::from(longest) / 2) / u64::from(longest);
        u32::try_from(scaled).unwrap_or(max_side).clamp(1, max_side)
    };
    (scale(width), scale(height))
}

/// RGB pixels at `width`×`height`, transparency flattened onto white (JPEG has no alpha, and a
/// dropped alpha channel would show whatever colour the transparent pixels happen to hold).
fn resize(image: DynamicImage, width: u32, height: u32) -> Result<RgbImage, CoverError> {
    let rgb = if image.color().has_alpha() {
        flatten_on_white(&image)
    } else {
        image.into_rgb8()
    };
    scale_down(rgb, width, height)
}

/// `rgb` at `width`×`height` by Lanczos3 over the whole picture: `fast_image_resize` scales a
/// 3000 px cover to 1400 in 10 ms on one core, where our own integer resampler (a box filter
/// to 1500 px, then Lanczos3) took 32 and the `image` crate's 110.
/// Takes the picture: one already at that size comes back as it is, not copied.
fn scale_down(rgb: RgbImage, width: u32, height: u32) -> Result<RgbImage, CoverError> {
    use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer, images};
    if rgb.dimensions() == (width, height) {
        return Ok(rgb);
    }
    let failed = |e: &dyn fmt::Display| {
        CoverError::Decode(t!("audio-cover-cannot-scale", error = e.to_string()))
    };
    let source = images::ImageRef::new(rgb.width(), rgb.height(), rgb.as_raw(), PixelType::U8x3)
        .map_err(|e| failed(&e))?;
    let mut scaled = images::Image::new(width, height, PixelType::U8x3);
    let lanczos3 = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
    Resizer::new()
        .resize(&source, &mut scaled, &lanczos3)
        .map_err(|e| failed(&e))?;
    RgbImage::from_raw(width, height, scaled.into_vec())
        .ok_or_else(|| CoverError::Decode(t!("audio-cover-wrong-size")))
}

fn flatten_on_white(image: &DynamicImage) -> RgbImage {
    let rgba = image.to_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over_white = |c: u8| {
            let (c, a) = (u32::from(c), u32::from(a));
            // c·a + 255·(255 − a), over 255, rounded.
            u8::try_from((c * a + 255 * (255 - a) + 127) / 255).unwrap_or(u8::MAX)
        };
        image::Rgb([over_white(r), over_white(g), over_white(b)])
    })
}

/// Baseline JPEG (full chroma from quality 90, halved both ways below): `jpeg-encoder` takes
/// little more than half the time of the `image` crate's encoder (19 against 33 ms for
/// 1400 px) for the same size and look.
fn encode_jpeg(rgb: &RgbImage, quality: u8) -> Result<Vec<u8>, CoverError> {
    let too_large = |side: u32| {
        u16::try_from(side)
            .map_err(|_| CoverError::Decode(t!("audio-cover-too-large", side = side)))
    };
    let (width, height) = (too_large(rgb.width())?, too_large(rgb.height())?);
    let mut out = Vec::new();
    jpeg_encoder::Encoder::new(&mut out, quality)
        .encode(rgb.as_raw(), width, height, jpeg_encoder::ColorType::Rgb)
        .map_err(|e| CoverError::Decode(e.to_string()))?;
    Ok(out)
}

#[cfg(test)]
#[path = "cover_tests.rs"]
mod tests;

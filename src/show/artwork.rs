//! Artwork headers: format, size and colour model read from the first bytes of a JPEG or PNG,
//! to hold show and episode art to Apple's rules (1400–3000 px square, RGB) without decoding it.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;

use crate::t;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Jpeg,
    Png,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Colour {
    Rgb,
    Grey,
    Cmyk,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImageInfo {
    pub format: Format,
    pub width: u32,
    pub height: u32,
    pub colour: Colour,
}

/// Smallest and largest side Apple Podcasts accepts, in pixels.
pub const MIN_SIDE: u32 = 1400;
pub const MAX_SIDE: u32 = 3000;

/// Reads the header of a JPEG or PNG file.
pub fn read(path: &Path) -> Result<ImageInfo, String> {
    let mut file =
        File::open(path).map_err(|e| t!("show-image-unreadable", error = e.to_string()))?;
    let mut magic = [0u8; 8];
    file.read_exact(&mut magic)
        .map_err(|_| t!("show-image-too-short"))?;
    if magic == *b"\x89PNG\r\n\x1a\n" {
        png(&mut file).map_err(|_| t!("show-image-png-damaged"))
    } else if magic[..3] == [0xFF, 0xD8, 0xFF] {
        file.seek(SeekFrom::Start(2)).map_err(|e| e.to_string())?;
        jpeg(&mut file).map_err(|_| t!("show-image-jpeg-damaged"))
    } else {
        Err(t!("show-image-unknown-format"))
    }
}

/// Apple's rules for podcast artwork, as a list of problems (empty when the image is fine).
pub fn problems(info: &ImageInfo, extension: &str) -> Vec<String> {
    let mut found = Vec::new();
    let named_jpeg = matches!(extension, "jpg" | "jpeg");
    if named_jpeg != (info.format == Format::Jpeg) {
        found.push(match info.format {
            Format::Jpeg => t!("show-image-jpeg-misnamed", extension = extension),
            Format::Png => t!("show-image-png-misnamed", extension = extension),
        });
    }
    if info.width != info.height {
        found.push(t!(
            "show-artwork-not-square",
            width = info.width,
            height = info.height
        ));
    }
    let side = info.width.max(info.height);
    if !(MIN_SIDE..=MAX_SIDE).contains(&side)
        || !(MIN_SIDE..=MAX_SIDE).contains(&info.width.min(info.height))
    {
        found.push(t!(
            "show-artwork-size",
            width = info.width,
            height = info.height,
            min = MIN_SIDE,
            max = MAX_SIDE
        ));
    }
    match info.colour {
        Colour::Rgb => {}
        Colour::Grey => found.push(t!("show-artwork-greyscale")),
        Colour::Cmyk => found.push(t!("show-artwork-cmyk")),
    }
    found
}

fn png(file: &mut File) -> io::Result<ImageInfo> {
    let mut ihdr = [0u8; 25];
    file.read_exact(&mut ihdr)?;
    if &ihdr[4..8] != b"IHDR" {
        return Err(io::ErrorKind::InvalidData.into());
    }
    let be = |i: usize| u32::from_be_bytes([ihdr[i], ihdr[i + 1], ihdr[i + 2], ihdr[i + 3]]);
    let colour = match ihdr[17] {
        0 | 4 => Colour::Grey,
        _ => Colour::Rgb,
    };
    Ok(ImageInfo {
        format: Format::Png,
        width: be(8),
        height: be(12),
        colour,
    })
}

/// Walks the JPEG markers to the first start-of-frame segment.
fn jpeg(file: &mut File) -> io::Result<ImageInfo> {
    loop {
        let mut marker = [0u8; 2];
        file.read_exact(&mut marker)?;
        if marker[0] != 0xFF {
            return Err(io::ErrorKind::InvalidData.into());
        }
        let kind = marker[1];
        if kind == 0xFF || (0xD0..=0xD9).contains(&kind) || kind == 0x01 {
            // Fill bytes and markers without a length.
            if kind == 0xFF {
                file.seek(SeekFrom::Current(-1))?;
            }
            continue;
        }
        let mut length = [0u8; 2];
        file.read_exact(&mut length)?;
        let length = u16::from_be_bytes(length);
        if length < 2 {
            return Err(io::ErrorKind::InvalidData.into());
        }
        let is_frame = (0xC0..=0xCF).contains(&kind) && !matches!(kind, 0xC4 | 0xC8 | 0xCC);
        if is_frame {
            let mut frame = [0u8; 6];
            file.read_exact(&mut frame)?;
            let height = u32::from(u16::from_be_bytes([frame[1], frame[2]]));
            let width = u32::from(u16::from_be_bytes([frame[3], frame[4]]));
            let colour = match frame[5] {
                1 => Colour::Grey,
                4 => Colour::Cmyk,
                _ => Colour::Rgb,
            };
            return Ok(ImageInfo {
                format: Format::Jpeg,
                width,
                height,
                colour,
            });
        }
        file.seek(SeekFrom::Current(i64::from(length) - 2))?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(bytes: &[u8]) -> Result<ImageInfo, String> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x");
        std::fs::write(&path, bytes).unwrap();
        read(&path)
    }

    #[test]
    fn reads_a_real_jpeg() {
        let cover = info(include_bytes!("scaffold/cover.jpg")).unwrap();
        assert_eq!(
            cover,
            ImageInfo {
                format: Format::Jpeg,
                width: 1400,
                height: 1400,
                colour: Colour::Rgb
            }
        );
        assert!(problems(&cover, "jpg").is_empty());
        assert_eq!(problems(&cover, "png").len(), 1);
    }

    #[test]
    fn reads_png_headers() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend(1200u32.to_be_bytes());
        png.extend(1000u32.to_be_bytes());
        png.extend([8, 0, 0, 0, 0, 0, 0, 0, 0]);
        let grey = info(&png).unwrap();
        assert_eq!(
            (grey.width, grey.height, grey.colour),
            (1200, 1000, Colour::Grey)
        );
        let found = problems(&grey, "png");
        assert_eq!(found.len(), 3, "{found:?}");
    }

    #[test]
    fn refuses_what_is_not_an_image() {
        assert!(info(b"GIF89a......").unwrap_err().contains("neither"));
        assert!(
            info(b"\xFF\xD8\xFF\xE0\x00\x10JFIF")
                .unwrap_err()
                .contains("damaged")
        );
        assert!(info(b"").is_err());
    }
}

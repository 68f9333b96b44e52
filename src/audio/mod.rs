//! Audio: measuring MPEG streams exactly, writing the ID3 tag of the published copy,
//! measuring loudness for `carnets check`, and the alternate encodings (ffmpeg).

mod alternates;
pub mod cover;
mod encode;
mod frame;
pub mod loudness;
mod probe;
mod publish;
mod stream;
pub mod tag;
mod tags;
mod xing;

pub use alternates::{Cached, Kept, alternates};
pub use cover::{CoverError, prepare_cover};
pub use encode::{ffmpeg, metadata};
pub use probe::{ProbeError, probe, probe_bytes};
pub use publish::{Covers, publish};
pub use tag::build_tag;

pub use crate::model::{AudioInfo, MpegVersion};

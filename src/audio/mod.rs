//! Audio: measuring MPEG streams exactly, writing the ID3 tag of the published copy, and
//! measuring loudness for `carnets check`.

pub mod cover;
mod frame;
pub mod loudness;
mod probe;
mod publish;
mod stream;
pub mod tag;
mod tags;
mod xing;

pub use cover::{CoverError, prepare_cover};
pub use probe::{ProbeError, probe, probe_bytes};
pub use publish::{Covers, publish};
pub use tag::build_tag;

pub use crate::model::{AudioInfo, MpegVersion};

//! `carnets init DIR`: a new podcast folder that builds at once.

use super::Outcome;
use crate::cli::InitArgs;
use crate::show::scaffold;
use crate::t;

pub fn run(args: &InitArgs, now: jiff::Timestamp) -> Outcome {
    scaffold::init(&args.dir, now)?;
    let next = t!("cmd-init-done", dir = args.dir.display().to_string());
    Ok((Default::default(), next))
}

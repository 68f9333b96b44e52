//! `carnets init DIR`: a new podcast folder that builds at once.

use super::Outcome;
use crate::cli::InitArgs;
use crate::show::scaffold;

pub fn run(args: &InitArgs, now: jiff::Timestamp) -> Outcome {
    scaffold::init(&args.dir, now)?;
    let next = format!(
        "created a podcast in {0}\nnext: edit {0}/podcast.yaml, replace cover.jpg and the example episode, then run `carnets build --root {0}`",
        args.dir.display()
    );
    Ok((Default::default(), next))
}

//! `carnets new "Titre"`: the next episode folder, a draft.

use super::Outcome;
use crate::cli::NewArgs;
use crate::show::scaffold;
use crate::t;

pub fn run(args: &NewArgs, now: jiff::Timestamp) -> Outcome {
    let dir = scaffold::new_episode(&args.root.root, &args.title, now)?;
    let next = t!(
        "cmd-new-done",
        file = dir.join("episode.md").display().to_string(),
        dir = dir.display().to_string()
    );
    Ok((Default::default(), next))
}

//! `carnets new "Titre"`: the next episode folder, a draft.

use super::Outcome;
use crate::cli::NewArgs;
use crate::show::scaffold;

pub fn run(args: &NewArgs, now: jiff::Timestamp) -> Outcome {
    let dir = scaffold::new_episode(&args.root.root, &args.title, now)?;
    let next = format!(
        "created {}\nnext: put the MP3 in {}, write the show notes, set `draft: false`, then run `carnets check`",
        dir.join("episode.md").display(),
        dir.display()
    );
    Ok((Default::default(), next))
}

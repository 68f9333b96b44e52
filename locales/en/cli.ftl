# The English messages of src/cli.rs (ids `cli-…`).


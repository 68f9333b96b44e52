# The French messages of src/cli.rs (ids `cli-…`).


# The French messages of src/cmd/ (ids `cmd-…`).


# The French messages of src/serve/ (ids `serve-…`).


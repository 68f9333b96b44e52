# The English messages of src/serve/ (ids `serve-…`).


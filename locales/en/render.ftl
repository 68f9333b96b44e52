# The English messages of src/render/ (ids `render-…`).


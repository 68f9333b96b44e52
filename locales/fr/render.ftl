# The French messages of src/render/ (ids `render-…`).


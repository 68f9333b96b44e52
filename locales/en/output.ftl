# The English messages of src/output/ (ids `output-…`).


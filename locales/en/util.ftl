# The English messages of src/util/ (ids `util-…`).


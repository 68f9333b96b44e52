# The English messages of src/show/ (ids `show-…`).


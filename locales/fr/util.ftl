# The French messages of src/util/ (ids `util-…`).


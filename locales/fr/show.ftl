# The French messages of src/show/ (ids `show-…`).


# The French messages of src/output/ (ids `output-…`).


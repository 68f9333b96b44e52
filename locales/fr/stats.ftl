# The French messages of src/stats/ (ids `stats-…`).


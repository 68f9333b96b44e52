# The French messages of src/show/config/ (ids `config-…`).


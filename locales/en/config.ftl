# The English messages of src/show/config/ (ids `config-…`).


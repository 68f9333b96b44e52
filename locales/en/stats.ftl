# The English messages of src/stats/ (ids `stats-…`).


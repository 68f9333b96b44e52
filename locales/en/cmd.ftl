# The English messages of src/cmd/ (ids `cmd-…`).


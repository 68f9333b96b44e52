# The English messages of src/audio/ (ids `audio-…`).


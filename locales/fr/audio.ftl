# The French messages of src/audio/ (ids `audio-…`).


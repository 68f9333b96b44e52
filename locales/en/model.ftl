# The English messages of src/model/ (ids `model-…`).



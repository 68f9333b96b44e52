# The French messages of src/model/ (ids `model-…`).



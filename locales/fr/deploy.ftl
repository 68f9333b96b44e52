# The French messages of src/deploy/ (ids `deploy-…`).


# The English messages of src/deploy/ (ids `deploy-…`).


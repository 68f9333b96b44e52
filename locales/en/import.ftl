# The English messages of src/import/ (ids `import-…`).


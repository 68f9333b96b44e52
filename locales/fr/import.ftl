# The French messages of src/import/ (ids `import-…`).


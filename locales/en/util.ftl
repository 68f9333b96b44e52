# The English messages of src/util/ (ids `util-…`).

util-path-absolute = `{ $relative }` must be a file name relative to { $base }
util-path-leaves = `{ $relative }` must not leave { $base } (no `..`)
util-path-not-a-file = `{ $relative }` is not a file
util-path-missing = `{ $name }` does not exist in { $base }
util-cannot-read = cannot read { $path }: { $error }
util-path-link-outside = `{ $name }` is a link to a file outside { $base }; copy the file into the folder instead
util-not-regular = it is not a regular file (a folder, a pipe or a device)

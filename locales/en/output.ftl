# The English messages of src/output/ (ids `output-…`).

output-progress-publishing = publishing
output-waiting = waiting for another carnets build of { $out } to finish…
output-cannot-write = cannot write the output: { $error }
output-kept-page-changed = { $path } changed while the build was running; build again
output-manifest-damaged = { $manifest } is damaged or of an older carnets
output-holds-sources = { $out } holds the podcast's own files and cannot be the output; choose another --out
output-foreign-files = { $out } already holds files that carnets did not publish; move them away or choose another --out
output-kept-not-linked = { $path } cannot be linked from the output
output-source-changed-publishing = { $path } changed while it was being published
output-source-changed-reading = { $path } changed while the build was reading it; build again once it is saved
output-last-build-unread = reading the last build failed
output-last-build-read-twice = the last build was read already
output-not-a-folder-name = { $out } is not a folder name

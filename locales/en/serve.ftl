# The English messages of src/serve/ (ids `serve-…`).

# After `error: `; the help after `help: `.
serve-cannot-listen = cannot listen on 127.0.0.1:{ $port }: { $error }
serve-cannot-listen-help = choose another port with `--port N`, or `--port 0` for any free one
serve-cannot-make-preview = cannot make the preview folder: { $error }
serve-cannot-watch = cannot watch { $path }: { $error }
serve-server-stopped = the server stopped: { $error }
serve-internal-error = internal error, please report it: { $what }
serve-failed = { $errors } error(s); the preview shows the last build that worked
# After `warning: `.
serve-watch-failed = watching the sources: { $error }

serve-serving-drafts = serving { $root } at http://{ $address }/ (drafts included; Ctrl-C to stop)
serve-serving-no-drafts = serving { $root } at http://{ $address }/ (without drafts; Ctrl-C to stop)
serve-built = built { $episodes } episode(s) in { $elapsed }: { $written } file(s) written, { $unchanged } unchanged
serve-rebuilt = rebuilt { $episodes } episode(s) in { $elapsed }: { $written } file(s) written, { $unchanged } unchanged
serve-changed = changed: { $files }
serve-stopped = stopped
serve-foreign-host = carnets serve answers only at http://{ $address }/
serve-preview-not-yours = { $path } exists and is not a folder of yours

# The page a browser shows while the sources do not build.
serve-page-title = carnets serve: build error
serve-page-error = carnets serve: the last change does not build. This page shows the last build that worked; it reloads by itself once the error is fixed.

# The English messages of src/cmd/ (ids `cmd-…`).

# After `error: `, when a command found problems.
cmd-failed = { $errors } error(s), { $warnings } warning(s); nothing was written
cmd-build-summary = built { $episodes } episode(s) into { $out }: { $written } file(s) written, { $unchanged } unchanged
cmd-build-summary-encoded = built { $episodes } episode(s) into { $out }: { $written } file(s) written, { $unchanged } unchanged; { $made } file(s) encoded, { $remade } retagged
cmd-check-summary = checked { $episodes } episode(s): no errors
cmd-init-done =
    created a podcast in { $dir }
    next: edit { $dir }/podcast.yaml, replace cover.jpg and the example episode, then run `carnets build --root { $dir }`
cmd-new-done =
    created { $file }
    next: put the MP3 in { $dir }, write the show notes, set `draft: false`, then run `carnets check`

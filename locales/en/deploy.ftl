# The English messages of src/deploy/ (ids `deploy-…`), of `carnets deploy`'s report
# (src/cmd/deploy.rs) and of the deploy target's parsing (src/model/target.rs).

## The target, as written in `--to` or `deploy:` (src/model/target.rs).
deploy-target-spaces = the deploy target `{ $url }` has spaces or control characters
deploy-target-not-url = the deploy target `{ $url }` is not a URL; write one of s3://bucket/prefix, sftp://user@host/path, webdav:// or webdavs://host/path, file:///path
deploy-target-password = the deploy target `{ $url }` holds a password; passwords never go in podcast.yaml or the command line: use an SSH key for sftp://, CARNETS_WEBDAV_PASSWORD for webdav://
deploy-target-no-bucket = the deploy target `{ $url }` names no bucket; write s3://bucket/prefix (the endpoint comes from AWS_ENDPOINT_URL)
deploy-target-no-folder = the deploy target `{ $url }` names no folder; write the folder the site is served from, e.g. sftp://me@host/var/www/podcast
deploy-target-not-absolute = the deploy target `{ $url }` is not an absolute folder; write file:///path/to/folder
deploy-target-unknown-scheme = `{ $scheme }://` is not a deploy target carnets knows; write one of s3://bucket/prefix, sftp://user@host/path, webdav:// or webdavs://host/path, file:///path
deploy-target-no-host = the deploy target `{ $url }` names no host
deploy-target-bad-port = the deploy target `{ $url }` has a bad port `{ $port }`

## Starting the deploy (src/deploy/mod.rs, store.rs).
deploy-to-help = e.g. --to sftp://me@example.org/var/www/podcast
deploy-no-target = there is no deploy target
deploy-no-target-help = pass --to URL, or write `deploy: sftp://me@example.org/var/www/podcast` (or s3://, webdav://, file://) in podcast.yaml
deploy-cannot-start = cannot start: { $error }
deploy-cannot-watch = cannot watch for Ctrl-C: { $error }
deploy-no-https = cannot set up HTTPS: { $error }
deploy-cannot-open = the deploy target { $target } cannot be opened: { $error }
deploy-no-credentials = no credentials for { $target }: set { $variable } in the environment
deploy-no-region = no credentials for { $target }: set AWS_REGION in the environment; for a store other than AWS, its documentation gives the region to write (`auto` for Cloudflare R2, `fr-par` for Scaleway…)
deploy-no-aws-keys = no credentials for { $target }: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment, or AWS_PROFILE to a profile of ~/.aws/credentials
deploy-output-unreadable = cannot read the build's output: { $error }
deploy-output-unreadable-help = run `carnets build`, then deploy again
deploy-too-many-deletes = this deploy would delete { $deletes } of the { $files } files of the target, more than one in { $share }; nothing was sent
deploy-too-many-deletes-help = check the target (--to, or deploy: in podcast.yaml) and the output; if these deletions are wanted, run `carnets deploy --allow-deletes`

## Why the target was listed (src/deploy/remote.rs): the `why` of `deploy-listed`.
deploy-manifest-version = its manifest { $manifest } is of another version ({ $version })
deploy-manifest-damaged = its manifest { $manifest } is damaged ({ $error })
deploy-manifest-missing = it has no manifest { $manifest } (no deploy by carnets yet)
deploy-manifest-unencodable = cannot encode the manifest

## A failure at the target (src/deploy/errors.rs).
deploy-host-bucket = the bucket { $bucket }
deploy-local-unreadable = cannot read the output file { $file }: { $error }
deploy-local-unreadable-help = run `carnets deploy` again: it builds the output first
deploy-local-changed = { $file } changed while it was being deployed
deploy-local-changed-help = run `carnets deploy` again once nothing else writes into the output
deploy-short = the target kept only { $kept } of the { $sent } bytes of { $file }
deploy-short-help = the host's disk may be full (or a quota reached): free some room there, then run `carnets deploy` again
deploy-ssh-key-changed = the SSH host key of { $host } is not the one ~/.ssh/known_hosts recorded
deploy-ssh-key-changed-help = if the host was reinstalled, forget its old key (`ssh-keygen -R { $host }`) and trust the new one; otherwise someone may stand between you and the host: do not deploy
deploy-ssh-key-unknown = the SSH host key of { $host } is not in ~/.ssh/known_hosts: carnets connects only to hosts it can recognise
deploy-ssh-key-unknown-help = check the key's fingerprint with the host's administrator, then trust it: `{ $command }`
deploy-ssh-refused = { $host } refused the SSH login
deploy-ssh-refused-help = load your key into the agent (`ssh-add`) or name it in ~/.ssh/config (IdentityFile); the user is the one in the target (user@host) or in ~/.ssh/config
deploy-unreachable = cannot reach { $host }: { $error }
deploy-unreachable-help = check the host name and port of the target, your connection, and that the server is up; nothing was changed there
deploy-certificate = the certificate of { $host } is not trusted: { $error }
deploy-certificate-help = if the host uses your own certificate authority, point SSL_CERT_FILE at its certificate (PEM)
deploy-full = the target is full: { $file } could not be written
deploy-full-help = free some room on the host (or raise its quota), then run `carnets deploy` again
deploy-webdav-refused = the WebDAV server { $host } refused the login
deploy-webdav-refused-help = set CARNETS_WEBDAV_USER and CARNETS_WEBDAV_PASSWORD to the account's name and password
deploy-s3-refused = the S3 store refused the keys for { $file }: { $error }
deploy-s3-refused-help = check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_REGION, AWS_ENDPOINT_URL), and that the key may write to this bucket
deploy-write-refused = the target refused to write { $file }: { $error }
deploy-write-refused-help = give the account the right to write in { $target }, or choose another target
deploy-config-invalid-help = see the deploy section of the README
deploy-failed-on = the target failed on { $file }: { $error }
deploy-failed-on-help = the host's disk may be full or the folder read-only: check on the host, then run `carnets deploy` again

## The check of the live show (src/deploy/live.rs).
deploy-feed-status = the live feed answers { $status }
deploy-feed-status-help = check that base_url in podcast.yaml is where the host serves the deploy target
deploy-feed-unparsable = the live feed does not parse: { $why }
deploy-feed-unparsable-help = something between the host and its readers changes the feed: check the host's configuration
deploy-feed-xml-error = { $error } (at byte { $byte })
deploy-feed-root = its root element is <{ $root }>, not <rss>
deploy-feed-empty = it is empty
deploy-feed-stale = the live feed is not the one just deployed
deploy-feed-stale-help = a cache in front of the host (a CDN) still serves the old one: purge it, or wait a few minutes
deploy-mp3-status = the episode's MP3 answers { $status } where the feed points to it
deploy-mp3-status-help = check that base_url (or media_base_url) in podcast.yaml is where the host serves the deploy target
deploy-mp3-length = the episode's MP3 is served with { $served } bytes where the feed announces { $announced } bytes
deploy-mp3-no-length = the episode's MP3 is served with no Content-Length where the feed announces { $announced } bytes
deploy-mp3-length-help = a cache in front of the host may still hold the old file: purge it (Apple refuses an episode whose length is wrong)
deploy-mp3-type = the episode's MP3 is served as `{ $served }`
deploy-mp3-no-type = the episode's MP3 is served as `nothing`
deploy-mp3-type-help = configure the host to serve .mp3 files as audio/mpeg, as Apple requires
deploy-mp3-range = the host answers { $status } to a request for the MP3's first two bytes (`Range: bytes=0-1`), not 206
deploy-mp3-range-help = enable byte ranges on the host (or its CDN): Apple Podcasts needs them to play and seek
deploy-live-certificate = cannot check the live show: the certificate of { $host } is not trusted ({ $error })
deploy-live-certificate-help = if the host uses your own certificate authority (or a company proxy), set SSL_CERT_FILE to its certificate (PEM), as for curl
deploy-live-unreachable = cannot check the live show at { $host }: { $error }
deploy-live-unreachable-help = check base_url in podcast.yaml and your connection; the deploy itself is done

## Telling the directories (src/deploy/notify.rs).
deploy-websub-failed = the WebSub hub did not take the ping: { $problem }
deploy-websub-failed-help = check the hub's address in `websub:` of podcast.yaml; apps subscribed there see the episode at their next poll
deploy-pubnotify-failed = Podcast Index did not take the notification: { $problem }
deploy-pubnotify-failed-help = check `pubnotify:` in podcast.yaml; Podcast Index sees the episode at its next poll
deploy-ping-answered = it answered { $status }

## The report of `carnets deploy` (src/cmd/deploy.rs).
deploy-plan-new = upload { $path } (new, { $size })
deploy-plan-changed = upload { $path } (changed, { $size })
deploy-plan-unpublished = delete { $path } (no longer in the output)
deploy-plan-unsettled = delete { $path } (left by an interrupted deploy)
deploy-plan-foreign = delete { $path } (not in the output; --allow-deletes)
deploy-would-delete = would delete { $path }
deploy-interrupted = interrupted: { $uploaded } file(s) uploaded, { $deleted } deleted before it stopped; the live feed names only complete files; run `carnets deploy` again to finish
deploy-stopped = the deploy stopped: { $uploaded } file(s) uploaded, { $deleted } deleted before it stopped; the live feed names only complete files; run `carnets deploy` again once the problem is fixed
deploy-listed = note: { $target } was listed, as { $why }: files of the same size as the output's were kept ({ $kept } of them)
deploy-left = note: { $files } file(s) at the target are not in the output and were left in place (`--allow-deletes` deletes them)
deploy-mp3-would-delete = would delete { $path }: the episode is no longer published; listeners keep what they downloaded, new plays of it fail
deploy-mp3-deleted = deleted { $path }: the episode is no longer published; listeners keep what they downloaded, new plays of it fail
deploy-plan-summary = plan for { $target }: { $uploads } file(s) to upload ({ $size }), { $kept } kept, { $deletes } to delete; nothing was sent
deploy-done = deployed to { $target }: { $uploaded } file(s) uploaded ({ $size }), { $kept } kept, { $deleted } deleted
deploy-progress = { $done }/{ $total } files

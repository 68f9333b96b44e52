# The English messages of src/cli.rs (ids `cli-…`): the `--help` of every command and option.
# `cli-<command>-<arg>`, or `cli-<arg>` when every command that has the option says the same.

cli-about = Publish a podcast from a folder: tagged MP3s, a podcast RSS feed and an HTML archive
cli-quiet = Print only errors (no warnings, no summary on success)
cli-verbose = Also print how long each stage of a build takes, and its memory
cli-root = The podcast folder (the one holding podcast.yaml)

cli-build-about = Build the site into the output folder (public/ by default)
cli-build-out = Output folder [default: <root>/public]
cli-build-base-url = Publish under this URL instead of podcast.yaml's base_url
cli-build-drafts = Also publish drafts and future-dated episodes

cli-check-about = Validate the podcast folder and report every problem; writes nothing

cli-new-about = Scaffold the next episode folder (a draft dated now, with a fresh GUID)
cli-new-title = The episode's title, e.g. "L'IA dans les PME"

cli-init-about = Start a new podcast folder that builds at once
cli-init-dir = The folder to create (absent or empty)

cli-serve-about = Build a preview (drafts included), serve it on 127.0.0.1 and rebuild it on every change
cli-serve-port = Port to listen on, on 127.0.0.1 only; 0 picks a free one
cli-serve-no-drafts = Leave out drafts and future-dated episodes, as `carnets build` does

cli-import-about = Take over an existing show from its feed: every episode, GUID and date
cli-import-source = The show's current feed: its http(s):// address, or a saved copy of it
cli-import-root = The podcast folder to make (absent or empty), or one imported before to bring up to date
cli-import-base-url = The https:// address where the new site will be served (written as base_url)
cli-import-jobs = How many downloads run at once
cli-import-force = Import a feed that says podcast:locked yes (your own show)
cli-import-timeout = Seconds to wait for the old host (to connect, to answer, between two reads)

cli-deploy-about = Build, then publish public/ to s3://, sftp://, webdav:// or file:// (feed last, nothing dangling)
cli-deploy-to = Where to publish [default: `deploy:` in podcast.yaml]: s3://bucket/prefix, sftp://user@host[:port]/path, webdav://host/path (webdavs:// for HTTPS), file:///path
cli-deploy-dry-run = Print the plan (each upload and deletion, and why) and send nothing
cli-deploy-jobs = Files sent at once
cli-deploy-allow-deletes = Let the deploy delete more than a fifth of the target's files, or files it finds at a target that carnets never deployed to

cli-stats-about = Count the episodes' downloads in the host's access logs, by the IAB v2.3 rules
cli-stats-logs = Access logs, plain or gzip-compressed: several files, or a rotated set in any order (access.log access.log.1 access.log.2.gz …)
cli-stats-format = The logs' format: combined (nginx, Apache), s3 (Amazon S3 server access logs) or cloudfront (CloudFront standard logs)
cli-stats-since = Count from this day on (YYYY-MM-DD, in the show's time zone)
cli-stats-until = Count up to this day, included (YYYY-MM-DD, in the show's time zone)
cli-stats-json = Also write the figures as JSON to this file
cli-stats-html = Also write a one-page report in French, with charts, to this HTML file

# What clap writes around them (it adds the colon after a section's heading itself).
cli-usage-heading = Usage:
cli-commands-heading = Commands
cli-options-heading = Options
cli-arguments-heading = Arguments
cli-help-command = Print this message or the help of the given subcommand(s)
cli-help-flag = Print help
cli-version-flag = Print version
cli-possible-values = [possible values: { $values }]
cli-default = [default: { $value }]

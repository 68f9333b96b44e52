# The English messages of src/stats/ (ids `stats-…`) and of `carnets stats`'s terminal report
# (src/cmd/stats.rs). The HTML report is the show's French content: not here.

## Reading the logs (src/stats/mod.rs, input.rs).
stats-unreadable = cannot read this log: { $error }
stats-unreadable-help = check the path and its permissions; a compressed log must be gzip (.gz)
stats-unparsed-lines = { $lines } line(s) of this log are not { $format } log lines and were left out
stats-unparsed-line = this line is not a { $format } log line, left out: { $line }
stats-unparsed-line-help = if every line is like this one, the log has another format: give it with --format (combined, s3 or cloudfront)
stats-no-line = the logs hold no line: there is nothing to count
stats-no-line-help = give the access logs of the server that serves the episodes' MP3s
stats-no-parsed-line = no line of the logs is a { $format } log line: there is nothing to count
stats-looks-like-help = the lines look like { $format } logs: add --format { $format }
stats-no-format-help = the formats carnets reads are combined (nginx, Apache), s3 and cloudfront: give the one of these logs with --format

## The command (src/cmd/stats.rs).
stats-since-after-until = --since { $since } is after --until { $until }, so no day is left to count
stats-since-after-until-help = give --since a day before --until
stats-no-episode = the podcast has no published episode, so no download to count
stats-no-episode-help = run `carnets stats` in the podcast folder, or give it with --root
stats-cannot-write = cannot write the report: { $error }
stats-cannot-write-help = check that the folder exists and that you may write to it
stats-failed = { $errors } error(s); nothing was counted
stats-summary = counted { $downloads } download(s) in { $lines } line(s) of { $logs } log(s)
stats-summary-wrote = counted { $downloads } download(s) in { $lines } line(s) of { $logs } log(s); wrote { $file }
stats-summary-wrote-two = counted { $downloads } download(s) in { $lines } line(s) of { $logs } log(s); wrote { $first } and { $second }

## The terminal's tables (src/cmd/stats.rs).
stats-header = { $show }: { $downloads } download(s), { $from } to { $to } ({ $zone }); IAB v2.3 rules, rolling 24-hour window
stats-header-no-day = { $show }: { $downloads } download(s), no day ({ $zone }); IAB v2.3 rules, rolling 24-hour window
stats-column-episode = Episode
stats-column-published = Published
stats-column-downloads = Downloads
stats-column-7-days = 7 days
stats-column-30-days = 30 days
stats-column-app = App
stats-column-share = Share
stats-column-day = Day
stats-share = { $share }%
stats-app-unknown = unknown
stats-left-out = Left out: { $bots } bot download(s), { $watch } Apple Watch duplicate(s), { $under } listener window(s) under the threshold, { $head } HEAD, { $cached } not modified (304), { $errors } error(s) (4xx, 5xx), { $probes } bytes=0-1 probe(s), { $unparsed } unparsed line(s)

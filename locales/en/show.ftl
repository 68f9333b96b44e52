# The English messages of src/show/ (ids `show-…`).


## checker.rs, validate.rs: values of podcast.yaml and of the front matter.
show-url-https-help = write the whole address, starting with https://
show-url-help = write the whole address, starting with https:// (or http://)
show-text-empty = `{ $key }` must not be empty
show-text-empty-help = write a text, or remove `{ $key }`
show-text-too-long = `{ $key }` has { $count } characters; the podcast namespace allows { $max }
show-text-too-long-help = shorten it to { $max } characters
show-url-not-absolute-https = `{ $value }` is not an absolute URL starting with https://
show-url-not-absolute = `{ $value }` is not an absolute URL starting with http:// or https://
show-url-invalid = `{ $value }` is not a valid URL (empty host, or spaces)
show-email-invalid = `{ $value }` is not an e-mail address like nom@exemple.fr
show-language-invalid = `{ $value }` is not a language tag like fr-FR
show-person-group-unknown = `{ $group }` is not a Podcasting 2.0 person group; use one of: { $groups }
show-person-role-elsewhere = the role `{ $role }` belongs to the group `{ $right }`, not `{ $group }`
show-person-role-unknown = `{ $role }` is not a Podcasting 2.0 person role; the group `{ $group }` has: { $roles }

## times.rs: dates and chapter times.
show-date-invalid = `{ $text }` is not a date: write `2026-11-20 08:00` (local time) or `2026-11-20T08:00:00+01:00`
show-date-not-in-zone = `{ $text }` does not exist in the show's time zone: { $error }
show-time-invalid = `{ $text }` is not a time: write SS, MM:SS or HH:MM:SS (optionally .mmm)

## yaml.rs: what the YAML parser refuses.
show-yaml-unknown-key = unknown key `{ $key }`, expected one of { $keys }
show-yaml-missing-key = missing required key { $key }
show-yaml-error = { $error }
show-yaml-too-deep = this YAML is nested too deeply (refused to protect the build; limit: { $limit })
show-yaml-too-many-values = this YAML holds far too many values (refused to protect the build; limit: { $limit })
show-yaml-too-much-text = this YAML holds far too much text (refused to protect the build; limit: { $limit })
show-yaml-too-many-aliases = this YAML repeats aliases (`*name`) too often; write the values out instead (refused to protect the build; limit: { $limit })
show-yaml-too-large = this YAML is too large to read (refused to protect the build; limit: { $limit })

## artwork.rs: the artwork's header.
show-image-unreadable = cannot read the image: { $error }
show-image-too-short = the file is too short to be an image
show-image-png-damaged = the PNG header is damaged
show-image-jpeg-damaged = the JPEG header is damaged (no frame header found)
show-image-unknown-format = the file is neither a JPEG nor a PNG image
show-image-jpeg-misnamed = the file is a JPEG image but is named .{ $extension }; rename it to match its content
show-image-png-misnamed = the file is a PNG image but is named .{ $extension }; rename it to match its content
show-artwork-not-square = the artwork is { $width }×{ $height } px; it must be square
show-artwork-size = the artwork is { $width }×{ $height } px; Apple requires { $min } to { $max } px on each side
show-artwork-greyscale = the artwork is greyscale; Apple requires RGB colours
show-artwork-cmyk = the artwork is CMYK (print colours); export it as RGB

## transcript.rs: WebVTT and SubRip files.
show-vtt-no-header = a WebVTT transcript must start with a `WEBVTT` line
show-cue-no-timing = expected a timing line like `00:00:01.000 --> 00:00:04.000`
show-cue-ends-before-start = the cue ends before it starts
show-cue-out-of-order = the cue starts before the previous one (line { $line })
show-cue-no-arrow = missing `-->`
show-timestamp-invalid = `{ $text }` is not a timestamp like { $example }

## lock.rs: carnets.lock, what podcast apps have already seen.
show-lock-unreadable = cannot read the lock file: { $error }
show-lock-damaged = the lock file is damaged: { $error }
show-lock-damaged-help = restore it from version control (git checkout carnets.lock)
show-lock-show-guid-differs = `guid: { $guid }` differs from the podcast:guid already published ({ $recorded })
show-lock-show-guid-differs-help = podcast apps know the show by its GUID: write `guid: { $recorded }` or remove the line
show-lock-audio-moves = the audio moves from { $from } to { $to }
show-lock-audio-moves-help = apps keep the episode (its GUID is unchanged) but fetch the audio again; keep the old URL working with a redirect
show-lock-episode-gone = episode `{ $slug }` was published (GUID { $guid }) and its folder is gone
show-lock-episode-gone-help = apps that downloaded it keep it; restore the folder if this was a mistake
show-lock-guid-changed = the GUID changed: apps know this episode as `{ $guid }`
show-lock-guid-changed-help = write `guid: { $guid }`: a new GUID makes every app download the episode again as a new one
show-lock-date-changed = the publication date changed: apps have this episode at { $date }
show-lock-date-changed-help = write `date: { $date }`: a new date reorders the episode in every app
show-lock-renamed = this looks like episode `{ $slug }` renamed: without its GUID, apps would see a new episode
show-lock-renamed-help = add `guid: { $guid }` to this episode.md (recorded in { $lock })

## episode/: the episode folders and their front matter.
show-measuring = measuring MP3s
show-episodes-unreadable = cannot read the episodes folder: { $error }
show-episodes-unreadable-help = create `episodes/` with one folder per episode; `carnets new "Titre"` does it
show-folder-name = `{ $slug }` is not a valid folder name: use lowercase letters, digits and hyphens
show-folder-name-help = rename the folder to `{ $suggestion }`
show-folder-outside-help = move the episode folder into `episodes/`
show-episode-unreadable = cannot read the episode: { $error }
show-episode-unreadable-help = every episode folder needs an episode.md
show-episode-type = unknown episode type `{ $value }`
show-episode-type-help = write `full`, `trailer` or `bonus`
show-guid-empty-help = remove the line, or keep the GUID this episode was first published with
show-title-has-number = the title repeats the episode number { $number }
show-title-has-number-help = Apple asks for titles without numbers: apps show `number:` themselves
show-summary-too-long = the summary is { $bytes } bytes; Apple accepts at most { $max }
show-summary-too-long-help = keep `summary:` to a sentence or two; details belong in the show notes
show-draft-without-mp3 = this draft has no MP3 yet: it is left out of the preview
show-add-mp3-help = add the episode's MP3 to the folder
show-guid-taken = GUID `{ $guid }` is already used by episode `{ $first }`
show-guid-taken-help = every episode needs its own GUID; `carnets new` writes a fresh one
show-number-taken = episode number { $number } is already used by episode `{ $first }`
show-number-taken-help = give each episode of a season its own number
show-same-audio = this MP3 has the same bytes as the audio of episode `{ $first }`
show-same-audio-help = put this episode's own MP3 in its folder
show-audio-not-mp3 = `{ $file }` is not an .mp3 file
show-audio-not-mp3-help = export the episode as MP3
show-no-mp3 = no .mp3 file in this episode folder
show-several-mp3 = several .mp3 files ({ $files }): which one is the episode?
show-several-mp3-help = add `audio: { $first }` to episode.md, or remove the others
show-several-transcripts = several transcripts (.vtt/.srt) in this episode folder
show-several-transcripts-help = name the one to publish with `transcript:` in episode.md
show-transcript-format = `{ $file }` is not a .vtt or .srt transcript
show-transcript-format-help = export the transcript as WebVTT (.vtt) or SubRip (.srt)
show-transcript-unreadable = cannot read the transcript as UTF-8 text: { $error }
show-transcript-help = fix the transcript, or export it again from the transcription tool
show-front-matter-no-start = episode.md must start with a `---` line, then the YAML header (title, date…), then `---`
show-front-matter-not-closed = the YAML header opened by `---` on line 1 is never closed: add a `---` line after it
show-seconds-invalid = `{ $value }` is not a time
show-chapter-order = chapter « { $title } » starts at { $start }, not after the previous one ({ $previous })
show-chapter-order-help = chapters must be listed in order, each starting after the previous one
show-soundbite-empty = a soundbite cannot last 0 seconds
show-soundbite-length = the soundbite lasts { $seconds } s; Podcasting 2.0 recommends 15 to 120 seconds
show-soundbite-length-help = apps may skip or cut it: choose a passage of 15 seconds to 2 minutes
show-chapter-after-end = chapter « { $title } » starts at { $start }, after the end of the audio ({ $end })
show-chapter-after-end-help = fix the start time, or check that `audio:` names the right file
show-soundbite-after-end = the soundbite starting at { $start } ends at { $stop }, after the end of the audio ({ $end })
show-soundbite-after-end-help = shorten it or start it earlier, or check that `audio:` names the right file

## scaffold/: `carnets new` and `carnets init`.
show-no-podcast = no podcast here
show-no-podcast-help = run this in a podcast folder, or pass --root; `carnets init DIR` starts a new podcast
show-title-without-letters = the title « { $title } » has no letters or digits to name a folder with
show-folder-not-empty = already exists and is not empty; nothing was written
show-folder-not-empty-help = choose another name, or remove the folder first
show-cannot-create = cannot create: { $error }

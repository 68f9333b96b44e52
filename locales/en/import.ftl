# The English messages of src/import/ and src/cmd/import.rs (ids `import-…`).

## The command: usage, the summary, the next steps (src/cmd/import.rs).

import-base-url-help = give the https:// address where the new site will be served
import-nothing-more = nothing more was imported; run the same command again once this is fixed
import-summary = imported { $imported } episode(s) into { $root }{ $already ->
        [0] {""}
       *[other] {" "}({ $already } already there)
    }{ $failed ->
        [0] {""}
       *[other] ; { $failed } could not be imported (see the errors above): fix them, then run the same command again, which imports only what is missing
    }
import-next-steps = next steps (the README's "Move an existing show to carnets"):
import-step-base-url = write the https:// address of the new site as `base_url:` in { $root }/podcast.yaml
import-step-check = check the podcast: `carnets check --root { $root }` (and read the warnings above)
import-step-build = build it, `carnets build --root { $root }`, and put { $root }/public online; commit { $root }/carnets.lock
import-step-redirect = at the old host, redirect the old feed ({ $old }) to { $feed } with a permanent redirect (HTTP 301), and set its itunes:new-feed-url to { $feed } if it offers it; keep the redirect for a year at least
import-step-redirect-new-feed = at the old host, redirect the old feed ({ $old }) to the new feed.xml with a permanent redirect (HTTP 301), and set its itunes:new-feed-url to the new feed.xml if it offers it; keep the redirect for a year at least
import-step-tell = tell Apple Podcasts Connect and the Podcast Index the new address (both follow the redirect, and keep the show and its episodes by their GUIDs)

## The folder, the feed's pages (src/import/mod.rs).

import-locked = the feed says `podcast:locked` `yes`: its owner forbids moving it to another host
import-locked-help = if the show is yours, run the import again with --force (the new feed keeps `locked: yes`)
import-other-show = this folder holds another show (podcast:guid { $recorded }, the feed's is { $guid })
import-empty-folder-help = import into an empty folder with --root
import-not-imported-folder = this podcast folder was not made by `carnets import` (its podcast.yaml has no `guid:`)
import-not-empty = the folder is not empty and holds no podcast.yaml
import-not-empty-help = import into an empty (or absent) folder with --root, or into a podcast imported before to bring it up to date
import-cannot-write-it = cannot write it: { $error }
import-space-help = check the free space and the permissions of the podcast folder
import-permissions-help = check the permissions of the podcast folder
import-footer-taken = the old host's footer (« Hosted by { $host }… ») was taken off the show notes of { $count } episode(s): it is not true of the new site
import-footer-taken-help = add your own closing lines to the show notes if you want some
import-cannot-read-feed = cannot read the feed: { $error }
import-cannot-read-feed-help = give the feed's address (https://…) or the path of a saved copy
import-broken-feed-help = the old host's feed is broken: tell the host, or fix a saved copy and import that
import-pages-loop = the feed's pages loop or go on past { $max } pages: reading stopped at { $next }
import-pages-loop-help = tell the old host: its paging is broken

## One item's findings (src/import/found.rs).

import-item-finding = « { $item } »: { $message }
import-not-imported = not imported: { $url }: { $error }
import-list-separator = {"; "}
import-at-line = line { $line }: { $error }

## Fetching (src/import/fetch.rs, guard.rs, download.rs).

import-redirect-nowhere = the server answered { $status } without saying where to
import-redirect-nowhere-help = tell the old host: its redirect is broken
import-status = the server answered { $status }
import-gone-help = the file is gone from the old host: restore it there, or import this episode by hand (`carnets new`), then run the import again
import-forbidden-help = the old host refuses to serve it: check that the feed is public, or download the file from the host's dashboard
import-later-help = try again later: a rerun of the same command resumes where this one stopped
import-redirect-loop = more than { $max } redirects (a redirect loop?)
import-redirect-loop-help = open the address in a browser to see where it leads, and tell the old host
import-cannot-read = cannot read { $what ->
        [feed] the feed
        [artwork] the artwork
        [chapters] the chapters
        [transcript] the transcript
       *[file] the file
    }: { $error }
import-rerun-help = run the same command again
import-refused = refused: { $error }
import-refused-help = a public feed must not point into this computer or its network; if this is your own host, import from a copy of the feed saved as a file
import-private-address = { $host } is { $ip }, a private or local address, and the feed came from a public host
import-timeout = no answer within { $seconds } s
import-timeout-help = try again later (a rerun resumes), or wait longer with --timeout
import-host-not-found = the host name is not found
import-host-not-found-help = check the address, and that this computer is online
import-cannot-fetch = cannot fetch it: { $error }
import-cannot-fetch-help = check the address and try again: a rerun resumes where this one stopped
import-not-an-address = `{ $url }` is not an address: { $error }
import-not-an-address-help = tell the old host: the feed points at a broken address
import-not-web = `{ $url }` is a { $scheme }: address; carnets fetches only http:// and https://
import-not-web-help = a feed must point at files on the web, never at files of this computer
import-too-big = { $what ->
        [feed] the feed
        [artwork] the artwork
        [chapters] the chapters
        [transcript] the transcript
       *[file] the file
    } is larger than { $cap } MiB ({ $size } MiB or more); carnets refuses it
import-too-big-help = check the address: a podcast feed is a few megabytes
import-bar-episodes = episodes
import-bar-downloaded = downloaded
import-not-served-help = the old host does not serve this episode's audio: fix it there (or download the MP3 from its dashboard and import the episode by hand), then run the import again
import-not-mp3-type = the server sent `{ $mime }`, not MP3 audio
import-cannot-move = cannot move the MP3 into { $path }: { $error }
import-cannot-write = cannot write { $path }: { $error }
import-download-stopped = the download stopped: { $error }
import-download-stopped-help = run the same command again: it resumes the download
import-not-mp3 = the file is not MP3 audio: { $error }
import-not-mp3-help = the old host sent something else than the episode (an error page?): check the address in a browser

## The feed's XML (src/import/feed.rs, xml.rs).

import-not-rss = this is not an RSS feed (no <rss> element)
import-xml-too-deep = elements are nested more than { $max } deep
import-xml-unknown-entity = unknown entity `&{ $name };`
import-xml-entities = the feed declares its own XML entities (in its DOCTYPE), which is how XML bombs are built
import-xml-unclosed = the feed ends before `</{ $name }>` (opened on line { $line })
import-xml-bad-attribute = a damaged attribute: { $error }
import-xml-bad-attribute-value = a damaged attribute value: { $error }
import-xml-not-well-formed = the feed is not well-formed XML: { $error }

## The show (src/import/show.rs, artwork.rs).

import-guid-not-uuid = the channel's podcast:guid `{ $guid }` is not a UUID
import-guid-not-uuid-help = the Podcast Index knows the show by it: ask the old host what it is, and write it as `guid:` in podcast.yaml
import-no-guid-no-address = the feed has no podcast:guid and carnets does not know its address, from which the Podcasting 2.0 rule derives it
import-no-guid-no-address-help = import from the feed's address (https://…) rather than from a file, or add its `<atom:link rel="self" href="…">`
import-no-title = the channel has no title
import-no-title-help = write the show's title as `title:` in podcast.yaml
import-description-too-long = the show's description is over { $max } bytes, which Apple refuses: podcast.yaml keeps its first paragraphs
import-description-too-long-help = shorten `description:` in podcast.yaml as you like (details belong in the episodes)
import-bad-language = the feed's language `{ $language }` is not a language tag: podcast.yaml says `en`
import-bad-language-help = write the show's language as `language:` in podcast.yaml, e.g. `fr-FR`
import-no-owner-email = the feed gives no owner e-mail (itunes:owner), which carnets needs
import-no-owner-email-help = write it as `owner: {"{"} name: …, email: … {"}"}` in podcast.yaml (Apple writes to it to confirm the show is yours)
import-category-renamed = the category `{ $written }` is not Apple's: podcast.yaml says `{ $category }`
import-category-renamed-help = check `categories:` in podcast.yaml
import-category-unknown = the category `{ $written }` is not in Apple's list: it is left out
import-category-unknown-help = choose one from Apple's list for `categories:` in podcast.yaml
import-no-category = the feed has no Apple category, and carnets needs one
import-no-category-help = write one in podcast.yaml, e.g. `categories: [Technology]`
import-person-role = podcast:person « { $name } »: { $error }; the role is left out
import-person-role-help = write the person's `role:` from the Podcasting 2.0 taxonomy
import-location-name = podcast:location « { $name } » needs a name of 1 to 128 characters: it is left out
import-location-name-help = write `location: {"{"} name: … {"}"}` yourself if you want it
import-artwork-not-downloaded = { $whose ->
        [show] the show's
       *[episode] its
    } artwork could not be downloaded ({ $url }: { $error })
import-artwork-not-image = { $whose ->
        [show] the show's
       *[episode] its
    } artwork { $url } is neither a JPEG nor a PNG: it is left out
import-artwork-help = put the artwork in the folder (a square RGB JPEG of 1400 to 3000 px) and name it as `image:`
import-show-artwork-made = the show's artwork does not meet Apple's rules ({ $problems }): cover.jpg is made from it, kept as { $original }
import-show-artwork-made-help = export the artwork again as a square RGB JPEG of 3000 × 3000 px and save it as cover.jpg
import-show-artwork-bad = the show's artwork, kept as { $original }, does not meet Apple's rules: { $problems }
import-show-artwork-bad-help = export it again as a square RGB JPEG of 3000 × 3000 px, save it as cover.jpg and write `image: cover.jpg`

## The items (src/import/plan.rs, dates.rs, notes.rs).

import-no-guid = the item has no <guid>: it keeps `{ $guid }`, which podcast apps took for it (its link, else its audio's address)
import-no-guid-help = keep it: a new GUID would make every app download the episode again
import-unidentified = the item has no <guid>, no link and no audio: nothing identifies it
import-unidentified-help = import it by hand with `carnets new` if it is a real episode
import-guid-twice = the GUID `{ $guid }` is also the one of « { $title } » (line { $line }): apps keep only one of the two
import-guid-twice-help = the first is imported; if both are real episodes, give this one its own GUID at the old host, or import it by hand with `carnets new`
import-no-date = the item has no <pubDate>
import-date-help = write its date at the old host, or import the episode by hand with `carnets new`
import-not-a-date = `{ $date }` is not a date (RFC 822 such as `Tue, 05 Mar 2024 10:00:00 +0100`, or ISO 8601)
import-no-zone = the date `{ $date }` has no time zone: read as UTC
import-no-zone-help = check the episode's `date:`
import-relative-guids = this GUID and { $others } other(s) are not URLs, and the old feed did not say isPermaLink="false": gPodder resolved them against the old feed's address, so its listeners will see these episodes again after the move
import-relative-guids-help = nothing to do for the other apps, which compare the text; the GUIDs stay as they were
import-number-not-whole = its episode number `{ $number }` is not a whole number: it is left out
import-number-not-whole-help = write `number:` by hand
import-number-twice = its episode number { $number } is also the one of « { $other } »: it is left out
import-number-twice-help = give it its own `number:` by hand
import-summary-too-long = its summary is { $bytes } bytes, over the { $max } Apple accepts: it is left out (the show notes have the whole text)
import-summary-too-long-help = write a sentence or two as `summary:` in episode.md

## One episode (src/import/episode.rs, marks.rs).

import-no-audio = the item has no audio (no <enclosure>): it is imported as a draft
import-no-audio-help = add its MP3 to the folder and set `draft: false` if it is a real episode
import-license-differs = the episode's podcast:license `{ $license }` differs from the show's: carnets publishes one licence for the whole show
import-license-differs-help = say the episode's licence in its show notes
import-not-web-address = the address is not an http:// or https:// address on the web
import-not-web-address-help = a feed's files must be on the web: fix the address at the old host
import-artwork-left-out = its artwork is kept in the folder as { $name } but left out of episode.md: { $problems }
import-artwork-left-out-help = export it again as a square RGB JPEG of 1400 to 3000 px, then add `image: cover.jpg`
import-chapters-unreadable = { $url }: { $error }
import-chapters-unreadable-help = add the chapters to `chapters:` by hand
import-chapters-not-downloaded = the chapters could not be downloaded ({ $url }: { $error })
import-chapters-not-downloaded-help = run the import again later, or add them to `chapters:` by hand
import-transcript-not-downloaded = the transcript could not be downloaded ({ $url }: { $error })
import-transcript-not-downloaded-help = run the import again later, or put the transcript in the folder by hand
import-transcript-unparsed = the transcript is kept as { $name } but not published: it does not parse ({ $error })
import-transcript-other-kind = the transcript is kept as { $name } but not published: it is `{ $mime }`, and carnets publishes WebVTT or SubRip
import-transcript-help = convert it to WebVTT (.vtt) in the episode's folder
import-json-chapters-invalid = the chapters file is not Podcasting 2.0 JSON chapters: { $error }
import-chapter-bad-time = the chapter « { $title } » starts at `{ $start }`, which is not a time: it is left out
import-chapter-bad-time-help = add it to `chapters:` by hand
import-chapters-past-end = { $count } chapter(s) start after the end of the audio ({ $duration }), from « { $title } » at { $start }: they are left out
import-chapters-past-end-help = the old host kept chapters of another version of the audio: check the others, and fix `chapters:` by hand
import-soundbite-not-seconds = the soundbite `{ $start }`+`{ $length }` is not in seconds: it is left out
import-soundbite-not-seconds-help = add it to `soundbites:` by hand
import-soundbite-outside = the soundbite at { $start } (lasting { $length } s) does not fit in the audio ({ $duration }): it is left out
import-soundbite-outside-help = choose a passage inside the audio for `soundbites:`

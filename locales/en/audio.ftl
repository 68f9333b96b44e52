# The English messages of src/audio/ (ids `audio-…`).

## Reading an MP3 (src/audio/probe.rs, src/audio/probe/error.rs)
audio-probe-cannot-read = cannot read the file: { $error }
audio-probe-not-mp3 = not an MP3 file: { $why }; export the episode as MP3 (MPEG audio) and try again
audio-probe-free-format = the MP3 uses a "free format" bitrate, which podcast apps cannot seek in and carnets cannot measure; export it again at a standard bitrate (e.g. 128 kbps)
audio-probe-truncated = the MP3 is cut short: its header announces { $expected } of audio ({ $expected_frames } frames) but the file holds only { $found } ({ $found_frames } frames); the export, download or copy was interrupted: export or copy it again
audio-probe-damaged = the MP3 is damaged: { $percent }% of it ({ $junk } of { $total } bytes) is not MPEG audio; export the episode again from the original recording
# Why a file is not an MP3 (the `why` of audio-probe-not-mp3).
audio-probe-empty = the file is empty
audio-probe-only-tags = it holds tags (ID3) but no audio
audio-probe-other-format = { $kind ->
        [wav] it is a WAV file
        [riff] it is a RIFF file (WAV or AVI)
        [flac] it is a FLAC file
        [ogg] it is an Ogg file (Vorbis or Opus)
        [mp4] it is an MP4/M4A file (AAC audio?)
        [aiff] it is an AIFF file
        [png] it is a PNG image
        [jpeg] it is a JPEG image
        [gif] it is a GIF image
        [pdf] it is a PDF document
       *[zip] it is a ZIP archive
    }
audio-probe-header-only = it has an MP3 header but no audio frames after it
audio-probe-zeros = it holds only zeros
audio-probe-text = it is a text file
audio-probe-no-frames = no MPEG audio frames were found in it

## Loudness (src/audio/loudness.rs)
audio-progress-loudness = measuring loudness
audio-loudness-cannot-read = cannot read the audio to measure its loudness: { $error }
audio-loudness-cannot-decode = cannot decode the audio to measure its loudness: { $error }
audio-loudness-meter = EBU R128 meter: { $error }
audio-loudness-no-track = no MPEG audio track
audio-loudness-format-changes = the channels or the sample rate change in the middle of the file
audio-loudness-no-frame = no MPEG audio frame
audio-loudness-silent = the audio is silent: its loudness cannot be measured
audio-loudness-silent-help = check that this is the right file, exported with its sound
audio-loudness-too-quiet = the episode is too quiet: { $lufs } LUFS integrated; Apple recommends -16 LUFS ± 1
audio-loudness-too-loud = the episode is too loud: { $lufs } LUFS integrated; Apple recommends -16 LUFS ± 1
audio-loudness-peak = the true peak is { $peak } dBTP; Apple recommends at most -1 dBTP (above, players may distort)
audio-loudness-fix = normalise to -16 LUFS, e.g. `ffmpeg -i in.mp3 -af loudnorm=I=-16:TP=-1.5 -c:a libmp3lame -b:a 128k out.mp3`

## The alternate formats (src/audio/encode.rs, src/audio/alternates.rs); `why` is ffmpeg's words.
audio-progress-encoding = encoding
audio-ffmpeg-missing = `formats:` needs ffmpeg to encode the episodes, and ffmpeg is not installed (it is not on the PATH)
audio-ffmpeg-missing-help = install ffmpeg (Debian, Ubuntu: `sudo apt install ffmpeg`; Fedora: `sudo dnf install ffmpeg`; macOS: `brew install ffmpeg`), or remove `formats:`
audio-ffmpeg-cannot-run = cannot run { $path }: { $error }
audio-ffmpeg-failed = ffmpeg could not encode it to { $format }: { $why }
audio-ffmpeg-failed-silently = ffmpeg could not encode it to { $format }: it failed without a word
audio-ffmpeg-failed-help = check that ffmpeg reads this MP3 (`ffmpeg -i` it), or remove `formats:`

## The artwork in the ID3 tag (src/audio/cover.rs, src/audio/publish.rs)
audio-cover-cannot-read = cannot read the artwork: { $error }
audio-cover-cannot-decode = cannot read the artwork as a JPEG or PNG image: { $why }
audio-cover-too-heavy = cannot be encoded as a JPEG under { $bytes } bytes
audio-cover-unsupported = { $format } is not supported, use JPEG or PNG
audio-cover-unknown-format = unknown image format, use JPEG or PNG
audio-cover-cannot-scale = cannot be scaled: { $error }
audio-cover-wrong-size = the scaled picture has the wrong size
audio-cover-too-large = { $side } pixels is too large
audio-cover-help = export the artwork again as a JPEG or PNG

# The French messages of src/audio/ (ids `audio-…`).

## Reading an MP3 (src/audio/probe.rs, src/audio/probe/error.rs)
audio-probe-cannot-read = impossible de lire le fichier : { $error }
audio-probe-not-mp3 = ce n’est pas un fichier MP3 : { $why } ; exportez l’épisode en MP3 (audio MPEG) et réessayez
audio-probe-free-format = le MP3 a un débit « libre » (free format), dans lequel les applications de podcast ne savent pas se déplacer et que carnets ne sait pas mesurer ; exportez-le à nouveau à un débit standard (128 kbit/s par exemple)
audio-probe-truncated = le MP3 est tronqué : son en-tête annonce { $expected } d’audio ({ $expected_frames } trames), mais le fichier n’en contient que { $found } ({ $found_frames } trames) ; l’export, le téléchargement ou la copie a été interrompu : exportez-le ou copiez-le à nouveau
audio-probe-damaged = le MP3 est endommagé : { $percent } % du fichier ({ $junk } octets sur { $total }) ne sont pas de l’audio MPEG ; exportez à nouveau l’épisode depuis l’enregistrement d’origine
# Why a file is not an MP3 (the `why` of audio-probe-not-mp3).
audio-probe-empty = le fichier est vide
audio-probe-only-tags = il ne contient que des étiquettes (ID3), sans audio
audio-probe-other-format = { $kind ->
        [wav] c’est un fichier WAV
        [riff] c’est un fichier RIFF (WAV ou AVI)
        [flac] c’est un fichier FLAC
        [ogg] c’est un fichier Ogg (Vorbis ou Opus)
        [mp4] c’est un fichier MP4/M4A (de l’audio AAC ?)
        [aiff] c’est un fichier AIFF
        [png] c’est une image PNG
        [jpeg] c’est une image JPEG
        [gif] c’est une image GIF
        [pdf] c’est un document PDF
       *[zip] c’est une archive ZIP
    }
audio-probe-header-only = il a un en-tête MP3, mais aucune trame audio ne le suit
audio-probe-zeros = il ne contient que des zéros
audio-probe-text = c’est un fichier texte
audio-probe-no-frames = aucune trame audio MPEG n’y a été trouvée

## Loudness (src/audio/loudness.rs)
audio-progress-loudness = mesure du volume
audio-loudness-cannot-read = impossible de lire l’audio pour mesurer son niveau sonore : { $error }
audio-loudness-cannot-decode = impossible de décoder l’audio pour mesurer son niveau sonore : { $error }
audio-loudness-meter = mesure EBU R128 : { $error }
audio-loudness-no-track = aucune piste audio MPEG
audio-loudness-format-changes = le nombre de canaux ou la fréquence d’échantillonnage change en cours de fichier
audio-loudness-no-frame = aucune trame audio MPEG
audio-loudness-silent = l’audio est muet : son niveau sonore ne peut pas être mesuré
audio-loudness-silent-help = vérifiez que c’est le bon fichier, exporté avec le son
audio-loudness-too-quiet = le son de l’épisode est trop faible : { $lufs } LUFS de sonie intégrée ; Apple recommande -16 LUFS ± 1
audio-loudness-too-loud = le son de l’épisode est trop fort : { $lufs } LUFS de sonie intégrée ; Apple recommande -16 LUFS ± 1
audio-loudness-peak = la crête vraie (true peak) atteint { $peak } dBTP ; Apple recommande au plus -1 dBTP (au-delà, les lecteurs peuvent saturer)
audio-loudness-fix = normalisez à -16 LUFS, par exemple `ffmpeg -i in.mp3 -af loudnorm=I=-16:TP=-1.5 -c:a libmp3lame -b:a 128k out.mp3`

## The alternate formats (src/audio/encode.rs, src/audio/alternates.rs); `why` is ffmpeg's words.
audio-progress-encoding = encodage
audio-ffmpeg-missing = `formats:` a besoin de ffmpeg pour encoder les épisodes, et ffmpeg n’est pas installé (il n’est pas dans le `PATH`)
audio-ffmpeg-missing-help = installez ffmpeg (Debian, Ubuntu : `sudo apt install ffmpeg` ; Fedora : `sudo dnf install ffmpeg` ; macOS : `brew install ffmpeg`), ou retirez `formats:`
audio-ffmpeg-cannot-run = impossible de lancer { $path } : { $error }
audio-ffmpeg-failed = ffmpeg n’a pas pu l’encoder en { $format } : { $why }
audio-ffmpeg-failed-silently = ffmpeg n’a pas pu l’encoder en { $format }, sans dire pourquoi
audio-ffmpeg-failed-help = vérifiez que ffmpeg lit ce MP3 (`ffmpeg -i` sur le fichier), ou retirez `formats:`

## The artwork in the ID3 tag (src/audio/cover.rs, src/audio/publish.rs)
audio-cover-cannot-read = impossible de lire l’illustration : { $error }
audio-cover-cannot-decode = impossible de lire l’illustration comme une image JPEG ou PNG : { $why }
audio-cover-too-heavy = elle ne tient pas dans un JPEG de moins de { $bytes } octets
audio-cover-unsupported = le format { $format } n’est pas pris en charge, utilisez JPEG ou PNG
audio-cover-unknown-format = format d’image inconnu, utilisez JPEG ou PNG
audio-cover-cannot-scale = elle ne peut pas être redimensionnée : { $error }
audio-cover-wrong-size = l’image redimensionnée n’a pas la bonne taille
audio-cover-too-large = { $side } pixels, c’est trop grand
audio-cover-help = exportez à nouveau l’illustration en JPEG ou en PNG

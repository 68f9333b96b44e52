# The French messages of src/show/ (ids `show-…`).


## checker.rs, validate.rs : les valeurs de podcast.yaml et de l’en-tête YAML des épisodes.
show-url-https-help = écrivez l’adresse complète, en commençant par `https://`
show-url-help = écrivez l’adresse complète, en commençant par `https://` (ou `http://`)
show-text-empty = `{ $key }` ne doit pas être vide
show-text-empty-help = écrivez un texte, ou retirez `{ $key }`
show-text-too-long = `{ $key }` compte { $count } caractères ; l’espace de noms podcast en permet { $max }
show-text-too-long-help = raccourcissez-le à { $max } caractères
show-url-not-absolute-https = `{ $value }` n’est pas une URL absolue commençant par `https://`
show-url-not-absolute = `{ $value }` n’est pas une URL absolue commençant par `http://` ou `https://`
show-url-invalid = `{ $value }` n’est pas une URL valide (hôte vide, ou espaces)
show-email-invalid = `{ $value }` n’est pas une adresse e-mail comme `nom@exemple.fr`
show-language-invalid = `{ $value }` n’est pas un code de langue comme `fr-FR`
show-person-group-unknown = `{ $group }` n’est pas un groupe de personnes de Podcasting 2.0 ; utilisez l’un de ceux-ci : { $groups }
show-person-role-elsewhere = le rôle `{ $role }` appartient au groupe `{ $right }`, pas à `{ $group }`
show-person-role-unknown = `{ $role }` n’est pas un rôle de Podcasting 2.0 ; le groupe `{ $group }` compte : { $roles }

## times.rs : les dates et les temps des chapitres.
show-date-invalid = `{ $text }` n’est pas une date : écrivez `2026-11-20 08:00` (heure locale) ou `2026-11-20T08:00:00+01:00`
show-date-not-in-zone = `{ $text }` n’existe pas dans le fuseau horaire de l’émission : { $error }
show-time-invalid = `{ $text }` n’est pas un temps : écrivez `SS`, `MM:SS` ou `HH:MM:SS` (éventuellement avec `.mmm`)

## yaml.rs : ce que l’analyseur YAML refuse.
show-yaml-unknown-key = clé inconnue `{ $key }` ; les clés possibles sont { $keys }
show-yaml-missing-key = il manque la clé obligatoire { $key }
show-yaml-error = YAML incorrect (selon l’analyseur) : { $error }
show-yaml-too-deep = ce YAML est imbriqué trop profondément (refusé pour protéger la construction ; limite : { $limit })
show-yaml-too-many-values = ce YAML contient beaucoup trop de valeurs (refusé pour protéger la construction ; limite : { $limit })
show-yaml-too-much-text = ce YAML contient beaucoup trop de texte (refusé pour protéger la construction ; limite : { $limit })
show-yaml-too-many-aliases = ce YAML répète trop souvent des alias (`*nom`) ; écrivez plutôt les valeurs en entier (refusé pour protéger la construction ; limite : { $limit })
show-yaml-too-large = ce YAML est trop gros pour être lu (refusé pour protéger la construction ; limite : { $limit })

## artwork.rs : l’en-tête des illustrations.
show-image-unreadable = impossible de lire l’image : { $error }
show-image-too-short = le fichier est trop court pour être une image
show-image-png-damaged = l’en-tête PNG est endommagé
show-image-jpeg-damaged = l’en-tête JPEG est endommagé (aucun en-tête d’image trouvé)
show-image-unknown-format = le fichier n’est ni une image JPEG ni une image PNG
show-image-jpeg-misnamed = le fichier est une image JPEG mais son nom finit par `.{ $extension }` ; renommez-le selon son contenu
show-image-png-misnamed = le fichier est une image PNG mais son nom finit par `.{ $extension }` ; renommez-le selon son contenu
show-artwork-not-square = l’illustration mesure { $width }×{ $height } px ; elle doit être carrée
show-artwork-size = l’illustration mesure { $width }×{ $height } px ; Apple demande de { $min } à { $max } px de côté
show-artwork-greyscale = l’illustration est en niveaux de gris ; Apple demande des couleurs RVB
show-artwork-cmyk = l’illustration est en CMJN (couleurs d’impression) ; exportez-la en RVB

## transcript.rs : les fichiers WebVTT et SubRip.
show-vtt-no-header = une transcription WebVTT doit commencer par une ligne `WEBVTT`
show-cue-no-timing = une ligne de temps comme `00:00:01.000 --> 00:00:04.000` est attendue ici
show-cue-ends-before-start = ce sous-titre finit avant de commencer
show-cue-out-of-order = ce sous-titre commence avant le précédent (ligne { $line })
show-cue-no-arrow = il manque `-->`
show-timestamp-invalid = `{ $text }` n’est pas un horodatage comme `{ $example }`

## lock.rs : carnets.lock, ce que les applications de podcast ont déjà vu.
show-lock-unreadable = impossible de lire le fichier de verrou : { $error }
show-lock-damaged = le fichier de verrou est endommagé : { $error }
show-lock-damaged-help = restaurez-le depuis votre gestion de versions (`git checkout carnets.lock`)
show-lock-show-guid-differs = `guid: { $guid }` diffère du `podcast:guid` déjà publié ({ $recorded })
show-lock-show-guid-differs-help = les applications de podcast reconnaissent l’émission à son GUID : écrivez `guid: { $recorded }` ou retirez la ligne
show-lock-audio-moves = l’audio passe de { $from } à { $to }
show-lock-audio-moves-help = les applications gardent l’épisode (son GUID ne change pas) mais téléchargent à nouveau l’audio ; gardez l’ancienne adresse en service avec une redirection
show-lock-episode-gone = l’épisode `{ $slug }` a été publié (GUID { $guid }) et son dossier a disparu
show-lock-episode-gone-help = les applications qui l’ont téléchargé le gardent ; restaurez le dossier s’il s’agit d’une erreur
show-lock-guid-changed = le GUID a changé : les applications connaissent cet épisode sous `{ $guid }`
show-lock-guid-changed-help = écrivez `guid: { $guid }` : un nouveau GUID fait télécharger l’épisode à nouveau par chaque application, comme un nouvel épisode
show-lock-date-changed = la date de publication a changé : les applications ont cet épisode au { $date }
show-lock-date-changed-help = écrivez `date: { $date }` : une nouvelle date déplace l’épisode dans chaque application
show-lock-renamed = cet épisode semble être `{ $slug }` renommé : sans son GUID, les applications y verraient un nouvel épisode
show-lock-renamed-help = ajoutez `guid: { $guid }` à cet episode.md (enregistré dans { $lock })

## episode/ : les dossiers d’épisode et leur en-tête YAML.
show-measuring = mesure des MP3
show-episodes-unreadable = impossible de lire le dossier des épisodes : { $error }
show-episodes-unreadable-help = créez `episodes/` avec un dossier par épisode ; `carnets new "Titre"` le fait pour vous
show-folder-name = `{ $slug }` n’est pas un nom de dossier valide : utilisez des minuscules sans accents, des chiffres et des tirets
show-folder-name-help = renommez le dossier en `{ $suggestion }`
show-folder-outside-help = déplacez le dossier de l’épisode dans `episodes/`
show-episode-unreadable = impossible de lire l’épisode : { $error }
show-episode-unreadable-help = chaque dossier d’épisode doit contenir un episode.md
show-episode-type = type d’épisode inconnu `{ $value }`
show-episode-type-help = écrivez `full`, `trailer` ou `bonus`
show-guid-empty-help = retirez la ligne, ou gardez le GUID avec lequel cet épisode a été publié la première fois
show-title-has-number = le titre répète le numéro de l’épisode ({ $number })
show-title-has-number-help = Apple demande des titres sans numéro : les applications affichent elles-mêmes `number:`
show-summary-too-long = le résumé fait { $bytes } octets ; Apple en accepte au plus { $max }
show-summary-too-long-help = limitez `summary:` à une phrase ou deux ; les détails vont dans les notes de l’épisode
show-draft-without-mp3 = ce brouillon n’a pas encore de MP3 : il n’apparaît pas dans l’aperçu
show-add-mp3-help = ajoutez le MP3 de l’épisode dans le dossier
show-guid-taken = le GUID `{ $guid }` est déjà celui de l’épisode `{ $first }`
show-guid-taken-help = chaque épisode a besoin de son propre GUID ; `carnets new` en écrit un nouveau
show-number-taken = le numéro d’épisode { $number } est déjà celui de l’épisode `{ $first }`
show-number-taken-help = donnez à chaque épisode d’une saison son propre numéro
show-same-audio = ce MP3 a exactement le même contenu que l’audio de l’épisode `{ $first }`
show-same-audio-help = mettez dans ce dossier le MP3 de cet épisode
show-audio-not-mp3 = `{ $file }` n’est pas un fichier .mp3
show-audio-not-mp3-help = exportez l’épisode en MP3
show-no-mp3 = aucun fichier .mp3 dans ce dossier d’épisode
show-several-mp3 = plusieurs fichiers .mp3 ({ $files }) : lequel est l’épisode ?
show-several-mp3-help = ajoutez `audio: { $first }` à episode.md, ou retirez les autres
show-several-transcripts = plusieurs transcriptions (.vtt/.srt) dans ce dossier d’épisode
show-several-transcripts-help = nommez celle à publier avec `transcript:` dans episode.md
show-transcript-format = `{ $file }` n’est pas une transcription .vtt ou .srt
show-transcript-format-help = exportez la transcription en WebVTT (.vtt) ou en SubRip (.srt)
show-transcript-unreadable = impossible de lire la transcription comme du texte UTF-8 : { $error }
show-transcript-help = corrigez la transcription, ou exportez-la à nouveau depuis l’outil de transcription
show-front-matter-no-start = episode.md doit commencer par une ligne `---`, puis l’en-tête YAML (titre, date…), puis `---`
show-front-matter-not-closed = l’en-tête YAML ouvert par `---` à la ligne 1 n’est jamais fermé : ajoutez une ligne `---` après lui
show-seconds-invalid = `{ $value }` n’est pas un temps
show-chapter-order = le chapitre « { $title } » commence à { $start }, pas après le précédent ({ $previous })
show-chapter-order-help = les chapitres doivent être dans l’ordre, chacun commençant après le précédent
show-soundbite-empty = un extrait ne peut pas durer 0 seconde
show-soundbite-length = l’extrait dure { $seconds } s ; Podcasting 2.0 recommande de 15 à 120 secondes
show-soundbite-length-help = les applications risquent de l’ignorer ou de le couper : choisissez un passage de 15 secondes à 2 minutes
show-chapter-after-end = le chapitre « { $title } » commence à { $start }, après la fin de l’audio ({ $end })
show-chapter-after-end-help = corrigez l’heure de début, ou vérifiez que `audio:` nomme le bon fichier
show-soundbite-after-end = l’extrait qui commence à { $start } finit à { $stop }, après la fin de l’audio ({ $end })
show-soundbite-after-end-help = raccourcissez-le ou faites-le commencer plus tôt, ou vérifiez que `audio:` nomme le bon fichier

## scaffold/ : `carnets new` et `carnets init`.
show-no-podcast = aucun podcast ici
show-no-podcast-help = lancez la commande dans le dossier d’un podcast, ou passez `--root` ; `carnets init DOSSIER` commence un nouveau podcast
show-title-without-letters = le titre « { $title } » n’a ni lettre ni chiffre pour nommer un dossier
show-folder-not-empty = existe déjà et n’est pas vide ; rien n’a été écrit
show-folder-not-empty-help = choisissez un autre nom, ou supprimez d’abord le dossier
show-cannot-create = impossible de créer : { $error }

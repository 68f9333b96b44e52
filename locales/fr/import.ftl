# The French messages of src/import/ and src/cmd/import.rs (ids `import-…`).

## The command: usage, the summary, the next steps (src/cmd/import.rs).

import-base-url-help = donnez l’adresse https:// où le nouveau site sera servi
import-nothing-more = rien de plus n’a été importé ; relancez la même commande une fois ceci corrigé
import-summary = { $imported ->
        [one] { $imported } épisode importé
       *[other] { $imported } épisodes importés
    } dans { $root }{ $already ->
        [0] {""}
        [one] {" "}({ $already } déjà présent)
       *[other] {" "}({ $already } déjà présents)
    }{ $failed ->
        [0] {""}
        [one]  ; { $failed } n’a pas pu être importé (voir les erreurs ci-dessus) : corrigez-les, puis relancez la même commande, qui n’importe que ce qui manque
       *[other]  ; { $failed } n’ont pas pu être importés (voir les erreurs ci-dessus) : corrigez-les, puis relancez la même commande, qui n’importe que ce qui manque
    }
import-next-steps = prochaines étapes (la section « Move an existing show to carnets » du README) :
import-step-base-url = écrivez l’adresse https:// du nouveau site comme `base_url:` dans { $root }/podcast.yaml
import-step-check = vérifiez le podcast : `carnets check --root { $root }` (et lisez les avertissements ci-dessus)
import-step-build = construisez-le, `carnets build --root { $root }`, et mettez { $root }/public en ligne ; faites un commit de { $root }/carnets.lock
import-step-redirect = chez l’ancien hébergeur, redirigez l’ancien flux ({ $old }) vers { $feed } par une redirection permanente (HTTP 301), et réglez son `itunes:new-feed-url` sur { $feed } s’il le propose ; gardez la redirection au moins un an
import-step-redirect-new-feed = chez l’ancien hébergeur, redirigez l’ancien flux ({ $old }) vers le nouveau `feed.xml` par une redirection permanente (HTTP 301), et réglez son `itunes:new-feed-url` sur le nouveau `feed.xml` s’il le propose ; gardez la redirection au moins un an
import-step-tell = donnez la nouvelle adresse à Apple Podcasts Connect et au Podcast Index (tous deux suivent la redirection, et retrouvent l’émission et ses épisodes par leurs GUID)

## The folder, the feed's pages (src/import/mod.rs).

import-locked = le flux dit `podcast:locked` `yes` : son propriétaire interdit de le déplacer chez un autre hébergeur
import-locked-help = si l’émission est la vôtre, relancez l’import avec --force (le nouveau flux garde `locked: yes`)
import-other-show = ce dossier contient une autre émission (`podcast:guid` { $recorded }, celui du flux est { $guid })
import-empty-folder-help = importez dans un dossier vide avec --root
import-not-imported-folder = ce dossier de podcast n’a pas été fait par `carnets import` (son podcast.yaml n’a pas de `guid:`)
import-not-empty = le dossier n’est pas vide et ne contient pas de podcast.yaml
import-not-empty-help = importez dans un dossier vide (ou absent) avec --root, ou dans un podcast importé auparavant pour le mettre à jour
import-cannot-write-it = impossible de l’écrire : { $error }
import-space-help = vérifiez l’espace libre et les droits du dossier du podcast
import-permissions-help = vérifiez les droits du dossier du podcast
import-footer-taken = le pied de page de l’ancien hébergeur (« Hosted by { $host }… ») a été retiré des notes { $count ->
        [one] d’un épisode
       *[other] de { $count } épisodes
    } : il n’est pas vrai du nouveau site
import-footer-taken-help = ajoutez vos propres lignes de fin aux notes si vous en voulez
import-cannot-read-feed = impossible de lire le flux : { $error }
import-cannot-read-feed-help = donnez l’adresse du flux (https://…) ou le chemin d’une copie enregistrée
import-broken-feed-help = le flux de l’ancien hébergeur est cassé : prévenez l’hébergeur, ou corrigez une copie enregistrée et importez-la
import-pages-loop = les pages du flux bouclent ou dépassent { $max } pages : lecture arrêtée à { $next }
import-pages-loop-help = prévenez l’ancien hébergeur : sa pagination est cassée

## One item's findings (src/import/found.rs).

import-item-finding = « { $item } » : { $message }
import-not-imported = non importé : { $url } : { $error }
import-list-separator = {" ; "}
import-at-line = ligne { $line } : { $error }

## Fetching (src/import/fetch.rs, guard.rs, download.rs).

import-redirect-nowhere = le serveur a répondu { $status } sans dire vers où
import-redirect-nowhere-help = prévenez l’ancien hébergeur : sa redirection est cassée
import-status = le serveur a répondu { $status }
import-gone-help = le fichier n’est plus chez l’ancien hébergeur : remettez-le là-bas, ou importez cet épisode à la main (`carnets new`), puis relancez l’import
import-forbidden-help = l’ancien hébergeur refuse de le servir : vérifiez que le flux est public, ou téléchargez le fichier depuis le tableau de bord de l’hébergeur
import-later-help = réessayez plus tard : relancer la même commande reprend là où celle-ci s’est arrêtée
import-redirect-loop = plus de { $max } redirections (une boucle de redirections ?)
import-redirect-loop-help = ouvrez l’adresse dans un navigateur pour voir où elle mène, et prévenez l’ancien hébergeur
import-cannot-read = impossible de lire { $what ->
        [feed] le flux
        [artwork] l’illustration
        [chapters] les chapitres
        [transcript] la transcription
       *[file] le fichier
    } : { $error }
import-rerun-help = relancez la même commande
import-refused = refusé : { $error }
import-refused-help = un flux public ne doit pas pointer vers cet ordinateur ni vers son réseau ; si c’est votre propre hébergeur, importez depuis une copie du flux enregistrée dans un fichier
import-private-address = { $host } est { $ip }, une adresse privée ou locale, et le flux vient d’un hébergeur public
import-timeout = pas de réponse en { $seconds } s
import-timeout-help = réessayez plus tard (une relance reprend), ou attendez plus longtemps avec --timeout
import-host-not-found = le nom d’hôte est introuvable
import-host-not-found-help = vérifiez l’adresse, et que cet ordinateur est en ligne
import-cannot-fetch = impossible de le récupérer : { $error }
import-cannot-fetch-help = vérifiez l’adresse et réessayez : une relance reprend là où celle-ci s’est arrêtée
import-not-an-address = `{ $url }` n’est pas une adresse : { $error }
import-not-an-address-help = prévenez l’ancien hébergeur : le flux pointe vers une adresse cassée
import-not-web = `{ $url }` est une adresse `{ $scheme }:` ; carnets ne récupère que les adresses http:// et https://
import-not-web-help = un flux doit pointer vers des fichiers sur le web, jamais vers des fichiers de cet ordinateur
import-too-big = { $what ->
        [feed] le flux
        [artwork] le fichier de l’illustration
        [chapters] le fichier des chapitres
        [transcript] le fichier de la transcription
       *[file] le fichier
    } dépasse { $cap } Mio ({ $size } Mio ou plus) ; carnets le refuse
import-too-big-help = vérifiez l’adresse : un flux de podcast fait quelques mégaoctets
import-bar-episodes = épisodes
import-bar-downloaded = téléchargé
import-not-served-help = l’ancien hébergeur ne sert pas l’audio de cet épisode : corrigez-le là-bas (ou téléchargez le MP3 depuis son tableau de bord et importez l’épisode à la main), puis relancez l’import
import-not-mp3-type = le serveur a envoyé `{ $mime }`, pas de l’audio MP3
import-cannot-move = impossible de déplacer le MP3 dans { $path } : { $error }
import-cannot-write = impossible d’écrire { $path } : { $error }
import-download-stopped = le téléchargement s’est interrompu : { $error }
import-download-stopped-help = relancez la même commande : elle reprend le téléchargement
import-not-mp3 = le fichier n’est pas de l’audio MP3 : { $error }
import-not-mp3-help = l’ancien hébergeur a envoyé autre chose que l’épisode (une page d’erreur ?) : vérifiez l’adresse dans un navigateur

## The feed's XML (src/import/feed.rs, xml.rs).

import-not-rss = ce n’est pas un flux RSS (pas d’élément <rss>)
import-xml-too-deep = des éléments sont imbriqués sur plus de { $max } niveaux
import-xml-unknown-entity = entité inconnue `&{ $name };`
import-xml-entities = le flux déclare ses propres entités XML (dans son DOCTYPE), ce qui est la façon de fabriquer une bombe XML
import-xml-unclosed = le flux se termine avant `</{ $name }>` (ouvert ligne { $line })
import-xml-bad-attribute = un attribut abîmé : { $error }
import-xml-bad-attribute-value = une valeur d’attribut abîmée : { $error }
import-xml-not-well-formed = le flux n’est pas du XML bien formé : { $error }

## The show (src/import/show.rs, artwork.rs).

import-guid-not-uuid = le `podcast:guid` du flux, `{ $guid }`, n’est pas un UUID
import-guid-not-uuid-help = le Podcast Index connaît l’émission par lui : demandez-le à l’ancien hébergeur, et écrivez-le comme `guid:` dans podcast.yaml
import-no-guid-no-address = le flux n’a pas de `podcast:guid` et carnets ne connaît pas son adresse, dont la règle Podcasting 2.0 le tire
import-no-guid-no-address-help = importez depuis l’adresse du flux (https://…) plutôt que depuis un fichier, ou ajoutez-lui son `<atom:link rel="self" href="…">`
import-no-title = le flux n’a pas de titre
import-no-title-help = écrivez le titre de l’émission comme `title:` dans podcast.yaml
import-description-too-long = la description de l’émission dépasse { $max } octets, ce qu’Apple refuse : podcast.yaml en garde les premiers paragraphes
import-description-too-long-help = raccourcissez `description:` dans podcast.yaml comme vous le voulez (les détails ont leur place dans les épisodes)
import-bad-language = la langue du flux, `{ $language }`, n’est pas une étiquette de langue : podcast.yaml dit `en`
import-bad-language-help = écrivez la langue de l’émission comme `language:` dans podcast.yaml, par exemple `fr-FR`
import-no-owner-email = le flux ne donne pas l’adresse e-mail du propriétaire (`itunes:owner`), dont carnets a besoin
import-no-owner-email-help = écrivez-la comme `owner: {"{"} name: …, email: … {"}"}` dans podcast.yaml (Apple y écrit pour confirmer que l’émission est la vôtre)
import-category-renamed = la catégorie `{ $written }` n’est pas une catégorie d’Apple : podcast.yaml dit `{ $category }`
import-category-renamed-help = vérifiez `categories:` dans podcast.yaml
import-category-unknown = la catégorie `{ $written }` n’est pas dans la liste d’Apple : elle est laissée de côté
import-category-unknown-help = choisissez-en une dans la liste d’Apple pour `categories:` dans podcast.yaml
import-no-category = le flux n’a pas de catégorie Apple, et carnets en demande une
import-no-category-help = écrivez-en une dans podcast.yaml, par exemple `categories: [Technology]`
import-person-role = `podcast:person` « { $name } » : { $error } ; le rôle est laissé de côté
import-person-role-help = écrivez le `role:` de la personne d’après la taxonomie Podcasting 2.0
import-location-name = `podcast:location` « { $name } » demande un nom de 1 à 128 caractères : il est laissé de côté
import-location-name-help = écrivez vous-même `location: {"{"} name: … {"}"}` si vous le voulez
import-artwork-not-downloaded = { $whose ->
        [show] l’illustration de l’émission
       *[episode] son illustration
    } n’a pas pu être téléchargée ({ $url } : { $error })
import-artwork-not-image = { $whose ->
        [show] l’illustration de l’émission
       *[episode] son illustration
    } { $url } n’est ni un JPEG ni un PNG : elle est laissée de côté
import-artwork-help = mettez l’illustration dans le dossier (un JPEG RVB carré de 1400 à 3000 px) et nommez-la dans `image:`
import-show-artwork-made = l’illustration de l’émission ne respecte pas les règles d’Apple ({ $problems }) : cover.jpg en est tiré, l’originale est gardée sous le nom { $original }
import-show-artwork-made-help = exportez à nouveau l’illustration en JPEG RVB carré de 3000 × 3000 px et enregistrez-la sous le nom cover.jpg
import-show-artwork-bad = l’illustration de l’émission, gardée sous le nom { $original }, ne respecte pas les règles d’Apple : { $problems }
import-show-artwork-bad-help = exportez-la à nouveau en JPEG RVB carré de 3000 × 3000 px, enregistrez-la sous le nom cover.jpg et écrivez `image: cover.jpg`

## The items (src/import/plan.rs, dates.rs, notes.rs).

import-no-guid = l’épisode n’a pas de <guid> : il garde `{ $guid }`, que les applications de podcast ont pris pour lui (son lien, sinon l’adresse de son audio)
import-no-guid-help = gardez-le : un nouveau GUID ferait retélécharger l’épisode par toutes les applications
import-unidentified = l’épisode n’a ni <guid>, ni lien, ni audio : rien ne l’identifie
import-unidentified-help = importez-le à la main avec `carnets new` si c’est un vrai épisode
import-guid-twice = le GUID `{ $guid }` est aussi celui de « { $title } » (ligne { $line }) : les applications ne gardent que l’un des deux
import-guid-twice-help = le premier est importé ; si les deux sont de vrais épisodes, donnez à celui-ci son propre GUID chez l’ancien hébergeur, ou importez-le à la main avec `carnets new`
import-no-date = l’épisode n’a pas de <pubDate>
import-date-help = écrivez sa date chez l’ancien hébergeur, ou importez l’épisode à la main avec `carnets new`
import-not-a-date = `{ $date }` n’est pas une date (RFC 822 comme `Tue, 05 Mar 2024 10:00:00 +0100`, ou ISO 8601)
import-no-zone = la date `{ $date }` n’a pas de fuseau horaire : elle est lue en UTC
import-no-zone-help = vérifiez la `date:` de l’épisode
import-relative-guids = ce GUID et { $others ->
        [one] { $others } autre ne sont pas des URL
       *[other] { $others } autres ne sont pas des URL
    }, et l’ancien flux ne disait pas `isPermaLink="false"` : gPodder les a résolus par rapport à l’adresse de l’ancien flux, ses auditeurs reverront donc ces épisodes après le déménagement
import-relative-guids-help = rien à faire pour les autres applications, qui comparent le texte ; les GUID restent tels quels
import-number-not-whole = son numéro d’épisode `{ $number }` n’est pas un nombre entier : il est laissé de côté
import-number-not-whole-help = écrivez `number:` à la main
import-number-twice = son numéro d’épisode { $number } est aussi celui de « { $other } » : il est laissé de côté
import-number-twice-help = donnez-lui son propre `number:` à la main
import-summary-too-long = son résumé fait { $bytes } octets, plus que les { $max } qu’Apple accepte : il est laissé de côté (les notes de l’épisode ont le texte entier)
import-summary-too-long-help = écrivez une phrase ou deux comme `summary:` dans episode.md

## One episode (src/import/episode.rs, marks.rs).

import-no-audio = l’épisode n’a pas d’audio (pas d’<enclosure>) : il est importé comme brouillon
import-no-audio-help = ajoutez son MP3 au dossier et mettez `draft: false` si c’est un vrai épisode
import-license-differs = le `podcast:license` de l’épisode, `{ $license }`, diffère de celui de l’émission : carnets publie une seule licence pour toute l’émission
import-license-differs-help = indiquez la licence de l’épisode dans ses notes
import-not-web-address = l’adresse n’est pas une adresse http:// ou https:// sur le web
import-not-web-address-help = les fichiers d’un flux doivent être sur le web : corrigez l’adresse chez l’ancien hébergeur
import-artwork-left-out = son illustration est gardée dans le dossier sous le nom { $name } mais laissée hors d’episode.md : { $problems }
import-artwork-left-out-help = exportez-la à nouveau en JPEG RVB carré de 1400 à 3000 px, puis ajoutez `image: cover.jpg`
import-chapters-unreadable = { $url } : { $error }
import-chapters-unreadable-help = ajoutez les chapitres à `chapters:` à la main
import-chapters-not-downloaded = les chapitres n’ont pas pu être téléchargés ({ $url } : { $error })
import-chapters-not-downloaded-help = relancez l’import plus tard, ou ajoutez-les à `chapters:` à la main
import-transcript-not-downloaded = la transcription n’a pas pu être téléchargée ({ $url } : { $error })
import-transcript-not-downloaded-help = relancez l’import plus tard, ou mettez la transcription dans le dossier à la main
import-transcript-unparsed = la transcription est gardée sous le nom { $name } mais pas publiée : elle ne se lit pas ({ $error })
import-transcript-other-kind = la transcription est gardée sous le nom { $name } mais pas publiée : elle est en `{ $mime }`, et carnets publie du WebVTT ou du SubRip
import-transcript-help = convertissez-la en WebVTT (.vtt) dans le dossier de l’épisode
import-json-chapters-invalid = le fichier de chapitres n’est pas au format JSON des chapitres Podcasting 2.0 : { $error }
import-chapter-bad-time = le chapitre « { $title } » commence à `{ $start }`, qui n’est pas un temps valide : il est laissé de côté
import-chapter-bad-time-help = ajoutez-le à `chapters:` à la main
import-chapters-past-end = { $count ->
        [one] { $count } chapitre commence
       *[other] { $count } chapitres commencent
    } après la fin de l’audio ({ $duration }), à partir de « { $title } » à { $start } : { $count ->
        [one] il est laissé
       *[other] ils sont laissés
    } de côté
import-chapters-past-end-help = l’ancien hébergeur a gardé les chapitres d’une autre version de l’audio : vérifiez les autres, et corrigez `chapters:` à la main
import-soundbite-not-seconds = l’extrait `{ $start }`+`{ $length }` n’est pas en secondes : il est laissé de côté
import-soundbite-not-seconds-help = ajoutez-le à `soundbites:` à la main
import-soundbite-outside = l’extrait à { $start } (durée { $length } s) ne tient pas dans l’audio ({ $duration }) : il est laissé de côté
import-soundbite-outside-help = choisissez un passage à l’intérieur de l’audio pour `soundbites:`

# The French messages of src/deploy/ (ids `deploy-…`), of `carnets deploy`'s report
# (src/cmd/deploy.rs) and of the deploy target's parsing (src/model/target.rs).

## The target, as written in `--to` or `deploy:` (src/model/target.rs).
deploy-target-spaces = la cible de mise en ligne `{ $url }` contient des espaces ou des caractères de contrôle
deploy-target-not-url = la cible de mise en ligne `{ $url }` n’est pas une URL ; écrivez-en une de la forme `s3://bucket/préfixe`, `sftp://utilisateur@hôte/chemin`, `webdav://` ou `webdavs://hôte/chemin`, `file:///chemin`
deploy-target-password = la cible de mise en ligne `{ $url }` contient un mot de passe ; un mot de passe ne s’écrit jamais dans podcast.yaml ni sur la ligne de commande : utilisez une clé SSH pour `sftp://`, CARNETS_WEBDAV_PASSWORD pour `webdav://`
deploy-target-no-bucket = la cible de mise en ligne `{ $url }` ne nomme aucun bucket ; écrivez `s3://bucket/préfixe` (l’adresse du service est lue dans AWS_ENDPOINT_URL)
deploy-target-no-folder = la cible de mise en ligne `{ $url }` ne nomme aucun dossier ; écrivez le dossier d’où l’hébergeur sert le site, par exemple `sftp://moi@hôte/var/www/podcast`
deploy-target-not-absolute = la cible de mise en ligne `{ $url }` n’est pas un dossier absolu ; écrivez `file:///chemin/du/dossier`
deploy-target-unknown-scheme = carnets ne connaît pas de cible de mise en ligne `{ $scheme }://` ; écrivez-en une de la forme `s3://bucket/préfixe`, `sftp://utilisateur@hôte/chemin`, `webdav://` ou `webdavs://hôte/chemin`, `file:///chemin`
deploy-target-no-host = la cible de mise en ligne `{ $url }` ne nomme aucun hôte
deploy-target-bad-port = la cible de mise en ligne `{ $url }` a un port invalide, `{ $port }`

## Starting the deploy (src/deploy/mod.rs, store.rs).
deploy-to-help = par exemple `--to sftp://moi@example.org/var/www/podcast`
deploy-no-target = aucune cible de mise en ligne n’est donnée
deploy-no-target-help = passez `--to URL`, ou écrivez `deploy: sftp://moi@example.org/var/www/podcast` (ou `s3://`, `webdav://`, `file://`) dans podcast.yaml
deploy-cannot-start = impossible de démarrer : { $error }
deploy-cannot-watch = impossible de surveiller Ctrl-C : { $error }
deploy-no-https = impossible de préparer HTTPS : { $error }
deploy-cannot-open = impossible d’ouvrir la cible de mise en ligne { $target } : { $error }
deploy-no-credentials = aucun identifiant pour { $target } : définissez { $variable } dans l’environnement
deploy-no-region = aucun identifiant pour { $target } : définissez AWS_REGION dans l’environnement ; pour un autre service qu’AWS, sa documentation donne la région à écrire (`auto` pour Cloudflare R2, `fr-par` pour Scaleway…)
deploy-no-aws-keys = aucun identifiant pour { $target } : définissez AWS_ACCESS_KEY_ID et AWS_SECRET_ACCESS_KEY dans l’environnement, ou AWS_PROFILE avec un profil de ~/.aws/credentials
deploy-output-unreadable = impossible de lire le site construit : { $error }
deploy-output-unreadable-help = lancez `carnets build`, puis relancez la mise en ligne
deploy-too-many-deletes = cette mise en ligne supprimerait { $deletes } des { $files } fichiers de la cible, plus d’un sur { $share } ; rien n’a été envoyé
deploy-too-many-deletes-help = vérifiez la cible (`--to`, ou `deploy:` dans podcast.yaml) et le site construit ; si ces suppressions sont voulues, lancez `carnets deploy --allow-deletes`

## Why the target was listed (src/deploy/remote.rs): the `why` of `deploy-listed`.
deploy-manifest-version = son manifeste { $manifest } est d’une autre version ({ $version })
deploy-manifest-damaged = son manifeste { $manifest } est endommagé ({ $error })
deploy-manifest-missing = elle n’a pas de manifeste { $manifest } (carnets n’y a encore rien mis en ligne)
deploy-manifest-unencodable = impossible d’encoder le manifeste

## A failure at the target (src/deploy/errors.rs).
deploy-host-bucket = le bucket { $bucket }
deploy-local-unreadable = impossible de lire le fichier construit { $file } : { $error }
deploy-local-unreadable-help = relancez `carnets deploy` : il construit d’abord le site
deploy-local-changed = { $file } a changé pendant sa mise en ligne
deploy-local-changed-help = relancez `carnets deploy` quand plus rien d’autre n’écrit dans le site construit
deploy-short = la cible n’a gardé que { $kept } des { $sent } octets de { $file }
deploy-short-help = le disque de l’hébergeur est peut-être plein (ou un quota atteint) : libérez-y de la place, puis relancez `carnets deploy`
deploy-ssh-key-changed = la clé SSH de l’hôte { $host } n’est pas celle que ~/.ssh/known_hosts a enregistrée
deploy-ssh-key-changed-help = si l’hôte a été réinstallé, oubliez son ancienne clé (`ssh-keygen -R { $host }`) et faites confiance à la nouvelle ; sinon, quelqu’un se tient peut-être entre vous et l’hôte : ne mettez rien en ligne
deploy-ssh-key-unknown = la clé SSH de l’hôte { $host } n’est pas dans ~/.ssh/known_hosts : carnets ne se connecte qu’aux hôtes qu’il reconnaît
deploy-ssh-key-unknown-help = vérifiez l’empreinte de la clé avec l’administrateur de l’hôte, puis faites-lui confiance : `{ $command }`
deploy-ssh-refused = { $host } a refusé la connexion SSH
deploy-ssh-refused-help = chargez votre clé dans l’agent (`ssh-add`) ou nommez-la dans ~/.ssh/config (IdentityFile) ; l’utilisateur est celui de la cible (utilisateur@hôte) ou de ~/.ssh/config
deploy-unreachable = impossible de joindre { $host } : { $error }
deploy-unreachable-help = vérifiez le nom d’hôte et le port de la cible, votre connexion, et que le serveur est en marche ; rien n’y a été changé
deploy-certificate = le certificat présenté par { $host } n’est pas reconnu : { $error }
deploy-certificate-help = si l’hôte utilise votre propre autorité de certification, indiquez son certificat (PEM) dans SSL_CERT_FILE
deploy-full = la cible est pleine : { $file } n’a pas pu être écrit
deploy-full-help = libérez de la place chez l’hébergeur (ou augmentez son quota), puis relancez `carnets deploy`
deploy-webdav-refused = le serveur WebDAV { $host } a refusé la connexion
deploy-webdav-refused-help = donnez à CARNETS_WEBDAV_USER et CARNETS_WEBDAV_PASSWORD le nom et le mot de passe du compte
deploy-s3-refused = le service S3 a refusé les clés pour { $file } : { $error }
deploy-s3-refused-help = vérifiez AWS_ACCESS_KEY_ID et AWS_SECRET_ACCESS_KEY (ainsi qu’AWS_REGION et AWS_ENDPOINT_URL), et que la clé a le droit d’écrire dans ce bucket
deploy-write-refused = la cible a refusé l’écriture de { $file } : { $error }
deploy-write-refused-help = donnez au compte le droit d’écrire dans { $target }, ou choisissez une autre cible
deploy-config-invalid-help = voyez la section du README sur la mise en ligne
deploy-failed-on = la cible a échoué sur { $file } : { $error }
deploy-failed-on-help = le disque de l’hébergeur est peut-être plein ou le dossier en lecture seule : vérifiez chez l’hébergeur, puis relancez `carnets deploy`

## The check of the live show (src/deploy/live.rs).
deploy-feed-status = le flux en ligne répond { $status }
deploy-feed-status-help = vérifiez que `base_url`, dans podcast.yaml, est l’adresse où l’hébergeur sert la cible de mise en ligne
deploy-feed-unparsable = le flux en ligne ne se lit pas : { $why }
deploy-feed-unparsable-help = quelque chose entre l’hébergeur et ses lecteurs modifie le flux : vérifiez la configuration de l’hébergeur
deploy-feed-xml-error = { $error } (à l’octet { $byte })
deploy-feed-root = son élément racine est <{ $root }>, pas <rss>
deploy-feed-empty = il est vide
deploy-feed-stale = le flux en ligne n’est pas celui qui vient d’être mis en ligne
deploy-feed-stale-help = un cache devant l’hébergeur (un CDN) sert encore l’ancien : videz-le, ou attendez quelques minutes
deploy-mp3-status = le MP3 de l’épisode répond { $status } à l’adresse où le flux le désigne
deploy-mp3-status-help = vérifiez que `base_url` (ou `media_base_url`), dans podcast.yaml, est l’adresse où l’hébergeur sert la cible de mise en ligne
deploy-mp3-length = le MP3 de l’épisode est servi avec { $served } octets alors que le flux en annonce { $announced }
deploy-mp3-no-length = le MP3 de l’épisode est servi sans Content-Length alors que le flux annonce { $announced } octets
deploy-mp3-length-help = un cache devant l’hébergeur garde peut-être l’ancien fichier : videz-le (Apple refuse un épisode dont la longueur est fausse)
deploy-mp3-type = le MP3 de l’épisode est servi comme `{ $served }`
deploy-mp3-no-type = le MP3 de l’épisode est servi sans `Content-Type`
deploy-mp3-type-help = configurez l’hébergeur pour qu’il serve les fichiers .mp3 comme audio/mpeg, ce qu’Apple exige
deploy-mp3-range = l’hébergeur répond { $status } à une demande des deux premiers octets du MP3 (`Range: bytes=0-1`), et non 206
deploy-mp3-range-help = activez les requêtes partielles (byte ranges) chez l’hébergeur (ou son CDN) : Apple Podcasts en a besoin pour lire un épisode et s’y déplacer
deploy-live-certificate = impossible de vérifier l’émission en ligne : le certificat de { $host } n’est pas reconnu ({ $error })
deploy-live-certificate-help = si l’hôte utilise votre propre autorité de certification (ou un proxy d’entreprise), indiquez son certificat (PEM) dans SSL_CERT_FILE, comme pour curl
deploy-live-unreachable = impossible de vérifier l’émission en ligne sur { $host } : { $error }
deploy-live-unreachable-help = vérifiez `base_url` dans podcast.yaml et votre connexion ; la mise en ligne elle-même est faite

## Telling the directories (src/deploy/notify.rs).
deploy-websub-failed = le hub WebSub n’a pas accepté la notification : { $problem }
deploy-websub-failed-help = vérifiez l’adresse du hub dans `websub:` de podcast.yaml ; les applications abonnées à ce hub verront l’épisode à leur prochaine lecture du flux
deploy-pubnotify-failed = Podcast Index n’a pas accepté la notification : { $problem }
deploy-pubnotify-failed-help = vérifiez `pubnotify:` dans podcast.yaml ; Podcast Index verra l’épisode à sa prochaine lecture du flux
deploy-ping-answered = il a répondu { $status }

## The report of `carnets deploy` (src/cmd/deploy.rs).
deploy-plan-new = envoyer { $path } (nouveau, { $size })
deploy-plan-changed = envoyer { $path } (modifié, { $size })
deploy-plan-unpublished = supprimer { $path } (n’est plus dans le site construit)
deploy-plan-unsettled = supprimer { $path } (laissé par une mise en ligne interrompue)
deploy-plan-foreign = supprimer { $path } (absent du site construit ; `--allow-deletes`)
deploy-would-delete = serait supprimé : { $path }
deploy-interrupted = mise en ligne interrompue : { $uploaded ->
        [one] { $uploaded } fichier envoyé
       *[other] { $uploaded } fichiers envoyés
    } et { $deleted ->
        [one] { $deleted } supprimé
       *[other] { $deleted } supprimés
    } avant l’arrêt ; le flux en ligne ne nomme que des fichiers complets ; relancez `carnets deploy` pour terminer
deploy-stopped = la mise en ligne s’est arrêtée : { $uploaded ->
        [one] { $uploaded } fichier envoyé
       *[other] { $uploaded } fichiers envoyés
    } et { $deleted ->
        [one] { $deleted } supprimé
       *[other] { $deleted } supprimés
    } avant l’arrêt ; le flux en ligne ne nomme que des fichiers complets ; relancez `carnets deploy` une fois le problème réglé
deploy-listed = note : la cible { $target } a été listée, car { $why } : les fichiers de même taille que ceux du site construit ont été gardés ({ $kept ->
        [one] { $kept } fichier
       *[other] { $kept } fichiers
    })
deploy-left = note : { $files ->
        [one] { $files } fichier de la cible n’est pas dans le site construit et a été laissé en place (`--allow-deletes` le supprime)
       *[other] { $files } fichiers de la cible ne sont pas dans le site construit et ont été laissés en place (`--allow-deletes` les supprime)
    }
deploy-mp3-would-delete = { $path } serait supprimé : l’épisode n’est plus publié ; les auditeurs gardent ce qu’ils ont téléchargé, les nouvelles écoutes échouent
deploy-mp3-deleted = { $path } supprimé : l’épisode n’est plus publié ; les auditeurs gardent ce qu’ils ont téléchargé, les nouvelles écoutes échouent
deploy-plan-summary = plan pour { $target } : { $uploads ->
        [one] { $uploads } fichier à envoyer
       *[other] { $uploads } fichiers à envoyer
    } ({ $size }), { $kept ->
        [one] { $kept } gardé
       *[other] { $kept } gardés
    }, { $deletes } à supprimer ; rien n’a été envoyé
deploy-done = mis en ligne sur { $target } : { $uploaded ->
        [one] { $uploaded } fichier envoyé
       *[other] { $uploaded } fichiers envoyés
    } ({ $size }), { $kept ->
        [one] { $kept } gardé
       *[other] { $kept } gardés
    }, { $deleted ->
        [one] { $deleted } supprimé
       *[other] { $deleted } supprimés
    }
deploy-progress = { $done }/{ $total ->
        [one] { $total } fichier
       *[other] { $total } fichiers
    }

# The French messages of src/stats/ (ids `stats-…`) and of `carnets stats`'s terminal report
# (src/cmd/stats.rs). The HTML report is the show's French content: not here.

## Reading the logs (src/stats/mod.rs, input.rs).
stats-unreadable = impossible de lire ce journal : { $error }
stats-unreadable-help = vérifiez le chemin et ses droits ; un journal compressé doit l’être en gzip (.gz)
stats-unparsed-lines = { $lines ->
        [one] { $lines } ligne de ce journal n’est pas une ligne de journal { $format } et a été écartée
       *[other] { $lines } lignes de ce journal ne sont pas des lignes de journal { $format } et ont été écartées
    }
stats-unparsed-line = cette ligne n’est pas une ligne de journal { $format }, elle est écartée : { $line }
stats-unparsed-line-help = si toutes les lignes ressemblent à celle-ci, le journal a un autre format : donnez-le avec `--format` (combined, s3 ou cloudfront)
stats-no-line = les journaux ne contiennent aucune ligne : il n’y a rien à compter
stats-no-line-help = donnez les journaux d’accès du serveur qui sert les MP3 des épisodes
stats-no-parsed-line = aucune ligne des journaux n’est une ligne de journal { $format } : il n’y a rien à compter
stats-looks-like-help = les lignes ressemblent à un journal { $format } : ajoutez `--format { $format }`
stats-no-format-help = carnets lit les formats combined (nginx, Apache), s3 et cloudfront : donnez celui de ces journaux avec `--format`

## The command (src/cmd/stats.rs).
stats-since-after-until = `--since { $since }` est après `--until { $until }` : il ne reste aucun jour à compter
stats-since-after-until-help = donnez à `--since` un jour antérieur à `--until`
stats-no-episode = le podcast n’a aucun épisode publié, donc aucun téléchargement à compter
stats-no-episode-help = lancez `carnets stats` dans le dossier du podcast, ou donnez ce dossier avec `--root`
stats-cannot-write = impossible d’écrire le rapport : { $error }
stats-cannot-write-help = vérifiez que le dossier existe et que vous avez le droit d’y écrire
stats-failed = { $errors ->
        [one] { $errors } erreur
       *[other] { $errors } erreurs
    } ; rien n’a été compté
stats-summary = { $downloads ->
        [one] { $downloads } téléchargement compté
       *[other] { $downloads } téléchargements comptés
    } sur { $lines ->
        [one] { $lines } ligne
       *[other] { $lines } lignes
    } de { $logs ->
        [one] { $logs } journal
       *[other] { $logs } journaux
    }
stats-summary-wrote = { $downloads ->
        [one] { $downloads } téléchargement compté
       *[other] { $downloads } téléchargements comptés
    } sur { $lines ->
        [one] { $lines } ligne
       *[other] { $lines } lignes
    } de { $logs ->
        [one] { $logs } journal
       *[other] { $logs } journaux
    } ; rapport écrit dans { $file }
stats-summary-wrote-two = { $downloads ->
        [one] { $downloads } téléchargement compté
       *[other] { $downloads } téléchargements comptés
    } sur { $lines ->
        [one] { $lines } ligne
       *[other] { $lines } lignes
    } de { $logs ->
        [one] { $logs } journal
       *[other] { $logs } journaux
    } ; rapports écrits dans { $first } et { $second }

## The terminal's tables (src/cmd/stats.rs).
stats-header = { $show } : { $downloads ->
        [one] { $downloads } téléchargement
       *[other] { $downloads } téléchargements
    }, du { $from } au { $to } ({ $zone }) ; règles IAB v2.3, fenêtre glissante de 24 heures
stats-header-no-day = { $show } : { $downloads ->
        [one] { $downloads } téléchargement
       *[other] { $downloads } téléchargements
    }, aucun jour ({ $zone }) ; règles IAB v2.3, fenêtre glissante de 24 heures
stats-column-episode = Épisode
stats-column-published = Publié le
stats-column-downloads = Téléchargements
stats-column-7-days = 7 jours
stats-column-30-days = 30 jours
stats-column-app = Application
stats-column-share = Part
stats-column-day = Jour
stats-share = { $share } %
stats-app-unknown = application inconnue
stats-left-out = Écartés : { $bots ->
        [one] { $bots } téléchargement de robot
       *[other] { $bots } téléchargements de robots
    }, { $watch ->
        [one] { $watch } doublon de l’Apple Watch
       *[other] { $watch } doublons de l’Apple Watch
    }, { $under ->
        [one] { $under } fenêtre d’auditeur sous le seuil
       *[other] { $under } fenêtres d’auditeur sous le seuil
    }, { $head } HEAD, { $cached ->
        [one] { $cached } non modifié (304)
       *[other] { $cached } non modifiés (304)
    }, { $errors ->
        [one] { $errors } erreur (4xx, 5xx)
       *[other] { $errors } erreurs (4xx, 5xx)
    }, { $probes ->
        [one] { $probes } sonde bytes=0-1
       *[other] { $probes } sondes bytes=0-1
    }, { $unparsed ->
        [one] { $unparsed } ligne illisible
       *[other] { $unparsed } lignes illisibles
    }

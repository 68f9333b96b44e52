# The French messages of src/serve/ (ids `serve-…`).

# After `error: `; the help after `help: `.
serve-cannot-listen = impossible d’écouter sur 127.0.0.1:{ $port } : { $error }
serve-cannot-listen-help = choisissez un autre port avec `--port N`, ou `--port 0` pour n’importe quel port libre
serve-cannot-make-preview = impossible de créer le dossier de l’aperçu : { $error }
serve-cannot-watch = impossible de surveiller { $path } : { $error }
serve-server-stopped = le serveur s’est arrêté : { $error }
serve-internal-error = erreur interne, merci de la signaler : { $what }
serve-failed = { $errors ->
        [one] { $errors } erreur
       *[other] { $errors } erreurs
    } ; l’aperçu montre la dernière construction réussie
# After `warning: `.
serve-watch-failed = surveillance des sources : { $error }

serve-serving-drafts = aperçu de { $root } sur http://{ $address }/ (brouillons compris ; Ctrl-C pour arrêter)
serve-serving-no-drafts = aperçu de { $root } sur http://{ $address }/ (sans les brouillons ; Ctrl-C pour arrêter)
serve-built = { $episodes ->
        [one] { $episodes } épisode construit
       *[other] { $episodes } épisodes construits
    } en { $elapsed } : { $written ->
        [one] { $written } fichier écrit
       *[other] { $written } fichiers écrits
    }, { $unchanged ->
        [one] { $unchanged } inchangé
       *[other] { $unchanged } inchangés
    }
serve-rebuilt = { $episodes ->
        [one] { $episodes } épisode reconstruit
       *[other] { $episodes } épisodes reconstruits
    } en { $elapsed } : { $written ->
        [one] { $written } fichier écrit
       *[other] { $written } fichiers écrits
    }, { $unchanged ->
        [one] { $unchanged } inchangé
       *[other] { $unchanged } inchangés
    }
serve-changed = modifié : { $files }
serve-stopped = arrêté
serve-foreign-host = carnets serve ne répond qu’à l’adresse http://{ $address }/
serve-preview-not-yours = { $path } existe et n’est pas un dossier à vous

# The page a browser shows while the sources do not build.
serve-page-title = carnets serve : erreur de construction
serve-page-error = carnets serve : la dernière modification ne se construit pas. Cette page montre la dernière construction réussie ; elle se recharge d’elle-même une fois l’erreur corrigée.

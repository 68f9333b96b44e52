# The French messages of src/cmd/ (ids `cmd-…`).

# After `error: `, when a command found problems.
cmd-failed = { $errors ->
        [one] { $errors } erreur
       *[other] { $errors } erreurs
    }, { $warnings ->
        [one] { $warnings } avertissement
       *[other] { $warnings } avertissements
    } ; rien n’a été écrit
cmd-build-summary = { $episodes ->
        [one] { $episodes } épisode construit
       *[other] { $episodes } épisodes construits
    } dans { $out } : { $written ->
        [one] { $written } fichier écrit
       *[other] { $written } fichiers écrits
    }, { $unchanged ->
        [one] { $unchanged } inchangé
       *[other] { $unchanged } inchangés
    }
cmd-build-summary-encoded = { $episodes ->
        [one] { $episodes } épisode construit
       *[other] { $episodes } épisodes construits
    } dans { $out } : { $written ->
        [one] { $written } fichier écrit
       *[other] { $written } fichiers écrits
    }, { $unchanged ->
        [one] { $unchanged } inchangé
       *[other] { $unchanged } inchangés
    } ; { $made ->
        [one] { $made } fichier encodé
       *[other] { $made } fichiers encodés
    }, { $remade ->
        [one] { $remade } réétiqueté
       *[other] { $remade } réétiquetés
    }
cmd-check-summary = { $episodes ->
        [one] { $episodes } épisode vérifié
       *[other] { $episodes } épisodes vérifiés
    } : aucune erreur
cmd-init-done =
    podcast créé dans { $dir }
    ensuite : modifiez { $dir }/podcast.yaml, remplacez cover.jpg et l’épisode d’exemple, puis lancez `carnets build --root { $dir }`
cmd-new-done =
    { $file } créé
    ensuite : mettez le MP3 dans { $dir }, écrivez les notes de l’épisode, passez `draft: false`, puis lancez `carnets check`

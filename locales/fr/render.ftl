# The French messages of src/render/ (ids `render-…`).

## Theme templates (src/render/site/engine.rs); the kind and the detail are minijinja's words.
render-template-error = erreur dans le modèle : { $kind } : { $detail }
render-template-error-bare = erreur dans le modèle : { $kind }
render-template-error-included = erreur dans le modèle : { $kind } : { $detail } (inclus depuis { $from })
render-template-error-bare-included = erreur dans le modèle : { $kind } (inclus depuis { $from })
render-template-undefined-help = les modèles reçoivent `site`, `t` et `page` ; les pages d’archive reçoivent aussi `episodes` et `pagination`, les pages d’épisode `episode`, `newer` et `older`, la page de recherche `episodes` et `search_index` ; testez les valeurs facultatives avec `{"{"}% if … %{"}"}` avant de les afficher
render-template-not-found-help = placez le modèle dans { $dir }

## The theme's files (src/render/site/theme.rs)
render-theme-cannot-read-template = impossible de lire { $path } : { $error }
render-theme-cannot-read = lecture impossible : { $error }
render-theme-cannot-read-file = impossible de lire le fichier du thème : { $error }

## Chapters as timestamps in the feed's description (src/render/timestamps.rs)
render-timestamps-too-few = { $count ->
        [one] cet épisode a { $count } chapitre
       *[other] cet épisode a { $count } chapitres
    } : Spotify ne lit les horodatages d’une description qu’à partir de { $min }, la description du flux n’en donne donc aucun
render-timestamps-too-few-help = ajoutez des chapitres pour qu’elle les donne aussi ; Spotify les lit quand même dans le `psc:chapters` du flux, les autres applications dans `chapters.json` et dans le MP3
render-timestamps-late-start = le premier chapitre commence à { $start } : les horodatages d’une description doivent commencer à 00:00 (règle de Spotify), la description du flux n’en donne donc aucun
render-timestamps-late-start-help = faites commencer le premier chapitre à `"00:00"` (une introduction, par exemple)
render-timestamps-same-second = le chapitre « { $title } » commence dans la même seconde que le précédent : les horodatages d’une description sont en secondes entières et doivent croître, la description du flux n’en donne donc aucun
render-timestamps-same-second-help = faites-le commencer au moins une seconde plus tard

# The French messages of src/output/ (ids `output-…`).

output-progress-publishing = publication
output-waiting = une autre construction de { $out } par carnets est en cours ; attente de sa fin…
output-cannot-write = impossible d’écrire la sortie : { $error }
output-kept-page-changed = { $path } a changé pendant la construction ; relancez `carnets build`
output-manifest-damaged = { $manifest } est abîmé ou vient d’une version plus ancienne de carnets
output-holds-sources = { $out } contient les fichiers du podcast lui-même et ne peut pas servir de sortie ; choisissez un autre `--out`
output-foreign-files = { $out } contient déjà des fichiers que carnets n’a pas publiés ; déplacez-les ou choisissez un autre `--out`
output-kept-not-linked = { $path } ne peut pas être lié depuis la sortie
output-source-changed-publishing = { $path } a changé pendant sa publication
output-source-changed-reading = { $path } a changé pendant que la construction le lisait ; relancez `carnets build` une fois le fichier enregistré
output-last-build-unread = la lecture de la construction précédente a échoué
output-last-build-read-twice = la construction précédente a déjà été lue
output-not-a-folder-name = { $out } n’est pas un nom de dossier

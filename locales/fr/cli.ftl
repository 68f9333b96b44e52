# The French messages of src/cli.rs (ids `cli-…`): the `--help` of every command and option.

cli-about = Publie un podcast à partir d’un dossier : MP3 tagués, flux RSS de podcast et archive HTML
cli-quiet = N’affiche que les erreurs (ni avertissements, ni résumé en cas de succès)
cli-verbose = Affiche aussi la durée et la mémoire de chaque étape d’une construction
cli-root = Le dossier du podcast (celui qui contient podcast.yaml)

cli-build-about = Construit le site dans le dossier de sortie (public/ par défaut)
cli-build-out = Dossier de sortie [par défaut : <root>/public]
cli-build-base-url = Publie à cette adresse au lieu du `base_url` de podcast.yaml
cli-build-drafts = Publie aussi les brouillons et les épisodes datés dans le futur

cli-check-about = Vérifie le dossier du podcast et signale chaque problème ; n’écrit rien

cli-new-about = Prépare le dossier de l’épisode suivant (un brouillon daté de maintenant, avec un nouveau GUID)
cli-new-title = Le titre de l’épisode, par exemple « L’IA dans les PME »

cli-init-about = Crée un nouveau dossier de podcast, prêt à construire
cli-init-dir = Le dossier à créer (absent ou vide)

cli-serve-about = Construit un aperçu (brouillons compris), le sert sur 127.0.0.1 et le reconstruit à chaque modification
cli-serve-port = Port d’écoute, sur 127.0.0.1 seulement ; 0 en choisit un libre
cli-serve-no-drafts = Laisse de côté les brouillons et les épisodes datés dans le futur, comme `carnets build`

cli-import-about = Reprend une émission existante depuis son flux : chaque épisode, son GUID et sa date
cli-import-source = Le flux actuel de l’émission : son adresse http(s)://, ou une copie enregistrée
cli-import-root = Le dossier du podcast à créer (absent ou vide), ou un dossier déjà importé à mettre à jour
cli-import-base-url = L’adresse https:// où le nouveau site sera servi (écrite comme `base_url`)
cli-import-jobs = Nombre de téléchargements simultanés
cli-import-force = Importe un flux qui dit `podcast:locked` `yes` (votre propre émission)
cli-import-timeout = Secondes d’attente de l’ancien hébergeur (pour se connecter, pour répondre, entre deux lectures)

cli-deploy-about = Construit, puis met en ligne public/ sur s3://, sftp://, webdav:// ou file:// (le flux en dernier, aucun lien cassé)
cli-deploy-to = Où mettre en ligne [par défaut : `deploy:` de podcast.yaml] : `s3://bucket/prefix`, `sftp://user@host[:port]/path`, `webdav://host/path` (`webdavs://` pour HTTPS), `file:///path`
cli-deploy-dry-run = Affiche le plan (chaque envoi et chaque suppression, et pourquoi) sans rien envoyer
cli-deploy-jobs = Nombre de fichiers envoyés simultanément
cli-deploy-allow-deletes = Autorise la mise en ligne à supprimer plus d’un cinquième des fichiers de la cible, ou des fichiers trouvés sur une cible où carnets n’a jamais rien mis en ligne

cli-stats-about = Compte les téléchargements des épisodes dans les journaux d’accès de l’hébergeur, selon les règles IAB v2.3
cli-stats-logs = Journaux d’accès, bruts ou compressés par gzip : plusieurs fichiers, ou une série tournante dans n’importe quel ordre (access.log access.log.1 access.log.2.gz …)
cli-stats-format = Le format des journaux : combined (nginx, Apache), s3 (journaux d’accès serveur d’Amazon S3) ou cloudfront (journaux standard de CloudFront)
cli-stats-since = Compte à partir de ce jour (AAAA-MM-JJ, dans le fuseau horaire de l’émission)
cli-stats-until = Compte jusqu’à ce jour inclus (AAAA-MM-JJ, dans le fuseau horaire de l’émission)
cli-stats-json = Écrit aussi les chiffres en JSON dans ce fichier
cli-stats-html = Écrit aussi un rapport d’une page en français, avec des graphiques, dans ce fichier HTML

# What clap writes around them.
cli-usage-heading = Utilisation :
# A no-break space before the colon clap adds.
cli-commands-heading = Commandes{"\u00A0"}
cli-options-heading = Options{"\u00A0"}
cli-arguments-heading = Arguments{"\u00A0"}
cli-help-command = Affiche ce message ou l’aide de la ou des sous-commandes données
cli-help-flag = Affiche l’aide
cli-version-flag = Affiche la version
cli-possible-values = [valeurs possibles : { $values }]
cli-default = [par défaut : { $value }]

# The French messages of src/model/ (ids `model-…`).


## model/target.rs : la cible d’une mise en ligne, comme l’écrivent `--to` ou `deploy:`.
model-target-spaces = la cible de mise en ligne `{ $url }` contient des espaces ou des caractères de contrôle
model-target-not-url = la cible de mise en ligne `{ $url }` n’est pas une URL ; écrivez l’une de `s3://bucket/prefix`, `sftp://user@host/path`, `webdav://` ou `webdavs://host/path`, `file:///path`
model-target-password = la cible de mise en ligne `{ $url }` contient un mot de passe ; un mot de passe ne va jamais dans `podcast.yaml` ni sur la ligne de commande : utilisez une clé SSH pour `sftp://`, `CARNETS_WEBDAV_PASSWORD` pour `webdav://`
model-target-no-bucket = la cible de mise en ligne `{ $url }` ne nomme aucun bucket ; écrivez `s3://bucket/prefix` (l’adresse du service vient de `AWS_ENDPOINT_URL`)
model-target-no-folder = la cible de mise en ligne `{ $url }` ne nomme aucun dossier ; écrivez le dossier d’où l’hébergeur sert le site, par exemple `sftp://moi@hote/var/www/podcast`
model-target-not-absolute = la cible de mise en ligne `{ $url }` n’est pas un dossier absolu ; écrivez `file:///chemin/du/dossier`
model-target-unknown-scheme = `{ $scheme }://` n’est pas une cible de mise en ligne que carnets connaît ; écrivez l’une de `s3://bucket/prefix`, `sftp://user@host/path`, `webdav://` ou `webdavs://host/path`, `file:///path`
model-target-no-host = la cible de mise en ligne `{ $url }` ne nomme aucun hôte
model-target-bad-port = la cible de mise en ligne `{ $url }` a un port incorrect `{ $port }`

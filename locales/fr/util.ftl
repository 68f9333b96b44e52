# The French messages of src/util/ (ids `util-…`).

util-path-absolute = `{ $relative }` doit être un nom de fichier relatif à { $base }
util-path-leaves = `{ $relative }` ne doit pas sortir de { $base } (pas de `..`)
util-path-not-a-file = `{ $relative }` n’est pas un fichier
util-path-missing = `{ $name }` n’existe pas dans { $base }
util-cannot-read = impossible de lire { $path } : { $error }
util-path-link-outside = `{ $name }` est un lien vers un fichier hors de { $base } ; copiez plutôt le fichier dans le dossier
util-not-regular = ce n’est pas un fichier ordinaire (c’est un dossier, un tube ou un périphérique)

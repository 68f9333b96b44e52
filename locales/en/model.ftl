# The English messages of src/model/ (ids `model-…`).


## model/target.rs: the deploy target, as `--to` or `deploy:` writes it.
model-target-spaces = the deploy target `{ $url }` has spaces or control characters
model-target-not-url = the deploy target `{ $url }` is not a URL; write one of s3://bucket/prefix, sftp://user@host/path, webdav:// or webdavs://host/path, file:///path
model-target-password = the deploy target `{ $url }` holds a password; passwords never go in podcast.yaml or the command line: use an SSH key for sftp://, CARNETS_WEBDAV_PASSWORD for webdav://
model-target-no-bucket = the deploy target `{ $url }` names no bucket; write s3://bucket/prefix (the endpoint comes from AWS_ENDPOINT_URL)
model-target-no-folder = the deploy target `{ $url }` names no folder; write the folder the site is served from, e.g. sftp://me@host/var/www/podcast
model-target-not-absolute = the deploy target `{ $url }` is not an absolute folder; write file:///path/to/folder
model-target-unknown-scheme = `{ $scheme }://` is not a deploy target carnets knows; write one of s3://bucket/prefix, sftp://user@host/path, webdav:// or webdavs://host/path, file:///path
model-target-no-host = the deploy target `{ $url }` names no host
model-target-bad-port = the deploy target `{ $url }` has a bad port `{ $port }`

# The English messages of src/model/ (ids `model-…`).


## model/target.rs: the deploy target, as `--to` or `deploy:` writes it.

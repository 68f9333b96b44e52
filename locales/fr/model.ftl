# The French messages of src/model/ (ids `model-…`).


## model/target.rs : la cible d’une mise en ligne, comme l’écrivent `--to` ou `deploy:`.

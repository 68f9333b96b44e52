# The English messages of src/render/ (ids `render-…`).

## Theme templates (src/render/site/engine.rs); the kind and the detail are minijinja's words.
render-template-error = template error: { $kind }: { $detail }
render-template-error-bare = template error: { $kind }
render-template-error-included = template error: { $kind }: { $detail } (included from { $from })
render-template-error-bare-included = template error: { $kind } (included from { $from })
render-template-undefined-help = templates get `site`, `t` and `page`; archive pages also get `episodes` and `pagination`, episode pages `episode`, `newer` and `older`, the search page `episodes` and `search_index`; test optional values with `{"{"}% if … %{"}"}` before printing them
render-template-not-found-help = put the template in { $dir }

## The theme's files (src/render/site/theme.rs)
render-theme-cannot-read-template = cannot read { $path }: { $error }
render-theme-cannot-read = cannot read: { $error }
render-theme-cannot-read-file = cannot read the theme file: { $error }

## Chapters as timestamps in the feed's description (src/render/timestamps.rs)
render-timestamps-too-few = this episode has { $count } chapter(s): Spotify reads timestamps in a description only from { $min } on, so the feed's description lists none
render-timestamps-too-few-help = add chapters to list them in the description too; Spotify still reads them from the feed's psc:chapters, other apps from chapters.json and the MP3
render-timestamps-late-start = the first chapter starts at { $start }: timestamps in a description must start at 00:00 (Spotify's rule), so the feed's description lists none
render-timestamps-late-start-help = start the first chapter at "00:00" (an introduction, say)
render-timestamps-same-second = the chapter « { $title } » starts in the same second as the one before it: timestamps in a description are whole seconds and must increase, so the feed's description lists none
render-timestamps-same-second-help = start it at least a second later

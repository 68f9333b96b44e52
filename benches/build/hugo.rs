//! The reference static-site build: a minimal Hugo site holding the same show notes as pages,
//! an archive paginated by 20 like carnets', and an RSS feed with every episode's full notes.

use std::fs;
use std::path::{Path, PathBuf};

use crate::podcast;

/// The folder of the Hugo site of `n` episodes (generated if missing).
pub fn site(dir: &Path, n: usize) -> PathBuf {
    let root = dir.join(format!("hugo-{n}"));
    let marker = root.join(".generated");
    if fs::read_to_string(&marker).is_ok_and(|v| v == VERSION) {
        return root;
    }
    let _ = fs::remove_dir_all(&root);
    let layouts = root.join("layouts/_default");
    fs::create_dir_all(&layouts).expect("create the hugo site");
    fs::create_dir_all(root.join("content/episodes")).expect("create the hugo content");
    fs::write(root.join("hugo.toml"), CONFIG).expect("write hugo.toml");
    for (name, text) in LAYOUTS {
        fs::write(root.join("layouts").join(name), text).expect("write a layout");
    }
    for i in 0..n {
        write_page(&root, i, 0);
    }
    fs::write(&marker, VERSION).expect("write the marker");
    root
}

/// Writes the page of episode `i`, its notes as in `episode.md` with `edit`.
pub fn write_page(root: &Path, i: usize, edit: usize) {
    let md = podcast::episode_md(i, edit);
    // Hugo wants a full RFC 3339 date; the rest of the front matter is kept as page params.
    let md = md.replacen(" 08:00\n", "T08:00:00+01:00\n", 1);
    let path = root
        .join("content/episodes")
        .join(format!("{}.md", podcast::slug(i)));
    fs::write(path, md).expect("write a hugo page");
}

const VERSION: &str = "carnets-bench-hugo 1";

const CONFIG: &str = r#"baseURL = "https://bench.example.fr/"
title = "Les Carnets du banc d'essai"
languageCode = "fr-FR"
disableKinds = ["taxonomy", "term"]
paginate = 20
[outputs]
home = ["HTML", "RSS"]
section = ["HTML"]
page = ["HTML"]
[services.rss]
limit = -1
"#;

const LAYOUTS: &[(&str, &str)] = &[
    (
        "_default/baseof.html",
        r#"<!DOCTYPE html>
<html lang="fr-FR"><head><meta charset="utf-8"><title>{{ .Title }} — {{ site.Title }}</title>
<link rel="alternate" type="application/rss+xml" href="{{ "index.xml" | absURL }}"></head>
<body><header><a href="{{ "/" | relURL }}">{{ site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
"#,
    ),
    (
        "_default/single.html",
        r#"{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></p>
<p>{{ .Params.summary }}</p>
<audio controls preload="none" src="{{ .RelPermalink }}audio.mp3"></audio>
{{ with .Params.chapters }}<ol>{{ range . }}<li>{{ .start }} {{ .title }}</li>{{ end }}</ol>{{ end }}
{{ .Content }}
<nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
</article>{{ end }}
"#,
    ),
    (
        "_default/list.html",
        r#"{{ define "main" }}{{ $pager := .Paginate (where site.RegularPages "Section" "episodes") }}
<ul>{{ range $pager.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
<time>{{ .Date.Format "2006-01-02" }}</time> <p>{{ .Params.summary }}</p></li>{{ end }}</ul>
<nav>{{ with $pager.Prev }}<a href="{{ .URL }}">précédent</a>{{ end }}
{{ with $pager.Next }}<a href="{{ .URL }}">suivant</a>{{ end }}</nav>{{ end }}
"#,
    ),
    (
        "index.html",
        r#"{{ define "main" }}{{ $pager := .Paginate (where site.RegularPages "Section" "episodes") }}
<ul>{{ range $pager.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
<time>{{ .Date.Format "2006-01-02" }}</time> <p>{{ .Params.summary }}</p></li>{{ end }}</ul>
<nav>{{ with $pager.Next }}<a href="{{ .URL }}">suivant</a>{{ end }}</nav>{{ end }}
"#,
    ),
    (
        "index.rss.xml",
        r#"{{ printf "<?xml version=\"1.0\" encoding=\"utf-8\"?>" | safeHTML }}
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>{{ site.Title }}</title><link>{{ .Permalink }}</link><language>fr-FR</language>
{{ range where site.RegularPages "Section" "episodes" }}<item><title>{{ .Title }}</title>
<link>{{ .Permalink }}</link><guid isPermaLink="false">{{ .Params.guid }}</guid>
<pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" | safeHTML }}</pubDate>
<description>{{ .Params.summary }}</description>
<content:encoded>{{ printf "<![CDATA[%s]]>" .Content | safeHTML }}</content:encoded>
<enclosure url="{{ .Permalink }}audio.mp3" type="audio/mpeg" length="1045000"/></item>
{{ end }}</channel></rss>
"#,
    ),
];

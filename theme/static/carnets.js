/* The script of the default theme of carnets: small, local, optional. Every page works
   without it; with it, times seek the player, the feed address has a copy button, and the
   search page answers from the static index (search.json), in the browser. */
(function () {
  "use strict";

  /* Times (chapters, transcript) are links to the MP3 at that time: seek the page's player
     instead. They are links, so the keyboard reaches and follows them like any other. */
  function player() {
    var audio = document.getElementById("lecteur");
    if (!audio) return;
    var seeks = Array.prototype.slice.call(document.querySelectorAll("a.seek[data-start]"));
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a.seek[data-start]");
      if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      if (audio.preload === "none") audio.preload = "metadata";
      audio.currentTime = parseFloat(link.getAttribute("data-start")) || 0;
      var playing = audio.play();
      if (playing && playing.catch) playing.catch(function () {});
    });
    /* What is playing now: the last chapter and paragraph that started. */
    var current = [];
    audio.addEventListener("timeupdate", function () {
      var now = audio.currentTime, latest = {};
      seeks.forEach(function (link) {
        var box = link.closest("li, p");
        var group = box && box.parentNode;
        if (group && parseFloat(link.getAttribute("data-start")) <= now + 0.25) latest[groupKey(group)] = box;
      });
      current.forEach(function (box) { box.classList.remove("is-current"); });
      current = Object.keys(latest).map(function (k) { return latest[k]; });
      current.forEach(function (box) { box.classList.add("is-current"); });
    });
  }

  function groupKey(node) {
    return node.closest(".chapters") ? "chapters" : "transcript";
  }

  /* The feed address: a copy button next to the (selectable) field. */
  function copyButtons() {
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
      var field = document.getElementById(button.getAttribute("data-copy"));
      var status = button.closest("section").querySelector(".copy-status");
      if (!field) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        var say = function (key) { if (status) status.textContent = button.getAttribute(key); };
        var fallback = function () {
          field.select();
          say(document.execCommand && document.execCommand("copy") ? "data-copied" : "data-failed");
        };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(field.value).then(function () { say("data-copied"); }, fallback);
        } else {
          fallback();
        }
      });
    });
  }

  /* Search: case and accents folded the same way in the index and the query. */
  var LIGATURES = { "œ": "oe", "æ": "ae", "ß": "ss", "’": "'", "ʼ": "'", "\u00a0": " ", "\u202f": " " };

  function foldChar(c) {
    if (LIGATURES[c]) return LIGATURES[c];
    return c.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  /* The folded text, and for each folded character the index of its source character. */
  function fold(text) {
    var out = "", map = [], i = 0;
    for (var c of text) {
      var f = foldChar(c);
      for (var k = 0; k < f.length; k++) map.push(i);
      out += f;
      i += c.length;
    }
    map.push(i);
    return { text: out, map: map };
  }

  function words(query) {
    return fold(query).text.split(/[^\p{L}\p{N}']+/u).filter(function (w) { return w.length > 0; });
  }

  /* One field of an episode: where the first word is, as a short excerpt. */
  function find(field, terms) {
    var folded = fold(field);
    if (!terms.every(function (t) { return folded.text.indexOf(t) >= 0; })) return null;
    var at = folded.text.indexOf(terms[0]);
    var from = folded.map[at], to = folded.map[at + terms[0].length];
    var start = Math.max(0, from - 60), end = Math.min(field.length, to + 80);
    /* Whole words only at both ends of the excerpt. */
    var space = field.indexOf(" ", start);
    if (start > 0 && space >= 0 && space < from) start = space + 1;
    space = field.lastIndexOf(" ", end);
    if (end < field.length && space > to) end = space;
    return {
      before: (start > 0 ? "…" : "") + field.slice(start, from),
      match: field.slice(from, to),
      after: field.slice(to, end) + (end < field.length ? "…" : "")
    };
  }

  function search(episodes, terms) {
    var results = [];
    episodes.forEach(function (e) {
      var head = [e.title, e.summary || "", e.keywords.join(" "), e.people.join(" ")].join(" \n ");
      var all = fold(head + " \n " + e.notes + " \n " + e.transcript.map(function (p) {
        return (p.speaker || "") + " " + p.text;
      }).join(" \n ")).text;
      if (!terms.every(function (t) { return all.indexOf(t) >= 0; })) return;
      var inHead = terms.every(function (t) { return fold(head).text.indexOf(t) >= 0; });
      var hit = { episode: e, score: inHead ? 2 : 1 };
      if (!inHead) {
        hit.notes = find(e.notes, terms);
        if (!hit.notes) {
          e.transcript.some(function (p) {
            var found = find(p.text, terms);
            if (found) hit.transcript = { paragraph: p, excerpt: found };
            return !!found;
          });
          if (!hit.transcript) hit.notes = find(e.notes, terms.slice(0, 1));
        }
      }
      results.push(hit);
    });
    /* The index is newest first; a stable sort keeps that order within a score. */
    return results.sort(function (a, b) { return b.score - a.score; });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function excerptNode(label, excerpt) {
    var p = el("p", "excerpt");
    p.appendChild(el("span", "excerpt-label", label));
    p.appendChild(document.createTextNode(" " + excerpt.before));
    p.appendChild(el("mark", "", excerpt.match));
    p.appendChild(document.createTextNode(excerpt.after));
    return p;
  }

  function render(form, list, hits) {
    list.textContent = "";
    hits.forEach(function (hit) {
      var e = hit.episode, li = el("li", "result");
      var title = el("p", "result-title"), a = el("a", "", e.title);
      a.href = e.url + (hit.transcript ? "#" + hit.transcript.paragraph.id : "");
      title.appendChild(a);
      li.appendChild(title);
      li.appendChild(el("p", "meta", e.date + " · " + e.duration));
      if (hit.transcript) {
        var p = hit.transcript.paragraph;
        li.appendChild(excerptNode(form.getAttribute("data-in-transcript") + " " + p.time + (p.speaker ? ", " + p.speaker : "") + "\u00a0:", hit.transcript.excerpt));
      } else if (hit.notes) {
        li.appendChild(excerptNode(form.getAttribute("data-in-notes") + "\u00a0:", hit.notes));
      } else if (e.summary) {
        li.appendChild(el("p", "summary", e.summary));
      }
      list.appendChild(li);
    });
    list.hidden = hits.length === 0;
  }

  function searchPage() {
    var form = document.querySelector("form.search-form[data-index]");
    if (!form) return;
    var input = form.querySelector("input[name=q]");
    var status = document.querySelector(".search-status");
    var list = document.querySelector(".search-results");
    var everything = document.querySelector(".search-all");
    var index = null;
    var say = function (key, query, count) {
      status.textContent = form.getAttribute(key).replace("%q", query).replace("%n", count);
    };
    var run = function () {
      if (!index) return;
      var query = input.value.trim(), terms = words(query);
      if (terms.length === 0) {
        render(form, list, []);
        status.textContent = "";
        everything.hidden = false;
        return;
      }
      var hits = search(index.episodes, terms);
      render(form, list, hits);
      everything.hidden = hits.length > 0;
      say(hits.length === 0 ? "data-none" : hits.length === 1 ? "data-one" : "data-many", query, hits.length);
    };
    input.value = new URLSearchParams(location.search).get("q") || "";
    status.textContent = form.getAttribute("data-loading");
    fetch(form.getAttribute("data-index"))
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (json) { index = json; run(); })
      .catch(function () { status.textContent = form.getAttribute("data-error"); });
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var url = new URL(location.href);
        if (input.value.trim()) url.searchParams.set("q", input.value.trim()); else url.searchParams.delete("q");
        history.replaceState(null, "", url);
        run();
      }, 150);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  }

  function start() {
    player();
    copyButtons();
    searchPage();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

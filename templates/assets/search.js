/* Handbook search, on search.html only: reads ?q=, searches the index built by Handbook
   (search-index.js, which sets window.HANDBOOK_SEARCH_INDEX) with MiniSearch, and lists the
   results in #search-results, best first, one per page, each linking to the page or straight to
   its best-matching section. Progressive enhancement: without this script the page's form still
   works as a plain GET form and the page points to the A to Z index. No inline script, no eval,
   and text from the index only ever reaches the page through textContent. */
(function () {
  'use strict';

  var INDEX_GLOBAL = 'HANDBOOK_SEARCH_INDEX';
  var INDEX_VERSION = 1;
  var DEBOUNCE_MS = 150;
  var MAX_RESULTS = 50;
  var SNIPPET_WORDS = 25;
  var SNIPPET_BEFORE = 8;
  var SEARCH_OPTIONS = {
    boost: { title: 4, headings: 3, terms: 2, text: 1 },
    prefix: true,
    fuzzy: 0.2,
    combineWith: 'AND'
  };

  var container = document.getElementById('search-results');
  if (!container) {
    return; // not the search page: the header form is a plain GET form and needs nothing
  }
  var input = document.getElementById('search-input');
  var form = input ? input.form : null;
  var status = document.getElementById('search-status');
  var fallback = document.getElementById('search-fallback');
  var hint = document.getElementById('search-hint');
  var root = container.getAttribute('data-root') || '';

  var engine = null;
  var docs = [];   // docs[id]: what a MiniSearch result id stands for
  var pages = [];
  var timer = 0;
  var lastQuery = null;

  function start() {
    var data = window[INDEX_GLOBAL];
    if (typeof window.MiniSearch !== 'function' || !data || data.v !== INDEX_VERSION || !input) {
      unavailable();
      return;
    }
    pages = data.pages || [];
    var entries = [];
    pages.forEach(function (page, p) {
      var intro = [page.d, page.x].filter(Boolean).join(' ');
      add(entries, { kind: 'page', page: p, text: intro },
        { title: page.t, headings: '', text: intro, terms: (page.k || []).join(' ') });
      (page.s || []).forEach(function (section) {
        add(entries, { kind: 'section', page: p, anchor: section[0], heading: section[1], text: section[2] },
          { title: '', headings: section[1], text: section[2], terms: '' });
      });
    });
    (data.terms || []).forEach(function (term) {
      add(entries, { kind: 'term', url: term.u, title: term.t, aliases: term.a || [], text: term.x },
        { title: '', headings: '', text: term.x, terms: [term.t].concat(term.a || []).join(' ') });
    });
    engine = new window.MiniSearch({ fields: ['title', 'headings', 'text', 'terms'], storeFields: [] });
    engine.addAll(entries);

    if (fallback) {
      fallback.hidden = true;
    }
    if (hint) {
      hint.hidden = false;
      input.setAttribute('aria-describedby', hint.id);
    }
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run(input.value, true); }, DEBOUNCE_MS);
    });
    input.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowDown' && !event.altKey) {
        var first = links()[0];
        if (first) {
          event.preventDefault();
          first.focus();
        }
      }
    });
    container.addEventListener('keydown', moveBetweenResults);
    if (form) {
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        clearTimeout(timer);
        run(input.value, true);
      });
    }
    var query = new URLSearchParams(window.location.search).get('q') || '';
    input.value = query;
    run(query, false);
  }

  function add(entries, doc, fields) {
    fields.id = docs.length;
    docs.push(doc);
    entries.push(fields);
  }

  /** Shows the message in the live status region, which screen readers announce politely. */
  function say(message) {
    if (status) {
      status.textContent = message;
    }
  }

  function unavailable() {
    say('Search is not available: its index could not be loaded.');
    if (fallback) {
      fallback.hidden = false;
    }
  }

  /** Searches for the query and shows the results; updates the address so it can be shared. */
  function run(raw, updateAddress) {
    var query = raw.replace(/\s+/g, ' ').trim();
    if (updateAddress) {
      remember(query);
    }
    if (query === lastQuery) {
      return;
    }
    lastQuery = query;
    while (container.firstChild) {
      container.removeChild(container.firstChild);
    }
    if (!query) {
      say('');
      return;
    }
    var hits = engine.search(query, SEARCH_OPTIONS);
    if (hits.length === 0) {
      hits = engine.search(query, Object.assign({}, SEARCH_OPTIONS, { combineWith: 'OR' }));
    }
    var groups = group(hits);
    var quoted = '\u201c' + query + '\u201d';
    if (groups.length === 0) {
      say('No results for ' + quoted + '.');
      var none = document.createElement('p');
      none.className = 'search-none';
      none.appendChild(document.createTextNode('Check the spelling or try fewer or other words. You can also look it up in the '));
      var az = document.createElement('a');
      az.href = root + 'a-z.html';
      az.textContent = 'A to Z index';
      none.appendChild(az);
      none.appendChild(document.createTextNode('.'));
      container.appendChild(none);
      return;
    }
    say((groups.length === 1 ? '1 result' : groups.length + ' results') + ' for ' + quoted +
      (groups.length > MAX_RESULTS ? '; showing the best ' + MAX_RESULTS + '.' : '.'));
    var list = document.createElement('ol');
    list.className = 'search-result-list';
    list.setAttribute('role', 'list'); // keeps list semantics in Safari despite list-style: none
    groups.slice(0, MAX_RESULTS).forEach(function (g) {
      list.appendChild(render(g));
    });
    container.appendChild(list);
  }

  /** One result per page (or glossary term), at the place of its best-scoring document. */
  function group(hits) {
    var byKey = new Map();
    var groups = [];
    hits.forEach(function (hit) {
      var doc = docs[hit.id];
      var key = doc.kind === 'term' ? 'term:' + doc.url : 'page:' + doc.page;
      var g = byKey.get(key);
      if (!g) {
        g = { best: doc, terms: [] };
        byKey.set(key, g);
        groups.push(g);
      }
      hit.terms.forEach(function (t) {
        if (g.terms.indexOf(t) < 0) {
          g.terms.push(t);
        }
      });
    });
    return groups;
  }

  function render(g) {
    var doc = g.best;
    var matcher = highlighter(g.terms);
    var li = document.createElement('li');
    li.className = 'search-result';
    var a = document.createElement('a');
    a.className = 'search-result-link';
    var title = document.createElement('span');
    title.className = 'search-result-title';
    a.appendChild(title);
    var context = null;
    var text;
    if (doc.kind === 'term') {
      a.href = root + doc.url;
      matcher(title, doc.title);
      context = 'Glossary entry';
      text = doc.text;
    } else {
      var page = pages[doc.page];
      a.href = root + page.u + (doc.kind === 'section' ? '#' + doc.anchor : '');
      matcher(title, page.t);
      if (doc.kind === 'section') {
        context = doc.heading;
      }
      text = doc.text || page.d || '';
    }
    li.appendChild(a);
    if (context) {
      var section = document.createElement('span');
      section.className = 'search-result-section';
      if (doc.kind === 'section') {
        var separator = document.createElement('span');
        separator.setAttribute('aria-hidden', 'true');
        separator.textContent = '\u203a ';
        section.appendChild(separator);
        matcher(section, context);
      } else {
        section.textContent = context;
      }
      a.appendChild(document.createTextNode(' '));
      a.appendChild(section);
    }
    if (text) {
      var p = document.createElement('p');
      p.className = 'search-result-snippet';
      matcher(p, snippet(text, g.terms));
      li.appendChild(p);
    }
    return li;
  }

  /** About SNIPPET_WORDS words of the text around the first match, with ellipses where cut. */
  function snippet(text, terms) {
    var words = text.split(' ');
    var re = termPattern(terms, '');
    var at = 0;
    if (re) {
      for (var i = 0; i < words.length; i++) {
        if (re.test(words[i])) {
          at = i;
          break;
        }
      }
    }
    var from = Math.max(0, at - SNIPPET_BEFORE);
    var to = Math.min(words.length, from + SNIPPET_WORDS);
    from = Math.max(0, to - SNIPPET_WORDS);
    return (from > 0 ? '\u2026 ' : '') + words.slice(from, to).join(' ') + (to < words.length ? ' \u2026' : '');
  }

  /** A function that appends text to an element with every matched word wrapped in <mark>. */
  function highlighter(terms) {
    var re = termPattern(terms, 'g');
    return function (parent, text) {
      if (!re) {
        parent.appendChild(document.createTextNode(text));
        return;
      }
      re.lastIndex = 0;
      var last = 0;
      var m;
      while ((m = re.exec(text)) !== null) {
        var start = m.index + m[1].length;
        if (start > last) {
          parent.appendChild(document.createTextNode(text.slice(last, start)));
        }
        var mark = document.createElement('mark');
        mark.textContent = m[2];
        parent.appendChild(mark);
        last = start + m[2].length;
      }
      if (last < text.length) {
        parent.appendChild(document.createTextNode(text.slice(last)));
      }
    };
  }

  /** Matches any of the terms as a whole word (as MiniSearch splits words), ignoring case. */
  function termPattern(terms, flags) {
    var words = terms.filter(Boolean).slice().sort(function (x, y) { return y.length - x.length; })
      .map(function (t) { return t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); });
    if (words.length === 0) {
      return null;
    }
    return new RegExp('(^|[^\\p{L}\\p{N}])(' + words.join('|') + ')(?=$|[^\\p{L}\\p{N}])', 'iu' + flags);
  }

  function links() {
    return Array.prototype.slice.call(container.querySelectorAll('a.search-result-link'));
  }

  /** ArrowDown and ArrowUp move between the results, and from the first back to the box. */
  function moveBetweenResults(event) {
    if ((event.key !== 'ArrowDown' && event.key !== 'ArrowUp') || event.altKey) {
      return;
    }
    var all = links();
    var i = all.indexOf(document.activeElement);
    if (i < 0) {
      return;
    }
    event.preventDefault();
    if (event.key === 'ArrowDown') {
      all[Math.min(i + 1, all.length - 1)].focus();
    } else if (i === 0) {
      input.focus();
    } else {
      all[i - 1].focus();
    }
  }

  /** Puts the query in the address (?q=...) without adding a history entry. */
  function remember(query) {
    var search = query ? '?q=' + encodeURIComponent(query).replace(/%20/g, '+') : '';
    if (window.location.search === search) {
      return;
    }
    try {
      window.history.replaceState(null, '', window.location.pathname + search + window.location.hash);
    } catch {
      // Some browsers refuse to change the address of a page opened from a file: not worth failing for.
    }
  }

  function load() {
    if (window[INDEX_GLOBAL] || !container.getAttribute('data-index')) {
      start();
      return;
    }
    // The index script was not included with the page: load it now, from the same site.
    var script = document.createElement('script');
    script.src = container.getAttribute('data-index');
    script.onload = start;
    script.onerror = unavailable;
    document.head.appendChild(script);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', load);
  } else {
    load();
  }
}());

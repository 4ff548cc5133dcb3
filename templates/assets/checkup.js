/* The partnership check-up: live scores, the answer code in the address, and comparing partners.
   A classic script (the handbook also works opened from a folder, where module scripts are refused),
   an enhancement of a page that works without it: it reads the check-up from the page's markup and
   sends nothing anywhere. The pure functions (scoring, the answer code, comparing) are exported for
   the tests under src/test/js/ when the file is loaded by Node. */
(function () {
  'use strict';

  var ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

  /* ---------- Pure functions: no page, no browser ---------- */

  /** FNV-1a, 32 bits, over the UTF-16 code units of text: a small, well-known hash. */
  function hash(text) {
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
  }

  /** n in base 36, exactly width digits (the lowest ones). */
  function base36(n, width) {
    var out = '';
    for (var i = 0; i < width; i++) {
      out = ALPHABET.charAt(n % 36) + out;
      n = Math.floor(n / 36);
    }
    return out;
  }

  function allStatements(checkup) {
    var list = [];
    checkup.themes.forEach(function (theme) {
      theme.statements.forEach(function (s) { list.push(s); });
    });
    return list;
  }

  /**
   * Four characters that name this check-up: its statements, in order, and its scale. A code made
   * for another check-up, or another version of this one, carries another fingerprint.
   */
  function fingerprint(checkup) {
    var ids = allStatements(checkup).map(function (s) { return s.id; }).join(',');
    var scores = checkup.scale.map(function (p) { return p.score; }).join(',');
    return base36(hash('checkup/1|' + ids + '|' + scores + '|' + (checkup.unsure ? 'x' : '-')) % 1679616, 4);
  }

  /**
   * Two check characters: the first by ISO/IEC 7064 MOD 37,36, which catches every mistyped
   * character and every swap of two neighbours; the second from the hash, which catches most
   * other damage.
   */
  function checkDigits(fp, body) {
    var text = fp + body;
    var p = 36;
    for (var i = 0; i < text.length; i++) {
      var s = (p + ALPHABET.indexOf(text.charAt(i))) % 36;
      p = ((s === 0 ? 36 : s) * 2) % 37;
    }
    return ALPHABET.charAt((37 - p) % 36) + base36(hash(text) % 36, 1);
  }

  /**
   * The answer code: the check-up's fingerprint, then one character per statement, theme by theme
   * (0 not answered, 1-9 the place of the answer on the scale, x "don't know"), then two check
   * characters; in groups joined by hyphens for reading aloud, such as "k3f9-3423-2215-7q".
   * answers maps statement ids to a place on the scale (1 = the first point) or 'x'.
   */
  function encode(checkup, answers) {
    var fp = fingerprint(checkup);
    var groups = checkup.themes.map(function (theme) {
      return theme.statements.map(function (s) {
        var a = answers[s.id];
        return a === 'x' ? 'x' : (typeof a === 'number' && a >= 1 && a <= checkup.scale.length ? String(a) : '0');
      }).join('');
    });
    return [fp].concat(groups).concat([checkDigits(fp, groups.join(''))]).join('-');
  }

  /** The code in a pasted text: a bare code, "a=code", or a whole link whose address ends in #a=code. */
  function codeIn(text) {
    var t = String(text || '').trim();
    var hashAt = t.indexOf('#');
    if (hashAt >= 0) {
      t = t.slice(hashAt + 1);
    }
    t = t.replace(/^a=/i, '');
    try {
      t = decodeURIComponent(t);
    } catch {
      // keep the text as it is: the check below reports it as damaged
    }
    return t.replace(/[\s\-\u2010-\u2015.]+/g, '').toLowerCase();
  }

  /**
   * The answers a code holds, or why it cannot be read:
   * {ok: true, answers, answered} or {ok: false, reason: 'empty' | 'damaged' | 'foreign'}.
   * A code whose check characters do not match was damaged on the way (a typo, a cut-off link);
   * a sound code with another fingerprint or length was made for another check-up.
   */
  function decode(checkup, text) {
    var code = codeIn(text);
    if (code === '') {
      return { ok: false, reason: 'empty' };
    }
    if (!/^[0-9a-z]+$/.test(code) || code.length < 7) {
      return { ok: false, reason: 'damaged' };
    }
    var fp = code.slice(0, 4);
    var body = code.slice(4, code.length - 2);
    if (checkDigits(fp, body) !== code.slice(-2)) {
      return { ok: false, reason: 'damaged' };
    }
    var statements = allStatements(checkup);
    if (fp !== fingerprint(checkup) || body.length !== statements.length) {
      return { ok: false, reason: 'foreign' };
    }
    var answers = {};
    var answered = 0;
    for (var i = 0; i < body.length; i++) {
      var c = body.charAt(i);
      if (c === '0') {
        continue;
      }
      if (c === 'x' && checkup.unsure) {
        answers[statements[i].id] = 'x';
      } else if (/[1-9]/.test(c) && Number(c) <= checkup.scale.length) {
        answers[statements[i].id] = Number(c);
      } else {
        return { ok: false, reason: 'damaged' };
      }
      answered++;
    }
    return { ok: true, answers: answers, answered: answered };
  }

  /** The score of one answer, or null for "don't know" and no answer. */
  function scoreOf(checkup, answer) {
    return typeof answer === 'number' ? checkup.scale[answer - 1].score : null;
  }

  /**
   * The scores: per theme the total of the scores answered, how many were answered (a "don't know"
   * is not), the average (total / answered, null when none), and whether it is low (below
   * lowBelow); the themes ranked from the lowest average (ties in the check-up's order; themes
   * with no answers are not ranked); and how many statements were answered in all.
   */
  function score(checkup, answers) {
    var count = 0;
    var answeredAll = 0;
    var themes = checkup.themes.map(function (theme, index) {
      var total = 0;
      var answered = 0;
      var unsure = 0;
      theme.statements.forEach(function (s) {
        var a = answers[s.id];
        var value = scoreOf(checkup, a);
        if (value !== null) {
          total += value;
          answered++;
        } else if (a === 'x') {
          unsure++;
        }
      });
      count += theme.statements.length;
      answeredAll += answered + unsure;
      var average = answered > 0 ? total / answered : null;
      return {
        id: theme.id, title: theme.title, index: index, statements: theme.statements.length,
        answered: answered, unsure: unsure, total: total, average: average,
        low: average !== null && average < checkup.lowBelow
      };
    });
    var ranked = themes.filter(function (t) { return t.average !== null; }).sort(function (a, b) {
      return a.average - b.average || a.index - b.index;
    });
    return { themes: themes, ranked: ranked, answered: answeredAll, count: count, complete: answeredAll === count };
  }

  /**
   * Two or more partners' answers side by side. For each statement and each theme: every partner's
   * score (or average), and the gap, the highest less the lowest (null when fewer than two partners
   * gave a score). The agenda is the statements with a gap, the largest first (ties in the
   * check-up's order); agreed are those all scored the same; sharedLow the themes every partner
   * who answered them scores low.
   */
  function compare(checkup, partners) {
    var number = 0;
    var statements = [];
    checkup.themes.forEach(function (theme, t) {
      theme.statements.forEach(function (s, i) {
        var scores = partners.map(function (p) { return scoreOf(checkup, p.answers[s.id]); });
        statements.push({ id: s.id, text: s.text, theme: theme.id, number: (t + 1) + '.' + (i + 1), order: number++, scores: scores, gap: gap(scores) });
      });
    });
    var perPartner = partners.map(function (p) { return score(checkup, p.answers); });
    var themes = checkup.themes.map(function (theme, index) {
      var averages = perPartner.map(function (s) { return s.themes[index].average; });
      var answeredBy = perPartner.filter(function (s) { return s.themes[index].average !== null; });
      return {
        id: theme.id, title: theme.title, index: index, averages: averages, gap: gap(averages),
        lowForAll: answeredBy.length >= 2 && answeredBy.every(function (s) { return s.themes[index].low; })
      };
    });
    var byGap = function (a, b) { return b.gap - a.gap || (a.order !== undefined ? a.order - b.order : a.index - b.index); };
    return {
      partners: partners.map(function (p) { return p.name; }),
      statements: statements,
      themes: themes,
      agenda: statements.filter(function (s) { return s.gap !== null && s.gap > 0; }).sort(byGap),
      agreed: statements.filter(function (s) { return s.gap === 0; }),
      themesByGap: themes.filter(function (t) { return t.gap !== null; }).sort(byGap)
        .concat(themes.filter(function (t) { return t.gap === null; })),
      sharedLow: themes.filter(function (t) { return t.lowForAll; })
    };
  }

  function gap(values) {
    var present = values.filter(function (v) { return v !== null; });
    return present.length < 2 ? null : Math.max.apply(null, present) - Math.min.apply(null, present);
  }

  /**
   * Pasted lines, or the fragment of a compare link, as partners: [{name, code, line}]. A line may
   * start with a name and a colon ("Council: k3f9-..."); a line holding a compare link stands for
   * all the partners in it. Blank lines are skipped; unnamed partners are called Partner A, B, ...
   */
  function parseCodes(text) {
    var entries = [];
    String(text || '').split(/\r?\n/).forEach(function (raw, i) {
      var line = raw.trim();
      if (line === '') {
        return;
      }
      var inLink = compareEntries(line);
      if (inLink) {
        inLink.forEach(function (e) { entries.push({ name: e.name, code: e.code, line: i + 1 }); });
        return;
      }
      var m = /^([^:#]{1,60}?)\s*:\s*(.*)$/.exec(line);
      if (m && !/^(https?|file)$/i.test(m[1].trim())) {
        entries.push({ name: m[1].trim(), code: m[2], line: i + 1 });
      } else {
        entries.push({ name: '', code: line, line: i + 1 });
      }
    });
    return named(entries);
  }

  function named(entries) {
    var letter = 0;
    entries.forEach(function (e) {
      if (!e.name) {
        e.name = 'Partner ' + (letter < 26 ? ALPHABET.charAt(10 + letter).toUpperCase() : String(letter + 1));
      }
      letter++;
    });
    return entries;
  }

  /** The partners in a compare fragment ("compare=Council:code,Trust:code"), or null when there is none. */
  function compareEntries(text) {
    var at = text.indexOf('#compare=');
    var fragment = at >= 0 ? text.slice(at + 9) : (/^compare=/.test(text) ? text.slice(8) : null);
    if (fragment === null) {
      return null;
    }
    return fragment.split(',').filter(function (part) { return part.trim() !== ''; }).map(function (part) {
      var colon = part.lastIndexOf(':');
      var name = '';
      if (colon >= 0) {
        try {
          name = decodeURIComponent(part.slice(0, colon)).trim();
        } catch {
          name = '';
        }
      }
      return { name: name.slice(0, 60), code: colon >= 0 ? part.slice(colon + 1) : part };
    });
  }

  /** The fragment of a link that holds every partner's code: "compare=Council:code,Trust:code". */
  function compareFragment(partners) {
    return 'compare=' + partners.map(function (p) { return encodeURIComponent(p.name) + ':' + p.code; }).join(',');
  }

  /**
   * A number as the page shows it: at most two decimals, "2.5", "2.67", "3". Two, not one, so that
   * an average just under the line for "low" never shows as the line itself.
   */
  function formatNumber(n) {
    if (n === null || n === undefined) {
      return '';
    }
    var text = (Math.round(n * 100) / 100).toFixed(2).replace(/\.?0+$/, '');
    return text.charAt(0) === '-' ? '\u2212' + text.slice(1) : text;
  }

  var core = {
    hash: hash, fingerprint: fingerprint, encode: encode, decode: decode, codeIn: codeIn,
    score: score, compare: compare, parseCodes: parseCodes, compareFragment: compareFragment, formatNumber: formatNumber
  };
  // The pure functions above are exported for the unit tests under Node (src/test/js).
  /* global module */
  if (typeof module === 'object' && module && module.exports) {
    module.exports = core;
  }
  if (typeof document === 'undefined') {
    return;
  }

  /* ---------- The page ---------- */

  var SVG = 'http://www.w3.org/2000/svg';
  var root = document.getElementById('checkup');
  if (!root || !document.querySelector || !window.history || !history.replaceState) {
    return;
  }
  var checkup = readCheckup(root);
  var resultsSection = document.getElementById('checkup-results');
  var resultsBody = document.getElementById('checkup-results-body');
  var notice = document.getElementById('checkup-notice');
  var compareTool = document.getElementById('checkup-compare');
  var compareBox = document.getElementById('compare-codes');
  var compareOutput = document.getElementById('compare-output');
  var chartWidth = 0;
  /** The fragment that holds the page's state, 'a=...' or 'compare=...', or '' for none. */
  var state = '';

  function setState(fragment) {
    state = fragment;
    if (location.hash.replace(/^#/, '') !== fragment) {
      history.replaceState(null, '', pageUrl(fragment));
    }
  }

  function readCheckup(el) {
    var scale = [];
    el.querySelectorAll('#checkup-scale tr[data-point]').forEach(function (row) {
      scale.push({ score: Number(row.getAttribute('data-score')), label: row.querySelector('th').textContent });
    });
    var themes = [];
    el.querySelectorAll('section[data-theme]').forEach(function (section) {
      var statements = [];
      section.querySelectorAll('fieldset[data-statement]').forEach(function (fs) {
        statements.push({ id: fs.getAttribute('data-statement'), text: fs.querySelector('.checkup-statement-text').textContent });
      });
      themes.push({ id: section.getAttribute('data-theme'), title: section.getAttribute('data-title'), statements: statements });
    });
    return { scale: scale, unsure: el.getAttribute('data-unsure') || '', lowBelow: Number(el.getAttribute('data-low-below')), themes: themes };
  }

  function readAnswers() {
    var answers = {};
    root.querySelectorAll('fieldset[data-statement] input[type="radio"]:checked').forEach(function (input) {
      var id = input.closest('fieldset').getAttribute('data-statement');
      answers[id] = input.value === 'x' ? 'x' : Number(input.value);
    });
    return answers;
  }

  function writeAnswers(answers) {
    root.querySelectorAll('fieldset[data-statement] input[type="radio"]').forEach(function (input) {
      var a = answers[input.closest('fieldset').getAttribute('data-statement')];
      input.checked = a !== undefined && String(a) === input.value;
    });
  }

  function el(name, attrs, text) {
    var e = document.createElement(name);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'class') {
        e.className = attrs[k];
      } else {
        e.setAttribute(k, attrs[k]);
      }
    });
    if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  }

  function svg(name, attrs, text) {
    var e = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  }

  function pageUrl(fragment) {
    return location.href.replace(/#.*$/, '') + (fragment ? '#' + fragment : '');
  }

  /** The GOV.UK error summary: a heading, then each problem as a link to where to fix it. */
  function errorSummary(problems) {
    var box = el('div', { 'class': 'error-summary', role: 'alert', tabindex: '-1' });
    box.appendChild(el('h2', { 'class': 'error-summary-title' }, 'There is a problem'));
    var list = el('ul', { 'class': 'error-summary-list' });
    problems.forEach(function (p) {
      var li = el('li');
      li.appendChild(el('a', { href: '#' + p.target }, p.message));
      list.appendChild(li);
    });
    box.appendChild(list);
    return box;
  }

  function showNotice(content, focus) {
    notice.textContent = '';
    if (!content) {
      notice.hidden = true;
      return;
    }
    notice.appendChild(content);
    notice.hidden = false;
    if (focus) {
      content.focus();
    }
  }

  /** What is wrong with a code, to follow "the code" or "the answer code in this page's address". */
  var REASONS = {
    empty: 'is empty',
    damaged: 'is damaged: part of it is missing or mistyped. Copy it again in full',
    foreign: 'was made for a different check-up, or for an earlier version of this one, so its answers cannot be read here'
  };

  /* ----- Own answers: the address, the results ----- */

  function update() {
    var answers = readAnswers();
    var anything = Object.keys(answers).length > 0;
    if (anything) {
      setState('a=' + encode(checkup, answers));
    } else if (/^a=/.test(state)) {
      setState('');
    }
    renderResults(answers);
  }

  function renderResults(answers) {
    var result = score(checkup, answers);
    root.classList.toggle('checkup-has-results', result.answered > 0);
    resultsBody.textContent = '';
    resultsBody.appendChild(el('p', { 'class': 'checkup-progress' },
      'You have answered ' + result.answered + ' of ' + result.count + ' statements.' +
      (result.complete ? '' : ' The scores count the statements answered so far.')));
    if (result.answered === 0) {
      resultsBody.appendChild(el('p', {}, 'Choose an answer for each statement above, and your scores appear here as you go.'));
      return;
    }
    var order = result.ranked.concat(result.themes.filter(function (t) { return t.average === null; }));
    resultsBody.appendChild(chart(order));
    resultsBody.appendChild(table(order));
    var low = result.ranked.filter(function (t) { return t.low; });
    resultsBody.appendChild(el('h3', {}, low.length ? 'What to read next' : 'No theme is low'));
    if (!low.length) {
      resultsBody.appendChild(el('p', {}, 'No theme averages below ' + formatNumber(checkup.lowBelow) +
        '. Start the discussion with the lowest: ' + (result.ranked[0] ? result.ranked[0].title : '') + '.'));
    } else {
      resultsBody.appendChild(el('p', {}, 'These themes average below ' + formatNumber(checkup.lowBelow) + ', the lowest first.'));
      low.forEach(function (t) {
        var block = el('div', { 'class': 'checkup-next' });
        block.appendChild(el('h4', {}, t.title + ': ' + formatNumber(t.average)));
        var advice = root.querySelector('[data-advice="' + t.id + '"]');
        var text = advice && advice.querySelector('.checkup-low');
        if (text) {
          var copy = text.cloneNode(true);
          copy.querySelectorAll('[id]').forEach(function (e) { e.removeAttribute('id'); });
          block.appendChild(copy);
        }
        var links = advice && advice.querySelector('.checkup-links');
        if (links) {
          block.appendChild(links.cloneNode(true));
        }
        resultsBody.appendChild(block);
      });
    }
    resultsBody.appendChild(codeBlock(answers));
  }

  function chart(order) {
    var width = Math.max(280, Math.min(720, resultsBody.clientWidth || 640));
    chartWidth = width;
    var min = Math.min.apply(null, checkup.scale.map(function (p) { return p.score; }));
    var max = Math.max.apply(null, checkup.scale.map(function (p) { return p.score; }));
    var left = 8;
    var right = 84;
    var barWidth = width - left - right;
    var rowHeight = 52;
    var top = 28;
    var height = top + order.length * rowHeight + 28;
    var x = function (v) { return left + (max === min ? 0 : (v - min) / (max - min)) * barWidth; };
    var figure = el('figure', { 'class': 'checkup-chart' });
    var drawing = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, width: String(width), height: String(height), role: 'img', 'aria-labelledby': 'checkup-chart-title' });
    drawing.appendChild(svg('title', { id: 'checkup-chart-title' }, 'Average score of each theme, from ' + min + ' to ' + max + ', lowest first. The table below gives the same figures.'));
    var lowX = x(checkup.lowBelow);
    drawing.appendChild(svg('rect', { 'class': 'checkup-chart-low-zone', x: String(left), y: String(top - 6), width: String(Math.max(0, lowX - left)), height: String(order.length * rowHeight) }));
    drawing.appendChild(svg('line', { 'class': 'checkup-chart-threshold', x1: String(lowX), x2: String(lowX), y1: String(top - 10), y2: String(top + order.length * rowHeight) }));
    drawing.appendChild(svg('text', { 'class': 'checkup-chart-note', x: String(lowX), y: String(14), 'text-anchor': lowX > width / 2 ? 'end' : 'start' }, 'low: below ' + formatNumber(checkup.lowBelow)));
    order.forEach(function (t, i) {
      var y = top + i * rowHeight;
      drawing.appendChild(svg('text', { 'class': 'checkup-chart-label', x: String(left), y: String(y + 12) }, t.title));
      if (t.average === null) {
        drawing.appendChild(svg('text', { 'class': 'checkup-chart-value', x: String(left), y: String(y + 34) }, 'not answered yet'));
        return;
      }
      var end = Math.max(left + 3, x(t.average));
      drawing.appendChild(svg('rect', { 'class': 'checkup-bar' + (t.low ? ' checkup-bar-low' : ''), x: String(left), y: String(y + 18), width: String(end - left), height: '18' }));
      drawing.appendChild(svg('text', { 'class': 'checkup-chart-value', x: String(width - 4), y: String(y + 32), 'text-anchor': 'end' }, formatNumber(t.average) + (t.low ? ' (low)' : '')));
    });
    var axisY = top + order.length * rowHeight + 18;
    checkup.scale.map(function (p) { return p.score; }).sort(function (a, b) { return a - b; }).forEach(function (s) {
      drawing.appendChild(svg('text', { 'class': 'checkup-chart-axis', x: String(x(s)), y: String(axisY), 'text-anchor': 'middle' }, String(s)));
    });
    figure.appendChild(drawing);
    figure.appendChild(el('figcaption', {}, 'Each bar is a theme\u2019s average, from ' + min + ' to ' + max +
      '. Bars in the shaded area, left of the line, are low.'));
    return figure;
  }

  function table(order) {
    var wrap = el('div', { 'class': 'table-scroll', role: 'region', tabindex: '0', 'aria-labelledby': 'checkup-table-caption' });
    var t = el('table', { 'class': 'checkup-results-table' });
    t.appendChild(el('caption', { id: 'checkup-table-caption' }, 'Your scores, theme by theme, lowest first'));
    var head = el('tr');
    ['Rank', 'Theme', 'Average (' + Math.min.apply(null, checkup.scale.map(function (p) { return p.score; })) + ' to ' +
      Math.max.apply(null, checkup.scale.map(function (p) { return p.score; })) + ')', 'Answered', 'Low?'].forEach(function (h) {
      head.appendChild(el('th', { scope: 'col' }, h));
    });
    var thead = el('thead');
    thead.appendChild(head);
    t.appendChild(thead);
    var body = el('tbody');
    var rank = 0;
    order.forEach(function (theme) {
      var row = el('tr');
      row.appendChild(el('td', {}, theme.average === null ? '\u2013' : String(++rank)));
      row.appendChild(el('th', { scope: 'row' }, theme.title));
      row.appendChild(el('td', {}, theme.average === null ? 'not answered' : formatNumber(theme.average)));
      row.appendChild(el('td', {}, theme.answered + ' of ' + theme.statements + (theme.unsure ? ' (' + theme.unsure + ' \u201cdon\u2019t know\u201d)' : '')));
      row.appendChild(el('td', {}, theme.average === null ? '' : theme.low ? 'Low' : 'No'));
      body.appendChild(row);
    });
    t.appendChild(body);
    wrap.appendChild(t);
    return wrap;
  }

  function codeBlock(answers) {
    var code = encode(checkup, answers);
    var block = el('div', { 'class': 'checkup-code' });
    block.appendChild(el('h3', {}, 'Keep or send your answers'));
    var p = el('p');
    p.appendChild(document.createTextNode('Your answer code: '));
    p.appendChild(el('code', { id: 'checkup-code' }, code));
    block.appendChild(p);
    block.appendChild(el('p', {}, 'This page\u2019s address now holds the code, so you can bookmark it, print this page or send the link. ' +
      'Whoever compares the partners\u2019 answers needs only the code or the link. Nothing is stored or sent anywhere by this page.'));
    var actions = el('div', { 'class': 'checkup-actions' });
    var copy = el('button', { type: 'button', 'class': 'checkup-button checkup-button-secondary' }, 'Copy the link to these answers');
    var status = el('p', { 'class': 'checkup-copy-status', role: 'status' });
    copy.addEventListener('click', function () {
      copyText(pageUrl('a=' + code), status);
    });
    actions.appendChild(copy);
    var print = el('button', { type: 'button', 'class': 'checkup-button checkup-button-secondary' }, 'Print your results');
    print.addEventListener('click', function () { window.print(); });
    actions.appendChild(print);
    block.appendChild(actions);
    block.appendChild(status);
    var again = el('p');
    again.appendChild(el('a', { href: pageUrl('').replace(/^.*\//, '') || 'index.html' }, 'Start again with a blank worksheet'));
    block.appendChild(again);
    return block;
  }

  function copyText(text, status) {
    var done = function () { status.textContent = 'Link copied. Paste it into an email or a note.'; };
    var fallback = function () {
      status.textContent = 'Copy this link: ' + text;
    };
    // The Async Clipboard API is newer than the browser policy allows, so it is an enhancement:
    // without it (or if the browser refuses), the link is shown for the reader to copy.
    // eslint-disable-next-line baseline-js/use-baseline
    if (navigator.clipboard && navigator.clipboard.writeText) {
      // eslint-disable-next-line baseline-js/use-baseline
      navigator.clipboard.writeText(text).then(done, fallback);
    } else {
      fallback();
    }
  }

  /* ----- Comparing partners ----- */

  function runCompare(fromLink) {
    var entries = parseCodes(compareBox.value);
    var problems = [];
    var partners = [];
    entries.forEach(function (e) {
      var decoded = decode(checkup, e.code);
      if (decoded.ok) {
        partners.push({ name: e.name, code: encode(checkup, decoded.answers), answers: decoded.answers });
      } else {
        problems.push({ target: 'compare-codes', message: 'Line ' + e.line + ' (' + e.name + '): the code ' + REASONS[decoded.reason] + '.' });
      }
    });
    if (!problems.length && partners.length < 2) {
      problems.push({ target: 'compare-codes', message: partners.length ? 'Paste at least two partners\u2019 codes, one on each line: there is only one.' : 'Paste at least two partners\u2019 codes, one on each line.' });
    }
    var group = document.getElementById('compare-group');
    var message = document.getElementById('compare-error');
    var compareNotice = document.getElementById('compare-notice');
    compareNotice.textContent = '';
    compareOutput.textContent = '';
    if (problems.length) {
      group.classList.add('checkup-field-error');
      message.textContent = '';
      message.appendChild(el('span', { 'class': 'visually-hidden' }, 'Error: '));
      message.appendChild(document.createTextNode(problems.map(function (p) { return p.message; }).join(' ')));
      message.hidden = false;
      compareBox.setAttribute('aria-describedby', 'compare-hint compare-error');
      compareBox.setAttribute('aria-invalid', 'true');
      var summary = errorSummary(problems);
      compareNotice.appendChild(summary);
      compareNotice.hidden = false;
      summary.focus();
      return;
    }
    group.classList.remove('checkup-field-error');
    message.hidden = true;
    compareBox.setAttribute('aria-describedby', 'compare-hint');
    compareBox.removeAttribute('aria-invalid');
    compareNotice.hidden = true;
    var fragment = compareFragment(partners);
    setState(fragment);
    renderComparison(compare(checkup, partners), fragment);
    if (fromLink) {
      compareTool.scrollIntoView();
    }
    var heading = compareOutput.querySelector('h3');
    if (heading) {
      heading.focus();
    }
  }

  function scoreText(v) {
    return v === null ? '\u2013' : formatNumber(v);
  }

  function renderComparison(result, fragment) {
    var out = compareOutput;
    out.appendChild(el('h3', { tabindex: '-1' }, 'The board\u2019s agenda: the largest differences first'));
    if (!result.agenda.length) {
      out.appendChild(el('p', {}, 'The partners gave the same score to every statement they all answered.'));
    } else {
      out.appendChild(el('p', {}, 'The statements where ' + result.partners.join(', ') + ' differ, the largest gap first. ' +
        'The gap is the highest score less the lowest.'));
      var list = el('ol', { 'class': 'checkup-agenda' });
      result.agenda.forEach(function (s) {
        var li = el('li');
        li.appendChild(el('span', { 'class': 'checkup-agenda-statement' }, s.number + ' ' + s.text));
        li.appendChild(document.createTextNode(' '));
        li.appendChild(el('span', { 'class': 'checkup-agenda-scores' }, 'Gap ' + formatNumber(s.gap) + ': ' +
          result.partners.map(function (name, i) { return name + ' ' + scoreText(s.scores[i]); }).join(', ') + '.'));
        list.appendChild(li);
      });
      out.appendChild(list);
    }
    out.appendChild(el('h3', {}, 'Theme by theme'));
    out.appendChild(compareTable('checkup-compare-themes', 'Each partner\u2019s average for each theme, the largest gap first',
      ['Theme'], result.themesByGap.map(function (t) { return { head: [t.title], values: t.averages, gap: t.gap }; }), result.partners));
    if (result.sharedLow.length) {
      out.appendChild(el('p', {}, 'Every partner scores these themes low, so they need attention even where you agree: ' +
        result.sharedLow.map(function (t) { return t.title; }).join('; ') + '.'));
    }
    out.appendChild(el('h3', {}, 'Statement by statement'));
    var all = result.agenda.concat(result.statements.filter(function (s) { return !(s.gap > 0); }));
    out.appendChild(compareTable('checkup-compare-statements', 'Each partner\u2019s score for each statement, the largest gap first',
      ['Statement'], all.map(function (s) { return { head: [s.number + ' ' + s.text], values: s.scores, gap: s.gap }; }), result.partners));
    if (result.agreed.length) {
      out.appendChild(el('p', {}, 'You agree on ' + result.agreed.length + (result.agreed.length === 1 ? ' statement' : ' statements') +
        ': every partner who answered gave the same score.'));
    }
    var share = el('p');
    var link = el('a', { href: '#' + fragment }, 'Link to this comparison');
    share.appendChild(link);
    share.appendChild(document.createTextNode(' (bookmark it, or send it to the board: it holds every partner\u2019s code)'));
    out.appendChild(share);
  }

  function compareTable(id, caption, heads, rows, partners) {
    var wrap = el('div', { 'class': 'table-scroll', role: 'region', tabindex: '0', 'aria-labelledby': id + '-caption' });
    var t = el('table', { 'class': 'checkup-compare-table', id: id });
    t.appendChild(el('caption', { id: id + '-caption' }, caption));
    var thead = el('thead');
    var head = el('tr');
    heads.concat(partners).concat(['Gap']).forEach(function (h) { head.appendChild(el('th', { scope: 'col' }, h)); });
    thead.appendChild(head);
    t.appendChild(thead);
    var body = el('tbody');
    rows.forEach(function (r) {
      var row = el('tr');
      row.appendChild(el('th', { scope: 'row' }, r.head[0]));
      r.values.forEach(function (v) { row.appendChild(el('td', {}, scoreText(v))); });
      row.appendChild(el('td', { 'class': 'checkup-gap' }, r.gap === null ? '\u2013' : formatNumber(r.gap)));
      body.appendChild(row);
    });
    t.appendChild(body);
    wrap.appendChild(t);
    return wrap;
  }

  /* ----- The address: #a=code restores answers, #compare=... opens a comparison ----- */

  function fromAddress(onLoad) {
    var fragment = location.hash.replace(/^#/, '');
    if (/^a=/.test(fragment)) {
      var decoded = decode(checkup, fragment);
      if (decoded.ok) {
        state = fragment;
        writeAnswers(decoded.answers);
        showNotice(restored(decoded.answered), false);
      } else {
        writeAnswers({});
        state = '';
        showNotice(errorSummary([{ target: 'checkup-worksheet', message: 'The answer code in this page\u2019s address ' +
          REASONS[decoded.reason] + '. The worksheet below is blank.' }]), true);
      }
      renderResults(readAnswers());
      return;
    }
    if (/^compare=/.test(fragment)) {
      var partners = compareEntries(fragment) || [];
      compareBox.value = named(partners.map(function (p) { return { name: p.name, code: p.code }; })).map(function (p) {
        return p.name + ': ' + p.code;
      }).join('\n');
      showNotice(null);
      runCompare(onLoad);
      return;
    }
    renderResults(readAnswers());
  }

  function restored(answered) {
    var box = el('div', { 'class': 'checkup-restored', role: 'status' });
    var p = el('p');
    p.appendChild(document.createTextNode('Answers restored from the link: ' + answered + ' of ' + allStatements(checkup).length + ' statements. '));
    p.appendChild(el('a', { href: '#checkup-results' }, 'See the results'));
    box.appendChild(p);
    return box;
  }

  root.classList.add('checkup-enhanced');
  root.querySelectorAll('.checkup-js-only').forEach(function (e) { e.hidden = false; });
  resultsSection.hidden = false;
  compareTool.hidden = false;
  root.addEventListener('change', function (event) {
    if (event.target && event.target.matches('fieldset[data-statement] input[type="radio"]')) {
      showNotice(null);
      update();
    }
  });
  document.getElementById('compare-button').addEventListener('click', function () { runCompare(false); });
  window.addEventListener('hashchange', function () {
    // A new code in the address is read; a jump to a section of the page (the contents, "See the
    // results") puts the code back, so that the address still holds the answers.
    if (/^(a|compare)=/.test(location.hash.replace(/^#/, ''))) {
      fromAddress(false);
    } else if (state) {
      history.replaceState(null, '', pageUrl(state));
    }
  });
  var resizeTimer = 0;
  window.addEventListener('resize', function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () {
      var width = Math.max(280, Math.min(720, resultsBody.clientWidth || 640));
      if (width !== chartWidth) {
        renderResults(readAnswers());
      }
    }, 150);
  });
  fromAddress(true);
}());

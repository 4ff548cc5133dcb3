// Search quality, measured: every query in search-queries.json (what readers type, each with the
// pages that would be a good first answer) runs through the real search (templates/assets/search.js
// with the vendored MiniSearch and stemmer) over the committed index, site/search-index.js. The
// test prints each query's rank and the mean reciprocal rank (MRR), and fails below 0.85.
// Run with Node's own runner: node --test src/test/js/
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { MiniSearch, porter2Stem, core, indexData } = require('./search-load.cjs');

const MINIMUM_MRR = 0.85;
const QUERIES = JSON.parse(fs.readFileSync(path.join(__dirname, 'search-queries.json'), 'utf8')).queries;

/** The rank (1 = first) of the first good answer among the results as the page lists them, or 0. */
function rankOf(results, good) {
  const shown = results.slice(0, core.MAX_RESULTS);
  for (let i = 0; i < shown.length; i++) {
    const url = shown[i].url;
    const page = url.split('#')[0];
    if (good.some((g) => (g.includes('#') ? url === g : page === g))) {
      return i + 1;
    }
  }
  return 0;
}

/** Each query's rank and first result, and the mean reciprocal rank. */
function measure(search) {
  const rows = QUERIES.map((q) => {
    const results = search.search(q.q).results;
    return { q: q.q, kind: q.kind, rank: rankOf(results, q.good), first: results.length ? results[0].url : '(none)' };
  });
  const mrr = rows.reduce((sum, r) => sum + (r.rank ? 1 / r.rank : 0), 0) / rows.length;
  return { rows, mrr };
}

test('the query set is realistic and big enough: 30 or more, of every kind, each with good answers', () => {
  assert.ok(QUERIES.length >= 30, `${QUERIES.length} queries`);
  const kinds = new Set(QUERIES.map((q) => q.kind));
  for (const kind of ['question', 'phrase', 'spelling', 'typo']) {
    assert.ok(kinds.has(kind), `no ${kind} queries`);
  }
  const data = indexData();
  const known = new Set(data.pages.map((p) => p.u).concat(data.terms.map((t) => t.u)));
  for (const q of QUERIES) {
    assert.ok(q.good.length > 0, q.q);
    for (const g of q.good) {
      assert.ok(known.has(g), `"${q.q}": ${g} is not a page or glossary entry in the index`);
    }
  }
  assert.equal(new Set(QUERIES.map((q) => q.q)).size, QUERIES.length, 'no query twice');
});

test(`mean reciprocal rank over the query set is at least ${MINIMUM_MRR}`, (t) => {
  const { rows, mrr } = measure(core.createSearch(indexData(), MiniSearch, porter2Stem));
  const lines = rows.map((r) => `${String(r.rank || '-').padStart(4)}  ${r.kind.padEnd(9)}${r.q.padEnd(46)} ${r.first}`);
  t.diagnostic(`rank  kind     query${' '.repeat(41)}first result`);
  lines.forEach((line) => t.diagnostic(line));
  t.diagnostic(`MRR ${mrr.toFixed(3)} over ${rows.length} queries (first good answer at rank 1: ${rows.filter((r) => r.rank === 1).length})`);
  assert.ok(mrr >= MINIMUM_MRR, `MRR ${mrr.toFixed(3)} is below ${MINIMUM_MRR}:\n${lines.join('\n')}`);
});

/** Every text the index holds: titles, descriptions, tags, introductions, sections, glossary entries. */
function indexTexts(data) {
  const texts = [];
  data.pages.forEach((p) => {
    texts.push(p.t, p.d || '', p.x || '', ...(p.k || []));
    (p.s || []).forEach((s) => texts.push(s[1], s[2]));
  });
  data.terms.forEach((t) => texts.push(t.t, ...(t.a || []), t.x));
  return texts;
}

/** The first result of each query, and the queries whose first results are not all the same. */
function disagreements(search, groups) {
  const top = (q) => (search.search(q).results[0] || { url: '(none)' }).url;
  return groups.map((forms) => forms.map((f) => `${f} -> ${top(f)}`))
    .filter((lines) => new Set(lines.map((l) => l.split(' -> ')[1])).size > 1);
}

test('every hyphenated word in the handbook is found the same written hyphenated, closed or spaced', (t) => {
  const data = indexData();
  const hyphenated = new Set();
  for (const text of indexTexts(data)) {
    for (const w of core.words(text)) {
      const word = w.text.toLowerCase().replace(/[\u2010\u2011]/g, '-').replace(/['\u2019]s$/, '');
      if (word.includes('-') && !/\d/.test(word)) {
        hyphenated.add(word);
      }
    }
  }
  assert.ok(hyphenated.size >= 30, `only ${hyphenated.size} hyphenated words: is the index the handbook's?`);
  const groups = [...hyphenated].sort().map((w) => [w, w.replace(/-/g, ''), w.replace(/-/g, ' ')]);
  const differ = disagreements(core.createSearch(data, MiniSearch, porter2Stem), groups);
  t.diagnostic(`${groups.length} hyphenated words, each searched 3 ways: ${[...hyphenated].sort().join(', ')}`);
  assert.deepEqual(differ, [], 'the first result differs between the forms of a word');
});

test('every word the handbook spells the British way is found the same by its US spelling', (t) => {
  const data = indexData();
  const british = new Map();
  for (const text of indexTexts(data)) {
    for (const w of core.words(text)) {
      const a = core.analyse(w.text, porter2Stem);
      if (a && a.others.length && a.parts.length === 0) {
        british.set(a.word, a.others);
      }
    }
  }
  assert.ok(british.size >= 10, `only ${british.size} words with other spellings`);
  const groups = [...british].sort().map(([word, others]) => [word, ...others]);
  t.diagnostic(`${groups.length} words with US spellings: ${groups.map((g) => g.join('/')).join(', ')}`);
  assert.deepEqual(disagreements(core.createSearch(data, MiniSearch, porter2Stem), groups), [],
    'the first result differs between spellings of a word');
});

test('how long the search takes over the handbook\'s index (reported, not asserted: the machine is shared)', (t) => {
  const data = indexData();
  const bytes = fs.statSync(path.join(__dirname, '..', '..', '..', 'site', 'search-index.js')).size;
  const builds = [];
  let search = null;
  for (let i = 0; i < 5; i++) {
    const start = process.hrtime.bigint();
    search = core.createSearch(data, MiniSearch, porter2Stem);
    builds.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const times = [];
  for (let round = 0; round < 5; round++) {
    for (const q of QUERIES) {
      const start = process.hrtime.bigint();
      search.search(q.q);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const sorted = [...times].sort((a, b) => a - b);
  t.diagnostic(`search-index.js ${bytes} bytes, ${data.pages.length} pages, ${data.terms.length} glossary entries`);
  t.diagnostic(`indexing it: median ${median(builds).toFixed(0)} ms of 5; a query: median ${median(times).toFixed(2)} ms, ` +
    `95th percentile ${sorted[Math.floor(sorted.length * 0.95)].toFixed(2)} ms, slowest ${sorted[sorted.length - 1].toFixed(2)} ms (${times.length} queries)`);
  assert.ok(search.search('trust').results.length > 0);
});

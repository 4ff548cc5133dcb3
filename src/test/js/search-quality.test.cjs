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

// Loads the search as the search page does: the vendored MiniSearch and Porter2 stemmer, the
// committed index (site/search-index.js) and templates/assets/search.js, each a classic script.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const REPO = path.join(__dirname, '..', '..', '..');
const ASSETS = path.join(REPO, 'templates', 'assets');

/** Runs a classic script in a fresh context with a `window`, as a browser would; returns the window. */
function runScript(file) {
  const window = {};
  const context = vm.createContext({ window });
  vm.runInContext(fs.readFileSync(file, 'utf8'), context, { filename: file });
  // A classic script's top-level `this` is the global object; its globals are the context's.
  return Object.assign(window, context);
}

const MiniSearch = runScript(path.join(ASSETS, 'vendor', 'minisearch', 'minisearch.js')).MiniSearch;
const porter2Stem = runScript(path.join(ASSETS, 'vendor', 'wink-porter2-stemmer', 'porter2-stemmer.js')).porter2Stem;
const core = require(path.join(ASSETS, 'search.js'));

/** The index data a search-index.js file assigns. */
function indexData(file = path.join(REPO, 'site', 'search-index.js')) {
  return runScript(file).HANDBOOK_SEARCH_INDEX;
}

module.exports = { REPO, ASSETS, MiniSearch, porter2Stem, core, indexData, runScript };

// Tests of the search's rules (templates/assets/search.js): how text becomes words, for the index
// and the query alike (stop words, spellings, hyphens, stems), and how a search ranks and explains
// its results, over small indexes written here. The real handbook's ranking is measured in
// search-quality.test.cjs. Run with Node's own runner: node --test src/test/js/
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { ASSETS, MiniSearch, porter2Stem, core, runScript } = require('./search-load.cjs');

const STEMMER_DIR = path.join(ASSETS, 'vendor', 'wink-porter2-stemmer');

/** A page of the index format search-index.js holds: {u, t, d, k, x, s}. */
function page(u, t, x, sections = [], d = '', k = []) {
  return { u, t, d, k, x, s: sections };
}

function term(name, aliases, definition, see = []) {
  return { u: 'glossary.html#' + name.replace(/ /g, '-'), t: name, a: aliases, x: definition, s: see };
}

function searchOver(pages, terms = []) {
  return core.createSearch({ v: core.INDEX_VERSION, pages, terms }, MiniSearch, porter2Stem);
}

function urls(found) {
  return found.results.map((r) => r.url);
}

/** The words the index keeps of a text, as the search's words: [word] for each meaning word. */
function meaningWords(text) {
  return core.words(text).map((w) => core.analyse(w.text, porter2Stem)).filter(Boolean).map((a) => a.word);
}

test('the vendored stemmer is the npm package\'s file, unchanged, and defines only porter2Stem', () => {
  const file = fs.readFileSync(path.join(STEMMER_DIR, 'porter2-stemmer.js'), 'utf8');
  const begin = file.indexOf('\n', file.indexOf('// BEGIN wink-porter2-stemmer')) + 1;
  const end = file.indexOf('// END wink-porter2-stemmer');
  const upstream = file.slice(begin, end);
  const readme = fs.readFileSync(path.join(STEMMER_DIR, 'README.txt'), 'utf8');
  const recorded = /sha256 ([0-9a-f]{64})/.exec(readme)[1];
  assert.equal(crypto.createHash('sha256').update(upstream).digest('hex'), recorded);
  assert.ok(fs.existsSync(path.join(STEMMER_DIR, 'LICENSE.txt')));
  const globals = Object.keys(runScript(path.join(STEMMER_DIR, 'porter2-stemmer.js'))).filter((k) => k !== 'window');
  assert.deepEqual(globals, ['porter2Stem']);
});

test('Porter2 stems: word forms meet', () => {
  const same = [['build', 'builds', 'building'], ['trust', 'trusted', 'trusting'], ['partner', 'partners'],
    ['agreement', 'agreements'], ['policy', 'policies'], ['compete', 'competing'], ['predictable', 'predictability']];
  for (const group of same) {
    assert.equal(new Set(group.map(porter2Stem)).size, 1, group.join(', '));
  }
  assert.notEqual(porter2Stem('competition'), porter2Stem('complete'));
});

test('words: letters and digits, joined by hyphens and apostrophes; dashes and punctuation separate', () => {
  assert.deepEqual(core.words('Co-ordination’s role: 1723–5, (well-being) and partners\' "goals".').map((w) => w.text),
    ['Co-ordination’s', 'role', '1723', '5', 'well-being', 'and', 'partners', 'goals']);
  assert.deepEqual(core.words('café naïve São').map((w) => w.text), ['café', 'naïve', 'São']);
  assert.deepEqual(core.words('end of a list\nThen read').map((w) => w.text), ['end', 'of', 'a', 'list', 'Then', 'read']);
  assert.deepEqual(core.words('').map((w) => w.text), []);
});

test('the shared text cases: the text the build writes becomes these words (SearchIndexTest checks the same cases\' text)', () => {
  const file = path.join(ASSETS, '..', '..', 'src', 'test', 'resources', 'search', 'text-cases.json');
  const cases = JSON.parse(fs.readFileSync(file, 'utf8')).cases;
  assert.ok(cases.length >= 8);
  for (const c of cases) {
    const text = c.heading !== undefined ? c.heading : c.text;
    assert.deepEqual(core.words(text).map((w) => w.text), c.words, c.about);
    assert.deepEqual(meaningWords(text), c.meaning, c.about);
    // The index and the query agree: the text as a query looks for the stems the index holds.
    const indexed = core.indexTerms(text, (w) => core.analyse(w, porter2Stem), null);
    for (const m of c.meaning) {
      assert.ok(indexed.includes(porter2Stem(m)), `${c.about}: ${m}`);
    }
  }
});

test('stop words are left out of the index and the query alike', () => {
  assert.deepEqual(meaningWords('How do we build trust?'), ['build', 'trust']);
  assert.deepEqual(meaningWords('What is the difference between cooperation vs coordination'), ['difference', 'cooperation', 'coordination']);
  assert.deepEqual(meaningWords("Don't they, isn't it, can't we"), []);
  assert.deepEqual(meaningWords('their own goals'), ['own', 'goals'], '"own goals" is a glossary alias: "own" stays');
  for (const word of ['how', 'do', 'we', 'the', 'what', 'our', 'vs', 'can']) {
    assert.ok(core.STOP_WORDS.has(word), word);
  }
});

test('one word however it is spelt: hyphens, British and US spellings, accents, possessives', () => {
  const sameWord = [
    ['co-ordination', 'coordination', 'Co‑ordination', 'CO-ORDINATION'],
    ['organisation', 'organization'],
    ['organisational', 'organizational'],
    ['recognise', 'recognize'],
    ['analyse', 'analyze'],
    ['behaviour', 'behavior'],
    ['behavioural', 'behavioral'],
    ['neighbouring', 'neighboring'],
    ['programme', 'program'],
    ['centre', 'center'],
    ['catalogue', 'catalog'],
    ['judgement', 'judgment'],
    ['licence', 'license'],
    ['councillors', 'councilors'],
    ['modelling', 'modeling'],
    ['paediatric', 'pediatric'],
    ['cafe', 'café'],
    ['partner', 'partner’s', "partner's"]
  ];
  for (const group of sameWord) {
    const found = group.map((w) => core.analyse(w, porter2Stem).word);
    assert.equal(new Set(found).size, 1, `${group.join(', ')} -> ${found.join(', ')}`);
  }
  for (const word of ['advertise', 'advise', 'exercise', 'promise', 'surprised', 'revising', 'enterprises', 'seize', 'downsized']) {
    assert.deepEqual(core.analyse(word, porter2Stem).others, [], `${word} has no other spelling`);
  }
  assert.equal(core.analyse('seize', porter2Stem).word, 'seize');
  const apart = [['size', 'sise'], ['seize', 'seise'], ['prize', 'prise'], ['filled', 'filed'], ['check', 'cheque'], ['tire', 'tyre']];
  for (const [a, b] of apart) {
    assert.notEqual(core.analyse(a, porter2Stem).word, core.analyse(b, porter2Stem).word, `${a} and ${b} stay apart`);
  }
});

test('the index holds stems: of a hyphenated word whole and of its parts, in the handbook\'s spelling', () => {
  const vocabulary = new Set();
  const terms = core.indexTerms('Whole-system behaviour of organizations', (w) => core.analyse(w, porter2Stem), vocabulary);
  assert.deepEqual(terms, ['wholesystem', 'whole', 'system', 'behaviour', 'organis']);
  assert.deepEqual([...vocabulary], ['wholesystem', 'whole', 'system', 'behaviour', 'behavior', 'organisations', 'organizations'],
    'the words as written, for completing and correcting, with other spellings');
});

test('edit distance: letters added, left out, changed, and neighbours swapped each count one', () => {
  assert.equal(core.distance('coordnation', 'coordination', 2), 1);
  assert.equal(core.distance('curency', 'currency', 2), 1);
  assert.equal(core.distance('behavoir', 'behavior', 2), 1);
  assert.equal(core.distance('competiton', 'competition', 2), 1);
  assert.equal(core.distance('trust', 'trust', 2), 0);
  assert.equal(core.distance('abcdef', 'uvwxyz', 2), 3, 'stops counting past the limit');
});

const HANDBOOK = [
  page('co-ordination.html', 'Co-ordination', 'Partners agree a plan and line up their parts.', [
    ['pitfalls', 'What goes wrong with co-ordination?', 'Planning the unplannable.\nMeasures nobody trusts.']
  ], 'How partners who share a clear goal agree a plan.'),
  page('trust.html', 'Start small, build trust', 'Lighter co-operation builds the trust deeper work needs.', [
    ['how', 'How does co-operation build trust?', 'Trust between organisations grows from experience.'],
    ['moving-on', 'When is it time to move on?', 'Signs that you are ready:\nearly joint results are known\nnobody reaches for the small print\nThen read Finding a shared goal.']
  ]),
  page('currency.html', 'Finding a shared currency', 'Why beds and money fail as common measures.', [
    ['choosing', 'How do you choose one together?', 'Choose measures each organisation can count and trust.']
  ]),
  page('today.html', 'Partnership today', 'Where the ideas meet today\u2019s structures.', [
    ['ics', 'Integrated care systems', 'The integrated care board plans and pays for most NHS services. A memorandum of understanding records intent.'],
    ['boards', 'Health and wellbeing boards', 'Every upper-tier council has a health and wellbeing board.'],
    ['behaviour', 'Organisational behaviour', 'The organisation\u2019s programme changes behaviour slowly.']
  ]),
  page('mentions.html', 'Other reading', 'Books and articles.', [
    ['list', 'Further reading', 'A long list of books. One chapter touches on a shared currency in passing, among many other things about budgets, boards, staff, plans, meetings, reports and the weather.']
  ])
];
const TERMS = [
  term('co-ordination', ['coordination'], 'A behaviour for a collective goal in a predictable setting.', ['co-ordination.html']),
  term('shared currency', ['common measure', 'common measures'], 'A measure every partner values.', ['currency.html']),
  term('integrated care board', ['ICB', 'ICBs'], 'The statutory NHS body that plans services.', ['today.html#ics']),
  term('memorandum of understanding', ['MOU'], 'A written statement of intent.', [])
];

test('a question finds the section that has all its meaning words, first', () => {
  const search = searchOver(HANDBOOK, TERMS);
  const found = search.search('how do we build trust between organisations?');
  assert.deepEqual(found.units, ['build', 'trust', 'organisations']);
  assert.equal(found.complete, true);
  assert.equal(found.results[0].url, 'trust.html#how');
  assert.equal(found.results[0].context, 'How does co-operation build trust?');
});

test('co-ordination, coordination, co ordination and typos of either find the same page first', () => {
  const search = searchOver(HANDBOOK, TERMS);
  for (const q of ['co-ordination', 'coordination', 'co ordination', 'Co\u2010ordination', 'coordnation', 'co-ordnation', 'coordinaton']) {
    assert.equal(urls(search.search(q))[0], 'co-ordination.html', q);
  }
});

test('British and US spellings, and typos of the US one, find the same section', () => {
  const search = searchOver(HANDBOOK, TERMS);
  for (const q of ['organisational behaviour', 'organizational behavior', 'organizational behavor', 'organisation programme', 'organization program']) {
    assert.equal(urls(search.search(q))[0], 'today.html#behaviour', q);
  }
  assert.equal(urls(search.search('well being board'))[0], 'today.html#boards', '"well being" is the indexed "wellbeing"');
  assert.equal(urls(search.search('well-being boards'))[0], 'today.html#boards');
});

test('a glossary alias finds what its term finds, and the other way round', () => {
  const search = searchOver(HANDBOOK, TERMS);
  assert.ok(urls(search.search('ICB')).includes('today.html#ics'));
  assert.ok(urls(search.search('MOU')).includes('today.html#ics'), 'the page says "memorandum of understanding"');
  assert.ok(urls(search.search('common measures')).includes('currency.html'));
  assert.ok(urls(search.search('memoranda of understanding')).includes('glossary.html#memorandum-of-understanding'));
});

test('a glossary term\'s own page beats a passing mention', () => {
  const found = urls(searchOver(HANDBOOK, TERMS).search('shared currency'));
  assert.equal(found[0], 'currency.html');
  assert.ok(found.indexOf('currency.html') < found.indexOf('mentions.html#list'));
});

test('title matches lead, then headings, then text', () => {
  const pages = [
    page('text.html', 'Alpha', 'Something about fatigue here, in the text.'),
    page('heading.html', 'Beta', 'Intro.', [['f', 'Fatigue', 'Words.']]),
    page('title.html', 'Fatigue', 'Intro.')
  ];
  assert.deepEqual(urls(searchOver(pages).search('fatigue')), ['title.html', 'heading.html#f', 'text.html']);
});

test('when nothing has every word, the results with the most of them, and what is found nowhere', () => {
  const found = searchOver(HANDBOOK, TERMS).search('trust zebra');
  assert.equal(found.complete, false);
  assert.deepEqual(found.missing, ['zebra']);
  assert.ok(found.results.length > 0);
  assert.deepEqual(found.results[0].missing, ['zebra']);
  const none = searchOver(HANDBOOK, TERMS).search('zebra giraffe');
  assert.deepEqual([none.complete, none.results.length, none.missing], [false, 0, ['zebra', 'giraffe']]);
});

test('with three or more meaning words, results that leave out one follow those with all', () => {
  const found = searchOver(HANDBOOK, TERMS).search('organisations build trust');
  assert.equal(found.complete, true);
  assert.deepEqual(found.results[0].missing, [], 'first: every word');
  const firstPartial = found.results.findIndex((r) => r.missing.length > 0);
  assert.ok(firstPartial > 0);
  assert.ok(found.results.slice(firstPartial).every((r) => r.missing.length === 1));
  const two = searchOver(HANDBOOK, TERMS).search('build organisations').results;
  assert.deepEqual(two.map((r) => [r.url, r.missing.length]), [['trust.html#how', 0]], 'two words: all of them, or only when none has all');
});

test('a query of common words only looks for nothing', () => {
  const found = searchOver(HANDBOOK, TERMS).search('how do we');
  assert.deepEqual([found.units, found.results], [[], []]);
});

test('snippets keep blocks apart: a list item does not run into the next sentence', () => {
  const search = searchOver(HANDBOOK, TERMS);
  const result = search.search('small print').results[0];
  assert.equal(result.url, 'trust.html#moving-on');
  const text = core.snippet(result.text, result.matches);
  assert.match(text, /nobody reaches for the small print · Then read Finding a shared goal\./);
  assert.doesNotMatch(text, /print Then/);
});

test('snippets: around the best block, cut with ellipses', () => {
  const long = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen ' +
    'seventeen eighteen nineteen twenty twentyone twentytwo twentythree twentyfour twentyfive twentysix twentyseven fatigue end';
  const text = core.snippet('Short block.\n' + long, (w) => w === 'fatigue');
  assert.ok(text.startsWith('\u2026 '), text);
  assert.ok(text.includes('fatigue end'), text);
  assert.ok(!text.includes('Short block'), 'the block with the match, not the first one');
});

test('matched words are recognised in any of their forms for highlighting', () => {
  const result = searchOver(HANDBOOK, TERMS).search('build trust').results[0];
  for (const word of ['build', 'builds', 'Building', 'trust', 'trusted']) {
    assert.ok(result.matches(word), word);
  }
  for (const word of ['the', 'between', 'organisations']) {
    assert.ok(!result.matches(word), word);
  }
});

test('the index format the build writes is the one the script reads', () => {
  const java = fs.readFileSync(path.join(ASSETS, '..', '..', 'src', 'main', 'java', 'org', 'practicalpartnerships',
    'handbook', 'search', 'SearchIndex.java'), 'utf8');
  assert.equal(Number(/int VERSION = (\d+);/.exec(java)[1]), core.INDEX_VERSION);
});

test('as you type, a word matches the longer words it begins, in either spelling', () => {
  const search = searchOver(HANDBOOK, TERMS);
  assert.equal(urls(search.search('co-ordin'))[0], 'co-ordination.html');
  assert.equal(urls(search.search('coordin'))[0], 'co-ordination.html');
  assert.equal(urls(search.search('organizat'))[0], 'today.html#behaviour');
  assert.equal(urls(search.search('buil'))[0], 'trust.html');
});

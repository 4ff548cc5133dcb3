// Tests of the check-up's pure functions (templates/assets/checkup.js): scoring against examples
// worked by hand, the answer code (round trips, damaged and foreign codes), comparing partners
// and reading pasted codes. Run with Node's own runner: node --test src/test/js/
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');

const checkup = require(path.join(__dirname, '..', '..', '..', 'templates', 'assets', 'checkup.js'));

/** A small check-up: a four-point scale, "Not sure", low below 2.5; theme A of three statements, B of two. */
const SMALL = {
  scale: [
    { score: 1, label: 'Strongly disagree' },
    { score: 2, label: 'Disagree' },
    { score: 3, label: 'Agree' },
    { score: 4, label: 'Strongly agree' }
  ],
  unsure: 'Not sure',
  lowBelow: 2.5,
  themes: [
    { id: 'a', title: 'Theme A', statements: [{ id: 'a1', text: 'A one' }, { id: 'a2', text: 'A two' }, { id: 'a3', text: 'A three' }] },
    { id: 'b', title: 'Theme B', statements: [{ id: 'b1', text: 'B one' }, { id: 'b2', text: 'B two' }] }
  ]
};

// Answers are places on the scale (1 = the first point) or 'x' for "not sure".
const P = { a1: 4, a2: 2, a3: 'x', b1: 1, b2: 2 };
const Q = { a1: 1, a2: 2, a3: 3, b1: 4 };

test('score: worked by hand', () => {
  // A: 4 + 2 = 6 over the 2 answered (a3 is "not sure") = 3, not low. B: 1 + 2 = 3 over 2 = 1.5, low.
  const result = checkup.score(SMALL, P);
  const [a, b] = result.themes;
  assert.deepEqual([a.total, a.answered, a.unsure, a.average, a.low], [6, 2, 1, 3, false]);
  assert.deepEqual([b.total, b.answered, b.unsure, b.average, b.low], [3, 2, 0, 1.5, true]);
  assert.deepEqual(result.ranked.map((t) => t.id), ['b', 'a'], 'lowest average first');
  assert.equal(result.answered, 5, '"not sure" counts as answered');
  assert.equal(result.count, 5);
  assert.equal(result.complete, true);
});

test('score: the score of a place comes from the scale, whatever its numbers', () => {
  // Scores 0, 50, 100, shown best first: place 1 scores 100, place 3 scores 0.
  const spread = { ...SMALL, scale: [{ score: 100, label: 'Yes' }, { score: 50, label: 'Partly' }, { score: 0, label: 'No' }], lowBelow: 50 };
  const result = checkup.score(spread, { a1: 1, a2: 3, a3: 2, b1: 3 });
  // A: (100 + 0 + 50) / 3 = 50, not below 50. B: 0 / 1 = 0, low.
  assert.equal(result.themes[0].average, 50);
  assert.equal(result.themes[0].low, false);
  assert.equal(result.themes[1].average, 0);
  assert.equal(result.themes[1].low, true);
  assert.equal(result.answered, 4);
  assert.equal(result.complete, false);
});

test('score: nothing answered, and themes answered only "not sure", have no average and no rank', () => {
  const none = checkup.score(SMALL, {});
  assert.deepEqual(none.themes.map((t) => t.average), [null, null]);
  assert.deepEqual(none.ranked, []);
  assert.equal(none.answered, 0);
  const unsure = checkup.score(SMALL, { b1: 'x', b2: 'x', a1: 3 });
  assert.equal(unsure.themes[1].average, null);
  assert.equal(unsure.themes[1].low, false, 'no average is not low');
  assert.deepEqual(unsure.ranked.map((t) => t.id), ['a']);
});

test('score: equal averages keep the check-up order', () => {
  const result = checkup.score(SMALL, { a1: 2, a2: 2, a3: 2, b1: 2, b2: 2 });
  assert.deepEqual(result.ranked.map((t) => t.id), ['a', 'b']);
  assert.ok(result.ranked.every((t) => t.average === 2 && t.low));
});

test('score: exactly the line for "low" is not low', () => {
  const result = checkup.score(SMALL, { b1: 2, b2: 3 }); // (2 + 3) / 2 = 2.5
  assert.equal(result.themes[1].average, 2.5);
  assert.equal(result.themes[1].low, false);
});

test('encode: one character per statement, theme by theme, between the fingerprint and two check characters', () => {
  const code = checkup.encode(SMALL, P);
  const groups = code.split('-');
  assert.equal(groups.length, 4);
  assert.match(groups[0], /^[0-9a-z]{4}$/);
  assert.equal(groups[1], '42x', 'a1 place 4, a2 place 2, a3 not sure');
  assert.equal(groups[2], '12');
  assert.match(groups[3], /^[0-9a-z]{2}$/);
  assert.equal(checkup.encode(SMALL, {}).split('-').slice(1, 3).join('-'), '000-00', 'no answer is 0');
  assert.equal(code, checkup.encode(SMALL, { ...P }), 'the same answers give the same code');
});

test('encode: the fingerprint changes with the statements, their order and the scale', () => {
  const fp = checkup.fingerprint(SMALL);
  const renamed = { ...SMALL, themes: [SMALL.themes[0], { ...SMALL.themes[1], statements: [{ id: 'b1' }, { id: 'b3' }] }] };
  const reordered = { ...SMALL, themes: [SMALL.themes[1], SMALL.themes[0]] };
  const rescored = { ...SMALL, scale: SMALL.scale.map((p, i) => ({ ...p, score: i })) };
  const noUnsure = { ...SMALL, unsure: '' };
  for (const other of [renamed, reordered, rescored, noUnsure]) {
    assert.notEqual(checkup.fingerprint(other), fp);
  }
  assert.equal(checkup.fingerprint({ ...SMALL, title: 'Renamed', lowBelow: 3 }), fp, 'titles and the line for low do not matter');
});

test('the hash is FNV-1a (32 bits), as published', () => {
  // Test vectors of the FNV authors: "" and "a" and "foobar".
  assert.equal(checkup.hash(''), 0x811c9dc5);
  assert.equal(checkup.hash('a'), 0xe40c292c);
  assert.equal(checkup.hash('foobar'), 0xbf9cf968);
});

test('decode: every set of answers round-trips', () => {
  const ids = ['a1', 'a2', 'a3', 'b1', 'b2'];
  const values = [undefined, 1, 2, 3, 4, 'x'];
  let n = 0;
  // Every combination: 6^5 = 7776 codes.
  for (let i = 0; i < 7776; i++) {
    const answers = {};
    let k = i;
    for (const id of ids) {
      const v = values[k % 6];
      k = Math.floor(k / 6);
      if (v !== undefined) {
        answers[id] = v;
      }
    }
    const decoded = checkup.decode(SMALL, checkup.encode(SMALL, answers));
    assert.equal(decoded.ok, true);
    assert.deepEqual(decoded.answers, answers);
    assert.equal(decoded.answered, Object.keys(answers).length);
    n++;
  }
  assert.equal(n, 7776);
});

test('decode: a code is read however it is pasted', () => {
  const code = checkup.encode(SMALL, P);
  const forms = [
    code, code.toUpperCase(), code.replace(/-/g, ''), ' ' + code.replace(/-/g, ' - ') + '\n', 'a=' + code,
    'https://example.org/handbook/checkup/index.html#a=' + code, 'file:///home/me/site/checkup/index.html#a=' + code.toUpperCase(),
    code.replace(/-/g, '\u2013')
  ];
  for (const form of forms) {
    assert.deepEqual(checkup.decode(SMALL, form), { ok: true, answers: P, answered: 5 }, form);
  }
});

test('decode: every mistyped character and every swap of neighbours is caught', () => {
  for (const answers of [P, Q, {}]) {
    const code = checkup.encode(SMALL, answers).replace(/-/g, '');
    for (let i = 0; i < code.length; i++) {
      for (const c of '0123456789abcdefghijklmnopqrstuvwxyz') {
        if (c === code[i]) {
          continue;
        }
        const typo = code.slice(0, i) + c + code.slice(i + 1);
        assert.equal(checkup.decode(SMALL, typo).ok, false, typo + ' (from ' + code + ')');
      }
      if (i + 1 < code.length && code[i] !== code[i + 1]) {
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        assert.equal(checkup.decode(SMALL, swapped).reason, 'damaged', swapped);
      }
    }
  }
});

test('decode: damaged codes', () => {
  const code = checkup.encode(SMALL, P);
  const cases = {
    'cut short': code.slice(0, -3),
    'a character lost': code.replace('42x', '4x'),
    'a character added': code.replace('42x', '422x'),
    'not the alphabet': code.replace('42x', '4?x'),
    'words': 'hello there',
    'too short to be a code': 'abc',
    'a link cut before the code': 'https://example.org/checkup/index.html#a='.slice(0, 30)
  };
  for (const [what, text] of Object.entries(cases)) {
    assert.deepEqual(checkup.decode(SMALL, text), { ok: false, reason: 'damaged' }, what);
  }
  assert.deepEqual(checkup.decode(SMALL, ''), { ok: false, reason: 'empty' });
  assert.deepEqual(checkup.decode(SMALL, '  \n'), { ok: false, reason: 'empty' });
  assert.deepEqual(checkup.decode(SMALL, 'a='), { ok: false, reason: 'empty' });
});

test('decode: a sound code for another check-up, or another version of this one, is foreign', () => {
  const other = { ...SMALL, themes: [SMALL.themes[0], { ...SMALL.themes[1], statements: [...SMALL.themes[1].statements, { id: 'b3', text: 'B three' }] }] };
  assert.deepEqual(checkup.decode(SMALL, checkup.encode(other, { a1: 1, b3: 2 })), { ok: false, reason: 'foreign' });
  const fewerPoints = { ...SMALL, scale: SMALL.scale.slice(0, 3) };
  assert.deepEqual(checkup.decode(SMALL, checkup.encode(fewerPoints, { a1: 1 })), { ok: false, reason: 'foreign' });
  assert.deepEqual(checkup.decode(other, checkup.encode(SMALL, P)), { ok: false, reason: 'foreign' });
});

test('decode: a sound code that holds an answer the scale does not have is damaged, not read', () => {
  // Made by hand with the right fingerprint and check characters, but a place 5 on a 4-point scale,
  // or "not sure" in a check-up without it.
  const withFive = recode(SMALL, '45x12');
  assert.equal(withFive.split('-')[0], checkup.fingerprint(SMALL));
  assert.deepEqual(checkup.decode(SMALL, withFive), { ok: false, reason: 'damaged' });
  const noUnsure = { ...SMALL, unsure: '' };
  assert.deepEqual(checkup.decode(noUnsure, recode(noUnsure, '42x12')), { ok: false, reason: 'damaged' });
});

/** A code with the given answer characters and correct check characters, found by trying them all. */
function recode(model, body) {
  const fp = checkup.fingerprint(model);
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
  for (const c1 of alphabet) {
    for (const c2 of alphabet) {
      const code = fp + '-' + body + '-' + c1 + c2;
      // A check-up that reads any answer: only the check characters can make the code damaged.
      const d = checkup.decode({ ...model, scale: model.scale.concat(Array(5).fill({ score: 9, label: 'more' })), unsure: 'x' }, code);
      if (d.ok || d.reason !== 'damaged') {
        return code;
      }
    }
  }
  throw new Error('no check characters fit');
}

test('compare: two partners, worked by hand', () => {
  // Scores: a1 4 v 1 (gap 3), a2 2 v 2 (gap 0), a3 not sure v 3 (no gap), b1 1 v 4 (gap 3), b2 2 v blank (no gap).
  const result = checkup.compare(SMALL, [{ name: 'Council', answers: P }, { name: 'Trust', answers: Q }]);
  assert.deepEqual(result.partners, ['Council', 'Trust']);
  const byId = Object.fromEntries(result.statements.map((s) => [s.id, s]));
  assert.deepEqual(byId.a1.scores, [4, 1]);
  assert.deepEqual(byId.a3.scores, [null, 3]);
  assert.deepEqual(result.statements.map((s) => s.gap), [3, 0, null, 3, null]);
  assert.deepEqual(result.statements.map((s) => s.number), ['1.1', '1.2', '1.3', '2.1', '2.2']);
  assert.deepEqual(result.agenda.map((s) => s.id), ['a1', 'b1'], 'the largest gaps first; equal gaps in the check-up order');
  assert.deepEqual(result.agreed.map((s) => s.id), ['a2']);
  // Themes: Council A (4 + 2) / 2 = 3, B 1.5; Trust A (1 + 2 + 3) / 3 = 2, B 4 / 1 = 4. Gaps: A 1, B 2.5.
  assert.deepEqual(result.themes.map((t) => t.averages), [[3, 2], [1.5, 4]]);
  assert.deepEqual(result.themesByGap.map((t) => [t.id, t.gap]), [['b', 2.5], ['a', 1]]);
  assert.deepEqual(result.sharedLow, [], 'each theme is low for one partner only');
});

test('compare: three partners, the gap is the highest less the lowest; a theme all score low is flagged', () => {
  const result = checkup.compare(SMALL, [
    { name: 'A', answers: { a1: 1, a2: 1, b1: 4, b2: 4 } },
    { name: 'B', answers: { a1: 2, a2: 2, b1: 2 } },
    { name: 'C', answers: { a1: 1, a2: 2, b1: 3 } }
  ]);
  assert.deepEqual(result.statements.map((s) => s.gap), [1, 1, null, 2, null]);
  assert.deepEqual(result.agenda.map((s) => s.id), ['b1', 'a1', 'a2']);
  assert.deepEqual(result.themes.map((t) => t.averages), [[1, 2, 1.5], [4, 2, 3]]);
  assert.deepEqual(result.sharedLow.map((t) => t.id), ['a'], 'theme A averages 1, 2 and 1.5: below 2.5 for all');
  assert.deepEqual(result.themesByGap.map((t) => t.id), ['b', 'a']);
});

test('compare: partners who agree on everything have an empty agenda', () => {
  const result = checkup.compare(SMALL, [{ name: 'A', answers: P }, { name: 'B', answers: P }]);
  assert.deepEqual(result.agenda, []);
  assert.deepEqual(result.agreed.map((s) => s.id), ['a1', 'a2', 'b1', 'b2']);
  assert.deepEqual(result.themesByGap.map((t) => t.gap), [0, 0]);
});

test('compare: a theme nobody can compare comes last', () => {
  const result = checkup.compare(SMALL, [{ name: 'A', answers: { a1: 1, b1: 2 } }, { name: 'B', answers: { a1: 4 } }]);
  assert.deepEqual(result.themesByGap.map((t) => [t.id, t.gap]), [['a', 3], ['b', null]]);
});

test('parseCodes: one partner a line, with or without a name, as a code or a link', () => {
  const code = checkup.encode(SMALL, P);
  const text = [
    'Council: ' + code,
    '',
    '   https://example.org/checkup/index.html#a=' + code,
    'Health trust:https://example.org/checkup/index.html#a=' + code,
    code
  ].join('\r\n');
  const entries = checkup.parseCodes(text);
  assert.deepEqual(entries.map((e) => [e.name, e.line]), [['Council', 1], ['Partner B', 3], ['Health trust', 4], ['Partner D', 5]]);
  for (const e of entries) {
    assert.equal(checkup.decode(SMALL, e.code).ok, true, e.code);
  }
  assert.deepEqual(checkup.parseCodes('\n \n'), []);
});

test('compareFragment: a compare link holds every partner, and pasting it gives them back', () => {
  const partners = [
    { name: 'Council, adults\u2019 services', code: checkup.encode(SMALL, P) },
    { name: 'Trust: east', code: checkup.encode(SMALL, Q) }
  ];
  const fragment = checkup.compareFragment(partners);
  assert.match(fragment, /^compare=[^#\s]+$/);
  const back = checkup.parseCodes('https://example.org/checkup/index.html#' + fragment);
  assert.deepEqual(back.map((e) => [e.name, e.code]), partners.map((p) => [p.name, p.code]));
  assert.deepEqual(back.map((e) => checkup.decode(SMALL, e.code).answers), [P, Q]);
});

test('formatNumber: at most two decimals, minus as a minus sign', () => {
  assert.deepEqual([3, 2.5, 2.25, 8 / 3, 2.444, -1.5, 0, 100].map(checkup.formatNumber),
    ['3', '2.5', '2.25', '2.67', '2.44', '\u22121.5', '0', '100']);
  assert.equal(checkup.formatNumber(null), '');
});

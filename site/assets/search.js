/* Handbook search, on search.html only: reads ?q=, searches the index built by Handbook
   (search-index.js, which sets window.HANDBOOK_SEARCH_INDEX) with MiniSearch, and lists the
   results in #search-results, best first, one per page, each linking to the page or straight to
   its best-matching section. Progressive enhancement: without this script the page's form still
   works as a plain GET form and the page points to the A to Z index. No inline script, no eval,
   and text from the index only ever reaches the page through textContent.

   All splitting of text into words happens here, for the index and the query alike: the build
   (Java) writes plain text, with a line break between blocks (paragraphs, list items, cells), and
   never splits words. The rules are in the first part of this file ("Words"); Node loads that
   part for the tests in src/test/js/ (module.exports = core). */
/* global module -- set only when Node loads this file for the tests */
(function (root) {
  'use strict';

  /* ---------- Words: how text becomes search terms, the same for the index and the query ---------- */

  /**
   * A word: letters and digits, joined by apostrophes or hyphens ("co-ordination", "partner's").
   * Everything else separates words, the en dash too ("1723–5").
   */
  var WORD = /[\p{L}\p{N}]+(?:['\u2019\u2010\u2011-][\p{L}\p{N}]+)*/gu;
  var HYPHENS = /[\u2010\u2011-]/;

  /**
   * Common English words that carry no meaning in a search: left out of the index and of the
   * query, so that "how do we build trust" looks for "build" and "trust". The Snowball English
   * stop list (snowballstem.org), as this file writes words (no apostrophes), less "own" (the
   * handbook's "own goals"), plus a few words that only questions use.
   */
  var STOP_WORDS = toSet(
    'a about above after again against all also am an and any are arent as at be because been before being ' +
    'below between both but by can cannot cant could couldnt did didnt do does doesnt doing dont down during ' +
    'each eg etc few for from further had hadnt has hasnt have havent having he hed hes her here heres hers ' +
    'herself him himself his how hows i id ie if im in into is isnt it its itself ive just lets may me might ' +
    'more most must mustnt my myself no nor not of off on once only or other ought our ours ourselves out ' +
    'over same shall shant she shes should shouldnt so some such than that thats the their theirs them ' +
    'themselves then there theres these they theyd theyll theyre theyve this those through to too under ' +
    'until up us very vs versus was wasnt we were weve werent what whats when whens where wheres which while ' +
    'who whom whos why whys will with wont would wouldnt you youd youll your youre yours yourself yourselves youve');

  /**
   * Other spellings of the same word, as one word: the handbook's spelling (British) first, then
   * the others. Whole words; -ize/-ise and -our/-or families are rules below.
   */
  var SPELLINGS = [
    ['centre', 'center'], ['centres', 'centers'], ['centred', 'centered'], ['centring', 'centering'],
    ['programme', 'program'], ['programmes', 'programs'],
    ['catalogue', 'catalog'], ['catalogues', 'catalogs'], ['dialogue', 'dialog'], ['dialogues', 'dialogs'],
    ['analogue', 'analog'],
    ['judgement', 'judgment'], ['judgements', 'judgments'], ['acknowledgement', 'acknowledgment'],
    ['licence', 'license'], ['licences', 'licenses'], ['defence', 'defense'], ['offence', 'offense'],
    ['practice', 'practise'], ['practices', 'practises'],
    ['ageing', 'aging'], ['grey', 'gray'], ['sceptical', 'skeptical'], ['artefact', 'artifact'],
    ['enquiry', 'inquiry'], ['enquiries', 'inquiries'],
    ['modelled', 'modeled'], ['modelling', 'modeling'], ['travelled', 'traveled'], ['travelling', 'traveling'],
    ['cancelled', 'canceled'], ['cancelling', 'canceling'], ['labelled', 'labeled'], ['labelling', 'labeling'],
    ['counselling', 'counseling'], ['counsellor', 'counselor'], ['counsellors', 'counselors'],
    ['councillor', 'councilor'], ['councillors', 'councilors'],
    ['signalled', 'signaled'], ['signalling', 'signaling'], ['fuelled', 'fueled'], ['levelled', 'leveled'],
    ['enrol', 'enroll'], ['enrolment', 'enrollment'], ['fulfil', 'fulfill'], ['fulfilment', 'fulfillment'],
    ['instalment', 'installment'], ['skilful', 'skillful'], ['wilful', 'willful'],
    ['paediatric', 'pediatric'], ['paediatrics', 'pediatrics'], ['anaesthetic', 'anesthetic'],
    ['haematology', 'hematology'], ['orthopaedic', 'orthopedic'], ['orthopaedics', 'orthopedics'],
    ['gynaecology', 'gynecology'], ['anaemia', 'anemia'], ['oesophagus', 'esophagus'],
    ['manoeuvre', 'maneuver'], ['foetus', 'fetus']
  ];
  /** Words that begin with one of these (behavior, behavioral) take the handbook's -our spelling. */
  var OUR_ROOTS = ['behavior', 'color', 'favor', 'honor', 'labor', 'neighbor', 'humor', 'rumor', 'endeavor',
    'harbor', 'vigor', 'savor', 'flavor', 'odor', 'parlor', 'armor', 'clamor', 'rigor', 'valor'];
  /** -ize, -yze and their forms (organization, analyzed) take the handbook's -ise, -yse. */
  var IZE = /^(.{3,}[iy])z(e|es|ed|ing|er|ers|ation|ations|ational|able)$/;
  var ISE = /^(.{3,}[iy])s(e|es|ed|ing|er|ers|ation|ations|ational|able)$/;
  /** Words spelt -ise, or -ize, on both sides of the Atlantic: their roots, as IZE and ISE find them. */
  var ISE_ONLY = roots(ISE, 'advertise advise apprise arise chastise circumcise comprise compromise demise ' +
    'despise devise disguise enterprise excise exercise expertise franchise improvise incise merchandise ' +
    'otherwise premise promise reprise revise supervise surmise surprise televise treatise');
  var IZE_ONLY = roots(IZE, 'capsize downsize oversize resize seize upsize');

  var BRITISH = new Map();  // other spelling -> the handbook's
  var OTHERS = new Map();   // the handbook's spelling -> the others
  SPELLINGS.forEach(function (forms) {
    var main = fold(forms[0]);
    forms.slice(1).forEach(function (other) {
      BRITISH.set(fold(other), main);
    });
    OTHERS.set(main, forms.slice(1).map(fold));
  });

  function toSet(words) {
    return new Set(words.split(' '));
  }

  /** The roots a pattern finds in words (words too short for it need no exception). */
  function roots(pattern, words) {
    var found = new Set();
    words.split(' ').forEach(function (w) {
      var m = pattern.exec(w);
      if (m) {
        found.add(m[1]);
      }
    });
    return found;
  }

  /** Lower case, accents off, apostrophes and hyphens out: "Co-ordination's" -> "coordinations". */
  function fold(word) {
    return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/['\u2019]s$/, '')
      .replace(/['\u2019\u2010\u2011-]/g, '');
  }

  /** The handbook's spelling of a folded word: "organization" -> "organisation". */
  function spelling(word) {
    var british = BRITISH.get(word);
    if (british) {
      return british;
    }
    for (var i = 0; i < OUR_ROOTS.length; i++) {
      var us = OUR_ROOTS[i];
      if (word.lastIndexOf(us, 0) === 0) {
        return us.slice(0, -2) + 'our' + word.slice(us.length);
      }
    }
    var m = IZE.exec(word);
    return m && !IZE_ONLY.has(m[1]) ? m[1] + 's' + m[2] : word;
  }

  /**
   * The other spellings of a word in the handbook's spelling, known beside it so that those are
   * completed as they are typed ("organizat") and their typos forgiven ("behavor").
   */
  function otherSpellings(word) {
    var others = OTHERS.get(word);
    if (others) {
      return others;
    }
    for (var i = 0; i < OUR_ROOTS.length; i++) {
      var british = OUR_ROOTS[i].slice(0, -2) + 'our';
      if (word.lastIndexOf(british, 0) === 0) {
        return [OUR_ROOTS[i] + word.slice(british.length)];
      }
    }
    var m = ISE.exec(word);
    return m && !ISE_ONLY.has(m[1]) ? [m[1] + 'z' + m[2]] : [];
  }

  /**
   * The words of a text, as written: [{text, index}], where text keeps its hyphens and
   * apostrophes ("co-ordination", "article’s").
   */
  function words(text) {
    var found = [];
    WORD.lastIndex = 0;
    var m;
    while ((m = WORD.exec(text)) !== null) {
      found.push({ text: m[0], index: m.index });
    }
    return found;
  }

  /**
   * What one written word means to search: null for a stop word, else {word, stem, others, parts}:
   * the word in the handbook's spelling without hyphens ("coordination"), its stem, other
   * spellings, and for a hyphenated word the analysed parts that are not stop words.
   */
  function analyse(written, stem) {
    var word = spelling(fold(written));
    if (!word || STOP_WORDS.has(word)) {
      return null;
    }
    var parts = [];
    if (HYPHENS.test(written)) {
      written.split(HYPHENS).forEach(function (part) {
        var a = analyse(part, stem);
        if (a) {
          parts.push(a);
        }
      });
    }
    return { word: word, stem: stem(word), others: otherSpellings(word), parts: parts };
  }

  /**
   * The terms a text puts in the index: the stem of each word that is not a stop word, in the
   * handbook's spelling ("organizations" and "organisation" are both "organis"), and for a
   * hyphenated word the stems of the whole and of each part, so that "co-ordination" is found as
   * "coordination", "co ordination" and "ordination". The query's words go through the same
   * analyse, so both sides agree. Only stems are indexed: the words as written are kept in the
   * vocabulary, for completing a word as it is typed and for correcting typos.
   *
   * @param analysed analyse with its stemmer: function (written) -> analysis or null
   * @param vocabulary a Set that collects every word seen (and its other spellings), or null
   */
  function indexTerms(text, analysed, vocabulary) {
    var terms = [];
    words(text).forEach(function (w) {
      var a = analysed(w.text);
      if (!a) {
        return;
      }
      add(a);
      a.parts.forEach(add);
    });
    return terms;

    function add(a) {
      terms.push(a.stem);
      if (vocabulary) {
        vocabulary.add(a.word);
        a.others.forEach(function (o) { vocabulary.add(o); });
      }
    }
  }

  /* ---------- Searching ---------- */

  var INDEX_VERSION = 2;
  var MAX_RESULTS = 50;
  var SNIPPET_WORDS = 25;
  var SNIPPET_BEFORE = 8;
  /** How much a match in each field counts: titles lead, then headings, glossary terms, text. */
  var BOOST = { title: 4, headings: 3, terms: 2, description: 2, text: 1 };
  /**
   * How much a match counts beside the word as typed: the nearest known word to a word the index
   * does not have (a typo), another form of a glossary term, and a longer word that the typed one
   * begins (as MiniSearch weighs prefixes: less the more letters it adds).
   */
  var TYPO_WEIGHT = 0.5;
  var ALIAS_WEIGHT = 0.5;
  var PREFIX_WEIGHT = 0.375;
  /**
   * The parts of a hyphenated word, found apart ("co ... ordination"), count half as much as
   * the word itself.
   */
  var PARTS_WEIGHT = 0.5;
  /** The most written words joined into one ("day to day" is "day-to-day"). */
  var MAX_JOINED = 4;

  /**
   * A search over the index data (window.HANDBOOK_SEARCH_INDEX): {search(query)}. MiniSearch and
   * the stemmer are passed in, so that Node's tests run exactly what the browser runs.
   */
  function createSearch(data, MiniSearch, stemmer) {
    // Words repeat: each written form is analysed once.
    var analyses = new Map();
    // The handbook's hyphenated words, by their closed form: "coordination" -> "co-ordination".
    var compounds = new Map();
    function analysed(written) {
      var a = analyses.get(written);
      if (a === undefined) {
        a = analyse(written, stemmer);
        analyses.set(written, a);
        if (a && a.parts.length && !compounds.has(a.word)) {
          compounds.set(a.word, written.replace(/[\u2010\u2011]/g, '-').toLowerCase());
        }
      }
      return a;
    }
    var pages = data.pages || [];
    var terms = data.terms || [];
    var docs = [];
    var entries = [];
    var vocabulary = new Set();

    // A glossary term's own pages and sections (its "see") carry the term and its aliases as
    // keywords, so they beat pages that only mention it.
    var keywords = new Map();
    terms.forEach(function (term) {
      (term.s || []).forEach(function (target) {
        keywords.set(target, (keywords.get(target) || []).concat([term.t], term.a || []));
      });
    });
    function keywordsOf(url) {
      return (keywords.get(url) || []).join('\n');
    }

    pages.forEach(function (page, p) {
      var intro = [page.d, page.x].filter(Boolean).join('\n');
      add({ kind: 'page', page: p, text: intro },
        { title: page.t, description: page.d || '', headings: '', text: page.x || '', terms: (page.k || []).concat([keywordsOf(page.u)]).join('\n') });
      (page.s || []).forEach(function (section) {
        add({ kind: 'section', page: p, anchor: section[0], heading: section[1], text: section[2] },
          { title: '', description: '', headings: section[1], text: section[2], terms: keywordsOf(page.u + '#' + section[0]) });
      });
    });
    terms.forEach(function (term) {
      add({ kind: 'term', url: term.u, title: term.t, text: term.x },
        { title: '', description: '', headings: '', text: term.x, terms: [term.t].concat(term.a || []).join('\n') });
    });
    var engine = new MiniSearch({
      fields: ['title', 'description', 'headings', 'text', 'terms'],
      storeFields: [],
      tokenize: function (text, field) {
        var terms = indexTerms(text, analysed, vocabulary);
        // Keywords are a set: "NHS trust, NHS trusts, hospital trust" is not about trust three times.
        return field === 'terms' ? Array.from(new Set(terms)) : terms;
      },
      processTerm: function (term) { return term; },
      searchOptions: {
        boost: BOOST,
        tokenize: function (text) { return [text]; },
        processTerm: function (term) { return term; }
      }
    });
    engine.addAll(entries);
    var indexed = new Set();
    vocabulary.forEach(function (word) { indexed.add(analysed(word).stem); });

    // Glossary terms and their aliases, by the stems of their meaning words: "duties to
    // co-operate" and "duty to cooperate" are both "duti cooper".
    var phrases = new Map();
    var longest = 1;
    terms.forEach(function (term) {
      var forms = [];
      [term.t].concat(term.a || []).forEach(function (text) {
        var atoms = atomsOf(text);
        var key = keyOf(atoms);
        if (atoms.length && !forms.some(function (f) { return f.key === key; })) {
          forms.push({ key: key, atoms: atoms });
          longest = Math.max(longest, atoms.length);
        }
      });
      forms.forEach(function (form) {
        var known = phrases.get(form.key) || [];
        phrases.set(form.key, known.concat(forms.filter(function (f) { return known.every(function (k) { return k.key !== f.key; }); })));
      });
    });

    function add(doc, fields) {
      fields.id = docs.length;
      docs.push(doc);
      entries.push(fields);
    }

    /**
     * The meaning words of a text, in order: written words that are not stop words, with written
     * words joined where the index knows them as one word ("co ordination", "well being",
     * "day to day"), and a closed word that the handbook writes with hyphens taken as that
     * ("coordination" is "co-ordination", which also matches its parts).
     */
    function atomsOf(text) {
      var written = words(text).map(function (w) { return w.text; });
      var atoms = [];
      for (var i = 0; i < written.length;) {
        var atom = null;
        for (var n = Math.min(MAX_JOINED, written.length - i); n >= 2 && !atom; n--) {
          atom = joinedAtom(written.slice(i, i + n));
        }
        if (atom) {
          atoms.push(atom.atom);
          i += atom.n;
          continue;
        }
        var a = analysed(compounds.get(spelling(fold(written[i]))) || written[i]);
        if (a) {
          atoms.push({ text: written[i], a: a });
        }
        i++;
      }
      return atoms;
    }

    /**
     * Written words as the one word the index knows them as, or null: two words whose closed
     * form the handbook has ("well being"), or more that it writes hyphenated ("day to day").
     */
    function joinedAtom(span) {
      if (span.some(function (w) { return HYPHENS.test(w); })) {
        return null;
      }
      var joined = spelling(fold(span.join('')));
      var compound = compounds.get(joined);
      if (STOP_WORDS.has(joined) || !(compound || (span.length === 2 && vocabulary.has(joined)))) {
        return null;
      }
      var a = analysed(compound || span.join('-'));
      return a ? { n: span.length, atom: { text: span.join(' '), a: a } } : null;
    }

    /** Whether a form has every meaning word of the span: then it finds nothing the span does not. */
    function contains(atoms, span) {
      var stems = atoms.map(function (atom) { return atom.a.stem; });
      return span.every(function (atom) { return stems.indexOf(atom.a.stem) >= 0; });
    }

    function keyOf(atoms) {
      return atoms.map(function (atom) { return atom.a.stem; }).join(' ');
    }

    /**
     * The query for one word: its stem (every form of the word); the words it begins, as you
     * type; and for a word the handbook does not have, the nearest words it has (typos forgiven).
     */
    function wordQuery(a, weight, last) {
      var weights = new Map();
      weigh(a.stem, weight);
      if (last || a.word.length > 3) {
        vocabulary.forEach(function (known) {
          if (known.length > a.word.length && known.lastIndexOf(a.word, 0) === 0) {
            var added = known.length - a.word.length;
            weigh(analysed(known).stem, weight * PREFIX_WEIGHT * known.length / (known.length + 0.3 * added));
          }
        });
      }
      if (!indexed.has(a.stem)) {
        nearest(a.word).forEach(function (near) {
          weigh(near.stem, weight * TYPO_WEIGHT);
        });
      }
      var queries = [];
      weights.forEach(function (w, stem) {
        queries.push({ queries: [stem], prefix: false, fuzzy: false, boostTerm: constant(w) });
      });
      return { combineWith: 'OR', queries: queries };

      function weigh(stem, w) {
        weights.set(stem, Math.max(weights.get(stem) || 0, w));
      }
    }

    /**
     * The indexed words nearest to a word, at the smallest distance found up to its limit (one
     * typo in a word of 4 to 7 letters, two from 8): a letter added, left out, changed, or two
     * swapped. Shorter words are not corrected: too many words are one letter apart.
     */
    function nearest(word) {
      var limit = word.length < 4 ? 0 : (word.length < 8 ? 1 : 2);
      var best = [];
      var bestDistance = limit + 1;
      vocabulary.forEach(function (known) {
        if (Math.abs(known.length - word.length) > Math.min(limit, bestDistance)) {
          return;
        }
        var d = distance(word, known, Math.min(limit, bestDistance));
        if (d > limit) {
          return;
        }
        if (d < bestDistance) {
          bestDistance = d;
          best = [known];
        } else if (d === bestDistance) {
          best.push(known);
        }
      });
      return best.map(function (known) { return analysed(known); }).filter(Boolean);
    }

    /** A meaning word: a hyphenated or joined word matches as one word or as its parts. */
    function atomQuery(atom, weight, last) {
      var whole = wordQuery(atom.a, weight, last);
      if (atom.a.parts.length === 0) {
        return whole;
      }
      return {
        combineWith: 'OR',
        queries: [whole, {
          combineWith: 'AND',
          queries: atom.a.parts.map(function (p, i) { return wordQuery(p, weight * PARTS_WEIGHT, last && i === atom.a.parts.length - 1); })
        }]
      };
    }

    function formQuery(atoms, weight, last) {
      if (atoms.length === 1) {
        return atomQuery(atoms[0], weight, last);
      }
      return {
        combineWith: 'AND',
        queries: atoms.map(function (atom, i) { return atomQuery(atom, weight, last && i === atoms.length - 1); })
      };
    }

    /**
     * The query as parts that each must match: one per meaning word, or per glossary term
     * written in it, which then matches as any of its aliases too. [{text, query}]
     */
    function units(query) {
      var atoms = atomsOf(query);
      var found = [];
      for (var i = 0; i < atoms.length;) {
        var taken = 0;
        for (var n = Math.min(longest, atoms.length - i); n >= 1 && !taken; n--) {
          var span = atoms.slice(i, i + n);
          var forms = phrases.get(keyOf(span));
          if (forms && forms.length > 1) {
            var key = keyOf(span);
            var last = i + n === atoms.length;
            found.push({
              text: span.map(function (atom) { return atom.text; }).join(' '),
              query: {
                combineWith: 'OR',
                queries: forms.filter(function (f) { return f.key === key || !contains(f.atoms, span); }).map(function (f) {
                  return f.key === key ? formQuery(span, 1, last) : formQuery(f.atoms, ALIAS_WEIGHT, false);
                })
              }
            });
            taken = n;
          }
        }
        if (!taken) {
          found.push({ text: atoms[i].text, query: atomQuery(atoms[i], 1, i === atoms.length - 1) });
          taken = 1;
        }
        i += taken;
      }
      return found;
    }

    /**
     * Searches: {units, complete, missing, results}. Results are one per page or glossary entry,
     * at the document (page introduction, section or entry) that scored best: first those with
     * every meaning word of the query, best first; then, for a query of three or more, those that
     * leave out one of them (each result's missing lists what it leaves out). When no document
     * has every meaning word, complete is false and the results are those with the most of
     * them; missing lists the words no document has.
     */
    function search(query) {
      var parts = units(query);
      if (parts.length === 0) {
        return { units: [], complete: true, missing: [], results: [] };
      }
      var byDoc = new Map();
      var missing = [];
      parts.forEach(function (unit, u) {
        var hits = engine.search(unit.query);
        if (hits.length === 0) {
          missing.push(unit.text);
        }
        hits.forEach(function (hit) {
          var entry = byDoc.get(hit.id);
          if (!entry) {
            entry = { id: hit.id, score: 0, units: 0, has: parts.map(function () { return false; }), matched: new Set() };
            byDoc.set(hit.id, entry);
          }
          entry.score += hit.score;
          entry.units += 1;
          entry.has[u] = true;
          hit.terms.forEach(function (t) { entry.matched.add(t); });
        });
      });
      var hits = Array.from(byDoc.values()).sort(function (x, y) {
        return y.units - x.units || y.score - x.score || x.id - y.id;
      });
      var complete = hits.length > 0 && hits[0].units === parts.length;
      if (complete) {
        var least = parts.length >= 3 ? parts.length - 1 : parts.length;
        hits = hits.filter(function (h) { return h.units >= least; });
      }
      hits.forEach(function (h) {
        h.missing = parts.filter(function (p, u) { return !h.has[u]; }).map(function (p) { return p.text; });
      });
      return {
        units: parts.map(function (p) { return p.text; }),
        complete: complete,
        missing: missing,
        results: group(hits)
      };
    }

    /** One result per page (or glossary term), at its best-scoring document. */
    function group(hits) {
      var byKey = new Map();
      var groups = [];
      hits.forEach(function (hit) {
        var doc = docs[hit.id];
        var key = doc.kind === 'term' ? 'term:' + doc.url : 'page:' + doc.page;
        var g = byKey.get(key);
        if (!g) {
          g = { doc: doc, url: urlOf(doc), score: hit.score, missing: hit.missing, matched: new Set() };
          byKey.set(key, g);
          groups.push(g);
        }
        hit.matched.forEach(function (t) { g.matched.add(t); });
      });
      return groups.map(function (g) {
        var doc = g.doc;
        var page = doc.kind === 'term' ? null : pages[doc.page];
        return {
          url: g.url,
          title: doc.kind === 'term' ? doc.title : page.t,
          context: doc.kind === 'term' ? 'Glossary entry' : (doc.kind === 'section' ? doc.heading : ''),
          kind: doc.kind,
          text: doc.text || (page ? page.d : '') || '',
          matches: matcher(g.matched),
          missing: g.missing,
          score: g.score
        };
      });
    }

    function urlOf(doc) {
      if (doc.kind === 'term') {
        return doc.url;
      }
      return pages[doc.page].u + (doc.kind === 'section' ? '#' + doc.anchor : '');
    }

    /** Whether a written word is one the search matched (in any of its forms). */
    function matcher(matched) {
      return function (written) {
        var a = analysed(written);
        if (!a) {
          return false;
        }
        return [a].concat(a.parts).some(function (x) {
          return matched.has(x.stem);
        });
      };
    }

    return { search: search, units: units };
  }

  /**
   * About SNIPPET_WORDS words of a result's text: from the block (paragraph, list item, cell) with
   * the most matched words, around the first of them, with ellipses where cut. A short block is
   * followed by the next ones, each after " · ", so that blocks never run into one another.
   */
  function snippet(text, matches) {
    var blocks = text.split('\n').filter(Boolean);
    var best = 0;
    var bestCount = -1;
    var at = 0;
    blocks.forEach(function (block, b) {
      var found = words(block).filter(function (w) { return matches(w.text); });
      var distinct = new Set(found.map(function (w) { return w.text.toLowerCase(); })).size;
      if (distinct > bestCount) {
        bestCount = distinct;
        best = b;
        at = found.length ? found[0].index : 0;
      }
    });
    if (blocks.length === 0) {
      return '';
    }
    var block = blocks[best];
    var spaced = block.split(' ');
    var before = block.slice(0, at).split(' ').length - 1;
    var from = Math.max(0, before - SNIPPET_BEFORE);
    var to = Math.min(spaced.length, from + SNIPPET_WORDS);
    from = Math.max(0, to - SNIPPET_WORDS);
    var out = (from > 0 ? '\u2026 ' : '') + spaced.slice(from, to).join(' ');
    var left = SNIPPET_WORDS - (to - from);
    if (to < spaced.length) {
      return out + ' \u2026';
    }
    for (var b = best + 1; b < blocks.length && left > 0; b++) {
      var next = blocks[b].split(' ');
      out += ' \u00b7 ' + next.slice(0, left).join(' ') + (next.length > left ? ' \u2026' : '');
      left -= next.length;
    }
    return out;
  }

  /**
   * The edit distance between two words (letters added, left out or changed, and two neighbours
   * swapped: the optimal string alignment distance), or more than max as soon as it must be.
   */
  function distance(a, b, max) {
    var rows = [[]];
    var i;
    var j;
    for (j = 0; j <= b.length; j++) {
      rows[0][j] = j;
    }
    for (i = 1; i <= a.length; i++) {
      var row = [i];
      var smallest = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
        var d = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) === b.charAt(j - 2) && a.charAt(i - 2) === b.charAt(j - 1)) {
          d = Math.min(d, rows[i - 2][j - 2] + 1);
        }
        row[j] = d;
        smallest = Math.min(smallest, d);
      }
      if (smallest > max) {
        return max + 1;
      }
      rows.push(row);
    }
    return rows[a.length][b.length];
  }

  function constant(value) {
    return function () { return value; };
  }

  var core = {
    words: words, fold: fold, spelling: spelling, analyse: analyse, indexTerms: indexTerms, distance: distance,
    STOP_WORDS: STOP_WORDS, INDEX_VERSION: INDEX_VERSION, MAX_RESULTS: MAX_RESULTS,
    createSearch: createSearch, snippet: snippet
  };
  if (typeof module === 'object' && module && module.exports) {
    module.exports = core;
  }
  if (typeof document === 'undefined') {
    return;
  }

  /* ---------- The page ---------- */

  var INDEX_GLOBAL = 'HANDBOOK_SEARCH_INDEX';
  var DEBOUNCE_MS = 150;

  var container = document.getElementById('search-results');
  if (!container) {
    return; // not the search page: the header form is a plain GET form and needs nothing
  }
  var input = document.getElementById('search-input');
  var form = input ? input.form : null;
  var status = document.getElementById('search-status');
  var fallback = document.getElementById('search-fallback');
  var hint = document.getElementById('search-hint');
  var siteRoot = container.getAttribute('data-root') || '';

  var searcher = null;
  var timer = 0;
  var lastQuery = null;

  function start() {
    var data = root[INDEX_GLOBAL];
    if (typeof root.MiniSearch !== 'function' || typeof root.porter2Stem !== 'function' || !data ||
        data.v !== INDEX_VERSION || !input) {
      unavailable();
      return;
    }
    searcher = createSearch(data, root.MiniSearch, root.porter2Stem);

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
    var found = searcher.search(query);
    var results = found.results;
    var quoted = quote(query);
    if (found.units.length === 0) {
      say('No results for ' + quoted + '.');
      paragraph('search-none', 'Search leaves out common words such as \u201chow\u201d, \u201cthe\u201d and \u201cwe\u201d. ' +
        'Add the words that say what you are looking for.');
      return;
    }
    if (results.length === 0) {
      say('No results for ' + quoted + '.');
      var none = paragraph('search-none', 'Check the spelling or try fewer or other words. You can also look it up in the ');
      var az = document.createElement('a');
      az.href = siteRoot + 'a-z.html';
      az.textContent = 'A to Z index';
      none.appendChild(az);
      none.appendChild(document.createTextNode('.'));
      return;
    }
    var shown = results.length > MAX_RESULTS ? ' Showing the best ' + MAX_RESULTS + '.' : '';
    if (found.complete) {
      var all = results.filter(function (r) { return r.missing.length === 0; }).length;
      var most = results.length - all;
      say(plural(all, 'result') + ' for ' + quoted +
        (most ? ', and ' + most + ' more with all but one of its words.' : '.') + shown);
    } else {
      say(plural(results.length, 'result') + ' for ' + quoted + ', none with all of its words.' + shown);
      paragraph('search-partial', found.missing.length ?
        'Nothing in the handbook matches ' + found.missing.map(quote).join(', ') + '. These results have the other words' +
          (found.missing.length < found.units.length - 1 ? ', those with the most first.' : '.') :
        'No page or section has all of these words. These results have some of them, those with the most first.');
    }
    var list = document.createElement('ol');
    list.className = 'search-result-list';
    list.setAttribute('role', 'list'); // keeps list semantics in Safari despite list-style: none
    results.slice(0, MAX_RESULTS).forEach(function (result) {
      list.appendChild(render(result, found.missing));
    });
    container.appendChild(list);
  }

  function plural(n, noun) {
    return n + ' ' + (n === 1 || noun === 'more' ? noun : noun + 's');
  }

  function quote(text) {
    return '\u201c' + text + '\u201d';
  }

  function paragraph(className, text) {
    var p = document.createElement('p');
    p.className = className;
    p.appendChild(document.createTextNode(text));
    container.appendChild(p);
    return p;
  }

  /** One result; it says which words it leaves out, unless no result has them (nowhere). */
  function render(result, nowhere) {
    var li = document.createElement('li');
    li.className = 'search-result';
    var a = document.createElement('a');
    a.className = 'search-result-link';
    a.href = siteRoot + result.url;
    var title = document.createElement('span');
    title.className = 'search-result-title';
    highlight(title, result.title, result.matches);
    a.appendChild(title);
    if (result.context) {
      var section = document.createElement('span');
      section.className = 'search-result-section';
      if (result.kind === 'section') {
        var separator = document.createElement('span');
        separator.setAttribute('aria-hidden', 'true');
        separator.textContent = '\u203a ';
        section.appendChild(separator);
        highlight(section, result.context, result.matches);
      } else {
        section.textContent = result.context;
      }
      a.appendChild(document.createTextNode(' '));
      a.appendChild(section);
    }
    li.appendChild(a);
    if (result.text) {
      var p = document.createElement('p');
      p.className = 'search-result-snippet';
      highlight(p, snippet(result.text, result.matches), result.matches);
      li.appendChild(p);
    }
    var missing = result.missing.filter(function (word) { return nowhere.indexOf(word) < 0; });
    if (missing.length) {
      var p2 = document.createElement('p');
      p2.className = 'search-result-missing';
      p2.textContent = 'Missing: ' + missing.map(quote).join(', ');
      li.appendChild(p2);
    }
    return li;
  }

  /** Appends the text to the element, with every matched word wrapped in <mark>. */
  function highlight(parent, text, matches) {
    var last = 0;
    words(text).forEach(function (w) {
      if (!matches(w.text)) {
        return;
      }
      if (w.index > last) {
        parent.appendChild(document.createTextNode(text.slice(last, w.index)));
      }
      var mark = document.createElement('mark');
      mark.textContent = w.text;
      parent.appendChild(mark);
      last = w.index + w.text.length;
    });
    if (last < text.length) {
      parent.appendChild(document.createTextNode(text.slice(last)));
    }
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
    if (root[INDEX_GLOBAL] || !container.getAttribute('data-index')) {
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
}(typeof window !== 'undefined' ? window : this));

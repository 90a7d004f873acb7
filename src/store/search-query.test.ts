import { test } from 'node:test';
import assert from 'node:assert/strict';
import { orGroups, parseSearchQuery, SearchQueryError, toFtsQuery } from './search-query.js';

test('plain words are quoted, so FTS5 operators and punctuation in them are only text', () => {
  assert.equal(toFtsQuery('artillery shells'), '"artillery" "shells"');
  assert.equal(toFtsQuery("U.S. Kim's NEAR(a b)"), '"U.S." "Kim\'s" "NEAR(a" "b)"');
  assert.equal(toFtsQuery('title:shells AND -x'), '"title:shells" "AND" "-x"');
});

test('phrases, prefixes and OR keep their meaning', () => {
  assert.equal(toFtsQuery('"North Korea" muni*'), '"North Korea" "muni"*');
  assert.equal(toFtsQuery('shells OR rockets'), '"shells" OR "rockets"');
  assert.equal(toFtsQuery('OR shells OR'), '"shells"');
  assert.equal(toFtsQuery('say "he said ""no"""'), '"say" "he said " "no"');
});

test('a query with nothing to search for, or an open phrase, is refused with a reason', () => {
  assert.throws(() => toFtsQuery('  '), SearchQueryError);
  assert.throws(() => toFtsQuery('— ... *'), /no words/);
  assert.throws(() => toFtsQuery('"North Korea'), /not closed/);
});

test('OR splits the terms into groups that must each match in full', () => {
  assert.deepEqual(orGroups(parseSearchQuery('oil fuel OR "crude oil" ship*')), [
    [{ text: 'oil', prefix: false }, { text: 'fuel', prefix: false }],
    [{ text: 'crude oil', prefix: false }, { text: 'ship', prefix: true }],
  ]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mayHold, wordPrefilter } from './word-prefilter.js';

test('a word of the set always passes the prefilter', () => {
  const words = ['the', 'al-Qaeda', 'Korea', 'weSwatini', 'ʁɛpublika', 'x'.repeat(40)];
  const f = wordPrefilter(words);
  for (const w of words) assert.equal(mayHold(f, w), true, w);
});

test('a word with another first letter or length is ruled out', () => {
  const f = wordPrefilter(['the', 'Korea']);
  assert.equal(mayHold(f, 'then'), false);
  assert.equal(mayHold(f, 'Koran'), true); // same first letters and length: the map decides
  assert.equal(mayHold(f, 'korea'), false);
  assert.equal(mayHold(f, ''), false);
});

test('lengths of 31 and more share one bit', () => {
  const f = wordPrefilter(['a'.repeat(31)]);
  assert.equal(mayHold(f, 'a'.repeat(50)), true);
  assert.equal(mayHold(f, 'a'.repeat(30)), false);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { placeInText } from './explorer.js';

test('a search snippet\'s highlighted word is placed after the snippet\'s own opening words', () => {
  const text = 'Rice came first. Later, the barge carried rice and coal north.';
  const snippet = '…the barge carried rice and coal…';
  const mark = { start: snippet.indexOf('rice'), end: snippet.indexOf('rice') + 4 };
  assert.deepEqual(placeInText(text, snippet, mark), { start: text.indexOf('rice'), end: text.indexOf('rice') + 4 });
});

test("without the snippet's opening in the text, the word's first occurrence in any case counts; a title match has no place", () => {
  assert.deepEqual(placeInText('COAL shipments rose.', '…coal shipments', { start: 1, end: 5 }), { start: 0, end: 4 });
  assert.equal(placeInText('Nothing here.', 'Barge news', { start: 0, end: 5 }), null);
});

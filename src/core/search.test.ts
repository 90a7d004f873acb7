import { test } from 'node:test';
import assert from 'node:assert/strict';
import { insideSpans, lowerBound } from './search.js';

test('lowerBound finds the first key at or above the target, within an end', () => {
  const xs = [1, 3, 3, 7];
  assert.equal(lowerBound(xs, 0, (x) => x), 0);
  assert.equal(lowerBound(xs, 3, (x) => x), 1);
  assert.equal(lowerBound(xs, 4, (x) => x), 3);
  assert.equal(lowerBound(xs, 8, (x) => x), 4);
  assert.equal(lowerBound(xs, 7, (x) => x, 2), 2);
});

test('insideSpans tells offsets inside disjoint sorted spans', () => {
  const spans = [{ start: 2, end: 5 }, { start: 10, end: 12 }];
  assert.deepEqual([0, 2, 4, 5, 9, 10, 11, 12].map((at) => insideSpans(spans, at)), [false, true, true, false, false, true, true, false]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wholeWordPattern } from './word-pattern.js';

test('a word pattern matches the whole word in any case, and is compiled once', () => {
  const spokesman = wholeWordPattern('spokesman');
  assert.ok(spokesman().test('Foreign Ministry Spokesman'));
  assert.ok(!spokesman().test('spokesmanship'));
  assert.equal(spokesman(), spokesman());
});

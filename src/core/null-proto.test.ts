import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../test-support/extract.js';

test('words that name Object.prototype members are ordinary words to every stage', () => {
  const text = 'The constructor week before the summit was busy. The toString month later, the valueOf year and the __proto__ decade passed; hasOwnProperty constructor said so.';
  const doc = extract(text, '2024-01-10');
  assert.deepEqual(doc.layers.times?.times.map((t) => text.slice(t.start, t.end)), []);
  assert.deepEqual(doc.layers.quantities?.quantities ?? [], []);
});

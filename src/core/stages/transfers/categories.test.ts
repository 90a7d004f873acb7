import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Categorizer } from './categories.js';
import { loadLexicons } from '../../../node/lexicons.js';

test('among single listed words the head noun names the item; people words keep their modifier', () => {
  const cat = Categorizer.for(loadLexicons().transfers);
  assert.equal(cat.categorize('240-mm multiple rocket launchers'), 'weapons');
  assert.equal(cat.categorize('air-defence components'), 'technology');
  assert.equal(cat.categorize('fighter aircraft parts'), 'technology');
  assert.equal(cat.categorize('Iranian drone kits'), 'technology');
  assert.equal(cat.categorize('guidance kits'), 'munitions');
  assert.equal(cat.categorize('J-10C fighters'), 'weapons');
  assert.equal(cat.categorize('artillery shells'), 'munitions');
});

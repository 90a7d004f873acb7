import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../../test-support/extract.js';

const flows = (text: string): string[] =>
  (extract(text, '2024-06-01').layers.transfers?.transfers ?? []).map((t) => `${t.from}>${t.to}:${t.category} ${t.status}`).sort();

test('several listed subjects: one flow per sender, or per buyer', () => {
  assert.deepEqual(flows('Denmark, Germany and the Netherlands will supply refurbished tanks to Ukraine.'), ['DE>UA:weapons planned', 'DK>UA:weapons planned', 'NL>UA:weapons planned']);
  assert.deepEqual(flows('Britain and France have sent long-range missiles to Kyiv.'), ['FR>UA:missiles asserted', 'GB>UA:missiles asserted']);
  assert.deepEqual(flows('India and China bought discounted Russian crude.'), ['RU>CN:energy asserted', 'RU>IN:energy asserted']);
  // A list inside a prepositional phrase is no subject.
  assert.deepEqual(flows('Next to Germany and France, Poland sent tanks to Ukraine.'), ['PL>UA:weapons asserted']);
});

test('a progressive after an adverb is active, a participle after one passive', () => {
  assert.deepEqual(flows('Analysts say Moscow is probably providing Pyongyang with rice and diesel.'), ['RU>KP:energy hedged', 'RU>KP:food hedged']);
  assert.deepEqual(flows('Drones were reportedly shipped to Russia by Iran.'), ['IR>RU:weapons hedged']);
});

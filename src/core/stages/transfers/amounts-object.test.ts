import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../../test-support/extract.js';

const flows = (text: string): string[] =>
  (extract(text, '2024-06-01').layers.transfers?.transfers ?? []).map((t) => `${t.from}>${t.to}:${t.category} ${t.item} | ${t.quantity?.text ?? '-'}`);

test('a bulk measure standing as the object takes the goods named in its sentence or the one before', () => {
  assert.deepEqual(flows('Russia and North Korea signed a pact. North Korea is short of grain. Russia shipped about 50,000 tonnes to the North last year.'), ['RU>KP:food grain | about 50,000 tonnes']);
  assert.deepEqual(flows('Russia and North Korea signed a pact. Prices of rice rose. Pyongyang sent 3,000 tonnes to Moscow.'), ['KP>RU:food rice | 3,000 tonnes']);
  // With no goods named nearby, a bare measure is no flow.
  assert.deepEqual(flows('Russia and North Korea signed a pact. Russia shipped about 50,000 tonnes to the North last year.'), []);
});

test('a payment for goods with no side named runs back against their flow, the price its amount', () => {
  assert.deepEqual(flows('Russia sent wheat flour to North Korea in May. Records show a payment for wheat flour of about 9 million roubles.'),
    ['RU>KP:food wheat flour | -', 'KP>RU:money payment for wheat flour | about 9 million roubles']);
});

test('a count of voyages is the amount of the flow they carry, in its sentence or the next', () => {
  assert.deepEqual(flows('Russian tankers delivered oil to North Korea in at least six voyages last year.'), ['RU>KP:energy oil | at least six voyages']);
  assert.deepEqual(flows('Russia shipped coal to North Korea in March. At least six voyages have taken place since then.'), ['RU>KP:energy coal | At least six voyages']);
  // A measure of the goods comes before the voyages.
  assert.deepEqual(flows('Russia shipped 20,000 tonnes of coal to North Korea in six voyages.'), ['RU>KP:energy 20,000 tonnes of coal | 20,000 tonnes']);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../../test-support/extract.js';

const flows = (text: string): string[] =>
  (extract(text, '2024-06-01').layers.transfers?.transfers ?? []).map((t) => `${t.from}>${t.to}:${t.category} ${t.status} ${t.quantity?.value ?? '-'}`);

test('a verb of giving with no object takes the item the exchange is about, and a payment its price', () => {
  assert.deepEqual(flows('Q: What did Egypt buy from France, and at what price? A: The Rafale deal was signed in 2021 and is valued at about $4 billion. Cairo paid and Paris delivered.'),
    ['EG>FR:money asserted 4000000000', 'FR>EG:weapons asserted -']);
  assert.deepEqual(flows('Q: Did Iran sell drones to Russia? A: It did. Tehran delivered, and Moscow paid in gold.'), ['IR>RU:weapons asserted -', 'RU>IR:money asserted -']);
  assert.deepEqual(flows('Russia sold tanks to India. India paid promptly, officials said.'), ['RU>IN:weapons asserted -', 'IN>RU:money asserted -']);
});

test('no bare giving: a "how much" or "what" clause, a verb after its object, an answer with no partner', () => {
  assert.deepEqual(flows('Russia sold tanks to India. Nobody knows how much India had paid.'), ['RU>IN:weapons asserted -']);
  assert.deepEqual(flows('Russia sold tanks to India. India wants to replace what it gave away.'), ['RU>IN:weapons asserted -']);
  assert.deepEqual(flows('Moscow needs fuel moved.'), []);
  assert.deepEqual(flows('Q: Who pays? A: Moscow paid.'), []);
});

test('an answer\'s pronoun object stands for the item its question or the answer before named', () => {
  assert.deepEqual(flows('North Korea has sent shells to Russia. Q: What does Pyongyang get in return? A: Oil, mostly. Moscow delivers it by tanker to Rajin.'),
    ['KP>RU:munitions asserted -', 'RU>KP:energy asserted -']);
  assert.deepEqual(flows('Q: Who supplies the fuel to North Korea? A: Russia supplies most of it to the North.'), ['RU>KP:energy asserted -']);
  // Outside an interview, a pronoun with no flow before names nothing.
  assert.deepEqual(flows('Fuel prices rose in Pyongyang. Russia supplies most of it to the North.'), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../../test-support/extract.js';

const LEAD = 'Pyongyang has sent shells to Moscow, and Moscow sent oil to Pyongyang. ';
const flows = (text: string): string[] =>
  (extract(LEAD + text, '2024-06-01').layers.transfers?.transfers ?? []).filter((t) => !/^(?:shells|oil)$/.test(t.item))
    .map((t) => `${t.from}>${t.to}:${t.category} ${t.status} ${t.quantity?.value ?? t.quantity?.min ?? '-'} ${t.source ?? '-'}`);

test('papers a state issues to another state\'s workers are labour to the issuer; a refused issue is denied by the issuer', () => {
  assert.deepEqual(flows('Moscow issued 13,000 work permits to North Koreans last year.'), ['KP>RU:labor asserted 13000 -']);
  assert.deepEqual(flows('Work visas for 2,000 North Korean builders were approved by Russia.'), ['KP>RU:labor asserted 2000 -']);
  assert.deepEqual(flows('Russia does not issue work permits to North Korean workers.'), ['KP>RU:labor denied - RU']);
  assert.deepEqual(flows('Moscow refused to grant visas to North Korean labourers.'), ['KP>RU:labor denied - RU']);
  assert.deepEqual(flows('Russia stopped issuing residence permits to North Korean workers in 2019, the ministry said.'), ['KP>RU:labor denied - RU']);
  // Visas for travellers, with no count and no word of work, are no labour.
  assert.deepEqual(flows('China issues tourist visas to Russians.'), []);
});

test('workers\' earnings go home: money from the state they work in to their own', () => {
  assert.deepEqual(flows('About 20,000 North Korean workers are employed in Russia. The regime takes most of the workers\' earnings, some $100 million a year.').filter((r) => r.includes(':money')), ['RU>KP:money asserted 100000000 -']);
  assert.deepEqual(flows('Pyongyang confiscates the wages of North Korean labourers in Russia.'), ['RU>KP:money asserted - -', 'KP>RU:labor asserted - -']);
  assert.deepEqual(flows('Chinese firms hired 3,000 North Korean workers. Their state keeps the labourers\' salaries.').filter((r) => r.includes(':money')), ['CN>KP:money asserted - -']);
  // Earnings of no workers are no flow.
  assert.deepEqual(flows('Rosneft\'s earnings fell sharply last year.'), []);
});

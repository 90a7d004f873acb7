import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../../test-support/extract.js';

const LEAD = 'Pyongyang has sent shells to Moscow, and Moscow sent oil to Pyongyang. ';
const flows = (text: string): string[] =>
  (extract(LEAD + text, '2024-06-01').layers.transfers?.transfers ?? []).filter((t) => !/^(?:shells|oil)$/.test(t.item))
    .map((t) => `${t.from}>${t.to}:${t.category} ${t.status} ${t.item}`);

test('workers employed or working in another state have gone there', () => {
  assert.deepEqual(flows('Some 12,000 North Korean workers are employed in Russia.'), ['KP>RU:labor asserted Some 12,000 North Korean workers']);
  assert.deepEqual(flows('North Korean builders were working in Russia last year.'), ['KP>RU:labor asserted North Korean builders']);
  assert.deepEqual(flows('Their work in Russia is hard.'), []);
});

test('advice, training and help in a thing are know-how from the teacher\'s state', () => {
  assert.deepEqual(flows('Russian engineers have advised North Korea on its satellite rocket.'), ['RU>KP:technology asserted advice on satellite rocket']);
  assert.deepEqual(flows('Moscow is believed to be training North Korean soldiers in drone warfare.'), ['RU>KP:technology hedged training in drone warfare']);
  assert.deepEqual(flows('Russia will help North Korea with reconnaissance satellites.'), ['RU>KP:technology planned help with reconnaissance satellites']);
  // Advice on no thing of know-how is none.
  assert.deepEqual(flows('Moscow advised Pyongyang on the summit agenda.'), []);
});

test('hiring, recruiting or employing people of another state takes them in', () => {
  assert.deepEqual(flows('Russian construction firms hired 5,000 North Korean workers.'), ['KP>RU:labor asserted 5,000 North Korean workers']);
  assert.deepEqual(flows('Chinese factories employ thousands of North Korean labourers.'), ['KP>CN:labor asserted thousands of North Korean labourers']);
  assert.deepEqual(flows('Russian firms are recruiting builders from North Korea.'), ['KP>RU:labor asserted builders']);
  // Hiring people of the same state is no flow.
  assert.deepEqual(flows('Russian firms hired Russian workers.'), []);
});

test('"bring in" people of another state takes them in; "bring" alone is no getting', () => {
  assert.deepEqual(flows('Moscow intends to bring in North Korean builders for the Far East.'), ['KP>RU:labor planned North Korean builders']);
  assert.deepEqual(flows('Russian companies brought in labourers from North Korea.'), ['KP>RU:labor asserted labourers']);
  assert.deepEqual(flows('The report brought new details to light.'), []);
});

test('a count of a state\'s people entering or staying in another is labour abroad, the count its amount', () => {
  const counted = (text: string): string[] =>
    (extract(LEAD + text, '2024-06-01').layers.transfers?.transfers ?? []).filter((t) => !/^(?:shells|oil)$/.test(t.item))
      .map((t) => `${t.from}>${t.to}:${t.category} ${t.quantity?.value ?? t.quantity?.min ?? t.quantity?.text ?? '-'}`);
  assert.deepEqual(counted('Some 12,000 North Koreans have entered Russia on student visas.'), ['KP>RU:labor 12000']);
  assert.deepEqual(counted('Nearly 3,000 North Korean nationals entered Russia in May.'), ['KP>RU:labor 3000']);
  assert.deepEqual(counted('About 4,000 North Koreans were living in Russia.'), ['KP>RU:labor 4000']);
  assert.deepEqual(counted('About 900 North Korean labourers arrived in Vladivostok in June.'), ['KP>RU:labor 900']);
  // People of a state with no count, and armies entering a state they do not trade with, are no flow.
  assert.deepEqual(counted('North Koreans entered Russia.'), []);
  assert.deepEqual(counted('Russian troops entered Ukraine in 2022.'), []);
  assert.deepEqual(counted('The treaty entered into force in December.'), []);
});

test('workers at a state\'s sites or in regions no gazetteer names; people hosted or sent by count', () => {
  assert.deepEqual(flows('Officials say thousands of North Korean labourers now work on Russian building sites.'), ['KP>RU:labor asserted thousands of North Korean labourers']);
  assert.deepEqual(flows('North Korean construction crews are expected in the occupied regions.'), ['KP>RU:labor planned North Korean construction crews']);
  assert.deepEqual(flows('Russia hosted 13,000 North Koreans in 2023.'), ['KP>RU:labor asserted 13,000 North Koreans']);
  assert.deepEqual(flows('Pyongyang sent about 3,000 North Koreans to Russia last year.'), ['KP>RU:labor asserted about 3,000 North Koreans']);
  // Armies in unnamed regions, and a summit hosted, are no flow.
  assert.deepEqual(flows('Russian troops are in the occupied regions.'), []);
  assert.deepEqual(flows('Russia hosted a summit in Vladivostok.'), []);
});

test('experts present or seen in another state carry know-how there, unless the sentence goes on to state it', () => {
  const rows = (text: string): string[] =>
    (extract(LEAD + text, '2024-06-01').layers.transfers?.transfers ?? []).filter((t) => !/^(?:shells|oil)$/.test(t.item))
      .map((t) => `${t.from}>${t.to}:${t.category} ${t.status} ${t.rule}`);
  assert.deepEqual(rows('More than 50 Russian engineers are working in North Korea.'), ['RU>KP:technology asserted people-present']);
  assert.deepEqual(rows('Russian specialists were spotted at Sohae in March.'), ['RU>KP:technology asserted people-present']);
  assert.deepEqual(rows('Russian specialists were seen at Sohae, likely providing expertise on engines.'), ['RU>KP:technology hedged verb-give']);
  // Experts at home, and a ship seen at a port, are none.
  assert.deepEqual(rows('Russian engineers are in Moscow.'), []);
  assert.deepEqual(rows('The ship was seen at Rajin.'), []);
});

test('people of a state named in another ("North Korean troops in Kursk") are there, once per pair of sides', () => {
  const rows = (lead: string, text: string): string[] =>
    (extract(lead + text, '2024-06-01').layers.transfers?.transfers ?? []).map((t) => `${t.from}>${t.to}:${t.category} ${t.rule}`);
  const lead = 'Russia bought shells from North Korea. ';
  assert.deepEqual(rows(lead, 'The North Korean troops in Kursk have suffered heavy losses.'), ['KP>RU:munitions verb-get', 'KP>RU:troops people-in']);
  assert.deepEqual(rows('Iran has sent money to Syria. ', 'Tehran says its personnel in Syria serve only as advisers.'), ['IR>SY:money verb-give', 'IR>SY:troops people-in']);
  // Told before, the people are that flow again; armies of states that do not trade are a war.
  assert.deepEqual(rows(lead, 'North Korea sent troops to Russia. The North Korean troops in Kursk have suffered losses.'), ['KP>RU:munitions verb-get', 'KP>RU:troops verb-give']);
  assert.deepEqual(rows(lead, 'Russian troops in Ukraine have advanced.'), ['KP>RU:munitions verb-get']);
});

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

const amounts = (text: string): string[] =>
  (extract(text, '2024-06-01').layers.transfers?.transfers ?? []).map((t) => `${t.from}>${t.to}:${t.category} ${t.quantity?.text ?? '-'}`).sort();

test('a plan of several states: each sends, the joint amount is none\'s own; a co-signer receiving is no sender', () => {
  assert.deepEqual(amounts('Norway joined Sweden and Finland in a plan to refurbish at least 60 older howitzers for Ukraine.'), ['FI>UA:weapons -', 'NO>UA:weapons -', 'SE>UA:weapons -']);
  assert.deepEqual(amounts('Japan and the Philippines signed a deal to deliver five radar systems to the Philippines.'), ['JP>PH:weapons five']);
  assert.deepEqual(flows('Japan and the Philippines signed a deal to deliver five radar systems to the Philippines.'), ['JP>PH:weapons planned']);
  assert.deepEqual(amounts('Poland will send at least 30 tanks to Kyiv.'), ['PL>UA:weapons at least 30']);
});

test('work on goods gives them only to a state named; totals and shares of imports are no new flows', () => {
  assert.deepEqual(flows('Turkey will overhaul 12 helicopters for Pakistan.'), ['TR>PK:weapons planned']);
  assert.deepEqual(flows('Germany refurbished its own tanks.'), []);
  // Two shares with different bases are two estimates of one flow: both France to Egypt, no flow the other way.
  assert.deepEqual([...new Set(flows('Egypt received 40 percent of France\'s exports of major arms. France supplied 38 percent of Egypt\'s arms imports.'))], ['FR>EG:weapons asserted']);
  assert.deepEqual(flows('India\'s total imports of arms fell by 11 percent.'), []);
});

test('a getter in a relative clause on the item receives it', () => {
  assert.deepEqual(flows('The vessel unloaded weapons that the Kenyan army had ordered from Turkey.'), ['TR>KE:weapons asserted']);
});

test('a purpose names the side it supports', () => {
  assert.deepEqual(flows('Iran sent weapons to Syria. Hezbollah itself sent fighters across the border to defend Assad.'), ['IR>SY:weapons asserted', 'o_hezbollah>SY:troops asserted']);
});

test('cooperation given "with" a state goes to that state', () => {
  assert.deepEqual(flows('Moscow pledged military-technical cooperation with Pyongyang.'), ['RU>KP:technology planned']);
  assert.deepEqual(flows('China has offered space cooperation with Iran.'), ['CN>IR:technology planned']);
  assert.deepEqual(flows('Russia supplied North Korea with oil.'), ['RU>KP:energy asserted']);
});

test('a pronoun subject in a relative clause on the item is its sender, not a recipient', () => {
  assert.deepEqual(flows('Iran says the drones it sold to Russia were for defence.'), ['IR>RU:weapons asserted']);
  assert.deepEqual(flows('Pyongyang insists the shells it shipped to Moscow were surplus.'), ['KP>RU:munitions asserted']);
});

test('a flow told in a relative clause on its item: the pronoun in it is the seller, the sale taken as given by the claim around it', () => {
  const rows = (text: string): string[] =>
    (extract(text, '2024-06-01').layers.transfers?.transfers ?? []).map((t) => `${t.from}>${t.to}:${t.category} ${t.status} ${t.source ?? '-'}`);
  assert.deepEqual(rows('Pyongyang sent shells to Moscow. Iran denied that the drones it sold to Russia were used in Ukraine.'), ['KP>RU:munitions asserted -', 'IR>RU:weapons asserted IR']);
  assert.deepEqual(rows('Pyongyang sent shells to Moscow. Iran denied that the drones which it had sold to Russia were used in Ukraine.'), ['KP>RU:munitions asserted -', 'IR>RU:weapons asserted IR']);
  // Told before, the sale is that flow again, and the denial of the use denies no sale.
  assert.deepEqual(rows('Iran sold drones to Russia. Iran denied that the drones it sold to Russia were used in Ukraine.'), ['IR>RU:weapons asserted -']);
  // A denial of the sale itself stays a denial.
  assert.deepEqual(rows('Pyongyang sent shells to Moscow. Iran denied that it sold drones to Russia.'), ['KP>RU:munitions asserted -', 'IR>RU:weapons denied IR']);
});

test('re-exports, as a verb or a noun, go from the re-exporter', () => {
  const rows = (text: string): string[] =>
    (extract(text, '2024-06-01').layers.transfers?.transfers ?? []).map((t) => `${t.from}>${t.to}:${t.category}`);
  assert.deepEqual(rows('Armenia re-exports German machine tools to Russia.'), ['AM>RU:goods']);
  assert.deepEqual(rows('Kazakhstan\'s re-exports of microchips to Russia rose sharply.'), ['KZ>RU:technology']);
  assert.deepEqual(rows('Re-exports of Western microchips to Russia from Kazakhstan rose.'), ['KZ>RU:technology']);
});

test('"most of them supplied by Iran": a share of the items held came from the state named, to their holder', () => {
  const rows = (text: string): string[] =>
    (extract(text, '2024-06-01').layers.transfers?.transfers ?? []).map((t) => `${t.from}>${t.to}:${t.category} ${t.quantity?.text ?? '-'}`);
  assert.deepEqual(rows('Hezbollah has received money from Iran. Hezbollah holds 130,000 rockets, most of them supplied by Iran.'), ['IR>o_hezbollah:money -', 'IR>o_hezbollah:munitions -']);
  assert.deepEqual(rows('Russia sent oil to Syria. Syria keeps 500 tanks, about half of which were supplied by Russia.'), ['RU>SY:energy -', 'RU>SY:weapons -']);
  // With no share of them, a list before a comma is no item of a later verb.
  assert.deepEqual(rows('Russia sent oil to Syria. Syria keeps 500 tanks, the ministry said.'), ['RU>SY:energy -']);
});

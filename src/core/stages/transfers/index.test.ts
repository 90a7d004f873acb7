import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../../test-support/extract.js';
import { Categorizer } from './categories.js';
import { statusOf } from './status.js';
import { loadLexicons } from '../../../node/lexicons.js';

type Row = [string, string, string, string];
const flows = (text: string, published = '2024-06-01'): Row[] =>
  (extract(text, published).layers.transfers?.transfers ?? []).map((t) => [`${t.from}>${t.to}`, t.category, t.status, t.source ?? '-']);

test('categories: the longest listed phrase wins, mixed wording follows the precedence', () => {
  const cat = Categorizer.for(loadLexicons().transfers);
  assert.equal(cat.categorize('over 3 million artillery shells'), 'munitions');
  assert.equal(cat.categorize('short-range ballistic missiles'), 'missiles');
  assert.equal(cat.categorize('weapons and ammunition'), 'munitions');
  assert.equal(cat.categorize('arms'), 'weapons');
  assert.equal(cat.categorize('wheat flour'), 'food');
  assert.equal(cat.categorize('refined petroleum products'), 'energy');
  assert.equal(cat.categorize('hard currency'), 'money');
  assert.equal(cat.categorize('the weather'), null);
});

test('status words: denied, planned, hedged, asserted', () => {
  const s = (before: string, extra: Partial<Parameters<typeof statusOf>[0]> = {}) => statusOf({ verb: 'sent', before: before.split(' '), after: [], denial: false, planned: false, ...extra });
  assert.equal(s('has never'), 'denied');
  assert.equal(s('x', { denial: true }), 'denied');
  assert.equal(s('plans to'), 'planned');
  assert.equal(s('will'), 'planned');
  assert.equal(s('could have'), 'hedged');
  assert.equal(s('has likely'), 'hedged');
  assert.equal(s('has'), 'asserted');
});

test('a giving verb with the recipient after it, and the claim that carries it', () => {
  const text = 'Seoul and Pyongyang traded accusations. Tokyo said Pyongyang has provided Moscow with over 2 million artillery shells since March. Moscow thanked Pyongyang.';
  const t = extract(text).layers.transfers?.transfers ?? [];
  const shells = t.find((x) => x.category === 'munitions');
  assert.ok(shells, JSON.stringify(t));
  assert.equal(`${shells.from}>${shells.to}`, 'KP>RU');
  assert.equal(shells.source, 'JP');
  assert.equal(shells.quantity?.min, 2_000_000);
  assert.equal(shells.since, '2024-03');
});

test('a getting verb: the subject receives, "from X" sends; lists split by category', () => {
  const text = 'Moscow bought drones from Tehran. In return, Moscow has transferred food, oil and technical assistance to Tehran. Tehran thanked Moscow.';
  const rows = flows(text);
  assert.ok(rows.some(([k, c]) => k === 'IR>RU' && c === 'weapons'), JSON.stringify(rows));
  for (const c of ['food', 'energy', 'technology']) assert.ok(rows.some(([k, cat]) => k === 'RU>IR' && cat === c), `${c}: ${JSON.stringify(rows)}`);
});

test('planned and denied flows, and a denial of the flow claimed before it', () => {
  const text = 'Washington says Pyongyang plans to send more shells to Moscow. Pyongyang has rejected the claim. Moscow and Pyongyang met.';
  const rows = flows(text);
  assert.ok(rows.some(([k, c, s, src]) => k === 'KP>RU' && c === 'munitions' && s === 'planned' && src === 'US'), JSON.stringify(rows));
  assert.ok(rows.some(([k, , s, src]) => k === 'KP>RU' && s === 'denied' && src === 'KP'), JSON.stringify(rows));
});

test('no transfer without a flow: a ship as a noun, an item of no category', () => {
  assert.deepEqual(flows('The ship left Moscow for Pyongyang. Moscow sent its regards to Pyongyang.'), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../../test-support/extract.js';

const flows = (text: string): string[] =>
  (extract(text, '2024-06-01').layers.transfers?.transfers ?? []).map((t) => `${t.from}>${t.to}:${t.category} ${t.status} ${t.source ?? '-'}`).sort();

test('a denial spoken for both governments: each side denies the arms trade, the claim stays asserted', () => {
  const out = flows('Western officials say Pyongyang has shipped artillery shells to Moscow. Both governments reject the allegations.');
  assert.deepEqual(out, ['KP>RU:munitions asserted -', 'KP>RU:weapons denied KP', 'KP>RU:weapons denied RU']);
  const named = flows('Seoul says Iran sold drones to Russia. The two countries have dismissed the claims about drones.');
  assert.ok(named.includes('IR>RU:weapons asserted KR'), named.join('; '));
});

test('a denier of its own flow, and the third states of a flow denied', () => {
  assert.deepEqual(flows('Minsk denied supplying ammunition to Moscow.'), ['BY>RU:munitions denied BY']);
  assert.deepEqual(flows('Pretoria rejected claims that it had sold weapons to Russia.'), ['ZA>RU:weapons denied ZA']);
});

test('"only … before, and none since": the rest of the time is a denied flow of its own', () => {
  const out = flows('Tehran insists that it sent a handful of drones to Russia before the war and none since.');
  assert.deepEqual(out, ['IR>RU:weapons asserted IR', 'IR>RU:weapons denied IR']);
  const fuel = flows('Belarus says it delivered fuel to Ukraine in 2021 but nothing afterwards.');
  assert.deepEqual(fuel, ['BY>UA:energy asserted BY', 'BY>UA:energy denied BY']);
});

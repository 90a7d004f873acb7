import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../../test-support/extract.js';

const events = (text: string, published = '2024-06-20') => (extract(text, published).layers.events?.events ?? []).map((e) => [e.type, e.date, e.actors.join(',')]);

test('a meeting with its actors and date, and a signed agreement', () => {
  const got = events('Vladimir Putin met Kim Jong Un in Pyongyang on Wednesday. Putin and Kim signed a defence treaty.');
  assert.deepEqual(got[0], ['meeting', '2024-06-19', 'p_putin,p_kim_ju,KP']);
  assert.deepEqual(got[1], ['agreement', '2024-06-19', 'p_putin,p_kim_ju']);
});

test('a veto and sanctions imposed, dated', () => {
  const got = events('Russia vetoed the resolution in March. Washington imposed new sanctions on Pyongyang in May.');
  assert.deepEqual(got.map((e) => [e[0], e[1]]), [['veto', '2024-03'], ['sanction', '2024-05']]);
});

test('no event from a noun used as a modifier or a word inside a quote', () => {
  assert.deepEqual(events('Moscow bought attack drones from Tehran. "We will sign nothing," Putin said.'), []);
});

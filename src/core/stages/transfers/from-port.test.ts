import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../../test-support/extract.js';

const flows = (text: string): string[] =>
  (extract(text, '2024-06-01').layers.transfers?.transfers ?? []).map((t) => `${t.from}>${t.to}:${t.category} ${t.status}${t.quantity ? ` ${t.quantity.text}` : ''}`);

test('cargo unloaded at a port goes to the port\'s state, from the ships\' state', () => {
  const out = flows('Analysts say Pyongyang has sent shells to Moscow. Russian vessels were filmed unloading at Rajin last week.');
  assert.ok(out.includes('RU>KP:goods asserted'), out.join('; '));
  const oil = flows('Iranian tankers offloaded crude oil at Latakia in March.');
  assert.ok(oil.includes('IR>SY:energy asserted'), oil.join('; '));
});

test('cargo loaded or staged at a port leaves the port\'s state for the named destination', () => {
  const out = flows('Dockers loaded wheat at Novorossiysk for Egypt.');
  assert.ok(out.includes('RU>EG:food asserted'), out.join('; '));
  const staged = flows('Imagery shows roughly 250 containers stacked at Nampo, destined for Russia.');
  assert.ok(staged.includes('KP>RU:goods asserted roughly 250 containers'), staged.join('; '));
});

test('containers keep the kind of cargo the report gave them; "there" is the place named before', () => {
  const text = 'North Korea has shipped 2,000 containers of munitions to Russia, officials say. Russia denies it, and Russia says North Korea sends nothing. '
    + 'A freighter called twice at North Korea\'s port of Chongjin and appeared to be loading containers there.';
  const out = flows(text);
  assert.ok(out.includes('KP>RU:munitions hedged'), out.join('; '));
});

test('a ship leaving a port with cargo aboard carries it from the port\'s state to where it docks', () => {
  const out = flows('The freighter left Bandar Amirabad in May with about 1,500 artillery shells aboard and docked in Astrakhan a week later.');
  assert.ok(out.includes('IR>RU:munitions asserted about 1,500'), out.join('; '));
});

test('no flow without a place or at home', () => {
  assert.deepEqual(flows('Cranes loaded the trucks through the night.'), []);
  assert.deepEqual(flows('Russian ships unloaded grain at Novorossiysk.'), []);
});

test('a port whose partner the report names only later goes with the port\'s usual partner', () => {
  const text = 'The freighter called at Chongjin last month and appeared to be loading containers there. '
    + 'Officials say North Korea has shipped 500 containers of shells to Russia, and Russia has sent fuel to North Korea in return.';
  const out = flows(text);
  assert.ok(out.includes('KP>RU:goods hedged'), out.join('; '));
});

test('making something at a place is no cargo handled there', () => {
  assert.deepEqual(flows('Officials said Russia had assembled several hundred drones at Alabuga using Iranian kits, and Iran sent more kits to Russia.').filter((x) => x.startsWith('RU>IR')), []);
});

test('freight cars counted at a crossing: a hedged flow out of its state, the amount the count', () => {
  const lead = 'Pyongyang has sent shells to Moscow, and Moscow sent oil to Pyongyang. ';
  assert.ok(flows(lead + 'At the Khasan rail yard, imagery from May showed about 60 freight cars.').includes('RU>KP:goods hedged about 60 freight cars'));
  assert.ok(flows(lead + 'Analysts point to the border crossing at Tumangang. They counted 45 railcars there in June.').includes('KP>RU:goods hedged 45 railcars'));
  assert.ok(flows(lead + 'Roughly 50 wagons of freight stood at Tumangang last week.').includes('KP>RU:goods hedged Roughly 50 wagons'));
});

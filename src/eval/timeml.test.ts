// TimeML reading and TempEval-3 counting, on small .tml files written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { countTimexes, decodeEntities, parseTimeml, tempevalScores, type Timex } from './timeml.js';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/timeml/', import.meta.url));

test('parseTimeml: DCT, text without tags, decoded entities, gold offsets into that text', () => {
  const doc = parseTimeml(readFileSync(`${FIXTURES}alpha/harbour.tml`, 'utf8'));
  assert.equal(doc.dct, '2024-05-02');
  assert.ok(doc.text.includes('The ferry & its crew left the harbour Wednesday, the port said.'));
  assert.ok(!doc.text.includes('<'));
  assert.deepEqual(doc.gold.map((g) => [g.text, g.type, g.value]), [
    ['Wednesday', 'DATE', '2024-05-01'],
    ['three days', 'DURATION', 'P3D'],
    ['last November', 'DATE', '2023-11'],
  ]);
  for (const g of doc.gold) assert.equal(doc.text.slice(g.start, g.end), g.text);
});

test('parseTimeml: a DCT with a clock time keeps its date; &lt; and &gt; count as one character each', () => {
  const doc = parseTimeml(readFileSync(`${FIXTURES}beta/depot.tml`, 'utf8'));
  assert.equal(doc.dct, '2023-10-14');
  const now = doc.gold[1];
  assert.equal(doc.text.slice(now.start, now.end), 'now');
  assert.ok(doc.text.includes('2019 <and> stopped'));
});

test('decodeEntities: named and numeric references', () => {
  assert.equal(decodeEntities('a &amp; b &#39;c&#x27; &unknown;'), "a & b 'c' &unknown;");
});

test('TempEval counts: strict, relaxed one-to-one by overlap, value and type over relaxed matches', () => {
  const t = (start: number, end: number, value: string, type = 'DATE'): Timex => ({ start, end, type, value });
  const gold = [t(0, 9, '2024-05-01'), t(20, 30, 'P3D', 'DURATION'), t(40, 53, '2023-11')];
  const pred = [t(0, 9, '2024-05-01'), t(17, 30, 'P3D', 'DURATION'), t(44, 53, '2022-11'), t(60, 63, 'PRESENT_REF')];
  const c = countTimexes(gold, pred);
  assert.deepEqual([c.gold, c.pred, c.strict, c.relaxed, c.valueRight, c.typeRight], [3, 4, 1, 3, 2, 3]);
  const s = tempevalScores(c);
  assert.equal(s.relaxed.p, 3 / 4);
  assert.equal(s.relaxed.r, 1);
  assert.equal(s.valueAccuracy, 2 / 3);
  assert.ok(Math.abs(s.valueF1 - s.relaxed.f1 * (2 / 3)) < 1e-12);
  assert.deepEqual(c.extra.map((x) => x.value), ['PRESENT_REF']);
});

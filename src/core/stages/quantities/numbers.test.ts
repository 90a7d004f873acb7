// Numerals and number words read alone: the building block every amount rests on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadLexicons } from '../../../node/lexicons.js';
import { parseNumeral, readNumber } from './numbers.js';
import type { View } from './view.js';
import { compileQuantityWords } from './words.js';

const W = compileQuantityWords(loadLexicons().quantities);
const view = (words: string): View => {
  const w = words.split(' ');
  return { w, t: w, starts: w.map((_, i) => i * 100), ends: w.map((_, i) => i * 100 + 1), inTime: w.map(() => false), inName: w.map(() => false) };
};

test('numerals with separators and decimals, and nothing else', () => {
  const rows: [string, number | null][] = [
    ['3,000,000', 3000000],
    ['44,655', 44655],
    ['1.5', 1.5],
    ['2023', 2023],
    ['1,00', null],
    ['12,3456', null],
    ['3.', null],
    ['KN-23', null],
    ['1'.repeat(41), null],
  ];
  for (const [s, want] of rows) assert.equal(parseNumeral(s)?.value ?? null, want, s);
});

test('number words, multipliers and fractions of them', () => {
  const rows: [string, number, number][] = [
    ['twenty-five ships', 25, 1],
    ['forty two ships', 42, 2],
    ['two hundred and fifty', 250, 4],
    ['a dozen', 12, 2],
    ['two dozen', 24, 2],
    ['half a million', 500000, 3],
    ['a quarter of a million', 250000, 5],
    ['1.5 million', 1500000, 2],
    ['1.7bn', 1700000000, 1],
    ['three and a half times', 3.5, 4],
    ['one and a half million', 1500000, 5],
    ['two million three hundred thousand', 2300000, 5],
  ];
  for (const [s, value, end] of rows) {
    const n = readNumber(view(s), 0, W);
    assert.deepEqual(n && { value: n.value, end: n.end }, { value, end }, s);
  }
  assert.equal(readNumber(view('a day'), 0, W), null);
  assert.equal(readNumber(view('second'), 0, W), null);
});

test('number words cost a bounded look-ahead however long the run', () => {
  const long = view('two hundred and '.repeat(20000).trim());
  const t0 = performance.now();
  for (let i = 0; i < long.w.length; i++) readNumber(long, i, W);
  assert.ok(performance.now() - t0 < 2000);
});

// The solver on made-up cues: which writing days fit best, and what contradicts them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayNumber } from '../times/calendar.js';
import { MAX_DAY, MIN_DAY, type Cue, type MonthView } from './cue.js';
import { estimate } from './solve.js';

const day = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number);
  return dayNumber({ y, m, d });
};
const noMonths: MonthView = () => ({ type: 'DATE', value: null });
const past = (iso: string, at: number): Cue => ({ spans: [{ start: at, end: at + 1 }], rule: 'time:past-date', weight: 2, ranges: [[day(iso), MAX_DAY]], quote: iso, recency: day(iso) });
const future = (iso: string, at: number): Cue => ({ spans: [{ start: at, end: at + 1 }], rule: 'time:future-date', weight: 2, ranges: [[MIN_DAY, day(iso)]], quote: iso });

test('the writing falls after dates told as past and before those still to come', () => {
  const s = estimate([past('2023-03-08', 0), future('2023-09-01', 10)], noMonths);
  assert.equal(s.estimate?.first, day('2023-03-08'));
  assert.equal(s.estimate?.last, day('2023-09-01'));
  assert.deepEqual(s.conflicts, []);
});

test('cues that cannot all hold give a conflict, grouped by the days the outvoted cues prefer', () => {
  // Two past dates in 2019 against one date still to come in 2018: the 2018 one is outvoted.
  const s = estimate([past('2019-03-08', 0), past('2019-05-01', 10), future('2018-05-02', 20)], noMonths);
  assert.equal(s.conflicts.length, 1);
  assert.deepEqual(s.conflicts[0].cues, [2]);
  assert.deepEqual(s.conflicts[0].against, [0, 1]);
});

test('hundreds of thousands of contradicting cues are solved in one pass over them, without overflowing the stack', () => {
  const cues: Cue[] = [];
  for (let i = 0; i < 150_000; i++) cues.push(past('2019-03-08', 2 * i), future('2018-05-02', 2 * i + 1));
  const s = estimate(cues, noMonths);
  // A tie: the earliest best stretch wins, the cues that keep it out are the conflict.
  assert.equal(s.conflicts.length, 1);
  assert.equal(s.conflicts[0].cues.length + s.conflicts[0].against.length, 300_000);
});

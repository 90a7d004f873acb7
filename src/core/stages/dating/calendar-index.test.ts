// The calendar of known facts: its data is well formed, and lookups by phrase and by day find
// what a user expects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadLexicons } from '../../../node/lexicons.js';
import { compileCalendar, entriesOn, entryRange, lookupPhrase } from './calendar-index.js';
import { parseDay } from '../times/calendar.js';

const cal = () => compileCalendar(loadLexicons().calendar);
const ids = (refs: { entry: { id: string } }[]) => refs.map((r) => r.entry.id).sort();

test('calendar: every entry has a kind, a valid start, an end not before it, and a way to be referred to', () => {
  const entries = loadLexicons().calendar;
  assert.ok(entries.length > 50);
  assert.equal(new Set(entries.map((e) => e.id)).size, entries.length, 'ids are unique');
  for (const e of entries) {
    assert.ok(['term', 'election', 'event'].includes(e.kind), e.id);
    assert.ok(parseDay(e.start), `${e.id} start`);
    if (e.end) assert.ok(parseDay(e.end) && e.end >= e.start, `${e.id} end`);
    assert.ok((e.phrases?.length ?? 0) + (e.before?.length ?? 0) + (e.after?.length ?? 0) + (e.cooccur?.length ?? 0) > 0, `${e.id} is never referred to`);
    for (const p of [...(e.phrases ?? []), ...(e.before ?? []), ...(e.after ?? [])]) assert.equal(p, p.toLowerCase(), `${e.id}: "${p}" is lowercase`);
  }
});

test('calendar: the terms and landmarks the reports lean on are there, with their dates', () => {
  const on = (day: string) => entriesOn(cal(), day).map((e) => e.id);
  assert.ok(on('2024-06-19').includes('ev-pyongyang-summit-2024'));
  assert.ok(on('2023-09-13').includes('ev-vostochny-summit'));
  assert.ok(on('2024-03-28').includes('ev-unsc-veto-panel'));
  assert.ok(on('2022-02-24').includes('ev-full-scale-invasion'));
  assert.ok(on('2024-11-05').includes('us-election-2024'));
  assert.ok(on('2023-05-01').includes('us-president-biden') && on('2023-05-01').includes('kr-president-yoon-suk-yeol'));
  assert.ok(!on('2025-02-01').includes('us-president-biden'));
  assert.ok(on('2025-02-01').includes('us-president-trump-2'));
});

test('calendar: a phrase finds every entry it may name, and nothing else', () => {
  assert.deepEqual(ids(lookupPhrase(cal(), 'the Biden administration')), ['us-president-biden']);
  assert.deepEqual(ids(lookupPhrase(cal(), 'President Trump')), ['us-president-trump-1', 'us-president-trump-2']);
  assert.deepEqual(ids(lookupPhrase(cal(), 'if elected in November')).filter((id) => id.startsWith('us-')), ['us-election-2016', 'us-election-2020', 'us-election-2024']);
  assert.ok(ids(lookupPhrase(cal(), 'the Pyongyang summit')).includes('ev-pyongyang-summit-2024'));
  // "the upcoming Pyongyang summit": the phrase also matches after another determiner
  assert.ok(ids(lookupPhrase(cal(), 'Pyongyang summit')).includes('ev-pyongyang-summit-2024'));
  assert.deepEqual(lookupPhrase(cal(), 'the weather in Pyongyang'), []);
});

test('calendar: a term still running has an open end', () => {
  const zelensky = loadLexicons().calendar.find((e) => e.id === 'ua-president-zelensky')!;
  assert.equal(entryRange(zelensky)[1], Infinity);
});

test('calendar: a bad date in an entry is reported with the entry id', () => {
  assert.throws(() => compileCalendar([{ id: 'x-bad', kind: 'event', name: 'bad', start: '2024-13-01', phrases: ['the bad event'] }]), /x-bad/);
});

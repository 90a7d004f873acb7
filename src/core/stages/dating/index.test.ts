// Dating: estimated intervals for undated reports, the cues they rest on, conflicts between cues,
// and checks of a given date. All sentences are made up for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extract } from '../../../test-support/extract.js';
import { runPipeline } from '../../pipeline.js';
import { loadLexicons } from '../../../node/lexicons.js';
import { segmentStage } from '../segment/index.js';
import { datingStage } from './index.js';

const dating = (text: string, published: string | null = null) => extract(text, published).layers.dating!;
const interval = (text: string) => {
  const e = dating(text).estimate;
  return e && [e.earliest, e.latest];
};

interface Row {
  what: string;
  text: string;
  want: [string | null, string | null] | null;
  rules?: string[];
}

const ROWS: Row[] = [
  { what: 'a term spoken of as current', text: 'For the Biden administration, the new pact is a headache.', want: ['2021-01-20', '2025-01-20'], rules: ['calendar:term-current'] },
  { what: 'a term in a past sentence only says it had begun', text: 'The Obama administration had approved the sale.', want: ['2009-01-20', null], rules: ['calendar:term-begun'] },
  { what: 'a former holder is out of all his terms', text: 'Former President Trump said the talks would fail. The ceasefire held in March 2023.', want: ['2023-03-01', '2025-01-19'] },
  { what: 'a former adviser of an administration says nothing of the administration', text: 'A former Biden administration adviser praised the deal.', want: null },
  { what: 'an election still ahead', text: 'Trump says he will end the war if elected in November. The talks collapsed in May 2024.', want: ['2024-05-01', '2024-11-04'] },
  { what: 'a president-elect: between the election and the inauguration', text: 'President-elect Trump met the envoy. The Biden administration is weighing a reply.', want: ['2024-11-05', '2025-01-20'] },
  { what: 'an event with its own name, told as past', text: 'Since the Vostochny summit, Putin and Kim have met twice.', want: ['2023-09-13', null] },
  { what: 'an event still to come', text: 'Officials are preparing for the upcoming Pyongyang summit between Putin and Kim.', want: [null, '2024-06-18'] },
  { what: 'a relative month identified by the people and place of its sentence', text: 'Putin and Kim embraced in Pyongyang last June.', want: ['2024-07-01', '2025-06-30'], rules: ['calendar:identified-event'] },
  { what: 'an amount of time since a known event, told as the present', text: 'Two years after Russia’s full-scale invasion of Ukraine, the front line is static.', want: ['2024-02-24', '2024-05-26'] },
  { what: 'dates told as past and still to come bound both sides', text: 'The lease was signed on 3 May 2021 and will expire in March 2023.', want: ['2021-05-03', '2023-03-31'] },
  { what: 'a chain told as the present only fits some months, pinned by a year', text: 'Trade grew in 2023. The depot opened last June. Eight months later, the depot is the busiest in the region.', want: ['2023-02-01', '2023-03-31'] },
  { what: 'nothing that dates the text', text: 'The tanker docked last week and left on Friday.', want: null },
];

for (const row of ROWS) {
  test(`dating: ${row.what}`, () => {
    assert.deepEqual(interval(row.text), row.want);
    if (row.rules) {
      const rules = (dating(row.text).estimate?.cues ?? []).map((c) => c.rule);
      for (const r of row.rules) assert.ok(rules.includes(r), `${r} among ${rules.join(', ')}`);
    }
  });
}

test('dating: every cue of the estimate says why, with its spans', () => {
  const text = 'For the Biden administration, the new pact is a headache.';
  const [cue] = dating(text).estimate!.cues;
  assert.deepEqual(cue.spans.map((s) => text.slice(s.start, s.end)), ['the Biden administration']);
  assert.match(cue.reason, /Biden's presidency.*between 2021-01-20 and 2025-01-20/);
  assert.equal(cue.stage, 'dating');
});

test('dating: relative times count from the estimate and are marked estimated; calendar dates are not', () => {
  const text = 'The lease was signed on 3 May 2021 and will expire in March 2023. The tenant left last week.';
  const doc = extract(text, null);
  const times = doc.layers.times!.times.map((t) => [text.slice(t.start, t.end), t.value, t.estimated ?? false]);
  const e = doc.layers.dating!.estimate!;
  assert.equal(e.value, '2021-05-03', 'just after the latest precise date told as past');
  assert.deepEqual(times, [
    ['on 3 May 2021', '2021-05-03', false],
    ['March 2023', '2023-03', false],
    ['last week', '2021-W17', true],
  ]);
});

test('dating: cues that cannot hold together become a conflict with both sides and a reason', () => {
  const text = 'The Biden administration is weighing new sanctions. Putin and Kim embraced in Pyongyang last June. Eight months later, the partnership has deepened.';
  const { conflicts, estimate } = dating(text);
  assert.equal(conflicts.length, 1);
  const [c] = conflicts;
  const quote = (s: { start: number; end: number }) => text.slice(s.start, s.end);
  assert.deepEqual(c.cues.flatMap((x) => x.spans).map(quote), ['Eight months later', 'last June']);
  assert.deepEqual(c.against.flatMap((x) => x.spans).map(quote), ['The Biden administration']);
  assert.match(c.reason, /2025-02.*but.*Biden's presidency/);
  assert.deepEqual([estimate!.earliest, estimate!.latest], ['2024-07-01', '2025-01-20']);
});

test('dating: consistent cues raise no conflict', () => {
  for (const text of [
    'President-elect Trump met the envoy. The Biden administration is weighing a reply.',
    'Putin and Kim embraced in Pyongyang last June. Eight months later, the partnership has deepened. Trade grew in 2024.',
    'The lease was signed on 3 May 2021 and will expire in March 2023.',
  ]) assert.deepEqual(dating(text).conflicts, [], text);
});

test('dating: with a publication date, the cues are checked against it', () => {
  const [c] = dating('The ship docked on March 3, 2025.', '2024-06-01').conflicts;
  assert.match(c.reason, /on or after 2025-03-03, but the report is dated 2024-06-01/);
  assert.equal(dating('The ship docked on March 3, 2025.', '2024-06-01').estimate, null);
  // what is still to come, or a past date before the publication, fits
  assert.deepEqual(dating('The ship will dock on March 3, 2025.', '2024-06-01').conflicts, []);
  assert.deepEqual(dating('The ship docked on March 3, 2024, officials said.', '2024-06-01').conflicts, []);
  assert.deepEqual(dating('The Biden administration is weighing new sanctions.', '2023-05-01').conflicts, []);
  // a year naming what a forecast is about is only a hint, which raises no conflict
  assert.deepEqual(dating('Analysts were predicting the 2031 budget would shrink.', '2024-06-01').conflicts, []);
});

test('dating: a user folder extends the calendar, and an entry with a bundled id replaces it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trawl-calendar-'));
  writeFileSync(join(dir, 'calendar.json'), JSON.stringify({
    note: 'test entries',
    entries: [
      { id: 'ev-harbour-fire', kind: 'event', name: 'the harbour fire', start: '2019-04-02', phrases: ['the harbour fire'] },
      { id: 'ev-vostochny-summit', kind: 'event', name: 'a moved summit', start: '2023-09-20', phrases: ['the vostochny summit'] },
    ],
  }));
  const lexicons = loadLexicons(dir);
  const run = (text: string) => runPipeline(text, null, { lexicons }, [segmentStage, datingStage]).doc.layers.dating!.estimate;
  assert.equal(run('Since the harbour fire, the quay has been closed.')?.earliest, '2019-04-02');
  assert.equal(run('Since the Vostochny summit, the envoys have met twice.')?.earliest, '2023-09-20');
});

test('dating: the stage does not change the earlier layers', () => {
  const lexicons = loadLexicons();
  const before = runPipeline('For the Biden administration, it is a headache.', null, { lexicons }, [segmentStage]).doc;
  const frozen = JSON.stringify(before);
  const after = datingStage.run(before, { lexicons });
  assert.equal(JSON.stringify(before), frozen);
  assert.equal(after.layers.segments, before.layers.segments);
});

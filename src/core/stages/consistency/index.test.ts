// Consistency checks: each pattern on made-up reports, with the consistent narratives next to it
// that must not be flagged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../../test-support/extract.js';
import { loadLexicons } from '../../../node/lexicons.js';
import { runPipeline } from '../../pipeline.js';
import { segmentStage } from '../segment/index.js';
import { consistencyStage } from './index.js';
import { toExtraction } from '../../output/extraction.js';

const found = (text: string, published: string | null = '2023-10-10') =>
  (extract(text, published).layers.consistency?.inconsistencies ?? []).map((i) => ({ rule: i.rule, spans: i.spans.map((s) => text.slice(s.start, s.end)), reason: i.reason }));

interface Case {
  what: string;
  text: string;
  published?: string | null;
  rule: string;
  spans: string[];
  reason: RegExp;
}

const FLAGGED: Case[] = [
  {
    what: 'an event dated by a relative time, then referred back to under another month',
    text: 'The consignment, sent last month, held rockets. Officials gave no details of the August consignment.',
    rule: 'dated-anaphor',
    spans: ['consignment, sent last month', 'August consignment'],
    reason: /2023-09.*'August consignment' \(2023-08\)/,
  },
  {
    what: 'one arrival at one port on two days',
    text: 'The tanker left Vanino on May 2 and docked in Rajin four days later. After reaching Rajin on May 8, it unloaded fuel.',
    rule: 'movement-dated-twice',
    spans: ['docked in Rajin four days later', 'reaching Rajin on May 8'],
    reason: /arrival at Rajin is dated 2023-05-06 .* and 2023-05-08/,
  },
  {
    what: 'one stay given two lengths',
    text: 'The envoy stayed for two days, from March 3 to March 5. Diplomats praised the ten-day stay.',
    rule: 'event-length',
    spans: ['stayed for two days', 'ten-day stay'],
    reason: /last 2 days .* 10 days/,
  },
  {
    what: 'a part released while the whole is said to be held until later',
    text: 'The lighter shells were released in March. Until June, all of the shells, heavy and light alike, stayed frozen in depots.',
    rule: 'held-after-release',
    spans: ['released in March', 'Until June, all of the shells, heavy and light alike, stayed frozen'],
    reason: /released in 2023-03 .* held until 2023-06/,
  },
  {
    what: 'a report dated before a day it tells as past',
    text: 'The cargo ship docked at Rajin on March 3, 2025.',
    published: '2024-06-01',
    rule: 'dating-conflict:time:past-date',
    spans: ['on March 3, 2025'],
    reason: /on or after 2025-03-03, but the report is dated 2024-06-01/,
  },
  {
    what: 'an undated report whose cues about its own date exclude each other',
    text: 'The Biden administration is weighing new sanctions. Putin and Kim embraced in Pyongyang last June. Eight months later, the partnership has deepened.',
    published: null,
    rule: 'dating-conflict:time:narrative-present',
    spans: ['Eight months later', 'last June', 'The Biden administration'],
    reason: /puts the writing between 2025-02 and 2025-03, but 'The Biden administration'/,
  },
];

for (const c of FLAGGED) {
  test(`consistency: flags ${c.what}`, () => {
    const got = found(c.text, c.published === undefined ? '2023-10-10' : c.published);
    assert.equal(got.length, 1, JSON.stringify(got));
    assert.equal(got[0].rule, c.rule);
    assert.deepEqual(got[0].spans, c.spans);
    assert.match(got[0].reason, c.reason);
  });
}

const COUNTED: [string, string, string, RegExp][] = [
  ['a count and the date beside it', 'The convoy left Vanino on March 8. Six days later, on March 12, it docked at Rajin.', 'count-and-date-disagree', /counts to 2024-03-14, but the same clause dates it 2024-03-12/],
  ['a count in weeks and a day far from it', 'The freighter cleared Nakhodka on July 1. Three weeks later, on August 9, it was seen off Chongjin.', 'count-and-date-disagree', /counts to 2023-W29, but the same clause dates it 2023-08-09/],
  ['a count in months and a day in another month', 'Talks opened in Kazan on January 10. A month later, on March 4, the two ministers signed the accord.', 'count-and-date-disagree', /counts to \d{4}-02, but the same clause dates it \d{4}-03-04/],
  ['years ago and the year beside it', 'The treaty was signed two years ago, in 2019, officials said.', 'count-and-date-disagree', /counts to 2022, but .* 2019/],
  ['a weekday and its date', 'The ferry sailed on Friday, March 12, 2024, from Vanino.', 'weekday-and-date-disagree', /names a Friday, but 2024-03-12 is a Tuesday/],
  ['a length and the range it spans', 'The delegation stayed for two days, from December 6 to December 9.', 'length-and-range-disagree', /2 days.*spans 3 days/],
];

for (const [what, text, rule, reason] of COUNTED) {
  test(`consistency: flags ${what}`, () => {
    const got = found(text, '2024-06-01');
    assert.deepEqual(got.map((g) => g.rule), [rule]);
    assert.match(got[0].reason, reason);
  });
}

test('consistency: flags one flow given two exact amounts by one source', () => {
  const text = 'North Korea has sent Russia 3,000 artillery shells, the ministry said. Elsewhere in its statement, the ministry said North Korea has sent Russia 12,000 artillery shells.';
  const got = found(text, '2024-05-01');
  assert.deepEqual(got.map((g) => g.rule), ['amounts-disagree']);
  assert.match(got[0].reason, /'3,000' and as '12,000'/);
});

const CONSISTENT: [string, string][] = [
  ['a count and a date that agree', 'The convoy left Vanino on March 8. Four days later, on March 12, it docked.'],
  ['a count in weeks and a day a writer would round to it', 'The freighter cleared Nakhodka on July 1. Three weeks later, on July 25, it was seen off Chongjin.'],
  ['a count in months and a day within that month', 'Talks opened in Kazan on January 10. A month later, on February 14, the two ministers signed the accord.'],
  ['a weekday that fits its date', 'The ferry sailed on Sunday, March 12, 2023.'],
  ['a length counted in nights or in days', 'The delegation stayed for three days, from December 6 to December 9, and for four days, from May 1 to May 4.'],
  ['a figure given as a revision', 'North Korea has sent Russia 3,000 artillery shells, the ministry said in May. The ministry now says North Korea has sent Russia 12,000 artillery shells, up from its earlier estimate.'],
  ['two approximate figures that overlap', 'North Korea has sent Russia about 3,000 artillery shells, the ministry said. The ministry said North Korea has sent Russia nearly 3,500 artillery shells.'],
  ['two dated consignments, the later one named by its month', 'The first consignment arrived in August and another last month. The August consignment was larger.'],
  ['a month named by an event the report also dates that month', 'Deliveries resumed in August after a pause. The August delivery was the largest so far.'],
  ['an arrival and a second arrival marked as such', 'The tanker docked in Rajin on May 6. It reached Rajin again on May 20 with more fuel.'],
  ['two vessels at one port on different days', 'The tanker Alder Star reached Rajin on May 6, officials said. The freighter Cold Harbour reached Rajin on May 9.'],
  ['a departure and an arrival at the same place', 'The ferry left Nakhodka on May 2. It docked in Nakhodka on May 9 after the crossing.'],
  ['two stays, neither pointing back to the other', 'The envoy had a two-day stay in Moscow. His aide had a ten-day stay in Beijing.'],
  ['lengths that agree within rounding', 'The delegation stayed for six days. Officials called the week-long stay a success.'],
  ['a hedged length', 'The ship stayed for two days. The roughly ten-day stay included repairs.'],
  ['a hold on part of a shipment only', 'The lighter shells were released in March. Until June, the heavy shells stayed frozen in depots.'],
  ['a release after the hold ended', 'Until June, all of the shells, heavy and light alike, stayed frozen. The lighter shells were released in August.'],
  ['a narrative that moves forward in order', 'The tanker left Vanino on May 2 and docked in Rajin four days later. It left Rajin on May 9 and reached Vanino on May 12.'],
  ['the first part of a flow beside its whole', 'Ankara agreed a frigate deal with Islamabad.\n\n- Supplier: Turkey\n- Buyer: Pakistan\n- Scope: 4 frigates\n- Schedule: the first two frigates are due in March 2025\n'],
  ['dates after the publication day that are still to come', 'The ship will dock at Rajin on March 3, 2025, the ministry said.'],
];

for (const [what, text] of CONSISTENT) {
  test(`consistency: does not flag ${what}`, () => {
    assert.deepEqual(found(text), []);
  });
}

test('consistency: the stage reads earlier layers and adds its own, changing none', () => {
  const lexicons = loadLexicons();
  const before = runPipeline('The ship stayed for two days. The week-long stay ended.', '2023-10-10', { lexicons }).doc;
  const frozen = JSON.stringify(before.layers.times);
  const after = consistencyStage.run(before, { lexicons });
  assert.equal(JSON.stringify(before.layers.times), frozen);
  assert.equal(after.layers.times, before.layers.times);
  assert.equal(after.layers.consistency?.inconsistencies.length, 1);
});

test('consistency: a document with no times has nothing to check', () => {
  const lexicons = loadLexicons();
  const doc = runPipeline('No dates here at all.', null, { lexicons }, [segmentStage, consistencyStage]).doc;
  assert.deepEqual(doc.layers.consistency?.inconsistencies, []);
});

test('consistency: the extraction JSON carries each inconsistency with its spans and reason, and the estimate of an undated report', () => {
  const text = 'The Biden administration is weighing new sanctions. Putin and Kim embraced in Pyongyang last June. Eight months later, the partnership has deepened.';
  const out = toExtraction(extract(text, null));
  assert.equal(out.published, null);
  assert.deepEqual([out.publishedEstimate?.earliest, out.publishedEstimate?.latest], ['2024-07-01', '2025-01-20']);
  assert.ok(out.publishedEstimate!.cues.every((c) => c.reason.length > 0 && c.spans.length > 0));
  const [inc] = out.inconsistencies;
  assert.equal(inc.kind, 'date');
  assert.deepEqual(inc.spans.map((s) => s.text), ['Eight months later', 'last June', 'The Biden administration']);
  for (const s of inc.spans) assert.equal(text.slice(s.start, s.end), s.text);
  assert.ok(out.times.filter((t) => t.text === 'last June').every((t) => t.estimated === true));
});

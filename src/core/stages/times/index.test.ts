// Table tests for the times stage: each pattern with its span and value, then sentences that must
// not give times. All sentences are made up for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../../test-support/extract.js';
import { runPipeline } from '../../pipeline.js';
import { segmentStage } from '../segment/index.js';
import { onDemand, recognizeDoc, resolveInOrder, timesStage } from './index.js';
import { compileTimeWords } from './words.js';
import { toExtraction } from '../../output/extraction.js';
import { loadLexicons } from '../../../node/lexicons.js';

interface Row {
  text: string;
  published: string | null;
  /** [span, value] pairs; the type is checked where given as a third element. */
  want: [string, string | null, string?][];
}

const timesOf = (text: string, published: string | null) => {
  const doc = extract(text, published);
  return (doc.layers.times?.times ?? []).map((t) => ({ ...t, text: text.slice(t.start, t.end) }));
};

const ROWS: Row[] = [
  // weekdays and bare months look back from the publication date
  { text: 'The convoy left on Wednesday.', published: '2024-05-02', want: [['on Wednesday', '2024-05-01', 'DATE']] },
  { text: 'The pier was busy on Thursday, officials said.', published: '2024-05-02', want: [['on Thursday', '2024-05-02']] },
  { text: 'Nobody commented on Tuesday’s report.', published: '2024-05-02', want: [['Tuesday’s', '2024-04-30']] },
  { text: 'The ferry was seen in November.', published: '2024-05-02', want: [['November', '2023-11']] },
  { text: 'The first tanks are due in December.', published: '2024-08-26', want: [['December', '2024-12']] },
  { text: 'Crews will arrive in March.', published: '2024-11-20', want: [['March', '2025-03']] },
  // a past form without -ed looks back; governed by an auxiliary it leaves the way to the auxiliary
  { text: 'The yard sold two tugs in July.', published: '2024-06-01', want: [['July', '2023-07']] },
  { text: 'The tugs will be sent in July.', published: '2024-06-01', want: [['July', '2024-07']] },
  // modifiers before months, years and seasons
  { text: 'Shipments resumed last June.', published: '2024-10-10', want: [['last June', '2024-06']] },
  { text: 'Loading has continued since early August.', published: '2024-10-10', want: [['since early August', '2024-08']] },
  { text: 'The barge sank in late October.', published: '2024-11-20', want: [['late October', '2024-10']] },
  { text: 'Work stopped in mid-July and resumed by the end of 2023.', published: '2024-03-01', want: [['mid-July', '2023-07'], ['the end of 2023', '2023-12']] },
  { text: 'Sales slowed in late 2021.', published: '2024-03-01', want: [['late 2021', '2021']] },
  { text: 'The depot may reopen next spring.', published: '2024-11-05', want: [['next spring', '2025-SP']] },
  { text: 'Stocks ran low last summer.', published: '2024-06-12', want: [['last summer', '2023-SU']] },
  { text: 'Fuel will be short this winter.', published: '2024-11-05', want: [['this winter', '2024-WI']] },
  { text: 'Prices rose in the autumn of 2022.', published: '2024-11-05', want: [['the autumn of 2022', '2022-FA']] },
  // the publication date's own week, month, year, quarter
  { text: 'Talks continue this week.', published: '2024-05-02', want: [['this week', '2024-W18']] },
  { text: 'He spoke last week and again earlier this month.', published: '2024-05-20', want: [['last week', '2024-W20'], ['earlier this month', '2024-05']] },
  { text: 'Revenue rose in the third quarter.', published: '2024-11-01', want: [['the third quarter', '2024-Q3']] },
  { text: 'The plant closed in Q2 2023.', published: '2024-11-01', want: [['Q2 2023', '2023-Q2']] },
  { text: 'The pact was signed two years ago.', published: '2024-05-02', want: [['two years ago', '2022']] },
  { text: 'The depot opened today; deliveries start tomorrow.', published: '2024-05-02', want: [['today', '2024-05-02'], ['tomorrow', '2024-05-03']] },
  { text: 'The regime needs cash now.', published: '2024-05-02', want: [['now', 'PRESENT_REF']] },
  { text: 'Trade collapsed in 2019 and recovered in the 1990s pattern.', published: '2024-05-02', want: [['2019', '2019'], ['the 1990s', '199X']] },
  // calendar dates
  { text: 'The tanker docked on 14 March 2023 and left on July 12, 2023.', published: '2024-05-02', want: [['on 14 March 2023', '2023-03-14'], ['on July 12, 2023', '2023-07-12']] },
  { text: 'Imagery shows loading between September 7 and October 1.', published: '2024-10-14', want: [['September 7', '2024-09-07'], ['October 1', '2024-10-01']] },
  { text: 'The fee was paid in April last year.', published: '2025-02-10', want: [['April last year', '2024-04']] },
  { text: 'The cap has applied since December 5 last year.', published: '2024-07-03', want: [['since December 5 last year', '2023-12-05']] },
  // amounts of time
  { text: 'The blockade lasted eight months.', published: '2024-05-02', want: [['eight months', 'P8M', 'DURATION']] },
  { text: 'It came nearly two months after the vote.', published: '2024-05-02', want: [['nearly two months', 'P2M']] },
  { text: 'Over the past month the yard doubled its output.', published: '2024-05-02', want: [['the past month', 'P1M']] },
  // rules that start at "the" only when the listed word after it follows
  { text: 'The yard sat idle for the better part of two years.', published: '2024-05-02', want: [['the better part of two years', 'P2Y', 'DURATION']] },
  { text: 'Exports will grow in the coming years.', published: '2024-05-02', want: [['the coming years', 'FUTURE_REF']] },
  { text: 'Such convoys were rare in the past.', published: '2024-05-02', want: [['the past', 'PAST_REF']] },
  { text: 'The fleet sailed on the Fourth of July.', published: '2024-05-02', want: [['on the Fourth of July', '2023-07-04']] },
  { text: 'Both sides built up stocks for seven decades.', published: '2024-05-02', want: [['seven decades', 'P70Y']] },
  { text: 'The ship left after only a day in port.', published: '2024-05-02', want: [['a day', 'P1D']] },
  { text: 'The crew stayed for the week-long inspection.', published: '2024-05-02', want: [['week-long', 'P1W']] },
  // counted from the date the narrative last named
  { text: 'The tanker left Vanino on May 3. Six days later it docked in Nakhodka.', published: '2024-06-01', want: [['on May 3', '2024-05-03'], ['Six days later', '2024-05-09']] },
  { text: 'The first train ran in June 2023. Two months later the route closed.', published: '2024-06-01', want: [['June 2023', '2023-06'], ['Two months later', '2023-08']] },
  { text: 'The ban came on March 10. The ministry had warned of it a month earlier.', published: '2024-06-01', want: [['on March 10', '2024-03-10'], ['a month earlier', '2024-02']] },
  { text: 'On Monday the envoy arrived; he had crossed the border the day before.', published: '2024-06-05', want: [['On Monday', '2024-06-03'], ['the day before', '2024-06-02']] },
  { text: 'The depot opened in March 2021. The previous year it had been a farm.', published: '2024-06-01', want: [['March 2021', '2021-03'], ['The previous year', '2020']] },
  { text: 'The convoy was stopped in late August. Drones arrived that month too.', published: '2024-11-06', want: [['late August', '2024-08'], ['that month', '2024-08']] },
  { text: 'The guns were promised in December 2022 and delivered the following spring.', published: '2024-06-01', want: [['December 2022', '2022-12'], ['the following spring', '2023-SP']] },
  // named days, weeks named by a day, days counted from a day
  { text: 'Crowds thinned after Thanksgiving Day and before Christmas.', published: '1999-12-10', want: [['Thanksgiving Day', '1999-11-25'], ['Christmas', '1999-12-25']] },
  { text: 'Protesters prayed as Easter week began.', published: '2000-04-17', want: [['Easter week', '2000-W16']] },
  { text: 'The talks resumed last Thanksgiving.', published: '2000-02-10', want: [['last Thanksgiving', '1999-11-25']] },
  { text: 'Hearings are set for the week of March 6.', published: '2000-02-24', want: [['the week of March 6', '2000-W10']] },
  { text: 'He was seen the day before last Tuesday.', published: '2000-02-24', want: [['the day before last Tuesday', '2000-02-21']] },
  // plans for a weekday take the nearer one; a deadline lies ahead; a day named before a past plan is past
  { text: 'The crew planned to leave on Thursday.', published: '1998-09-30', want: [['on Thursday', '1998-10-01']] },
  { text: 'A vigil planned for Saturday was called off.', published: '1999-10-24', want: [['Saturday', '1999-10-23']] },
  { text: 'Officials postponed until Tuesday any decision on the cargo.', published: '2000-03-30', want: [['until Tuesday', '2000-04-04']] },
  { text: 'On Friday, the port authority planned to pay the first claims.', published: '1998-09-30', want: [['On Friday', '1998-09-25']] },
  // a payment or a plan reaches into next year; a condition still to be met is ahead
  { text: 'The dividend is payable Jan. 2 to holders of record.', published: '1989-10-27', want: [['Jan. 2', '1990-01-02']] },
  { text: 'He would sign the deal if elected in November.', published: '2024-08-01', want: [['November', '2024-11']] },
  // clock times past a bracketed conversion, and after a clock abbreviation that is not a sentence end
  { text: 'The blast came at 10:35 a.m. (0735 GMT) Friday near the port.', published: '1998-08-08', want: [['10:35 a.m.', '1998-08-07T10:35', 'TIME'], ['Friday', '1998-08-07']] },
  { text: 'Loading stops at 9 a.m. Tuesday.', published: '2024-05-02', want: [['9 a.m. Tuesday', '2024-04-30T09:00', 'TIME']] },
  // accounts' years and quarters
  { text: 'For the year ended June 30, the yard earned $4 million.', published: '1989-11-02', want: [['the year', 'P1Y', 'DURATION'], ['June 30', '1989-06-30']] },
  { text: 'Sales for the full year should rise.', published: '1989-11-02', want: [['the full year', '1989']] },
  { text: 'Output fell in the latest quarter.', published: '1989-11-02', want: [['the latest quarter', '1989-Q3']] },
  { text: 'Profit rose in the third quarter from the corresponding period last year.', published: '1989-11-02', want: [['the third quarter', '1989-Q3'], ['the corresponding period last year', '1988-Q3']] },
  { text: 'The plan covers the last half of 1989.', published: '1989-11-02', want: [['the last half of 1989', '1989-H2']] },
  // amounts with halves and counted days, read-out years, decades in words, centuries
  { text: 'The crossing took 5 1/2 hours, the refit a year and a half, the survey half an hour.', published: '2024-05-02', want: [['5 1/2 hours', 'PT5H30M'], ['a year and a half', 'P1Y6M'], ['half an hour', 'PT30M']] },
  { text: 'Shares fell for eight trading days in a several-year slump.', published: '2024-05-02', want: [['eight trading days', 'P8D'], ['several-year', 'PXY']] },
  { text: 'Plans for the year two thousand date from the nineties and from 20th century habits.', published: '1998-03-03', want: [['the year two thousand', '2000'], ['the nineties', '199X'], ['20th century', '19']] },
  // no publication date and nothing in the text that dates it: relative times have no value
  // (with a dated cue they count from the dating stage's estimate: see dating/index.test.ts)
  { text: 'The deal was renewed last week, the ministry would announce in May.', published: null, want: [['last week', null], ['May', null]] },
];

for (const row of ROWS) {
  test(`times: ${row.text}`, () => {
    const got = timesOf(row.text, row.published);
    assert.deepEqual(
      got.map((t) => [t.text, t.value]),
      row.want.map(([span, value]) => [span, value]),
    );
    row.want.forEach(([, , type], k) => {
      if (type) assert.equal(got[k].type, type);
    });
    for (const t of got) {
      assert.equal(t.stage, 'times');
      assert.ok(t.rule.length > 0);
    }
  });
}

const NEGATIVES: [string, string][] = [
  ['a surname', 'Theresa May met the envoy in Seoul.'],
  ['a verb', 'Protesters will march to the embassy.'],
  ['a sentence-initial verb', 'March on, the captain said.'],
  ['a name before a surname', 'April Ryan asked the question.'],
  ['counts and identifiers', 'The Council passed Resolution 2397 after 3,000 shells and about 2000 troops crossed.'],
  ['an ordinal', 'A second ship followed the first.'],
  ['a phrase with "now that"', 'Now that the port is open, trade grows.'],
  ['a title and an idiom', 'He watched High Noon on This Week and the 60 Minutes broadcast.'],
  ['the present in general', "The case speaks to today's youth."],
];

for (const [what, text] of NEGATIVES) {
  test(`times: no time in ${what}`, () => {
    assert.deepEqual(timesOf(text, '2024-05-02').map((t) => t.text), []);
  });
}

test('times: a rate ("rounds a day") is a SET, which the ledger output leaves out', () => {
  const text = 'The guns fire 7,000 rounds a day, and have done so for a year.';
  const doc = extract(text, '2024-05-02');
  const layer = doc.layers.times?.times ?? [];
  assert.deepEqual(layer.map((t) => [text.slice(t.start, t.end), t.type, t.value]), [
    ['a day', 'SET', 'P1D'],
    ['a year', 'DURATION', 'P1Y'],
  ]);
  assert.deepEqual(toExtraction(doc).times.map((t) => t.text), ['a year']);
});

test('times: a relative time records what it was counted from', () => {
  const text = 'The tanker left on May 3. Six days later it docked.';
  const [first, later] = timesOf(text, '2024-06-01');
  assert.deepEqual(later.anchor, { kind: 'time', start: first.start, end: first.end, value: '2024-05-03' });
  const [lastWeek] = timesOf('Talks stalled last week.', '2024-06-01');
  assert.deepEqual(lastWeek.anchor, { kind: 'published', value: '2024-06-01' });
});

test('times: the signal kept in the span is recorded for TimeML', () => {
  const text = 'The ship left since early August.';
  const [t] = timesOf(text, '2024-10-01');
  assert.equal(text.slice(t.signal!.start, t.signal!.end), 'since');
});

test('times: the stage does not change the earlier layers', () => {
  const lexicons = loadLexicons();
  const before = runPipeline('The ship left on May 3.', '2024-06-01', { lexicons }, [segmentStage]).doc;
  const frozen = JSON.stringify(before);
  const after = timesStage.run(before, { lexicons });
  assert.equal(JSON.stringify(before), frozen);
  assert.equal(after.layers.segments, before.layers.segments);
});

test('times: time grows linearly on a hostile 1 MB text of digits and month names', () => {
  const lexicons = loadLexicons();
  const piece = 'May 2022 March 12, 1999 the end of 2023 last June early 12 Sept. 1998 2 3 4 five six years ago 1999 1,000 1234567890 MayMarch ';
  const run = (size: number): number => {
    const text = piece.repeat(Math.ceil(size / piece.length)).slice(0, size);
    const t0 = performance.now();
    runPipeline(text, '2024-05-02', { lexicons }, [segmentStage, timesStage]);
    return performance.now() - t0;
  };
  run(50_000); // warm up
  const quarter = run(250_000);
  const full = run(1_000_000);
  assert.ok(full < 15_000, `1 MB took ${full.toFixed(0)} ms`);
  // four times the text: well under sixteen times the time (what a quadratic scan would take)
  assert.ok(full < quarter * 8 + 200, `250 kB ${quarter.toFixed(0)} ms, 1 MB ${full.toFixed(0)} ms`);
});

test('onDemand gives each expression the resolution resolveInOrder gives it, asked for in any order', () => {
  const W = compileTimeWords(loadLexicons().times);
  const text = [
    'In June the barge left Nampo; six days later it docked, and the following week it sailed again.',
    'That month the crews were paid. On March 3 the pier was inspected, and two days later it was closed.',
    'Last year the yard built four tugs; the year before it built two. The quarter ended quietly.',
    'A year earlier the same quarter had been busy. By the end of June, the tugs were sold.',
  ].join('\n\n');
  const items = recognizeDoc(extract(text, null), W);
  assert.ok(items.length >= 10, `only ${items.length} expressions recognized`);
  for (const ref of [{ y: 2024, m: 2, d: 15 }, { y: 2025, m: 7, d: 15 }]) {
    const inOrderValues = resolveInOrder(items, ref).map((r) => r.value);
    const lazy = onDemand(items, ref);
    // backwards, so that each expression works out the ones it reads before any were resolved in order
    const asked = items.map((_, k) => items.length - 1 - k).map((k) => [k, lazy.at(k).value] as const);
    for (const [k, value] of asked) assert.equal(value, inOrderValues[k], `expression ${k}: '${text.slice(items[k].start, items[k].end)}'`);
  }
});

test('onDemand resolves a chain of thousands of expressions, each counted from the one before, without a deep stack', () => {
  const W = compileTimeWords(loadLexicons().times);
  const text = 'On May 2, 2023 the barge left. ' + 'A day later it moved. '.repeat(6000);
  const items = recognizeDoc(extract(text, null), W);
  assert.ok(items.length > 6000);
  const last = items.length - 1;
  assert.equal(onDemand(items, { y: 2024, m: 1, d: 15 }).at(last).value, resolveInOrder(items, { y: 2024, m: 1, d: 15 })[last].value);
});

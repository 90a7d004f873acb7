import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderBrief } from './brief.js';
import { fuseLedger } from './fuse.js';
import { loadLedgerVocabulary } from '../node/ledger-vocabulary.js';
import { qty, storedReport } from '../test-support/stored-report.js';

const KP = { id: 'KP', name: 'North Korea', says: ['North Korea', 'Pyongyang'] };
const RU = { id: 'RU', name: 'Russia', says: ['Russia', 'Moscow'] };
const KR = { id: 'KR', name: 'South Korea', says: ['South Korea', 'Seoul'] };

const reports = [
  storedReport({ id: 'n1', published: '2023-11-01', outlet: 'First Test Desk',
    text: 'Seoul said on Wednesday that Pyongyang had shipped more than a million shells to Moscow since August. Moscow called the claim groundless.',
    actors: [KP, RU, KR],
    transfers: [
      { from: 'KP', to: 'RU', category: 'munitions', item: 'shells', quantity: qty('more than a million', { min: 1_000_000 }), since: '2023-08', source: 'KR', phrase: 'Pyongyang had shipped more than a million shells to Moscow' },
      { from: 'KP', to: 'RU', category: 'munitions', item: 'shells', status: 'denied', source: 'RU', phrase: 'Moscow called the claim groundless' },
    ],
    events: [{ type: 'meeting', actors: ['KP', 'RU'], date: '2023-09-13', place: 'Vostochny', spans: [{ start: 0, end: 4 }], rule: 'test' }] }),
  storedReport({ id: 'n2', published: '2024-02-27', outlet: 'Second Test Desk',
    text: 'Pyongyang has now sent over 3 million shells to Moscow since August, Seoul estimates. In return Moscow sent Pyongyang 9,000 tonnes of flour in January.',
    actors: [KP, RU, KR],
    transfers: [
      { from: 'KP', to: 'RU', category: 'munitions', item: 'shells', quantity: qty('over 3 million', { min: 3_000_000 }), since: '2023-08', source: 'KR', phrase: 'Pyongyang has now sent over 3 million shells to Moscow' },
      { from: 'RU', to: 'KP', category: 'food', item: 'flour', quantity: qty('9,000 tonnes', { value: 9000, unit: 'tonne' }), since: '2024-01', until: '2024-01', phrase: 'Moscow sent Pyongyang 9,000 tonnes of flour' },
    ] }),
  storedReport({ id: 'n3', published: '2024-03-10', outlet: 'Third Test Desk',
    text: 'A defector group put the number of shells Pyongyang sent to Moscow since August at only 200,000.',
    actors: [KP, RU],
    transfers: [{ from: 'KP', to: 'RU', category: 'munitions', item: 'shells', quantity: qty('200,000', { value: 200_000 }), since: '2023-08', source_text: 'A defector group', phrase: 'Pyongyang sent to Moscow since August at only 200,000' }] }),
];

const brief = renderBrief(fuseLedger(reports, { vocabulary: loadLedgerVocabulary() }), { actor: 'KP' });
const footnotes = new Map([...brief.matchAll(/^\[\^(\d+)\]: (\S+), (\S+), "(.*)"$/gm)].map((m) => [m[1], { report: m[2], date: m[3], quote: m[4] }]));

test('every footnote reference has a definition that quotes a sentence of its report, with its date', () => {
  const refs = new Set([...brief.replace(/^\[\^\d+\]:.*$/gm, '').matchAll(/\[\^(\d+)\]/g)].map((m) => m[1]));
  assert.ok(refs.size >= 5);
  for (const r of refs) {
    const note = footnotes.get(r);
    assert.ok(note, `footnote ${r} is defined`);
    const report = reports.find((x) => x.id === note.report)!;
    assert.ok(report.text.includes(note.quote), `footnote ${r} quotes ${note.report}: ${note.quote}`);
    assert.equal(note.date, report.published);
  }
});

test('every statement line of the brief carries a footnote', () => {
  const statements = brief.split('\n').filter((l) => /^\s*- /.test(l) && !/independent source|Range of|Period:|conflicts? between/.test(l) && !/^- \*\*/.test(l));
  assert.ok(statements.length >= 6);
  for (const l of statements) assert.match(l, /\[\^\d+\]/, l);
  for (const row of brief.split('\n').filter((l) => /^\| \d{4}/.test(l))) assert.match(row, /\[\^\d+\] \|$/, row);
});

test('flows each way, the latest estimate with its source and the range of figures', () => {
  assert.match(brief, /## Flows from North Korea\n\n### North Korea → Russia: munitions \(shells\)/);
  assert.match(brief, /## Flows to North Korea\n\n### Russia → North Korea: food \(flour\)/);
  assert.match(brief, /- Latest estimate: 200,000, asserted, according to A defector group \(n3, 2024-03-10\)\[\^\d+\]\./);
  assert.match(brief, /- Range of the figures reported: 200,000 to over 3 million\./);
});

test('timeline, who says what, conflicts and denials', () => {
  assert.match(brief, /## Timeline\n\n- 2023-09-13: meeting, North Korea, Russia \(Vostochny\)\[\^\d+\]/);
  assert.match(brief, /- \*\*South Korea\*\*\n {2}- North Korea → Russia munitions: shells, at least 1,000,000 \("more than a million"\), asserted \(n1, 2023-11-01\)/);
  // The growth from one to three million is no conflict; the lower figure later is.
  const conflicts = brief.slice(brief.indexOf('## Conflicts'), brief.indexOf('## Denials'));
  assert.equal(conflicts.split('\n').filter((l) => l.startsWith('- ')).length, 2);
  assert.match(conflicts, /A defector group \(n3\) gives 200,000/);
  assert.match(brief, /## Denials\n\n- Russia denied North Korea → Russia munitions \(shells\) in n1, 2023-11-01\[\^(\d+)\]/);
  const n = /Russia denied .*\[\^(\d+)\]/.exec(brief)![1];
  assert.equal(footnotes.get(n)!.quote, 'Moscow called the claim groundless.');
});

test('--since keeps flows reported since then', () => {
  const later = renderBrief(fuseLedger(reports, { vocabulary: loadLedgerVocabulary() }), { actor: 'KP', since: '2024-03-01' });
  assert.match(later, /North Korea → Russia: munitions/);
  assert.doesNotMatch(later, /Russia → North Korea: food/);
});

test('an estimated publication date is marked as such', () => {
  const undated = { ...reports[2], id: 'n4', publishedEstimated: true };
  const out = renderBrief(fuseLedger([reports[0], undated], { vocabulary: loadLedgerVocabulary() }), { actor: 'KP' });
  assert.match(out, /\| 2024-03-10 \(estimated\) \| n4 \|/);
  assert.match(out, /^\[\^\d+\]: n4, 2024-03-10 \(estimated\), "/m);
});

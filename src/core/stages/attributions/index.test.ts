import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../../test-support/extract.js';
import { findQuotes } from './quotes.js';
import { segment } from '../segment/index.js';

/** Attributions as [kind, source or description, content text]. */
function claims(text: string): [string, string, string][] {
  const doc = extract(text);
  return (doc.layers.attributions?.attributions ?? []).map((a) => [a.kind, a.source ?? `?${a.sourceText}`, text.slice(a.start, a.end)]);
}

test('direct quotes: tag after (inverted), split by a tag, and a following quote without a tag', () => {
  const text = '“The rail link is the real story,” says Mara Lindqvist-Otieno, a senior analyst at the Baltic Harbour Institute. “Ships can be watched. Trains are harder,” she said, “and the border is long.”\n\n“Nobody counts wagons,” she added.';
  const got = claims(text);
  const p = got[0][1];
  assert.match(p, /^p_mara_lindqvist_otieno/);
  assert.deepEqual(got.map((c) => [c[0], c[1], c[2]]), [
    ['direct', p, 'The rail link is the real story'],
    ['direct', p, 'Ships can be watched. Trains are harder'],
    ['direct', p, 'and the border is long'],
    ['direct', p, 'Nobody counts wagons'],
  ]);
});

test('a quote spoken before its tag in the previous clause: "X put it bluntly: “…”"', () => {
  const text = 'Retired colonel Tomas Verhagen, who served in the region, put it bluntly: “Every wagon that goes west is a promise kept.”';
  assert.deepEqual(claims(text), [['direct', 'p_tomas_verhagen', 'Every wagon that goes west is a promise kept']]);
});

test('reported speech: speaker before the verb, after the content, and inverted', () => {
  const text = 'Kremlin spokesman Dmitry Peskov said the trade broke no rules. Pyongyang sent more shells in May, Seoul said. The rail traffic doubled, said the Harbour Institute.';
  assert.deepEqual(claims(text), [
    ['indirect', 'p_peskov', 'the trade broke no rules'],
    ['indirect', 'KR', 'Pyongyang sent more shells in May'],
    ['indirect', 'o_harbour_institute', 'The rail traffic doubled'],
  ]);
});

test('"according to X" at the start or the end, and a participial source', () => {
  const text = 'According to South Korea’s National Intelligence Service, the shipments continued in June. The trains ran at night, according to the Harbour Institute. The deal, confirmed on Monday by Japanese officials, covers fuel.';
  const got = claims(text);
  assert.deepEqual(got[0], ['indirect', 'o_nis', 'the shipments continued in June']);
  assert.deepEqual(got[1][0], 'indirect');
  assert.equal(got[1][2], 'The trains ran at night');
  assert.deepEqual(got[2], ['indirect', 'JP', 'The deal']);
});

test('unnamed sources keep their words; officials of a named state are that state', () => {
  const doc = extract('Analysts said the price had fallen. U.S. officials warned that more trains were coming.');
  const [a, b] = doc.layers.attributions?.attributions ?? [];
  assert.equal(a.source, null);
  assert.equal(a.sourceText, 'Analysts');
  assert.equal(b.source, 'US');
  assert.equal(b.sourceText, 'U.S. officials');
});

test('denials keep their subject, one per named actor', () => {
  const text = 'Moscow and Pyongyang have denied that any shells were sold. Tehran rejected the reports as baseless.';
  assert.deepEqual(claims(text), [
    ['denial', 'RU', 'Moscow and Pyongyang have denied that any shells were sold'],
    ['denial', 'KP', 'Moscow and Pyongyang have denied that any shells were sold'],
    ['denial', 'IR', 'Tehran rejected the reports as baseless'],
  ]);
});

test('nested: "X quoted Y as saying" credits Y; "X said Washington believed" credits Washington', () => {
  const text = 'South Korea’s National Intelligence Service briefed lawmakers. Lawmaker Choi Min-jun quoted the NIS as saying that the trains carried shells. Kirby said Washington believed the deal was done.';
  const got = claims(text);
  assert.ok(got.some(([, s, c]) => s === 'o_nis' && c === 'the trains carried shells'), JSON.stringify(got));
  assert.ok(got.some(([, s, c]) => s === 'US' && c === 'Washington believed the deal was done'), JSON.stringify(got));
});

test('pronouns go to the last person quoted or named, and "it" to the last body', () => {
  const text = 'Ines Ravel, a researcher at the Baltic Harbour Institute, tracked the ships. She said the cargo was fuel. The Harbour Institute said it had counted 40 wagons. It added that the count was rising.';
  const got = claims(text);
  assert.deepEqual(got[0].slice(1), ['p_ines_ravel', 'the cargo was fuel']);
  assert.equal(got[got.length - 1][1], 'o_baltic_harbour_institute');
});

test('no claim: negated and passive verbs, "we judge", a scare quote without a tag', () => {
  const text = 'The ministry did not say how many shells were sent. The figure is disputed by many. We judge it likely that more will follow. The so-called “friendship train” left on time.';
  assert.deepEqual(claims(text), []);
});

test('quotes over paragraphs: the opening mark repeats and only the last paragraph closes', () => {
  const text = '“First part of the statement.\n\n“Second part, still the same speaker,” said Ines Ravel.';
  const quotes = findQuotes(text, segment(text).paragraphs);
  assert.deepEqual(quotes.map((q) => text.slice(q.inner.start, q.inner.end)), ['First part of the statement', 'Second part, still the same speaker']);
});

test('hostile input: unbalanced marks and a million quotes produce no runaway spans', () => {
  const text = '“'.repeat(50_000) + ' The trains ran, said Ines Ravel. ' + '"'.repeat(1_000_001) + ' End.';
  const doc = extract(text);
  for (const a of doc.layers.attributions?.attributions ?? []) {
    assert.ok(a.start >= 0 && a.end <= text.length && a.start < a.end);
  }
});

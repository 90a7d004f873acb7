// The pipeline on hostile inputs: it finishes and its layers stay sane. Correctness only: the
// timing is the bench's to print (a time bar here would fail on a slow or busy machine).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnnotatedDoc } from '../core/doc.js';
import { runPipeline } from '../core/pipeline.js';
import { MAX_SENTENCE_TOKENS } from '../core/stages/segment/index.js';
import { loadLexicons } from '../node/lexicons.js';
import { BALANCED_PARAGRAPH, endlessList, hostileText, longParagraph, thousandsOfNames, PARAGRAPH_SENTENCES, quotationMarks, unbalancedQuotes } from './hostile-texts.js';
import { measureHostile } from './hostile.js';

const lexicons = loadLexicons();
const run = (text: string): AnnotatedDoc => runPipeline(text, null, { lexicons }).doc;
const count = (text: string, part: string) => text.split(part).length - 1;

/** Every attribution's content, speaker and cue lie inside the text, start before end. */
function assertSpansInside(doc: AnnotatedDoc): void {
  for (const a of doc.layers.attributions?.attributions ?? []) {
    for (const s of [a, a.speaker, a.cue]) {
      if (!s) continue;
      assert.ok(s.start >= 0 && s.start < s.end && s.end <= doc.text.length, `span ${s.start}-${s.end} inside a text of ${doc.text.length}`);
    }
  }
}

test('the inputs have the requested sizes and shapes', () => {
  assert.equal(quotationMarks(1000), '"'.repeat(1000));
  const noisy = unbalancedQuotes(50_000);
  assert.equal(noisy.length, 50_000);
  assert.ok(count(noisy, '“') > 1.5 * count(noisy, '”'), 'more opening marks than closing ones');
  const para = longParagraph(50_000);
  assert.ok(para.length <= 50_000 && para.length > 49_000);
  assert.ok(!para.includes('\n') && para.endsWith('.'));
  assert.equal(hostileText('long paragraph', 1000), longParagraph(1000));
});

test('200,000 quotation marks: the pipeline finishes with no claims', () => {
  const doc = run(quotationMarks(200_000));
  assert.deepEqual(doc.layers.attributions?.attributions, []);
});

test('a 500 KB paragraph: every tagged quote and reported claim found, spans inside the text', () => {
  const text = longParagraph(500_000);
  const doc = run(text);
  assert.equal(doc.layers.segments?.paragraphs.length, 1);
  assertSpansInside(doc);
  const attributions = doc.layers.attributions?.attributions ?? [];
  const quote = 'The checks are thorough and slow';
  const direct = attributions.filter((a) => a.kind === 'direct');
  assert.equal(direct.length, count(text, PARAGRAPH_SENTENCES[1]));
  for (const a of direct) {
    assert.equal(text.slice(a.start, a.end), quote);
    assert.equal(a.speaker && text.slice(a.speaker.start, a.speaker.end), 'harbour chief Ana Lind');
  }
  const denials = attributions.filter((a) => a.kind === 'denial');
  assert.equal(denials.length, count(text, PARAGRAPH_SENTENCES[3]));
});

test('unbalanced curly quotes: the balanced paragraphs among them keep their quote and speaker', () => {
  const text = unbalancedQuotes(200_000);
  const doc = run(text);
  assertSpansInside(doc);
  const balanced = text.split('\n\n').filter((p) => p === BALANCED_PARAGRAPH).length;
  assert.ok(balanced > 100);
  const found = (doc.layers.attributions?.attributions ?? []).filter((a) => a.kind === 'direct' && text.slice(a.start, a.end) === 'The port stays closed until Friday');
  assert.equal(found.length, balanced);
  for (const a of found) assert.equal(a.speaker && text.slice(a.speaker.start, a.speaker.end), 'Harbour chief Ana Lind');
});

test('an endless list of goods with no full stop gives one flow per item of each sentence it is cut into, with sane spans', () => {
  const text = endlessList(60_000);
  const doc = run(text);
  assertSpansInside(doc);
  const transfers = doc.layers.transfers?.transfers ?? [];
  assert.ok(transfers.some((t) => t.from === 'KP' && t.to === 'RU' && t.item === 'drones'), JSON.stringify(transfers.slice(0, 3)));
});

test('thousands of people sharing a first name are each their own actor, and each claim has its speaker', () => {
  const text = thousandsOfNames(40_000);
  const doc = run(text);
  assertSpansInside(doc);
  const people = (doc.layers.actors?.actors ?? []).filter((a) => a.type === 'person');
  const said = text.split(' said ').length - 1;
  assert.equal(people.length, said);
  const claims = (doc.layers.attributions?.attributions ?? []).filter((a) => text.slice(a.start, a.end) === 'the ship left Nampo');
  assert.equal(claims.length, said);
  assert.equal(new Set(claims.map((a) => a.source)).size, said);
});

test('thousands of reporting verbs with no full stop anywhere finish with sane spans, cut into bounded sentences', () => {
  const text = 'officials said that the ministry and Kim said, '.repeat(3000) + 'the trains ran';
  const doc = run(text);
  const sentences = doc.layers.segments?.sentences ?? [];
  assert.ok(sentences.length > 1 && sentences.every((s) => s.tokenEnd - s.tokenStart <= MAX_SENTENCE_TOKENS));
  assertSpansInside(doc);
  assert.ok((doc.layers.attributions?.attributions.length ?? 0) >= 1);
});

test('measureHostile times each input at each fraction of its size', () => {
  const seen: number[] = [];
  const rows = measureHostile((text) => {
    seen.push(text.length);
    return { direct: 0, attributions: text.length > 100 ? 1 : 0, stages: [] };
  }, { sizes: { 'quotation marks': 400, 'unbalanced quotes': 400, 'long paragraph': 4000, 'endless list': 400, 'thousands of names': 4000 }, fractions: [0.5, 1], warmUpMs: 0 });
  assert.deepEqual(rows.map((r) => `${r.kind}/${r.fraction}/${r.chars}`), [
    'quotation marks/0.5/200', 'quotation marks/1/400',
    'unbalanced quotes/0.5/200', 'unbalanced quotes/1/400',
    `long paragraph/0.5/${longParagraph(2000).length}`, `long paragraph/1/${longParagraph(4000).length}`,
    'endless list/0.5/200', 'endless list/1/400',
    `thousands of names/0.5/${thousandsOfNames(2000).length}`, `thousands of names/1/${thousandsOfNames(4000).length}`,
  ]);
  for (const r of rows) assert.ok(r.ms >= 0 && r.usPerChar >= 0);
  assert.ok(seen.length > rows.length, 'warm-up runs came first');
});

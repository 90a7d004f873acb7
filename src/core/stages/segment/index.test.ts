import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_SENTENCE_TOKENS, paragraphs, segment, tokenize } from './index.js';

const words = (text: string) => tokenize(text).map((t) => t.text);

test('tokens keep initialisms, hyphenated names and numbers whole, and split possessives', () => {
  assert.deepEqual(words('The U.S. said Kim Jong-un’s envoy sent 3,000,000 shells.'), ['The', 'U.S.', 'said', 'Kim', 'Jong-un', '’s', 'envoy', 'sent', '3,000,000', 'shells', '.']);
  assert.deepEqual(words('Russia’s "partner", 1.5m barrels'), ['Russia', '’s', '"', 'partner', '"', ',', '1.5m', 'barrels']);
});

test('every token span slices to its text', () => {
  const text = 'Moscow’s envoy, Gen. Ivan Petrov, met “the North” on 3 May.\n\nSecond paragraph.';
  for (const t of segment(text).tokens) assert.equal(text.slice(t.start, t.end), t.text);
});

test('sentences end at full stops but not after titles, initials or initialisms before lowercase', () => {
  const text = 'Gen. Ivan Petrov met U.S. officials in Seoul. They talked for hours! Then J. R. Smith left the U.S. The trip ended.';
  const s = segment(text).sentences.map((x) => text.slice(x.start, x.end));
  assert.deepEqual(s, ['Gen. Ivan Petrov met U.S. officials in Seoul.', 'They talked for hours!', 'Then J. R. Smith left the U.S.', 'The trip ended.']);
});

test('a closing quotation mark stays with its sentence', () => {
  const text = '“We count trains.” The analyst smiled.';
  const s = segment(text).sentences.map((x) => text.slice(x.start, x.end));
  assert.deepEqual(s, ['“We count trains.”', 'The analyst smiled.']);
});

test('paragraphs are separated by blank lines and trimmed', () => {
  const text = '  Title line\n\n First para.\nstill first.\n \n\nSecond.  ';
  assert.deepEqual(paragraphs(text).map((p) => text.slice(p.start, p.end)), ['Title line', 'First para.\nstill first.', 'Second.']);
});

test('hostile input: a long run of quotation marks and a huge paragraph segment without error', () => {
  const text = '"'.repeat(200_000) + ' ' + 'Word. '.repeat(100_000);
  const seg = segment(text);
  assert.equal(seg.tokens.length, 200_000 + 200_000);
  assert.ok(seg.sentences.length >= 100_000);
});

test('a clock abbreviation ends a sentence only before a word that starts one', () => {
  const text = 'The convoy left at 9 a.m. Tuesday and returned at 6 p.m. The crew slept.';
  const s = segment(text).sentences.map((x) => text.slice(x.start, x.end));
  assert.deepEqual(s, ['The convoy left at 9 a.m. Tuesday and returned at 6 p.m.', 'The crew slept.']);
});

test('tokens split at every space the pattern \\s knows, and at nothing else', () => {
  // no-break, thin, ideographic and byte-order-mark spaces separate words; a zero-width space is a character
  assert.deepEqual(words('one\u00a0two\u2009three\u3000four\ufeff five\u200bsix'), ['one', 'two', 'three', 'four', 'five', '\u200b', 'six']);
});

test('plain ASCII words, initialisms and words beyond ASCII split alike, read with or without the pattern', () => {
  const text = "e.g. U.S.-led J. R. Smith paid 3,000,000. for co-op's café-bar, naïve A.I. 5.A x-'y";
  assert.deepEqual(words(text), ['e.g', '.', 'U.S.', '-', 'led', 'J.', 'R.', 'Smith', 'paid', '3,000,000', '.', 'for', 'co-op', "'s", 'café-bar', ',', 'naïve', 'A.I.', '5.A', 'x', '-', "'", 'y']);
});

test('a run of words with no sentence end is cut into sentences of at most MAX_SENTENCE_TOKENS, after a comma where there is one', () => {
  const listed = 'The depot held shells, rockets, drones, '.repeat(300);
  const { sentences, tokens } = segment(listed);
  assert.ok(sentences.length > 1);
  for (const s of sentences) assert.ok(s.tokenEnd - s.tokenStart <= MAX_SENTENCE_TOKENS, `a sentence of ${s.tokenEnd - s.tokenStart} tokens`);
  for (const s of sentences.slice(0, -1)) assert.equal(tokens[s.tokenEnd - 1].text, ',');
  // no comma at all: cut at the limit itself
  const bare = segment('word '.repeat(450)).sentences;
  assert.deepEqual(bare.map((s) => s.tokenEnd - s.tokenStart), [MAX_SENTENCE_TOKENS, MAX_SENTENCE_TOKENS, 50]);
  // every token is in exactly one sentence, in order
  assert.equal(sentences.reduce((n, s) => n + s.tokenEnd - s.tokenStart, 0), tokens.length);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shiftYear, varyText, writeIngestCorpus } from './ingest-corpus.js';

const TEXT = 'In March 2023 officials said 1,200,000 shells and 3.5 million rounds had gone on 4 ships; by 2024 the count was 350.';

test('copies shift years and scale amounts, leave small numbers, and differ from each other', () => {
  assert.equal(varyText(TEXT, 0), TEXT);
  assert.equal(varyText(TEXT, 1), 'In March 2024 officials said 1,212,000 shells and 3.54 million rounds had gone on 4 ships; by 2025 the count was 354.');
  const copies = new Set(Array.from({ length: 100 }, (_, k) => varyText(TEXT, k)));
  assert.equal(copies.size, 100);
});

test('publication dates move with the years, and stay real dates', () => {
  assert.equal(shiftYear('2023-10-14', 2), '2025-10-14');
  assert.equal(shiftYear('2024-02-29', 1), '2025-02-28');
  assert.equal(shiftYear('2024-02-29', 4), '2028-02-29');
});

test('the folder holds the number of reports asked for, each its own text, even from a text with only years', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trawl-bench-corpus-'));
  const texts = [
    { source: 'a.json', text: TEXT, published: '2024-06-01', words: 20 },
    { source: 'b.json', text: 'The two leaders met in 2023 and again in 2024.', published: null, words: 10 },
    { source: 'c.json', text: 'The envoy left on Friday.', published: '2024-12-30', words: 5 },
  ];
  assert.equal(writeIngestCorpus(texts, dir, 18), 18);
  const files = readdirSync(dir).sort();
  assert.equal(files.length, 18);
  const c = JSON.parse(readFileSync(join(dir, files[5]), 'utf8'));
  assert.equal(c.text, 'Updated December 31, 2024.\n\nThe envoy left on Friday.');
  const third = JSON.parse(readFileSync(join(dir, files[3]), 'utf8'));
  assert.deepEqual([third.id, third.published], ['bench-3', '2025-06-01']);
  assert.match(third.text, /^In March 2024 /);
  rmSync(dir, { recursive: true, force: true });
});

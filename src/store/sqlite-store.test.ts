import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runPipeline } from '../core/pipeline.js';
import { toExtraction } from '../core/output/extraction.js';
import type { StoredReport } from '../core/output/stored-report.js';
import { loadLexicons } from '../node/lexicons.js';
import { SqliteStore } from './sqlite-store.js';
import { MIGRATIONS } from './sqlite-schema.js';

const SHELLS = 'North Korea has shipped about 2 million artillery shells to Russia since August 2023, the Pentagon said on Tuesday. ' +
  'Moscow denied buying any weapons from Pyongyang. "We are watching closely," said Jane Ortiz, a spokeswoman for the State Department.';
const OIL = 'Russia sent North Korea more than 1 million barrels of oil last year, according to satellite imagery reviewed by analysts.';

function report(text: string, id?: string, published: string | null = '2024-05-14'): StoredReport {
  const hash = createHash('sha256').update(text).digest('hex');
  const { doc } = runPipeline(text, published, { lexicons: loadLexicons() });
  return { id: id ?? `r-${hash.slice(0, 16)}`, hash, path: `${id ?? 'x'}.txt`, title: 'A test report', outlet: 'Test Wire', published, publishedEstimated: false, text, extraction: toExtraction(doc) };
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'trawl-store-'));

test('a report goes in once with all its items; the same text again changes nothing', async () => {
  const store = SqliteStore.open(':memory:');
  const r = report(SHELLS, 'a');
  assert.ok(r.extraction.transfers.length > 0 && r.extraction.actors.length > 0, 'the fixture yields items');
  assert.equal(await store.addReport(r), 'new');
  const before = await store.counts();
  assert.equal(before.reports, 1);
  assert.equal(before.transfers, r.extraction.transfers.length);
  assert.equal(before.actors, r.extraction.actors.length);
  assert.equal(before.mentions, r.extraction.actors.reduce((n, a) => n + a.mentions.length, 0));
  assert.equal(before.times, r.extraction.times.length);
  assert.equal(await store.addReport({ ...r, id: 'another-id', path: 'copy.txt' }), 'unchanged');
  assert.deepEqual(await store.counts(), before);
  assert.equal(await store.hasHash(r.hash), true);
  assert.equal(await store.hasHash('0'.repeat(64)), false);
  await store.close();
});

test('a report reads back as it was stored', async () => {
  const store = SqliteStore.open(':memory:');
  const r = report(SHELLS, 'a');
  await store.addReport(r);
  const back = await store.getReport('a');
  assert.ok(back);
  const { ingestedAt, ...rest } = back;
  assert.match(ingestedAt ?? '', /^\d{4}-\d\d-\d\dT/);
  assert.deepEqual(rest, r);
  assert.equal(await store.getReport('missing'), null);
  await store.close();
});

test('reports are listed by publication date, undated last', async () => {
  const store = SqliteStore.open(':memory:');
  await store.addReport(report(SHELLS, 'late', '2024-06-01'));
  await store.addReport(report(OIL, 'early', '2023-01-09'));
  await store.addReport(report('Officials met in Vladivostok to discuss trade.', 'undated', null));
  assert.deepEqual((await store.listReports()).map((r) => r.id), ['early', 'late', 'undated']);
  await store.close();
});

test('new text under a known id replaces the report and all its old items', async () => {
  const store = SqliteStore.open(':memory:');
  await store.addReport(report(SHELLS, 'a'));
  const corrected = report(OIL, 'a');
  assert.equal(await store.addReport(corrected), 'updated');
  const counts = await store.counts();
  assert.equal(counts.reports, 1);
  assert.equal(counts.transfers, corrected.extraction.transfers.length);
  assert.equal(counts.actors, corrected.extraction.actors.length);
  assert.equal((await store.getReport('a'))?.text, OIL);
  assert.deepEqual(await store.search('artillery'), [], 'the old text left the search index');
  assert.deepEqual(await store.integrityCheck(), []);
  await store.close();
});

test('search finds words in the text and marks them in a snippet', async () => {
  const store = SqliteStore.open(':memory:');
  await store.addReport(report(SHELLS, 'a'));
  await store.addReport(report(OIL, 'b'));
  const hits = await store.search('barrels oil');
  assert.deepEqual(hits.map((h) => h.reportId), ['b']);
  const marked = hits[0].highlights.map((h) => hits[0].snippet.slice(h.start, h.end).toLowerCase());
  assert.deepEqual(marked.sort(), ['barrels', 'oil']);
  assert.deepEqual((await store.search('"North Korea"')).map((h) => h.reportId).sort(), ['a', 'b']);
  assert.deepEqual((await store.search('Pentagon OR barrels')).length, 2);
  assert.deepEqual((await store.search('U.S. NEAR(')).length, 0, 'FTS syntax in user words is only text');
  await store.close();
});

test('item tables answer SQL questions with spans into the text', async () => {
  const dir = tempDir();
  const path = join(dir, 'trawl.db');
  const store = SqliteStore.open(path);
  await store.addReport(report(SHELLS, 'a'));
  await store.close();
  const db = new Database(path, { readonly: true });
  const rows = db.prepare(`SELECT r.text, s.start, s."end" FROM transfers t JOIN spans s ON s.report_id = t.report_id AND s.item_kind = 'transfer' AND s.item_n = t.n
    JOIN reports r ON r.id = t.report_id WHERE t.from_actor = 'KP' AND t.to_actor = 'RU'`).all() as { text: string; start: number; end: number }[];
  assert.ok(rows.length > 0);
  assert.match(rows[0].text.slice(rows[0].start, rows[0].end), /shells/);
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

test('opening migrates a store once, keeps its data, and refuses one from a newer trawl', async () => {
  const dir = tempDir();
  const path = join(dir, 'sub', 'trawl.db');
  const store = SqliteStore.open(path);
  await store.addReport(report(OIL, 'b'));
  await store.close();
  const again = SqliteStore.open(path);
  assert.equal((await again.counts()).reports, 1);
  assert.deepEqual(await again.integrityCheck(), []);
  await again.close();
  const db = new Database(path);
  assert.equal(db.pragma('user_version', { simple: true }), MIGRATIONS.length);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
  db.close();
  assert.throws(() => SqliteStore.open(path), /newer trawl/);
  const notDb = join(dir, 'notes.db');
  writeFileSync(notDb, 'these are my notes, not a database\n'.repeat(200));
  assert.throws(() => SqliteStore.open(notDb), /cannot open the store .*notes\.db/);
  rmSync(dir, { recursive: true, force: true });
});

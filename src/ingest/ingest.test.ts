import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../store/sqlite-store.js';
import { minimalPdf } from '../test-support/pdf.js';
import { fixtureReport } from '../test-support/reports.js';
import { ingest } from './ingest.js';
import { createPool, type WorkerPool } from './pool.js';

let pool: WorkerPool;
test.before(() => { pool = createPool({ threads: 2 }); });
test.after(() => pool.close());

function folderOfEveryKind(): string {
  const dir = mkdtempSync(join(tmpdir(), 'trawl-ingest-'));
  mkdirSync(join(dir, 'nested', 'deeper'), { recursive: true });
  writeFileSync(join(dir, 'a.txt'), fixtureReport(1));
  writeFileSync(join(dir, 'b.md'), `# Trains at Tumangang\n\n${fixtureReport(2)}`);
  writeFileSync(join(dir, 'nested', 'c.html'), `<html><head><meta property="og:site_name" content="Harbor Wire"><meta name="date" content="2024-02-02"></head><body><article><p>${fixtureReport(3).split('\n\n').join('</p><p>')}</p></article></body></html>`);
  writeFileSync(join(dir, 'nested', 'deeper', 'd.json'), JSON.stringify({ id: 'wire-4', title: 'Wire', outlet: 'Wire Service', published: '2023-05-06', text: fixtureReport(4) }));
  writeFileSync(join(dir, 'nested', 'e.pdf'), minimalPdf(fixtureReport(5).split('\n\n'), { title: 'Brief', created: '2024-03-15' }));
  writeFileSync(join(dir, 'notes.csv'), 'not,a,report\n');
  writeFileSync(join(dir, '.hidden.txt'), fixtureReport(6));
  return dir;
}

test('every kind of file goes in; a second run finds them all unchanged and changes nothing', async () => {
  const dir = folderOfEveryKind();
  const storeDir = mkdtempSync(join(tmpdir(), 'trawl-db-'));
  const store = SqliteStore.open(join(storeDir, 'trawl.db'));
  const first = await ingest([dir], store, pool);
  assert.deepEqual(first.rejected, []);
  assert.equal(first.new.length, 5);
  assert.equal(first.skipped, 1, 'the CSV file is skipped, the hidden file is not even counted');
  const counts = await store.counts();
  assert.equal(counts.reports, 5);
  assert.ok(counts.transfers > 0 && counts.actors > 0 && counts.times > 0);
  const second = await ingest([dir], store, pool);
  assert.equal(second.new.length, 0);
  assert.equal(second.unchanged.length, 5);
  assert.deepEqual(await store.counts(), counts);
  assert.deepEqual(await store.integrityCheck(), []);
  const json = await store.getReport('wire-4');
  assert.equal(json?.outlet, 'Wire Service');
  assert.equal(json?.published, '2023-05-06');
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(storeDir, { recursive: true, force: true });
});

test('publication date: the document\'s own, else the one given, else an estimate marked as such', async () => {
  const dir = folderOfEveryKind();
  const store = SqliteStore.open(':memory:');
  await ingest([dir], store, pool, { published: '2024-09-09', outlet: 'Given Outlet' });
  const byPath = new Map((await store.listReports()).map((r) => [r.path.slice(dir.length + 1), r]));
  assert.deepEqual([byPath.get('nested/c.html')?.published, byPath.get('nested/c.html')?.outlet], ['2024-02-02', 'Harbor Wire']);
  assert.deepEqual([byPath.get('nested/e.pdf')?.published, byPath.get('nested/e.pdf')?.title], ['2024-03-15', 'Brief']);
  assert.deepEqual([byPath.get('a.txt')?.published, byPath.get('a.txt')?.publishedEstimated, byPath.get('a.txt')?.outlet], ['2024-09-09', false, 'Given Outlet']);
  await store.close();

  const estimating = SqliteStore.open(':memory:');
  writeFileSync(join(dir, 'dated.txt'), 'On Tuesday, March 5, 2024, officials in Seoul said that North Korea had sent shells to Russia a week earlier.');
  await ingest([join(dir, 'dated.txt')], estimating, pool);
  const [r] = await estimating.listReports();
  assert.equal(r.publishedEstimated, true);
  assert.match(r.published ?? '', /^2024-0[3-4]-\d\d$/);
  await estimating.close();
  rmSync(dir, { recursive: true, force: true });
});

test('bad files are rejected with their reasons, never stop the run and never write', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'trawl-bad-'));
  writeFileSync(join(dir, 'broken.pdf'), '%PDF-1.5\nnothing useful\n');
  writeFileSync(join(dir, 'list.json'), '["not", "a", "report"]');
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x65, 0x77, 0x73]));
  const store = SqliteStore.open(':memory:');
  await ingest([join(dir, '..', 'no-such-folder-for-trawl')], store, pool);
  const before = await store.counts();
  const result = await ingest([dir, join(dir, 'missing.txt')], store, pool);
  assert.deepEqual(result.rejected.map((r) => [r.path.slice(dir.length + 1), r.reason.split(' (')[0]]), [
    ['broken.pdf', 'is not a readable PDF'],
    ['empty.txt', 'is empty'],
    ['latin1.txt', 'is not valid UTF-8 text'],
    ['list.json', 'is JSON but not a report: a report file'],
    ['missing.txt', 'no such file or folder'],
  ]);
  assert.deepEqual(await store.counts(), before);
  assert.equal(before.reports, 0);
  // a good file beside bad ones still goes in
  writeFileSync(join(dir, 'good.txt'), fixtureReport(9));
  const mixed = await ingest([dir], store, pool);
  assert.equal(mixed.new.length, 1);
  assert.equal(mixed.rejected.length, 4);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the same text under two names is stored once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'trawl-dupe-'));
  writeFileSync(join(dir, 'one.txt'), fixtureReport(7));
  writeFileSync(join(dir, 'two.txt'), fixtureReport(7));
  const store = SqliteStore.open(':memory:');
  const result = await ingest([dir], store, pool);
  assert.equal(result.new.length, 1);
  assert.equal(result.unchanged.length, 1);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { OIL, SHELLS, extractedReport as report } from '../test-support/extracted-report.js';
import { SqliteStore } from './sqlite-store.js';
import { MIGRATIONS } from './sqlite-schema.js';
import { storeConformance } from './store-conformance.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'trawl-store-'));

storeConformance('sqlite', { open: async () => SqliteStore.open(':memory:') });

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

test('the integrity check finds a report whose items are missing', async () => {
  const dir = tempDir();
  const path = join(dir, 'trawl.db');
  const store = SqliteStore.open(path);
  await store.addReport(report(SHELLS, 'a'));
  const db = new Database(path);
  db.prepare("DELETE FROM transfers WHERE report_id = 'a'").run();
  db.close();
  const problems = await store.integrityCheck();
  assert.equal(problems.length, 1);
  assert.match(problems[0], /^report a: \d+ transfers in its extraction, 0 rows in transfers$/);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

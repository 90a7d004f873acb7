import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ledgerCommand } from './ledger.js';
import { readStoredReports } from './ledger-reports.js';
import { UsageError } from './errors.js';
import { openStore } from '../store/open.js';
import { loadLexicons } from '../node/lexicons.js';

const GOLD = join(dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/ledger/gold');

const run = async (paths: string[], opts: Record<string, unknown>): Promise<string> => {
  let out = '';
  await ledgerCommand(paths, { format: 'json', ...opts }, (s) => (out += s));
  return out;
};

test('the ledger read from the store is the ledger read from the same files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'trawl-ledger-'));
  try {
    const db = join(dir, 'store.db');
    const store = await openStore(db);
    for (const r of await readStoredReports([GOLD], loadLexicons())) await store.addReport(r);
    await store.close();
    const fromStore = JSON.parse(await run([], { db }));
    const fromFiles = JSON.parse(await run([GOLD], {}));
    assert.deepEqual(fromStore, fromFiles);
    const munitions = fromStore.entries.find((e: { from: string; to: string; category: string }) => e.from === 'KP' && e.to === 'RU' && e.category === 'munitions');
    assert.deepEqual(munitions.estimates.map((e: { report: string }) => e.report), ['led-b', 'led-a', 'led-a']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('filters: --from, --to, --category, --since', async () => {
  const keys = (json: string) => (JSON.parse(json).entries as { from: string; to: string; category: string }[]).map((e) => `${e.from}>${e.to}:${e.category}`).sort();
  assert.deepEqual(keys(await run([GOLD], { from: 'ru' })), ['RU>KP:energy', 'RU>KP:food']);
  assert.deepEqual(keys(await run([GOLD], { to: 'RU', category: 'troops' })), ['KP>RU:troops']);
  assert.deepEqual(keys(await run([GOLD], { since: '2024-05-01' })), ['KP>RU:troops', 'RU>KP:energy']);
  await assert.rejects(run([GOLD], { from: 'Russia' }), UsageError);
  await assert.rejects(run([GOLD], { since: 'May' }), UsageError);
  await assert.rejects(run([GOLD], { db: 'x.db' }), UsageError);
});

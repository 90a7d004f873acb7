import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { exportCommand } from './export.js';
import { briefCommand } from './brief.js';
import { UsageError } from './errors.js';

const GOLD = join(dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/ledger/gold');

test('export -o writes the file; every format from the same reports', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'trawl-export-'));
  try {
    const out = (f: string) => join(dir, `ledger.${f}`);
    for (const format of ['json', 'csv', 'ftm', 'geojson'] as const) await exportCommand([GOLD], { format, output: out(format) });
    const json = JSON.parse(readFileSync(out('json'), 'utf8'));
    assert.deepEqual(json.reports.map((r: { id: string }) => r.id), ['led-b', 'led-a', 'led-c']);
    const rows = parse(readFileSync(out('csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    assert.equal(rows.length, json.entries.reduce((n: number, e: { estimates: unknown[] }) => n + e.estimates.length, 0));
    const ftm = readFileSync(out('ftm'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { schema: string });
    assert.equal(ftm.filter((e) => e.schema === 'Article').length, 3);
    assert.equal(JSON.parse(readFileSync(out('geojson'), 'utf8')).type, 'FeatureCollection');
    await assert.rejects(exportCommand([GOLD], { format: 'csv', output: join(dir, 'no/such/folder/x.csv') }), UsageError);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('brief: the state named by --actor, a clear refusal for anything else', async () => {
  let md = '';
  await briefCommand([GOLD], { actor: 'kp' }, (s) => (md += s));
  assert.match(md, /^# Brief: North Korea \(KP\)/);
  assert.match(md, /## Flows from North Korea/);
  assert.match(md, /## Flows to North Korea/);
  await assert.rejects(briefCommand([GOLD], { actor: 'North Korea' }, () => {}), UsageError);
});

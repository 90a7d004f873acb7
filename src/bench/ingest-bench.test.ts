import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureReport } from '../test-support/reports.js';
import { postgresSkip, testPostgres } from '../test-support/postgres.js';
import { postgresBackend, renderIngestBench, runIngestBench, sqliteBackend } from './ingest-bench.js';

const texts = [1, 2].map((n) => ({ source: `f${n}.json`, text: fixtureReport(n), published: '2024-03-0' + n, words: 80 }));

test('the ingest bench stores every report of the folder it makes, and says how fast', async () => {
  const [f] = await runIngestBench({ texts, reports: 6, threads: 1 });
  assert.deepEqual([f.backend, f.reports, f.distinct, f.counts.reports, f.rejected], ['sqlite', 6, 6, 6, 0]);
  assert.ok(f.reportsPerSecond > 0 && f.peakRssMb > 0 && (f.storeMb ?? 0) > 0);
  const table = renderIngestBench([f], 2);
  assert.match(table, /^ingest of reports made from 2 corpus texts/);
  assert.match(table, /\nsqlite +6 +1 +\d/);
});

test('the ingest bench measures PostgreSQL beside SQLite and leaves nothing behind', { skip: postgresSkip }, async () => {
  const server = await testPostgres();
  try {
    const figures = await runIngestBench({ texts, reports: 4, threads: 1, backends: [sqliteBackend, postgresBackend(server.serverUrl)] });
    assert.deepEqual(figures.map((f) => [f.backend, f.counts.reports]), [['sqlite', 4], ['postgres', 4]]);
    const pg = await import('pg');
    const client = new pg.default.Client(server.serverUrl);
    await client.connect();
    const { rows } = await client.query("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'trawl_bench_%'");
    await client.end();
    assert.deepEqual(rows, [], 'the bench schema was dropped');
  } finally {
    await server.stop();
  }
});

// The crash bar: ingest killed with SIGKILL part-way leaves a sound store of whole reports,
// and the next run completes it; on SQLite, and on PostgreSQL when a server can be had.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openStore } from '../store/open.js';
import { fixtureReport } from '../test-support/reports.js';
import { postgresSkip, testPostgres } from '../test-support/postgres.js';

const CLI = fileURLToPath(new URL('../cli/main.js', import.meta.url));
const FILES = 150;

function reportsFolder(): { dir: string; reports: string } {
  const dir = mkdtempSync(join(tmpdir(), 'trawl-crash-'));
  const reports = join(dir, 'reports');
  mkdirSync(reports);
  for (let i = 0; i < FILES; i++) writeFileSync(join(reports, `r${String(i).padStart(3, '0')}.txt`), fixtureReport(i));
  return { dir, reports };
}

/** Starts ingest, kills it once `countStored` sees three reports, checks the store, reruns; returns how many were in at the kill. */
async function killPartWayThenRerun(reports: string, db: string, countStored: () => Promise<number>): Promise<void> {
  const child = spawn(process.execPath, [CLI, 'ingest', reports, '--db', db, '--jobs', '1'], { stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, signal) => done(signal)));
  let landed = 0;
  for (let waited = 0; waited < 60_000 && child.exitCode === null; waited += 20) {
    landed = await countStored();
    if (landed >= 3) break;
    await sleep(20);
  }
  child.kill('SIGKILL');
  assert.equal(await exited, 'SIGKILL', 'ingest was still running when killed');
  assert.ok(landed >= 3, 'the first reports had landed before the kill');

  const store = await openStore(db);
  assert.deepEqual(await store.integrityCheck(), [], 'no report without its items, no dangling item');
  const partial = (await store.counts()).reports;
  await store.close();
  assert.ok(partial >= landed && partial < FILES, `killed part-way: ${partial} of ${FILES} stored`);

  const rerun = spawnSync(process.execPath, [CLI, 'ingest', reports, '--db', db, '--format', 'json'], { encoding: 'utf8' });
  assert.equal(rerun.status, 0, rerun.stderr);
  const summary = JSON.parse(rerun.stdout);
  assert.deepEqual([summary.unchanged, summary.new, summary.rejected.length], [partial, FILES - partial, 0]);
  assert.equal(summary.counts.reports, FILES);
  const after = await openStore(db);
  assert.deepEqual(await after.integrityCheck(), []);
  await after.close();
}

test('SIGKILL part-way through ingest into SQLite leaves whole reports only, and a rerun completes the store', async () => {
  const { dir, reports } = reportsFolder();
  const db = join(dir, 'trawl.db');
  const count = async () => {
    if (!existsSync(db)) return 0;
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return conn.prepare('SELECT count(*) FROM reports').pluck().get() as number;
    } catch {
      return 0; // the schema is not there yet
    } finally {
      conn.close();
    }
  };
  await killPartWayThenRerun(reports, db, async () => {
    const n = await count();
    if (n >= 3) {
      const raw = new Database(db, { readonly: true });
      assert.equal(raw.pragma('integrity_check', { simple: true }), 'ok');
      raw.close();
    }
    return n;
  });
  const raw = new Database(db, { readonly: true });
  assert.equal(raw.pragma('integrity_check', { simple: true }), 'ok');
  raw.close();
  rmSync(dir, { recursive: true, force: true });
});

test('SIGKILL part-way through ingest into PostgreSQL leaves whole reports only, and a rerun completes the store', { skip: postgresSkip }, async () => {
  const server = await testPostgres();
  const { dir, reports } = reportsFolder();
  const client = new pg.Client(server.url);
  try {
    await client.connect();
    await killPartWayThenRerun(reports, server.url, async () => {
      try {
        return Number((await client.query('SELECT count(*) AS n FROM reports')).rows[0].n);
      } catch {
        return 0; // the schema is not there yet
      }
    });
  } finally {
    await client.end();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

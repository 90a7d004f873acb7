// `trawl ingest` and `trawl search` as a user runs them: the built CLI in a child process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixtureReport } from '../test-support/reports.js';
import { postgresSkip, testPostgres } from '../test-support/postgres.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli/main.js');
const CORPUS = join(ROOT, '../shared/corpus');
const tmp = mkdtempSync(join(tmpdir(), 'trawl-ingest-cli-'));
test.after(() => rmSync(tmp, { recursive: true, force: true }));

function trawl(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, TRAWL_DB: '', ...env }, maxBuffer: 1 << 26 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function folder(name: string, files: Record<string, string>): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
  return dir;
}

test('ingest twice: the second run finds every report unchanged and the counts stay the same', () => {
  const dir = folder('twice', { 'a.txt': fixtureReport(1), 'b.md': fixtureReport(2), 'c.json': JSON.stringify({ id: 'c', text: fixtureReport(3), published: '2024-01-02' }) });
  const db = join(tmp, 'twice.db');
  const first = trawl(['ingest', dir, '--db', db, '--format', 'json']);
  assert.equal(first.code, 0, first.err);
  const one = JSON.parse(first.out);
  assert.deepEqual([one.new, one.unchanged, one.rejected], [3, 0, []]);
  const second = trawl(['ingest', dir, '--db', db, '--format', 'json']);
  const two = JSON.parse(second.out);
  assert.deepEqual([two.new, two.unchanged], [0, 3]);
  assert.deepEqual(two.counts, one.counts);
  const text = trawl(['ingest', dir, '--db', db]);
  assert.match(text.out, /^3 files in .* into .*twice\.db\n {2}new {8}0\n {2}updated {4}0\n {2}unchanged {2}3\n {2}rejected {3}0\nstore: 3 reports, /);
});

test('the store path comes from --db, else TRAWL_DB', () => {
  const dir = folder('env', { 'a.txt': fixtureReport(4) });
  const db = join(tmp, 'from-env', 'trawl.db');
  const r = trawl(['ingest', dir], { TRAWL_DB: db });
  assert.equal(r.code, 0, r.err);
  assert.ok(existsSync(db), 'the folder and the file were made');
  assert.match(r.out, /from-env\/trawl\.db/);
});

test('when every file is refused the summary says why and the exit code is 2', () => {
  const dir = folder('bad', { 'x.json': '{"title": "no text"}', 'y.txt': '   \n' });
  const r = trawl(['ingest', dir, '--db', join(tmp, 'bad.db')]);
  assert.equal(r.code, 2);
  assert.match(r.out, /rejected {3}2\n.*x\.json: is JSON but not a report.*\n.*y\.txt: has no text/);
  const mixed = trawl(['ingest', dir, join(tmp, 'twice', 'a.txt'), '--db', join(tmp, 'bad.db')]);
  assert.equal(mixed.code, 0, 'a run that stored something succeeds, with its rejections listed');
});

test('usage errors: a wrong date, a wrong --jobs, no report files', () => {
  const dir = folder('usage', { 'a.txt': fixtureReport(5), 'b.csv': 'x,y\n' });
  const db = join(tmp, 'usage.db');
  assert.match(trawl(['ingest', dir, '--db', db, '--published', '2024-02-30']).err, /^trawl: --published must be a date YYYY-MM-DD/);
  const jobs = trawl(['ingest', dir, '--db', db, '--jobs', 'many']);
  assert.deepEqual([jobs.code, jobs.err], [2, 'trawl: --jobs must be a whole number of threads from 1, not "many"\n']);
  assert.equal(trawl(['ingest', dir, '--db', db, '--jobs', '1']).code, 0, 'the folder has a text file beside the CSV');
  const empty = folder('empty', { 'notes.csv': 'x\n' });
  const r = trawl(['ingest', empty, '--db', db]);
  assert.equal(r.code, 2);
  assert.match(r.err, /no report files in .*empty/);
});

test('search lists matching reports with the words marked, and refuses what it cannot read', () => {
  const dir = folder('search', { 'a.txt': 'Rail cars loaded with grain crossed the Tumangang bridge into North Korea in May.', 'b.txt': fixtureReport(6) });
  const db = join(tmp, 'search.db');
  assert.equal(trawl(['ingest', dir, '--db', db]).code, 0);
  const r = trawl(['search', 'grain', 'bridge', '--db', db]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^r-[0-9a-f]{16} {2}\S+ {2}Rail cars .*\n {2}.*\[grain\].*\[bridge\]/);
  const json = JSON.parse(trawl(['search', 'U.S.', 'OR', 'Pentagon', '--db', db, '--format', 'json']).out);
  assert.equal(json.hits.length, 1);
  assert.equal(trawl(['search', 'nothing-like-this', '--db', db]).out, 'no report matches\n');
  assert.deepEqual(trawl(['search', '"grain', '--db', db]).err, 'trawl: a phrase opened with " is not closed\n');
  const missing = trawl(['search', 'grain', '--db', join(tmp, 'nowhere.db')]);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /there is no store at .*nowhere\.db yet: ingest reports first/);
  assert.equal(existsSync(join(tmp, 'nowhere.db')), false, 'search made no empty store');
});

test('ingest --help teaches: inputs, idempotence, dates, exit status, examples', () => {
  const help = trawl(['ingest', '--help']).out;
  for (const part of ['.pdf', 'SHA-256', '--published', 'Exit status', 'Examples:', 'TRAWL_DB']) assert.ok(help.includes(part), part);
});

test('the shared corpus ingested twice leaves identical counts', { skip: !existsSync(CORPUS) && 'needs ../shared/corpus beside the project' }, () => {
  const db = join(tmp, 'corpus.db');
  const first = JSON.parse(trawl(['ingest', CORPUS, '--db', db, '--format', 'json']).out);
  const second = JSON.parse(trawl(['ingest', CORPUS, '--db', db, '--format', 'json']).out);
  assert.deepEqual(first.rejected, []);
  assert.equal(first.new, first.files);
  assert.deepEqual([second.new, second.updated, second.unchanged], [0, 0, first.files]);
  assert.deepEqual(second.counts, first.counts);
});

test('ingest and search work the same against PostgreSQL', { skip: postgresSkip }, async () => {
  const server = await testPostgres();
  try {
    const dir = folder('pg', { 'a.txt': fixtureReport(11), 'b.json': JSON.stringify({ id: 'pg-b', text: fixtureReport(12), published: '2023-03-04' }) });
    const first = trawl(['ingest', dir, '--db', server.url, '--format', 'json']);
    assert.equal(first.code, 0, first.err);
    const second = JSON.parse(trawl(['ingest', dir, '--db', server.url, '--format', 'json']).out);
    assert.deepEqual([JSON.parse(first.out).new, second.unchanged], [2, 2]);
    assert.deepEqual(second.counts, JSON.parse(first.out).counts);
    assert.doesNotMatch(first.out, /"store": "postgres:\/\/[^"]*:[^"@]*@/, 'no password in the summary');
    const hits = JSON.parse(trawl(['search', 'freight', 'trains', '--db', server.url, '--format', 'json']).out).hits;
    assert.equal(hits.length, 2);
  } finally {
    await server.stop();
  }
});

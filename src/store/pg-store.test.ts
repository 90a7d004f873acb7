import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { SHELLS, OIL, extractedReport as report } from '../test-support/extracted-report.js';
import { postgresSkip, testPostgres, type TestPostgres } from '../test-support/postgres.js';
import { openStore } from './open.js';
import { PgStore, redactUrl } from './pg-store.js';
import { PG_MIGRATIONS } from './pg-schema.js';
import { storeConformance } from './store-conformance.js';

let server: TestPostgres | undefined;
let schemas = 0;
const url = () => {
  if (!server) throw new Error('the PostgreSQL server did not start');
  return server.serverUrl;
};
const made: string[] = [];
// every test gets a schema of its own: a fresh, empty store on the one server
const freshSchema = () => {
  made.push(`trawl_test_${process.pid}_${++schemas}`);
  return made[made.length - 1];
};

test.before(async () => { if (!postgresSkip) server = await testPostgres(); });
test.after(async () => {
  if (!server) return;
  // a given server keeps running: leave nothing on it
  const client = new pg.Client(server.serverUrl);
  await client.connect();
  for (const schema of made) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
  await server.stop();
});

storeConformance('postgres', { open: () => PgStore.open(url(), { schema: freshSchema() }), skip: postgresSkip });

test('postgres: the same SQL question works as on SQLite: transfers with their spans', { skip: postgresSkip }, async () => {
  const schema = freshSchema();
  const store = await PgStore.open(url(), { schema });
  await store.addReport(report(SHELLS, 'a'));
  const client = new pg.Client({ connectionString: url(), options: `-c search_path=${schema}` });
  await client.connect();
  const { rows } = await client.query(`SELECT r.text, s.start, s."end" FROM transfers t JOIN spans s ON s.report_id = t.report_id AND s.item_kind = 'transfer' AND s.item_n = t.n
    JOIN reports r ON r.id = t.report_id WHERE t.from_actor = 'KP' AND t.to_actor = 'RU'`);
  assert.ok(rows.length > 0);
  assert.match(rows[0].text.slice(rows[0].start, rows[0].end), /shells/);
  await client.end();
  await store.close();
});

test('postgres: two writers adding the same text store it once', { skip: postgresSkip }, async () => {
  const schema = freshSchema();
  const one = await PgStore.open(url(), { schema });
  const two = await PgStore.open(url(), { schema });
  const r = report(OIL, 'b');
  const outcomes = await Promise.all([one.addReport(r), two.addReport({ ...r, id: 'b2' })]);
  assert.deepEqual(outcomes.sort(), ['new', 'unchanged']);
  assert.equal((await one.counts()).reports, 1);
  assert.deepEqual(await one.integrityCheck(), []);
  await one.close();
  await two.close();
});

test('postgres: opening migrates once and refuses a store from a newer trawl', { skip: postgresSkip }, async () => {
  const schema = freshSchema();
  await (await PgStore.open(url(), { schema })).close();
  const again = await PgStore.open(url(), { schema });
  await again.close();
  const client = new pg.Client({ connectionString: url(), options: `-c search_path=${schema}` });
  await client.connect();
  assert.equal((await client.query('SELECT max(version) AS v FROM schema_migrations')).rows[0].v, PG_MIGRATIONS.length);
  await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [PG_MIGRATIONS.length + 1]);
  await client.end();
  await assert.rejects(PgStore.open(url(), { schema }), /newer trawl/);
});

test('postgres: a postgres:// location opens the PostgreSQL store; a dead server is a clear error', { skip: postgresSkip }, async () => {
  const store = await openStore(server!.url);
  assert.ok(store instanceof PgStore);
  await store.close();
  await assert.rejects(openStore('postgres://nobody:secret@127.0.0.1:1/none'), (e: Error) => /^cannot open the store postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none: /.test(e.message) && !e.message.includes('secret'));
});

test('connection strings lose their password in messages', () => {
  assert.equal(redactUrl('postgres://u:pw@db.example:5432/trawl'), 'postgres://u:***@db.example:5432/trawl');
  assert.equal(redactUrl('postgresql://db.example/trawl'), 'postgresql://db.example/trawl');
});

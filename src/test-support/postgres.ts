// A PostgreSQL store for tests: on $TRAWL_TEST_POSTGRES (a connection string) when set, else on
// a throwaway server started from the local binaries; tests skip, saying why, when neither
// exists. Each one gets a schema of its own, so a given server's other tables are never touched.
import pg from 'pg';
import { postgresBinDir, startThrowawayPostgres } from '../store/pg-throwaway.js';

export const postgresSkip: string | false = process.env.TRAWL_TEST_POSTGRES || postgresBinDir()
  ? false
  : 'needs PostgreSQL: install the server (Debian: apt-get install postgresql) or set TRAWL_TEST_POSTGRES=postgres://…';

export interface TestPostgres {
  /** Connection string whose search_path is a fresh schema: what `--db` gets. */
  url: string;
  /** The server itself, for tests that make their own schemas. */
  serverUrl: string;
  stop(): Promise<void>;
}

let made = 0;

export async function testPostgres(): Promise<TestPostgres> {
  const given = process.env.TRAWL_TEST_POSTGRES;
  const server = given ? undefined : await startThrowawayPostgres();
  const serverUrl = given ?? server!.url;
  const schema = `trawl_test_${process.pid}_${Date.now()}_${++made}`;
  const admin = new pg.Client(serverUrl);
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = `${serverUrl}${serverUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    url,
    serverUrl,
    async stop() {
      if (server) { await server.stop(); return; }
      const client = new pg.Client(serverUrl);
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

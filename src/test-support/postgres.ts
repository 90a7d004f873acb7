// A PostgreSQL server for tests: $TRAWL_TEST_POSTGRES (a connection string) when set, else a
// throwaway server started from the local binaries; tests skip, saying why, when neither exists.
import { postgresBinDir, startThrowawayPostgres } from '../store/pg-throwaway.js';

export const postgresSkip: string | false = process.env.TRAWL_TEST_POSTGRES || postgresBinDir()
  ? false
  : 'needs PostgreSQL: install the server (Debian: apt-get install postgresql) or set TRAWL_TEST_POSTGRES=postgres://…';

export async function testPostgres(): Promise<{ url: string; stop(): Promise<void> }> {
  const given = process.env.TRAWL_TEST_POSTGRES;
  return given ? { url: given, stop: async () => {} } : startThrowawayPostgres();
}

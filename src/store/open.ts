// Opens the store a location names: a postgres:// (or postgresql://) connection string opens
// the PostgreSQL backend, anything else is the path of a SQLite file.
import { existsSync } from 'node:fs';
import { SqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';
import { StoreError } from './store.js';

export interface OpenOptions {
  /** False for commands that only read: a missing SQLite file is an error, not a new empty store. */
  create?: boolean;
}

export const isPostgresUrl = (location: string): boolean => /^postgres(?:ql)?:\/\//i.test(location);

export async function openStore(location: string, opts: OpenOptions = {}): Promise<Store> {
  if (isPostgresUrl(location)) {
    // loaded only when asked for: SQLite users never load the PostgreSQL client
    const { PgStore } = await import('./pg-store.js');
    return PgStore.open(location);
  }
  if (opts.create === false && location !== ':memory:' && !existsSync(location)) {
    throw new StoreError(`there is no store at ${location} yet: ingest reports first (trawl ingest PATH...), or point --db / TRAWL_DB at one`);
  }
  return SqliteStore.open(location);
}

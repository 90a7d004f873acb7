// Opens the store a location names. Only SQLite files today; a postgres:// location is where
// the PostgreSQL backend of the same Store interface plugs in.
import { existsSync } from 'node:fs';
import { SqliteStore } from './sqlite-store.js';
import { type Store, StoreError } from './store.js';

export interface OpenOptions {
  /** False for commands that only read: a missing store is an error, not a new empty file. */
  create?: boolean;
}

export async function openStore(location: string, opts: OpenOptions = {}): Promise<Store> {
  if (/^postgres(?:ql)?:\/\//i.test(location)) {
    throw new StoreError('PostgreSQL stores are not supported yet: give a file path to --db (or TRAWL_DB)');
  }
  if (opts.create === false && location !== ':memory:' && !existsSync(location)) {
    throw new StoreError(`there is no store at ${location} yet: ingest reports first (trawl ingest PATH...), or point --db / TRAWL_DB at one`);
  }
  return SqliteStore.open(location);
}

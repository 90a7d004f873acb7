// Opens the store a location names. Only SQLite files today; a postgres:// location is where
// the PostgreSQL backend of the same Store interface will plug in.
import { SqliteStore } from './sqlite-store.js';
import { type Store, StoreError } from './store.js';

export async function openStore(location: string): Promise<Store> {
  if (/^postgres(?:ql)?:\/\//i.test(location)) {
    throw new StoreError('PostgreSQL stores are not supported yet: give a file path to --db (or TRAWL_DB)');
  }
  return SqliteStore.open(location);
}

// Where the store lives: --db, else TRAWL_DB, else trawl.db in the user's data folder
// (XDG_DATA_HOME or ~/.local/share/trawl on Linux, the platform's equivalent elsewhere, by env-paths).
import envPaths from 'env-paths';
import { join } from 'node:path';

export function defaultStorePath(): string {
  return join(envPaths('trawl', { suffix: '' }).data, 'trawl.db');
}

export function storeLocation(given?: string, env: NodeJS.ProcessEnv = process.env): string {
  return given || env.TRAWL_DB || defaultStorePath();
}

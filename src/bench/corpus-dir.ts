// Which folder `trawl bench` reads when none is given: the shared annotated corpus beside the
// project, else the project's bundled examples (with a note saying so).
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder: this module sits in dist/bench/ (or src/bench/). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BenchDir {
  dir: string;
  /** Set when the shared corpus was missing and the examples stand in for it: where it was looked for. */
  corpusMissing?: string[];
}

export function isDir(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** The folder to read; a given folder is returned as is (the caller checks it exists). */
export function resolveBenchDir(given: string | undefined, cwd = process.cwd(), root = PROJECT_ROOT): BenchDir {
  if (given !== undefined) return { dir: resolve(cwd, given) };
  const candidates = [resolve(cwd, '../shared/corpus'), resolve(root, '../shared/corpus')];
  const found = candidates.find(isDir);
  if (found) return { dir: found };
  return { dir: resolve(root, 'examples'), corpusMissing: [...new Set(candidates)] };
}

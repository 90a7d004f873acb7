// The files an ingest run reads: named files as given, folders walked recursively for the
// kinds of report trawl reads. Hidden files and folders are left out, and symbolic links to
// folders are not followed (no loops); the list is sorted so runs are repeatable.
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

export const REPORT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml', '.json', '.pdf']);

export interface Collected {
  files: string[];
  /** Named paths that do not exist or cannot be read, with the reason. */
  missing: { path: string; reason: string }[];
  /** Files in walked folders that are of no kind trawl reads. */
  skipped: number;
}

export function collectFiles(paths: string[]): Collected {
  const files: string[] = [];
  const missing: Collected['missing'] = [];
  let skipped = 0;
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.isFile() || (e.isSymbolicLink() && isFile(path))) {
        if (REPORT_EXTENSIONS.has(extname(e.name).toLowerCase())) files.push(path);
        else skipped++;
      }
    }
  };
  for (const path of paths) {
    try {
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      missing.push({ path, reason: code === 'ENOENT' ? 'no such file or folder' : `cannot read (${code ?? (e as Error).message})` });
    }
  }
  return { files: [...new Set(files)], missing, skipped };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

// Reports read straight from files, extracted in this process, as StoredReport: what fusion,
// briefs and exports read when no store is given. FORMAT.md JSON files keep their own id,
// title, outlet and date; text, Markdown and HTML files get an id from their content hash.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { runPipeline } from '../core/pipeline.js';
import { toExtraction } from '../core/output/extraction.js';
import type { StoredReport } from '../core/output/stored-report.js';
import type { Lexicons } from '../core/lexicons.js';
import { decodeReport, InputError, readReport, reportFromText } from './input.js';

const READABLE = /\.(json|txt|md|markdown|html?|xhtml)$/i;

/** The report files under the given paths: files as given, folders searched recursively, sorted. */
export function reportPaths(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string, top: boolean): void => {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new InputError(p, 'no such file or folder');
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (!name.startsWith('.')) walk(join(p, name), false);
    } else if (top || READABLE.test(p)) {
      out.push(p);
    }
  };
  for (const p of paths) walk(p, true);
  return out;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** One file as a StoredReport, extracted now. `published` applies to files that carry no date. */
export async function readStoredReport(path: string, lexicons: Lexicons, published?: string): Promise<StoredReport> {
  if (/\.json$/i.test(path)) {
    let data: Record<string, unknown>;
    try {
      data = JSON.parse(decodeReport(readFileSync(path), path)) as Record<string, unknown>;
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(path, `not valid JSON (${(e as Error).message})`);
    }
    if (typeof data.text !== 'string') throw new InputError(path, 'a JSON report needs a "text" string (corpus/FORMAT.md)');
    const input = await reportFromText(decodeReport(Buffer.from(data.text, 'utf8'), path), path);
    const given = typeof data.published === 'string' ? data.published : published ?? null;
    const { doc } = runPipeline(input.text, given, { lexicons });
    const hash = sha256(input.text);
    return {
      id: typeof data.id === 'string' ? data.id : hash.slice(0, 12),
      hash, path,
      title: typeof data.title === 'string' ? data.title : null,
      outlet: typeof data.outlet === 'string' ? data.outlet : null,
      published: given ?? doc.layers.dating?.estimate?.value ?? null,
      publishedEstimated: !given,
      text: input.text,
      extraction: toExtraction(doc),
    };
  }
  const report = await readReport(path);
  const given = report.published ?? published ?? null;
  const { doc } = runPipeline(report.text, given, { lexicons });
  const hash = sha256(report.text);
  return {
    id: hash.slice(0, 12), hash, path,
    title: report.title ?? basename(path),
    outlet: null,
    published: given ?? doc.layers.dating?.estimate?.value ?? null,
    publishedEstimated: !given,
    text: report.text,
    extraction: toExtraction(doc),
  };
}

/** Every report under the paths, extracted in this process. */
export async function readStoredReports(paths: string[], lexicons: Lexicons, published?: string): Promise<StoredReport[]> {
  const out: StoredReport[] = [];
  for (const p of reportPaths(paths)) out.push(await readStoredReport(p, lexicons, published));
  return out;
}

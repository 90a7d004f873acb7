// One posted document into the store, the way `trawl ingest` reads a file: the same readers
// (text, Markdown, HTML, PDF, FORMAT.md JSON), the same hash and id, the same dating.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { runPipeline } from '../core/pipeline.js';
import { toExtraction } from '../core/output/extraction.js';
import type { StoredReport } from '../core/output/stored-report.js';
import { hashText, idForHash, toStoredReport } from '../ingest/ingest.js';
import { isDay, readDocument } from '../ingest/read-document.js';
import { InputError } from '../node/input.js';
import { loadLexicons } from '../node/lexicons.js';
import type { AddOutcome, Store } from '../store/store.js';

export interface PostedDocument {
  /** File name or a label; its extension tells the format. */
  name: string;
  /** The document as text, or `base64` for binary files (PDF). */
  text?: string;
  base64?: string;
  /** For documents whose own metadata gives none; absent: estimated from the text. */
  published?: string | null;
  outlet?: string | null;
  title?: string | null;
}

export interface Ingested {
  id: string;
  status: AddOutcome;
  report: StoredReport | null;
}

/** A file name safe to write in a folder of our own: no folders, no odd characters. */
const safeName = (name: string): string => basename(name).replace(/[^\w.\- ]/g, '_').slice(-120) || 'pasted.txt';

export async function ingestPosted(store: Store, posted: PostedDocument): Promise<Ingested> {
  const name = safeName(posted.name);
  if (posted.published && !isDay(posted.published)) throw new InputError(name, `published must be a date YYYY-MM-DD, not "${posted.published}"`);
  const bytes = posted.base64 !== undefined ? Buffer.from(posted.base64, 'base64') : Buffer.from(posted.text ?? '', 'utf8');
  // The readers work on files: the document goes through a private temporary folder.
  const dir = mkdtempSync(join(tmpdir(), 'trawl-upload-'));
  let doc;
  try {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    doc = { ...(await readDocument(path)), path: name };
  } catch (e) {
    if (e instanceof InputError) throw new InputError(name, e.message);
    throw e;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (posted.title) doc.title = posted.title;
  const hash = hashText(doc.text);
  if (await store.hasHash(hash)) return { id: doc.id ?? idForHash(hash), status: 'unchanged', report: null };
  const published = doc.published ?? posted.published ?? null;
  const extraction = toExtraction(runPipeline(doc.text, published, { lexicons: loadLexicons() }).doc);
  const report = { ...toStoredReport(doc, hash, extraction, { published: posted.published ?? null, outlet: posted.outlet ?? null }), path: `upload/${name}` };
  return { id: report.id, status: await store.addReport(report), report };
}

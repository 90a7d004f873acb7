// One posted document to a StoredReport: a corpus/FORMAT.md JSON file (its id, text, date,
// title, outlet), HTML (article text and metadata), Markdown or plain text; then extraction.
import { createHash } from 'node:crypto';
import { runPipeline } from '../core/pipeline.js';
import { toExtraction } from '../core/output/extraction.js';
import type { StoredReport } from '../core/output/stored-report.js';
import { loadLexicons } from '../node/lexicons.js';
import { InputError, reportFromText } from '../node/input.js';

export interface PostedDocument {
  /** File name or a label; its extension tells the format. */
  name: string;
  text: string;
  /** ISO day; absent: from the document, else estimated. */
  published?: string | null;
  outlet?: string | null;
  title?: string | null;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

interface CorpusJson { id?: unknown; text?: unknown; published?: unknown; title?: unknown; outlet?: unknown }

function fromCorpusJson(doc: PostedDocument): PostedDocument & { id?: string } {
  let parsed: CorpusJson;
  try {
    parsed = JSON.parse(doc.text) as CorpusJson;
  } catch {
    throw new InputError(doc.name, 'is not valid JSON');
  }
  if (!parsed || typeof parsed.text !== 'string') throw new InputError(doc.name, 'is JSON without a "text" field (corpus/FORMAT.md shape expected)');
  return {
    name: doc.name,
    text: parsed.text,
    published: doc.published ?? (typeof parsed.published === 'string' ? parsed.published : null),
    title: doc.title ?? (typeof parsed.title === 'string' ? parsed.title : null),
    outlet: doc.outlet ?? (typeof parsed.outlet === 'string' ? parsed.outlet : null),
    ...(typeof parsed.id === 'string' && parsed.id ? { id: parsed.id } : {}),
  };
}

export async function toStoredReport(posted: PostedDocument): Promise<StoredReport> {
  if (posted.published && !ISO_DAY.test(posted.published)) throw new InputError(posted.name, `published must be YYYY-MM-DD, not "${posted.published}"`);
  if (!posted.text.trim()) throw new InputError(posted.name, 'has no text');
  const doc = posted.name.toLowerCase().endsWith('.json') ? fromCorpusJson(posted) : posted;
  const report = await reportFromText(doc.text, doc.name, doc.name);
  const given = doc.published ?? report.published ?? null;
  const { doc: annotated } = runPipeline(report.text, given, { lexicons: loadLexicons() });
  const extraction = toExtraction(annotated);
  const hash = createHash('sha256').update(report.text).digest('hex');
  const estimated = extraction.publishedEstimate?.value ?? null;
  const firstLine = report.text.trim().split('\n', 1)[0].trim();
  return {
    id: ('id' in doc && typeof doc.id === 'string' && doc.id) || `r-${hash.slice(0, 12)}`,
    hash,
    path: doc.name,
    title: doc.title ?? report.title ?? (firstLine.length <= 160 ? firstLine : `${firstLine.slice(0, 157)}…`),
    outlet: doc.outlet ?? null,
    published: given ?? estimated,
    publishedEstimated: !given && estimated !== null,
    text: report.text,
    extraction,
  };
}

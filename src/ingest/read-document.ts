// One file to the document ingest stores: its text (what extraction runs on), and what the file
// itself says about it (title, outlet, publication date, for FORMAT.md JSON files their id).
// Anything that is not a report is refused with an InputError that says why.
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { decodeReport, InputError, MAX_INPUT_BYTES, readReport, reportFromText } from '../node/input.js';
import { pdfToText } from './pdf.js';

export interface IngestDocument {
  path: string;
  text: string;
  title: string | null;
  outlet: string | null;
  /** The publication date the document's own metadata gives, if any. */
  published: string | null;
  /** A FORMAT.md file's `id`. */
  id: string | null;
}

/** PDFs carry images and fonts: they may be larger than a text report. */
const MAX_PDF_BYTES = 100 * 1024 * 1024;

export function isDay(value: unknown): value is string {
  const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

const nonEmpty = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** A short first line reads as a title for formats that have no title field. */
function firstLine(text: string): string | null {
  const line = /^\s*([^\n]*)/.exec(text.slice(0, 400))?.[1].trim() ?? '';
  return line && line.length <= 200 ? line : null;
}

function readBytes(path: string, limit: number): Buffer {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(path, code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? (e as Error).message})`);
  }
  if (size > limit) throw new InputError(path, `is ${(size / 1048576).toFixed(1)} MB; files over ${limit / 1048576} MB are refused`);
  return readFileSync(path);
}

/** A PDF whatever its name says: the file starts with the PDF signature. */
function startsAsPdf(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(5);
    return readSync(fd, head, 0, 5, 0) === 5 && head.toString('latin1') === '%PDF-';
  } catch {
    return false; // readReport words the error
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

async function readJsonReport(path: string): Promise<IngestDocument> {
  const raw = decodeReport(readBytes(path, MAX_INPUT_BYTES), path);
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    throw new InputError(path, `is not valid JSON (${(e as Error).message})`);
  }
  const r = data as Record<string, unknown> | null;
  if (!r || typeof r !== 'object' || Array.isArray(r) || typeof r.text !== 'string') {
    throw new InputError(path, 'is JSON but not a report: a report file (corpus/FORMAT.md) is an object with a "text" string');
  }
  if (r.published != null && !isDay(r.published)) throw new InputError(path, `has "published": ${JSON.stringify(r.published)}; it must be a date YYYY-MM-DD or null`);
  // the same decoding and checks as a text file, so a text trawl would refuse as a file is refused here too
  const report = await reportFromText(decodeReport(Buffer.from(r.text, 'utf8'), path), path);
  return {
    path,
    text: report.text,
    title: nonEmpty(r.title) ?? firstLine(report.text),
    outlet: nonEmpty(r.outlet) ?? nonEmpty(r.source),
    published: isDay(r.published) ? r.published : null,
    id: nonEmpty(r.id),
  };
}

async function readPdf(path: string, bytes: Buffer): Promise<IngestDocument> {
  const pdf = await pdfToText(new Uint8Array(bytes), path);
  const report = await reportFromText(decodeReport(Buffer.from(pdf.text, 'utf8'), path), path);
  return { path, text: report.text, title: pdf.title ?? firstLine(report.text), outlet: null, published: pdf.created ?? null, id: null };
}

export async function readDocument(path: string): Promise<IngestDocument> {
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return readJsonReport(path);
  if (ext === '.pdf' || startsAsPdf(path)) return readPdf(path, readBytes(path, MAX_PDF_BYTES));
  const report = await readReport(path);
  return {
    path,
    text: report.text,
    title: nonEmpty(report.title) ?? firstLine(report.text),
    outlet: nonEmpty(report.outlet),
    published: isDay(report.published) ? report.published : null,
    id: null,
  };
}

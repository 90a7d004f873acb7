// Reading one report from a file or standard input, with a clear refusal for input that is
// not a report: missing, empty, binary, not UTF-8, too large, or HTML without text.
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { markdownToText } from './markdown.js';

export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** Bad input: the CLI prints `trawl: <source>: <message>` and exits with 2. */
export class InputError extends Error {
  constructor(readonly source: string, message: string) {
    super(message);
  }
}

export type InputFormat = 'text' | 'markdown' | 'html';

export interface Report {
  source: string;
  format: InputFormat;
  /** The text extraction runs on (for HTML: the article text; for Markdown: markup blanked out, offsets kept). */
  text: string;
  /** Publication date found in the document's own metadata, if any. */
  published?: string;
  title?: string;
  /** The outlet named in the document's own metadata (HTML og:site_name and the like), if any. */
  outlet?: string;
}

function readBytes(path: string): Buffer {
  if (path === '-') {
    try {
      return readFileSync(0);
    } catch (e) {
      throw new InputError('stdin', `cannot read standard input (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  }
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError(path, 'is a folder, not a report file');
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(path, code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? (e as Error).message})`);
  }
  if (size > MAX_INPUT_BYTES) throw new InputError(path, `is ${(size / 1048576).toFixed(1)} MB; reports over 20 MB are refused`);
  return readFileSync(path);
}

export function detectFormat(path: string, text: string): InputFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  if (/^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text.slice(0, 2048))) return 'html';
  return 'text';
}

/** Decodes and checks bytes; `source` names them in messages. */
export function decodeReport(bytes: Buffer, source: string): string {
  if (bytes.length > MAX_INPUT_BYTES) throw new InputError(source, `is ${(bytes.length / 1048576).toFixed(1)} MB; reports over 20 MB are refused`);
  if (bytes.length === 0) throw new InputError(source, 'is empty');
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) throw new InputError(source, 'looks binary (it contains NUL bytes), not a text, Markdown or HTML report');
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') throw new InputError(source, 'is a PDF; extract reads text, Markdown or HTML (PDF comes with ingest)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(source, 'is not valid UTF-8 text (convert it first, e.g. iconv -f latin1 -t utf-8)');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let control = 0;
  for (let i = 0; i < Math.min(text.length, 8192); i++) {
    const ch = text.charCodeAt(i);
    if (ch < 32 && ch !== 9 && ch !== 10 && ch !== 13 && ch !== 12) control++;
  }
  if (control > 8) throw new InputError(source, 'looks binary (it is full of control characters)');
  if (!text.trim()) throw new InputError(source, 'has no text (only whitespace)');
  return text;
}

export async function readReport(path: string): Promise<Report> {
  const source = path === '-' ? 'stdin' : path;
  return reportFromText(decodeReport(readBytes(path), source), source, path === '-' ? '' : path);
}

/**
 * A decoded report as extraction sees it, whatever it came from (a file, standard input, the
 * `text` of a corpus JSON file): HTML to article text, Markdown blanked in place, line ends kept
 * at the same offsets. `path` only helps to tell the format.
 */
export async function reportFromText(raw: string, source: string, path = ''): Promise<Report> {
  const format = detectFormat(path, raw);
  if (format === 'html') {
    // Loaded only for HTML: the DOM and Readability cost ~25 MB that plain text never needs.
    const { htmlToText } = await import('./html.js');
    const page = htmlToText(raw);
    if (!page.text.trim()) throw new InputError(source, 'is HTML with no readable text');
    return { source, format, text: page.text, published: page.published, title: page.title, outlet: page.outlet };
  }
  if (format === 'markdown') return { source, format, text: markdownToText(raw) };
  return { source, format, text: raw.replace(/\r\n?/g, (m) => (m.length === 2 ? ' \n' : '\n')) };
}

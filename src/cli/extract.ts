// `trawl extract`: one report in, its extraction out (JSON in FORMAT.md's shape, or text).
import { runPipeline } from '../core/pipeline.js';
import { toExtraction } from '../core/output/extraction.js';
import type { TraceEvent } from '../core/doc.js';
import { loadLexicons } from '../node/lexicons.js';
import { readReport } from '../node/input.js';
import { renderText } from './render-text.js';
import { UsageError } from './errors.js';

export interface ExtractOptions {
  published?: string;
  format: 'json' | 'text';
  trace?: boolean;
  timings?: boolean;
  lexicons?: string;
}

export function parsePublished(value: string | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === 'unknown') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  if (!m || !d || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) {
    throw new UsageError(`--published must be a date YYYY-MM-DD or "unknown", not "${value}"`);
  }
  return value;
}

export async function extractCommand(file: string, opts: ExtractOptions): Promise<void> {
  const given = parsePublished(opts.published);
  const report = await readReport(file);
  const published = given === undefined ? report.published ?? null : given;
  const lexicons = loadLexicons(opts.lexicons);
  const trace: TraceEvent[] = [];
  const { doc, timings } = runPipeline(report.text, published, { lexicons, trace: opts.trace ? (e) => trace.push(e) : undefined });
  if (opts.format === 'text') {
    process.stdout.write(renderText(doc, { source: report.source, trace: opts.trace ? trace : undefined, timings: opts.timings ? timings : undefined }));
    return;
  }
  const out = {
    ...toExtraction(doc, opts.timings ? timings : undefined),
    ...(report.format === 'html' ? { text: report.text } : {}),
    ...(opts.trace ? { trace } : {}),
  };
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
}

// StoredReports for store tests, extracted from short texts written for the tests.
import { createHash } from 'node:crypto';
import { runPipeline } from '../core/pipeline.js';
import { toExtraction } from '../core/output/extraction.js';
import type { StoredReport } from '../core/output/stored-report.js';
import { loadLexicons } from '../node/lexicons.js';

export const SHELLS = 'North Korea has shipped about 2 million artillery shells to Russia since August 2023, the Pentagon said on Tuesday. ' +
  'Moscow denied buying any weapons from Pyongyang. "We are watching closely," said Jane Ortiz, a spokeswoman for the State Department.';
export const OIL = 'Russia sent North Korea more than 1 million barrels of oil last year, according to satellite imagery reviewed by analysts.';

export function extractedReport(text: string, id?: string, published: string | null = '2024-05-14'): StoredReport {
  const hash = createHash('sha256').update(text).digest('hex');
  const { doc } = runPipeline(text, published, { lexicons: loadLexicons() });
  return { id: id ?? `r-${hash.slice(0, 16)}`, hash, path: `${id ?? 'x'}.txt`, title: 'A test report', outlet: 'Test Wire', published, publishedEstimated: false, text, extraction: toExtraction(doc) };
}

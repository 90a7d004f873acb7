// What an ingest worker thread does: read a file into a document, and run extraction on a
// text. Lexicons are loaded once per thread. Refusals come back as values: an InputError
// does not survive the trip between threads.
import { workerData } from 'node:worker_threads';
import { runPipeline } from '../core/pipeline.js';
import { type Extraction, toExtraction } from '../core/output/extraction.js';
import { InputError } from '../node/input.js';
import { loadLexicons } from '../node/lexicons.js';
import { type IngestDocument, readDocument } from './read-document.js';

export type ReadOutcome = { document: IngestDocument } | { rejected: string };

export interface ExtractTask {
  text: string;
  published: string | null;
}

const lexiconsDir = (workerData as { lexicons?: string } | undefined)?.lexicons;

export async function read(path: string): Promise<ReadOutcome> {
  try {
    return { document: await readDocument(path) };
  } catch (e) {
    if (e instanceof InputError) return { rejected: e.message };
    return { rejected: `cannot be read (${(e as Error).message})` };
  }
}

export function extract(task: ExtractTask): Extraction {
  const { doc } = runPipeline(task.text, task.published, { lexicons: loadLexicons(lexiconsDir) });
  return toExtraction(doc);
}

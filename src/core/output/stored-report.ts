// One report as the store keeps it and as fusion, briefs, exports and the web explorer read it:
// the extraction plus what the ingest learned about the document itself.
import type { Extraction } from './extraction.js';

export interface StoredReport {
  /** Stable id: a FORMAT.md file's own `id`, else derived from the content hash. */
  id: string;
  /** sha256 of the report text, hex: ingesting the same text twice changes nothing. */
  hash: string;
  /** Where it was read from (a path), for messages and the explorer. */
  path: string;
  title: string | null;
  outlet: string | null;
  /** ISO day; null when neither the document nor the user gave one and no estimate could be made. */
  published: string | null;
  /** True when `published` is an estimate (the dating stage's or a default), not a given date. */
  publishedEstimated: boolean;
  text: string;
  extraction: Extraction;
  /** When the store took it in (ISO timestamp); set by the store when absent. */
  ingestedAt?: string;
}

// The API's answers, as the server declares them.
export type { ActorSummary, AttributionItem, EventItem, Quote, ReportSummary, TimelineItem } from '../../src/server/explorer.js';
export type { LedgerEntry, LedgerEstimate, LedgerDenial, LedgerConflict } from '../../src/server/ledger.js';
export type { StoredReport } from '../../src/core/output/stored-report.js';
export type { Extraction } from '../../src/core/output/extraction.js';
import type { LedgerEntry } from '../../src/server/ledger.js';
import type { ActorSummary, AttributionItem, EventItem, Quote } from '../../src/server/explorer.js';

export interface Pair { a: string; b: string; entries: number; estimates: number }
export interface Summary { reports: number; actors: number; entries: number; events: number; attributions: number; pairs: Pair[] }
export type EntryDetail = LedgerEntry & { quotes: (Quote | null)[]; denialQuotes: (Quote | null)[] };
export interface ActorDetail { actor: ActorSummary; sent: LedgerEntry[]; received: LedgerEntry[]; said: AttributionItem[]; denied: AttributionItem[]; events: EventItem[] }
export interface SearchResult { report: string; title: string | null; published: string | null; start: number; end: number; before: string; match: string; after: string }
export interface IngestAnswer { id: string; status: 'new' | 'unchanged'; title: string | null; published: string | null; publishedEstimated: boolean; counts: Record<string, number> }

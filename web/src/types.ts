// The API's answers, as the server declares them.
export type { ActorDetail, ActorSummary, AttributionItem, FlowPlace, Pair, ReportSummary, SearchResult, TimelineItem } from '../../src/server/api-types.js';
export type { Citation, Conflict, Denial, Estimate, LedgerEntry, LedgerEvent } from '../../src/ledger/types.js';
export type { StoredReport } from '../../src/core/output/stored-report.js';
import type { Pair } from '../../src/server/api-types.js';

export interface Summary { reports: number; actors: number; entries: number; events: number; attributions: number; pairs: Pair[] }
export interface IngestAnswer { id: string; status: 'new' | 'unchanged' | 'updated'; title: string | null; published: string | null; publishedEstimated: boolean; counts: Record<string, number> }

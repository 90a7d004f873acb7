// The shapes the explorer's API answers with: the contract between the server and the web UI
// (which type-checks against this file, so it imports types only).
import type { LedgerActor, LedgerEntry, LedgerEvent } from '../ledger/types.js';

export interface ActorSummary extends LedgerActor {
  roles: string[];
  sent: number;
  received: number;
  said: number;
  denied: number;
}

export interface AttributionItem {
  report: string;
  published: string | null;
  kind: string;
  /** Merged actor id, or null for an unnamed source. */
  source: string | null;
  sourceText?: string;
  start: number;
  end: number;
  text: string;
}

export interface TimelineItem {
  date: string;
  kind: 'event' | 'transfer';
  /** Event type or transfer category. */
  type: string;
  actors: string[];
  label: string;
  report: string;
  start: number;
  end: number;
  entry?: string;
}

export interface ReportSummary {
  id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  publishedEstimated: boolean;
  transfers: number;
  events: number;
  attributions: number;
  inconsistencies: number;
}

export interface Pair { a: string; b: string; entries: number; estimates: number }

export interface ActorDetail { actor: ActorSummary; sent: LedgerEntry[]; received: LedgerEntry[]; said: AttributionItem[]; denied: AttributionItem[]; events: LedgerEvent[] }

export interface SearchResult { report: string; title: string | null; published: string | null; snippet: string; highlights: { start: number; end: number }[]; start: number | null; end: number | null }

/** A place with coordinates named where a report states a transfer (ports, rail crossings, cities). */
export interface FlowPlace { name: string; country: string | null; lon: number; lat: number; reports: string[]; entries: string[] }

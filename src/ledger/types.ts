// The cross-report ledger: actors merged over reports, flows merged into entries with their
// estimates over time, sources, conflicts and denials. Every estimate keeps its report, spans
// and the sentence they sit in, so each statement can be cited.
import type { ExtractionTransfer } from '../core/output/extraction.js';

export type Quantity = ExtractionTransfer['quantity'];
export type Status = ExtractionTransfer['status'];

/** One place in one report, with the sentence around it for quoting. */
export interface Citation {
  report: string;
  start: number;
  end: number;
  /** The whole sentence the span sits in. */
  quote: string;
}

export interface LedgerActor {
  /** ISO code for a state; else the id of the first report actor merged into it. */
  id: string;
  type: string;
  name: string;
  /** Every other name the reports use for it (spelling variants, acronyms, metonyms). */
  aliases: string[];
  /** The state it belongs to, when any report says. */
  country: string | null;
  /** Report ids it appears in, in report order. */
  reports: string[];
}

export interface LedgerReport {
  id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  publishedEstimated: boolean;
  path: string;
}

export interface Estimate {
  report: string;
  published: string | null;
  /** The report's date is an estimate from its text, not a given date. */
  publishedEstimated: boolean;
  outlet: string | null;
  /** Who the report credits: the speaker, the unnamed source's description, else the outlet. */
  source: string;
  /** Equal for the same original source however the reports name it. */
  sourceKey: string;
  /** The original source the key stands for: a state for every voice of its government, else `source`. */
  originalSource: string;
  /** The merged actor of the source, when it is one. */
  sourceActor: string | null;
  item: string;
  quantity: Quantity;
  since: string | null;
  until: string | null;
  status: Status;
  spans: Citation[];
}

export interface Conflict {
  /** One sentence a reader can check: both amounts, both reports, both quotes. */
  reason: string;
  estimates: [Estimate, Estimate];
}

export interface Denial {
  by: string;
  byKey: string;
  report: string;
  published: string | null;
  item: string;
  spans: Citation[];
}

export interface LedgerSource {
  key: string;
  /** The first name it was given; `names` holds every one (a state's officials and bodies). */
  name: string;
  names: string[];
  reports: string[];
}

export interface LedgerEntry {
  id: string;
  from: string;
  to: string;
  category: string;
  /** The item most reports name. */
  item: string;
  items: string[];
  /** Non-state ends merged into `from`/`to` (a ministry, a company), as ledger actor ids. */
  fromActors: string[];
  toActors: string[];
  since: string | null;
  until: string | null;
  /** In order of report publication (undated reports last), ties by report id. */
  estimates: Estimate[];
  /** Distinct original sources of the non-denied estimates. */
  independentSources: number;
  sources: LedgerSource[];
  conflicts: Conflict[];
  denials: Denial[];
  firstReported: string | null;
  lastReported: string | null;
}

export interface LedgerEvent {
  type: string;
  date: string | null;
  place: string | null;
  actors: string[];
  citations: Citation[];
}

export interface LedgerInconsistency {
  report: string;
  reason: string;
  spans: Citation[];
}

export interface Ledger {
  reports: LedgerReport[];
  actors: LedgerActor[];
  entries: LedgerEntry[];
  events: LedgerEvent[];
  inconsistencies: LedgerInconsistency[];
}

/** The words fusion reads (lexicons/ledger.json). */
export interface LedgerVocabulary {
  genericItems: string[];
  itemStopwords: string[];
  sourceKinds: Record<string, string[]>;
  descriptionWords: string[];
  governmentWords: string[];
  itemSynonyms: string[][];
}

// The ledger the explorer shows. Until the fusion of issue 6 (src/ledger) lands, flows are
// grouped by supplier, recipient and category across reports: enough to drive every view with
// the same shape `trawl ledger --format json` prints.
import type { StoredReport } from '../core/output/stored-report.js';
import type { ExtractionTransfer } from '../core/output/extraction.js';
import type { Span } from '../core/doc.js';

export interface LedgerEstimate {
  report: string;
  published: string | null;
  /** Actor id the report credits, or null where the report itself asserts it. */
  source: string | null;
  sourceText?: string;
  quantity: ExtractionTransfer['quantity'];
  status: ExtractionTransfer['status'];
  since: string | null;
  until: string | null;
  item: string;
  spans: Span[];
}

export interface LedgerDenial {
  report: string;
  published: string | null;
  source: string | null;
  sourceText?: string;
  spans: Span[];
}

export interface LedgerConflict {
  /** Indexes into the entry's estimates. */
  estimates: number[];
  reason: string;
}

export interface LedgerEntry {
  id: string;
  from: string;
  to: string;
  category: string;
  item: string;
  estimates: LedgerEstimate[];
  independentSources: number;
  conflicts: LedgerConflict[];
  denials: LedgerDenial[];
  firstReported: string | null;
  lastReported: string | null;
}

const byDate = (a: { published: string | null }, b: { published: string | null }): number =>
  (a.published ?? '9999').localeCompare(b.published ?? '9999');

export function groupLedger(reports: readonly StoredReport[]): LedgerEntry[] {
  const groups = new Map<string, { from: string; to: string; category: string; items: Map<string, number>; estimates: LedgerEstimate[]; denials: LedgerDenial[]; sources: Set<string> }>();
  for (const r of reports) {
    for (const t of r.extraction.transfers) {
      const key = `${t.from}\u0000${t.to}\u0000${t.category}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { from: t.from, to: t.to, category: t.category, items: new Map(), estimates: [], denials: [], sources: new Set() }));
      const spans = t.spans.map((s) => ({ start: s.start, end: s.end }));
      const sourceText = t.source_text ? { sourceText: t.source_text } : {};
      if (t.status === 'denied') {
        g.denials.push({ report: r.id, published: r.published, source: t.source, ...sourceText, spans });
        continue;
      }
      g.items.set(t.item, (g.items.get(t.item) ?? 0) + 1);
      g.estimates.push({ report: r.id, published: r.published, source: t.source, ...sourceText, quantity: t.quantity, status: t.status, since: t.since, until: t.until, item: t.item, spans });
      // One outlet repeating one named source is one source; an unattributed report is its own.
      g.sources.add(t.source ?? t.source_text ?? `outlet:${r.outlet ?? r.id}`);
    }
  }
  const entries: LedgerEntry[] = [];
  for (const g of groups.values()) {
    if (!g.estimates.length && !g.denials.length) continue;
    g.estimates.sort(byDate);
    g.denials.sort(byDate);
    const item = [...g.items.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? g.category;
    const dated = [...g.estimates, ...g.denials].map((e) => e.published).filter((d): d is string => !!d).sort();
    entries.push({
      id: `${g.from}-${g.to}-${g.category}`.toLowerCase(),
      from: g.from, to: g.to, category: g.category, item,
      estimates: g.estimates,
      independentSources: g.sources.size,
      conflicts: [],
      denials: g.denials,
      firstReported: dated[0] ?? null,
      lastReported: dated[dated.length - 1] ?? null,
    });
  }
  return entries.sort((a, b) => b.estimates.length - a.estimates.length || a.id.localeCompare(b.id));
}

// The ledger as JSON: {"entries": [{"from", "to", "category", "item", "estimates": [{"report",
// "published", "source", "quantity", "status", "spans"}], "independentSources", "conflicts",
// "denials", ...}]}, countries as ISO codes, `report` the report's id.
import type { Citation, Estimate, Ledger } from './types.js';

const span = (c: Citation) => ({ start: c.start, end: c.end, quote: c.quote });

const estimateJson = (e: Estimate) => ({
  report: e.report,
  published: e.published,
  source: e.source,
  quantity: e.quantity,
  status: e.status,
  spans: e.spans.map(span),
  publishedEstimated: e.publishedEstimated,
  item: e.item,
  since: e.since,
  until: e.until,
  outlet: e.outlet,
  sourceKey: e.sourceKey,
  originalSource: e.originalSource,
});

export function ledgerJson(ledger: Ledger) {
  return {
    entries: ledger.entries.map((e) => ({
      from: e.from,
      to: e.to,
      category: e.category,
      item: e.item,
      estimates: e.estimates.map(estimateJson),
      independentSources: e.independentSources,
      conflicts: e.conflicts.map((c) => ({ reason: c.reason, estimates: c.estimates.map((x) => ({ report: x.report, published: x.published, source: x.source, quantity: x.quantity, spans: x.spans.map(span) })) })),
      denials: e.denials.map((d) => ({ by: d.by, report: d.report, published: d.published, item: d.item, spans: d.spans.map(span) })),
      firstReported: e.firstReported,
      lastReported: e.lastReported,
      items: e.items,
      since: e.since,
      until: e.until,
      sources: e.sources,
      fromActors: e.fromActors,
      toActors: e.toActors,
      id: e.id,
    })),
  };
}

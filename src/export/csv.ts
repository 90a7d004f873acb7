// The ledger as CSV: one row per estimate, with its flow, report, source, amount, period and the
// quoted sentence, for spreadsheets.
import { stringify } from 'csv-stringify/sync';
import type { Ledger } from '../ledger/types.js';

export const CSV_COLUMNS = [
  'entry', 'from', 'to', 'category', 'entry_item', 'independent_sources', 'report', 'published', 'published_estimated', 'outlet', 'source', 'status', 'item',
  'quantity_text', 'value', 'min', 'max', 'unit', 'approx', 'since', 'until', 'spans', 'quote',
] as const;

export function toCsv(ledger: Ledger): string {
  const rows = ledger.entries.flatMap((e) => e.estimates.map((x) => [
    e.id, e.from, e.to, e.category, e.item, e.independentSources, x.report, x.published ?? '', String(x.publishedEstimated), x.outlet ?? '', x.source, x.status, x.item,
    x.quantity?.text ?? '', x.quantity?.value ?? '', x.quantity?.min ?? '', x.quantity?.max ?? '', x.quantity?.unit ?? '', x.quantity ? String(x.quantity.approx) : '',
    x.since ?? '', x.until ?? '', x.spans.map((s) => `${s.start}-${s.end}`).join(' '), x.spans[0]?.quote ?? '',
  ]));
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS] });
}

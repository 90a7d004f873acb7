// The ledger as a readable table: one block per entry, its estimates in the order reported.
import { formatPeriod, formatQuantity } from './format.js';
import type { Ledger } from './types.js';

export function renderLedgerText(ledger: Ledger): string {
  if (!ledger.entries.length) return 'No ledger entries.\n';
  const out: string[] = [];
  for (const e of ledger.entries) {
    const period = formatPeriod(e.since, e.until);
    out.push(`${e.from} → ${e.to}  ${e.category}: ${e.item}${period ? `  (${period})` : ''}`);
    out.push(`  ${e.estimates.length} estimate${e.estimates.length === 1 ? '' : 's'}, ${e.independentSources} independent source${e.independentSources === 1 ? '' : 's'}, reported ${e.firstReported ?? '?'} to ${e.lastReported ?? '?'}`);
    for (const x of e.estimates) {
      const date = x.published ? `${x.published}${x.publishedEstimated ? ' est.' : ''}` : 'undated';
      out.push(`  ${date.padEnd(10)}  ${x.report.padEnd(10)}  ${x.status.padEnd(8)}  ${formatQuantity(x.quantity).padEnd(34)}  ${x.source}`);
    }
    for (const d of e.denials) out.push(`  denied by ${d.by} (${d.report}, ${d.published ?? 'undated'}): "${d.spans[0]?.quote ?? d.item}"`);
    for (const c of e.conflicts) out.push(`  conflict: ${c.reason}`);
    out.push('');
  }
  return out.join('\n');
}

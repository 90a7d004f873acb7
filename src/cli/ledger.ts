// `trawl ledger`: the cross-report ledger as a table or as JSON.
import { filterLedger } from '../ledger/filter.js';
import { ledgerJson } from '../ledger/json.js';
import { renderLedgerText } from '../ledger/table.js';
import { loadLedger, parseSince, parseState, type ReportSourceOptions } from './ledger-reports.js';

export interface LedgerOptions extends ReportSourceOptions {
  from?: string;
  to?: string;
  category?: string;
  since?: string;
  format: 'text' | 'json';
}

export async function ledgerCommand(paths: string[], opts: LedgerOptions, write: (s: string) => void = (s) => void process.stdout.write(s)): Promise<void> {
  const filter = { from: parseState('--from', opts.from), to: parseState('--to', opts.to), category: opts.category, since: parseSince(opts.since) };
  const ledger = filterLedger(await loadLedger(paths, opts), filter);
  write(opts.format === 'json' ? JSON.stringify(ledgerJson(ledger), null, 2) + '\n' : renderLedgerText(ledger));
}

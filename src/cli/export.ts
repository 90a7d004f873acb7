// `trawl export`: the ledger as JSON, CSV, FollowTheMoney entities or GeoJSON, to stdout or a file.
import { writeFileSync } from 'node:fs';
import { toCsv } from '../export/csv.js';
import { ftmLines } from '../export/ftm.js';
import { toGeoJson } from '../export/geojson.js';
import { ledgerJson } from '../ledger/json.js';
import type { Ledger } from '../ledger/types.js';
import { loadCentroids } from '../node/ledger-vocabulary.js';
import { loadLedger, type ReportSourceOptions } from './ledger-reports.js';
import { UsageError } from './errors.js';

export type ExportFormat = 'json' | 'csv' | 'ftm' | 'geojson';

export interface ExportOptions extends ReportSourceOptions {
  format: ExportFormat;
  output?: string;
}

export function renderExport(ledger: Ledger, format: ExportFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify({ reports: ledger.reports, actors: ledger.actors, ...ledgerJson(ledger), events: ledger.events, inconsistencies: ledger.inconsistencies }, null, 2) + '\n';
    case 'csv':
      return toCsv(ledger);
    case 'ftm':
      return ftmLines(ledger);
    case 'geojson':
      return JSON.stringify(toGeoJson(ledger, loadCentroids()), null, 2) + '\n';
  }
}

export async function exportCommand(paths: string[], opts: ExportOptions, write: (s: string) => void = (s) => void process.stdout.write(s)): Promise<void> {
  const out = renderExport(await loadLedger(paths, opts), opts.format);
  if (!opts.output || opts.output === '-') return write(out);
  try {
    writeFileSync(opts.output, out);
  } catch (e) {
    throw new UsageError(`-o ${opts.output}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

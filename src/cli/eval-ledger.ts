// `trawl eval-ledger DIR`: extracts every annotated report of DIR in one process, fuses them and
// prints the figures of the reference ledger scorer (../shared/tools/ledger-score.mjs).
import { readFileSync, writeFileSync } from 'node:fs';
import { loadLexicons } from '../node/lexicons.js';
import { collectFiles } from '../ingest/collect.js';
import { loadLedgerVocabulary } from '../node/ledger-vocabulary.js';
import { fuseLedger } from '../ledger/fuse.js';
import { ledgerJson } from '../ledger/json.js';
import { formatLedgerScore, scoreLedger, type GoldLedgerReport } from '../eval/ledger-score.js';
import { UsageError } from './errors.js';
import { readStoredReport } from './ledger-reports.js';

export interface EvalLedgerOptions {
  verbose?: boolean;
  json?: boolean;
  lexicons?: string;
  /** Also write the ledger JSON here, for ledger-score.mjs or a look. */
  out?: string;
}

export async function evalLedgerCommand(dir: string, opts: EvalLedgerOptions, write: (s: string) => void = (s) => void process.stdout.write(s)): Promise<void> {
  const files = collectFiles([dir]).files.filter((p) => p.endsWith('.json'));
  if (!files.length) throw new UsageError(`${dir}: no *.json reports`);
  const lexicons = loadLexicons(opts.lexicons);
  const gold: GoldLedgerReport[] = [];
  const reports = [];
  for (const f of files) {
    const data = JSON.parse(readFileSync(f, 'utf8')) as GoldLedgerReport;
    if (!data.gold || typeof data.id !== 'string') throw new UsageError(`${f}: not an annotated report (needs "id" and "gold")`);
    gold.push(data);
    reports.push(await readStoredReport(f, lexicons));
  }
  const json = ledgerJson(fuseLedger(reports, { vocabulary: loadLedgerVocabulary() }));
  if (opts.out) writeFileSync(opts.out, JSON.stringify(json, null, 2) + '\n');
  const score = scoreLedger(gold, json);
  write(opts.json ? JSON.stringify(score, null, 2) + '\n' : formatLedgerScore(score, opts.verbose));
}

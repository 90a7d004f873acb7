// `trawl brief`: the ledger as a Markdown brief with a footnote on every statement.
import { renderBrief } from '../ledger/brief.js';
import { loadLedger, parseSince, parseState, type ReportSourceOptions } from './ledger-reports.js';

export interface BriefCommandOptions extends ReportSourceOptions {
  actor?: string;
  since?: string;
}

export async function briefCommand(paths: string[], opts: BriefCommandOptions, write: (s: string) => void = (s) => void process.stdout.write(s)): Promise<void> {
  const actor = parseState('--actor', opts.actor);
  const since = parseSince(opts.since);
  write(renderBrief(await loadLedger(paths, opts), { actor, since }));
}

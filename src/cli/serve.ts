// `trawl serve`: the web explorer and its JSON API.
import { MemoryReports } from '../server/report-source.js';
import { refuseReason, startServer } from '../server/serve.js';
import { UsageError } from './errors.js';

export interface ServeCommandOptions {
  db?: string;
  port: string;
  host: string;
  token?: string;
}

export async function serveCommand(opts: ServeCommandOptions): Promise<void> {
  const port = Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number 0-65535, not "${opts.port}"`);
  const reason = refuseReason(opts.host, opts.token);
  if (reason) throw new UsageError(reason);
  if (opts.db) process.stderr.write(`trawl serve: --db ${opts.db}: the store is not built yet; reports are kept in memory\n`);
  const { url } = await startServer({ host: opts.host, port, token: opts.token, source: new MemoryReports() });
  process.stderr.write(`trawl serve: the explorer is at ${url}${opts.token ? '#token=<your token>' : ''} (Ctrl-C stops it)\n`);
}

// `trawl serve`: the web explorer and its JSON API over a store.
import { openStore } from '../store/open.js';
import { storeLocation } from '../store/location.js';
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
  if (!/^\d+$/.test(opts.port) || port > 65535) throw new UsageError(`--port must be a number 0-65535, not "${opts.port}"`);
  const reason = refuseReason(opts.host, opts.token);
  if (reason) throw new UsageError(reason);
  const store = await openStore(storeLocation(opts.db));
  const { url, close } = await startServer({ host: opts.host, port, token: opts.token, store });
  process.stderr.write(`trawl serve: ${store.location} at ${url}${opts.token ? '#token=<your token>' : ''} (Ctrl-C stops it)\n`);
  const stop = (): void => {
    void close().then(() => store.close()).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

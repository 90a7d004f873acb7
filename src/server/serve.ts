// `trawl serve`: checks where it may listen, then serves the API and the built UI.
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import type { Store } from '../store/store.js';

export const WEB_ROOT = fileURLToPath(new URL('../web/', import.meta.url));

const LOOPBACK = /^(?:127(?:\.\d{1,3}){3}|::1|localhost)$/i;

/** Why the server refuses to start with these options, or null when it may. */
export function refuseReason(host: string, token: string | undefined): string | null {
  if (LOOPBACK.test(host)) return null;
  if (!token) return `--host ${host} makes the explorer reachable from other machines: give --token T (or TRAWL_TOKEN) and send "Authorization: Bearer T" with every API call`;
  if (token.length < 16) return '--token must be at least 16 characters';
  return null;
}

export interface ServeOptions {
  host: string;
  port: number;
  token?: string;
  store: Store;
}

export function startServer(opts: ServeOptions): Promise<{ url: string; close: () => Promise<void> }> {
  const reason = refuseReason(opts.host, opts.token);
  if (reason) throw new Error(reason);
  const { app } = createApp({ store: opts.store, token: opts.token, webRoot: WEB_ROOT });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: opts.host, port: opts.port }, (info) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
    server.once('error', reject);
  });
}

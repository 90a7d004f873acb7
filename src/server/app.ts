// The explorer's HTTP surface: a read-only JSON API under /api, one write (POST /api/ingest),
// and the built web UI. Tests call `app.request(...)` directly: no port needed.
import { existsSync } from 'node:fs';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { bearerAuth } from 'hono/bearer-auth';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';
import { InputError } from '../node/input.js';
import { Explorer } from './explorer.js';
import { toStoredReport, type PostedDocument } from './ingest.js';
import type { ReportSource } from './report-source.js';

/** A posted report's JSON: the 20 MB a report may have, plus room for escaping. */
export const INGEST_BODY_LIMIT = 24 * 1024 * 1024;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface AppOptions {
  source: ReportSource;
  /** Bearer token every /api call must carry; none: loopback only. */
  token?: string;
  /** Folder of the built UI (dist/web); absent: API only. */
  webRoot?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function parsePosted(body: unknown): PostedDocument {
  if (!body || typeof body !== 'object') throw new InputError('request', 'expected a JSON object {name, text, published?, outlet?, title?}');
  const b = body as Record<string, unknown>;
  const text = str(b.text);
  if (text === undefined) throw new InputError('request', 'missing "text"');
  const opt = (k: string): string | null | undefined => (b[k] === null ? null : str(b[k]) || undefined);
  return { name: str(b.name) || 'pasted.txt', text, published: opt('published'), outlet: opt('outlet'), title: opt('title') };
}

export function createApp(opts: AppOptions): { app: Hono; explorer: Explorer } {
  const explorer = new Explorer(opts.source);
  const app = new Hono();

  app.use('*', secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"], objectSrc: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"], frameAncestors: ["'none'"],
    },
  }));

  // Without a token the server only answers loopback names, so a web page elsewhere cannot
  // reach it through DNS rebinding.
  if (!opts.token) {
    app.use('*', async (c, next) => {
      const host = new URL(c.req.url).hostname.toLowerCase();
      if (!LOOPBACK_HOSTS.has(host)) return c.json({ error: 'this server answers on its loopback address only' }, 403);
      await next();
    });
  }
  if (opts.token) app.use('/api/*', bearerAuth({ token: opts.token }));

  const api = new Hono();
  const q = (c: Context, k: string): string | undefined => c.req.query(k) || undefined;
  const notFound = (c: Context, what: string) => c.json({ error: `no such ${what}` }, 404);

  api.get('/summary', (c) => c.json({ ...explorer.summary(), pairs: explorer.pairs() }));
  api.get('/reports', (c) => c.json(explorer.reports()));
  api.get('/reports/:id', (c) => {
    const r = explorer.reportWithEntries(c.req.param('id'));
    return r ? c.json(r) : notFound(c, 'report');
  });
  api.get('/actors', (c) => c.json(explorer.actors()));
  api.get('/actors/:id', (c) => {
    const a = explorer.actor(c.req.param('id'));
    return a ? c.json(a) : notFound(c, 'actor');
  });
  api.get('/ledger', (c) => c.json(explorer.ledger({ from: q(c, 'from'), to: q(c, 'to'), category: q(c, 'category'), actor: q(c, 'actor') })));
  api.get('/ledger/:id', (c) => {
    const e = explorer.entry(c.req.param('id'));
    return e ? c.json(e) : notFound(c, 'ledger entry');
  });
  api.get('/pairs', (c) => c.json(explorer.pairs()));
  api.get('/events', (c) => c.json(explorer.events({ actor: q(c, 'actor'), type: q(c, 'type') })));
  api.get('/attributions', (c) => c.json(explorer.attributions({ actor: q(c, 'actor'), kind: q(c, 'kind'), report: q(c, 'report') })));
  api.get('/timeline', (c) => c.json(explorer.timeline({ actor: q(c, 'actor'), category: q(c, 'category') })));
  api.get('/search', (c) => {
    const query = (q(c, 'q') ?? '').slice(0, 500);
    return c.json(query.trim() ? explorer.search(query) : []);
  });
  api.post('/ingest',
    bodyLimit({ maxSize: INGEST_BODY_LIMIT, onError: (c) => c.json({ error: `request over ${INGEST_BODY_LIMIT / 1048576} MB` }, 413) }),
    async (c) => {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return c.json({ error: 'the body is not JSON' }, 400);
      }
      try {
        const report = await toStoredReport(parsePosted(body));
        const added = opts.source.addReport(report);
        if (added) explorer.invalidate();
        const x = report.extraction;
        return c.json({
          id: report.id, status: added ? 'new' : 'unchanged', title: report.title, published: report.published, publishedEstimated: report.publishedEstimated,
          counts: { actors: x.actors.length, transfers: x.transfers.length, events: x.events.length, attributions: x.attributions.length, times: x.times.length },
        }, added ? 201 : 200);
      } catch (e) {
        if (e instanceof InputError) return c.json({ error: `${e.source}: ${e.message}` }, 400);
        throw e;
      }
    });
  api.all('*', (c) => c.json({ error: 'no such API call' }, 404));
  app.route('/api', api);

  if (opts.webRoot && existsSync(opts.webRoot)) {
    app.use('/*', serveStatic({ root: opts.webRoot }));
    app.get('/', serveStatic({ root: opts.webRoot, path: 'index.html' }));
  }
  app.onError((e, c) => {
    if (e instanceof HTTPException) return e.getResponse();
    process.stderr.write(`trawl serve: ${c.req.method} ${c.req.path}: ${e.stack ?? e.message}\n`);
    return c.json({ error: 'internal error' }, 500);
  });
  return { app, explorer };
}

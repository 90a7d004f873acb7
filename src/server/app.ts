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
import { SearchQueryError } from '../store/search-query.js';
import type { Store } from '../store/store.js';
import { loadLexicons } from '../node/lexicons.js';
import { Explorer, type Gazetteer } from './explorer.js';
import { ingestPosted, type PostedDocument } from './ingest.js';

/** A posted report's JSON: the 20 MB a report may have (PDFs as base64: a third more), plus room for escaping. */
export const INGEST_BODY_LIMIT = 32 * 1024 * 1024;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface AppOptions {
  store: Store;
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
  const base64 = str(b.base64);
  if (text === undefined && base64 === undefined) throw new InputError('request', 'missing "text" (or "base64" for a binary file)');
  const opt = (k: string): string | null | undefined => (b[k] === null ? null : str(b[k]) || undefined);
  return { name: str(b.name) || 'pasted.txt', text, base64, published: opt('published'), outlet: opt('outlet'), title: opt('title') };
}

/** Place names with coordinates from the places lexicon; the first entry of a name wins, as in extraction. */
function gazetteer(): Gazetteer {
  const map: Gazetteer = new Map();
  for (const p of loadLexicons().places) {
    if (p.lon !== undefined && p.lat !== undefined && !map.has(p.name)) map.set(p.name, { country: p.country ?? null, lon: p.lon, lat: p.lat });
  }
  return map;
}

export function createApp(opts: AppOptions): { app: Hono; explorer: Explorer } {
  const explorer = new Explorer(opts.store, gazetteer());
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

  api.get('/summary', async (c) => c.json(await explorer.summary()));
  api.get('/reports', async (c) => c.json(await explorer.reports()));
  api.get('/reports/:id', async (c) => {
    const r = await explorer.report(c.req.param('id'));
    return r ? c.json(r) : notFound(c, 'report');
  });
  api.get('/actors', async (c) => c.json(await explorer.actors()));
  api.get('/actors/:id', async (c) => {
    const a = await explorer.actor(c.req.param('id'));
    return a ? c.json(a) : notFound(c, 'actor');
  });
  api.get('/ledger', async (c) => c.json(await explorer.ledger({ from: q(c, 'from'), to: q(c, 'to'), category: q(c, 'category'), actor: q(c, 'actor') })));
  api.get('/ledger/:id', async (c) => {
    const e = await explorer.entry(c.req.param('id'));
    return e ? c.json(e) : notFound(c, 'ledger entry');
  });
  api.get('/pairs', async (c) => c.json(await explorer.pairs()));
  api.get('/places', async (c) => c.json(await explorer.places()));
  api.get('/events', async (c) => c.json(await explorer.events({ actor: q(c, 'actor'), type: q(c, 'type') })));
  api.get('/attributions', async (c) => c.json(await explorer.attributions({ actor: q(c, 'actor'), kind: q(c, 'kind'), report: q(c, 'report') })));
  api.get('/timeline', async (c) => c.json(await explorer.timeline({ actor: q(c, 'actor'), category: q(c, 'category') })));
  api.get('/search', async (c) => {
    const query = (q(c, 'q') ?? '').slice(0, 500);
    if (!query.trim()) return c.json([]);
    try {
      return c.json(await explorer.search(query));
    } catch (e) {
      if (e instanceof SearchQueryError) return c.json({ error: e.message }, 400);
      throw e;
    }
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
        const { id, status, report } = await ingestPosted(opts.store, parsePosted(body));
        if (status !== 'unchanged') explorer.invalidate();
        const stored = report ?? (await opts.store.getReport(id));
        const x = stored?.extraction;
        return c.json({
          id, status, title: stored?.title ?? null, published: stored?.published ?? null, publishedEstimated: stored?.publishedEstimated ?? false,
          counts: x ? { actors: x.actors.length, transfers: x.transfers.length, events: x.events.length, attributions: x.attributions.length, times: x.times.length } : {},
        }, status === 'new' ? 201 : 200);
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

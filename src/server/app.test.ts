// The explorer's API, called through the app's handler: no port, no browser.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, INGEST_BODY_LIMIT } from './app.js';
import { openStore } from '../store/open.js';
import { refuseReason } from './serve.js';

const EXAMPLE = readFileSync(fileURLToPath(new URL('../../examples/report.txt', import.meta.url)), 'utf8');

// Written for this test: a two-way exchange, a denial and a dated meeting.
const LATER = [
  'Seoul, 4 March 2024.',
  '',
  'South Korea\'s spy agency said North Korea has sent Russia more than 6,700 containers of munitions since last August.',
  'Moscow has shipped about 9,000 tonnes of rice to Pyongyang through the port of Nampo in return, officials said.',
  'The Kremlin denied that North Korea had sent Russia any ammunition.',
].join('\n');

const post = (app: ReturnType<typeof createApp>['app'], body: unknown, headers: Record<string, string> = {}) =>
  app.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

async function loaded() {
  const made = createApp({ store: await openStore(':memory:') });
  const first = await post(made.app, { name: 'report.txt', text: EXAMPLE, published: '2024-10-18', outlet: 'Example Wire' });
  assert.equal(first.status, 201);
  const later = await post(made.app, { name: 'later.txt', text: LATER, published: '2024-03-04' });
  assert.equal(later.status, 201);
  return { ...made, first: (await first.json()) as { id: string }, later: (await later.json()) as { id: string } };
}

const json = async <T = unknown>(res: Response): Promise<T> => {
  assert.equal(res.headers.get('content-type')?.startsWith('application/json'), true);
  return (await res.json()) as T;
};

describe('ingest, the only write', () => {
  test('a report is added once: the same text again changes nothing', async () => {
    const { app, first } = await loaded();
    const again = await post(app, { name: 'copy.txt', text: EXAMPLE, published: '2024-10-18' });
    assert.equal(again.status, 200);
    const body = await json<{ id: string; status: string }>(again);
    assert.deepEqual([body.id, body.status], [first.id, 'unchanged']);
    assert.equal((await json<unknown[]>(await app.request('/api/reports'))).length, 2);
  });

  test('a corpus JSON file keeps its id, date, title and outlet', async () => {
    const { app } = createApp({ store: await openStore(':memory:') });
    const file = { id: 'mine-001', title: 'A headline', outlet: 'The Paper', published: '2024-01-05', text: LATER, gold: {} };
    const res = await post(app, { name: 'mine-001.json', text: JSON.stringify(file) });
    const body = await json<{ id: string; title: string; published: string; publishedEstimated: boolean }>(res);
    assert.deepEqual([body.id, body.title, body.published, body.publishedEstimated], ['mine-001', 'A headline', '2024-01-05', false]);
  });

  test('without a date the report is dated from its text and marked as estimated', async () => {
    const { app } = createApp({ store: await openStore(':memory:') });
    const body = await json<{ published: string | null; publishedEstimated: boolean }>(await post(app, { name: 'undated.txt', text: LATER }));
    assert.equal(body.publishedEstimated, true);
    assert.match(body.published ?? '', /^2024-03/);
  });

  test('bad requests are refused with a reason', async () => {
    const { app } = createApp({ store: await openStore(':memory:') });
    const notJson = await app.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    assert.equal(notJson.status, 400);
    assert.equal((await post(app, { name: 'x.txt' })).status, 400);
    assert.equal((await post(app, { name: 'x.txt', text: '   ' })).status, 400);
    assert.equal((await post(app, { name: 'x.txt', text: LATER, published: 'March' })).status, 400);
    const badJson = await post(app, { name: 'x.json', text: '{"title": "no text"}' });
    assert.equal(badJson.status, 400);
    assert.match((await json<{ error: string }>(badJson)).error, /text/);
  });

  test('a body over the limit is refused before it is read', async () => {
    const { app } = createApp({ store: await openStore(':memory:') });
    const res = await app.request('/api/ingest', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(INGEST_BODY_LIMIT + 1) },
      body: 'x'.repeat(INGEST_BODY_LIMIT + 1),
    });
    assert.equal(res.status, 413);
  });

  test('nothing else writes: other methods and paths are not found', async () => {
    const { app } = await loaded();
    for (const [method, path] of [['DELETE', '/api/reports'], ['PUT', '/api/ingest'], ['POST', '/api/reports'], ['PATCH', '/api/ledger']]) {
      const res = await app.request(path, { method, headers: { 'content-type': 'application/json' }, body: '{}' });
      assert.equal(res.status, 404, `${method} ${path}`);
    }
    assert.equal((await json<unknown[]>(await app.request('/api/reports'))).length, 2);
  });
});

describe('reading', () => {
  test('reports: the list, and one with its text, extraction and ledger entries', async () => {
    const { app, first } = await loaded();
    const list = await json<{ id: string; published: string; outlet: string | null }[]>(await app.request('/api/reports'));
    assert.deepEqual(list.map((r) => r.published), ['2024-03-04', '2024-10-18']);
    assert.equal(list.find((r) => r.id === first.id)?.outlet, 'Example Wire');
    const one = await json<{ text: string; extraction: { transfers: { from: string }[] }; transferEntries: (string | null)[] }>(await app.request(`/api/reports/${first.id}`));
    assert.equal(one.text, EXAMPLE);
    assert.ok(one.extraction.transfers.length > 0);
    assert.equal(one.transferEntries.length, one.extraction.transfers.length);
    assert.equal((await app.request('/api/reports/nope')).status, 404);
  });

  test('the ledger joins both reports\' North Korean munitions, in date order, with the denial', async () => {
    const { app } = await loaded();
    const entries = await json<{ id: string; from: string; to: string; category: string }[]>(await app.request('/api/ledger?from=KP&to=RU&category=munitions'));
    assert.equal(entries.length, 1);
    const entry = await json<{ estimates: { published: string; spans: { quote: string }[] }[]; denials: unknown[] }>(await app.request(`/api/ledger/${encodeURIComponent(entries[0].id)}`));
    const dates = entry.estimates.map((e) => e.published);
    assert.deepEqual(dates, [...dates].sort());
    assert.deepEqual([...new Set(dates)], ['2024-03-04', '2024-10-18']);
    assert.ok(entry.denials.length >= 1);
    assert.ok(entry.estimates.every((e) => e.spans[0].quote.length > 0));
    const back = await json<{ to: string; category: string }[]>(await app.request('/api/ledger?from=RU&to=KP'));
    assert.ok(back.some((e) => e.category === 'food'), 'the rice going the other way');
  });

  test('pairs: North Korea and Russia have the most entries', async () => {
    const { app } = await loaded();
    const summary = await json<{ reports: number; pairs: { a: string; b: string }[] }>(await app.request('/api/summary'));
    assert.equal(summary.reports, 2);
    assert.deepEqual([summary.pairs[0].a, summary.pairs[0].b], ['KP', 'RU']);
  });

  test('actors are merged across reports, with what each sent, received, said and denied', async () => {
    const { app } = await loaded();
    const actors = await json<{ id: string; reports: string[] }[]>(await app.request('/api/actors'));
    assert.equal(actors.find((a) => a.id === 'KP')?.reports.length, 2);
    const kp = await json<{ actor: { name: string; aliases: string[] }; sent: { to: string }[]; received: unknown[] }>(await app.request('/api/actors/KP'));
    assert.equal(kp.actor.name, 'North Korea');
    assert.ok(kp.actor.aliases.includes('Pyongyang'));
    assert.ok(kp.sent.some((e) => e.to === 'RU'));
    const ru = await json<{ denied: { text: string }[] }>(await app.request('/api/actors/RU'));
    assert.ok(ru.denied.length >= 1);
    assert.equal((await app.request('/api/actors/XX')).status, 404);
  });

  test('events, attributions and the timeline', async () => {
    const { app } = await loaded();
    const events = await json<{ type: string; date: string | null }[]>(await app.request('/api/events'));
    assert.ok(events.some((e) => e.type === 'meeting' && e.date === '2023-09'));
    const denials = await json<{ kind: string; source: string }[]>(await app.request('/api/attributions?kind=denial'));
    assert.ok(denials.length >= 1 && denials.every((a) => a.kind === 'denial'));
    const all = await json<{ kind: string }[]>(await app.request('/api/timeline'));
    assert.ok(all.some((t) => t.kind === 'event') && all.some((t) => t.kind === 'transfer'));
    const timeline = await json<{ date: string; kind: string; actors: string[] }[]>(await app.request('/api/timeline?actor=KP'));
    assert.ok(timeline.length > 0 && timeline.every((t) => t.actors.includes('KP')));
    assert.deepEqual(timeline.map((t) => t.date), timeline.map((t) => t.date).sort());
  });

  test('ports named where a flow is stated come with their coordinates and entries', async () => {
    const { app, later } = await loaded();
    const places = await json<{ name: string; country: string; lat: number; lon: number; reports: string[]; entries: string[] }[]>(await app.request('/api/places'));
    const nampo = places.find((p) => p.name === 'Nampo');
    assert.ok(nampo, 'Nampo is on the map');
    assert.deepEqual([nampo.country, nampo.reports], ['KP', [later.id]]);
    assert.ok(nampo.lat > 38 && nampo.lat < 39 && nampo.lon > 125 && nampo.lon < 126);
    assert.ok(nampo.entries.some((id) => id.startsWith('RU>KP')));
  });

  test('search finds every word and says where', async () => {
    const { app, later } = await loaded();
    const hits = await json<{ report: string; start: number; end: number }[]>(await app.request('/api/search?q=rice%20tonnes'));
    assert.deepEqual(hits.map((h) => h.report), [later.id]);
    assert.match(LATER.slice(hits[0].start, hits[0].end), /^(rice|tonnes)$/);
    assert.deepEqual(await json(await app.request('/api/search?q=')), []);
  });
});

describe('access', () => {
  test('a token is required on every API call when given', async () => {
    const { app } = createApp({ store: await openStore(':memory:'), token: 'a-long-enough-token-1234' });
    assert.equal((await app.request('/api/reports')).status, 401);
    assert.equal((await app.request('/api/reports', { headers: { authorization: 'Bearer wrong-token-000000000' } })).status, 401);
    assert.equal((await post(app, { text: LATER })).status, 401);
    assert.equal((await app.request('/api/reports', { headers: { authorization: 'Bearer a-long-enough-token-1234', host: 'explorer.example:8787' } })).status, 200);
  });

  test('without a token only loopback names are answered (no DNS rebinding)', async () => {
    const { app } = createApp({ store: await openStore(':memory:') });
    assert.equal((await app.request('http://127.0.0.1:8787/api/reports')).status, 200);
    assert.equal((await app.request('http://localhost:8787/api/reports')).status, 200);
    assert.equal((await app.request('http://attacker.example:8787/api/reports')).status, 403);
  });

  test('binding beyond loopback needs a token of 16 characters or more', () => {
    assert.equal(refuseReason('127.0.0.1', undefined), null);
    assert.equal(refuseReason('::1', undefined), null);
    assert.match(refuseReason('0.0.0.0', undefined) ?? '', /--token/);
    assert.match(refuseReason('192.0.2.1', 'short') ?? '', /16 characters/);
    assert.equal(refuseReason('0.0.0.0', 'a-long-enough-token-1234'), null);
  });

  test('the UI is served with a content security policy that allows no inline script', async () => {
    const root = mkdtempSync(join(tmpdir(), 'trawl-web-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
    const { app } = createApp({ store: await openStore(':memory:'), webRoot: root });
    const res = await app.request('/');
    assert.equal(res.status, 200);
    assert.match(await res.text(), /<title>t<\/title>/);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  });
});

// The explorer in a real browser: Debian's headless Chromium driven by playwright-core against a
// server on a free loopback port. Ingests the bundled example through the UI, follows Flows to a
// ledger entry and a quote, visits every view (screenshots in test-output/screenshots), checks
// accessibility with axe-core and the keyboard, checks that hostile report text never runs, and,
// with the shared corpus present, measures how fast every view becomes interactive.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { startServer, WEB_ROOT } from './serve.js';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHOTS = join(ROOT, 'test-output/screenshots');
const CORPUS = join(ROOT, '../shared/corpus');
const skip = !existsSync(CHROMIUM)
  ? `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) to run the browser tests`
  : !existsSync(join(WEB_ROOT, 'index.html'))
    ? `the UI is not built (${WEB_ROOT}): run npm run build`
    : false;
/** Every view is interactive within this long of navigation (issue 7's bar). */
const BAR_MS = 1000;

const require = createRequire(import.meta.url);

interface Server { url: string; close: () => Promise<void> }

async function ready(page: Page, view: string): Promise<void> {
  await page.waitForSelector(`[data-view="${view}"][data-ready="true"]`, { timeout: 15_000 });
}

/** Milliseconds from the start of a fresh navigation until the view has its data on screen. */
async function timeToInteractive(page: Page, url: string, view: string): Promise<number> {
  await page.goto('about:blank');
  const t0 = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  await ready(page, view);
  return performance.now() - t0;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const VIEWS: [string, string][] = [
  ['flows', 'flows'], ['entry', 'entry/ENTRY'], ['timeline', 'timeline'], ['map', 'map'],
  ['reports', 'reports'], ['report', 'report/REPORT'], ['actors', 'actors'], ['actor', 'actor/KP'],
  ['search', 'search?q=shells'], ['ingest', 'ingest'],
];

describe('the web explorer in Chromium', { skip }, () => {
  let server: Server;
  let store: Store;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  let exampleId = '';
  let entryId = '';
  const pageErrors: string[] = [];
  const viewUrl = (path: string): string => `${server.url}#/${path.replace('REPORT', exampleId).replace('ENTRY', encodeURIComponent(entryId))}`;

  before(async () => {
    store = await openStore(':memory:');
    server = await startServer({ host: '127.0.0.1', port: 0, store });
    profile = mkdtempSync(join(tmpdir(), 'trawl-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1200, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('dialog', (d) => {
      pageErrors.push(`a dialog opened: ${d.message()}`);
      void d.dismiss();
    });
    mkdirSync(SHOTS, { recursive: true });
  });

  after(async () => {
    await context?.close();
    await server?.close();
    await store?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  test('ingest the bundled example by pasting it', async () => {
    await page.goto(viewUrl('ingest'));
    await ready(page, 'ingest');
    await page.fill('#ingest-text', readFileSync(join(ROOT, 'examples/report.txt'), 'utf8'));
    await page.getByLabel('Published').fill('2024-10-18');
    await page.getByRole('button', { name: 'Ingest text' }).click();
    await page.getByText('1 of 1').waitFor();
    await page.getByText('1 new, 0 unchanged, 0 rejected.').waitFor();
    exampleId = (await page.locator('.outcomes a').first().getAttribute('href'))!.replace('#/report/', '');
    assert.match(exampleId, /^r-[0-9a-f]{16}$/);
    const entries = (await (await fetch(`${server.url}api/ledger?from=KP&to=RU&category=munitions`)).json()) as { id: string }[];
    entryId = entries[0].id;
    await page.screenshot({ path: join(SHOTS, 'ingest.png'), fullPage: true });
  });

  test('Flows → ledger entry → quote in the report', async () => {
    await page.goto(viewUrl('flows'));
    await ready(page, 'flows');
    assert.equal(await page.locator('select').first().inputValue(), 'KP', 'the busiest pair comes first');
    await page.screenshot({ path: join(SHOTS, 'flows.png'), fullPage: true });
    const flow = page.locator('svg.flows a.flow').first();
    const label = (await flow.getAttribute('aria-label')) ?? '';
    await flow.click();
    await ready(page, 'entry');
    assert.match(label, /North Korea to Russia/);
    assert.ok((await page.locator('svg.chart a.mark').count()) > 0 || (await page.getByText('No estimate of this flow gives an amount').count()) > 0);
    await page.screenshot({ path: join(SHOTS, 'entry.png'), fullPage: true });
    const quote = page.locator('.estimates blockquote').first();
    const quoted = (await quote.locator('p').textContent()) ?? '';
    await quote.locator('a.quote-link').click();
    await ready(page, 'report');
    const target = (await page.locator('.report-text .hl-target').allTextContents()).join('');
    assert.ok(target.length > 0 && quoted.includes(target), `the report view highlights the quoted passage: "${target}" in "${quoted}"`);
    await page.locator('.report-text mark.hl-actor').first().hover();
    const card = page.locator('#hover-card');
    await card.waitFor();
    assert.match((await card.textContent()) ?? '', /Actor: .*rule: /);
    await page.screenshot({ path: join(SHOTS, 'report.png'), fullPage: true });
  });

  test('every view renders with data, passes axe-core (WCAG 2 AA) and reaches every control by keyboard', async () => {
    const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    for (const [view, path] of VIEWS) {
      await page.goto(viewUrl(path));
      await ready(page, view);
      assert.equal(await page.locator('.empty').filter({ hasText: /^No (reports|flows) yet/ }).count(), 0, `${view} has data`);
      await page.screenshot({ path: join(SHOTS, `${view}.png`), fullPage: true });

      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      });
      assert.deepEqual(violations, [], `${view}: axe-core violations`);

      const controls = await page.evaluate(() => {
        const all = [...document.querySelectorAll<HTMLElement | SVGElement>('a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])')]
          .filter((el) => el.getClientRects().length > 0 || el.classList.contains('skip'));
        all.forEach((el, i) => el.setAttribute('data-kb', String(i)));
        return all.length;
      });
      const reached = new Set<string>();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      for (let i = 0; i < controls + 3 && reached.size < controls; i++) {
        await page.keyboard.press('Tab');
        const at = await page.evaluate(() => document.activeElement?.getAttribute('data-kb') ?? null);
        if (at !== null) reached.add(at);
      }
      assert.equal(reached.size, controls, `${view}: ${controls - reached.size} of ${controls} controls not reached with Tab`);
      console.log(`${view}: ${controls} controls reached by keyboard, no axe-core violations`);
    }
    assert.deepEqual(pageErrors, []);
  });

  test('hostile report text is shown as text and never runs', async () => {
    const hostile = [
      'North Korea sent Russia <img src=x onerror="window.__pwned=1;alert(1)"> shells in May 2024, officials said.',
      '',
      '<script>window.__pwned=2;alert(2)</script> Moscow denied it. <a href="javascript:window.__pwned=3">click here</a>',
      '',
      '<svg onload="window.__pwned=4"></svg> [more](javascript:window.__pwned=5) <iframe src="javascript:window.__pwned=6"></iframe>',
    ].join('\n');
    await page.goto(viewUrl('ingest'));
    await ready(page, 'ingest');
    await page.setInputFiles('#ingest-files', { name: 'hostile.txt', mimeType: 'text/plain', buffer: Buffer.from(hostile) });
    await page.getByText('1 of 1').waitFor();
    const link = page.locator('.outcomes a').first();
    await link.waitFor();
    const id = (await link.getAttribute('href'))!.replace('#/report/', '');
    await page.goto(viewUrl(`report/${id}`));
    await ready(page, 'report');
    for (const mark of await page.locator('.report-text mark').all()) await mark.hover();
    const text = (await page.locator('.report-text').textContent()) ?? '';
    assert.ok(text.includes('<script>window.__pwned=2;alert(2)</script>'), 'the markup is visible as text');
    assert.equal(await page.locator('.report-text script, .report-text img, .report-text svg, .report-text iframe, .report-text a').count(), 0);
    for (const path of ['search?q=onerror', 'timeline', 'actors', 'reports', 'flows']) {
      await page.goto(viewUrl(path));
      await page.waitForSelector('[data-ready="true"]');
    }
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.equal(await page.locator('img[src="x"], iframe').count(), 0);
    assert.deepEqual(pageErrors, []);
  });

  test('with --token the UI takes the token from its address and sends it; without it, it says what to do', async () => {
    const token = 'e2e-token-0123456789abcdef';
    const guarded = await startServer({ host: '127.0.0.1', port: 0, store, token });
    const other = await context.newPage();
    try {
      await other.goto(`${guarded.url}#/reports`);
      await other.getByRole('alert').filter({ hasText: '#token=' }).waitFor();
      await other.goto('about:blank');
      await other.goto(`${guarded.url}#token=${token}`);
      await ready(other, 'flows');
      assert.ok(!other.url().includes(token), 'the token leaves the address bar');
      await other.goto(`${guarded.url}#/reports`);
      await ready(other, 'reports');
      assert.ok((await other.locator('tbody tr').count()) >= 1);
    } finally {
      await other.close();
      await guarded.close();
    }
  });

  test('with the whole shared corpus ingested, every view is interactive within 1 s of navigation', { skip: existsSync(CORPUS) ? false : `${CORPUS} is absent` }, async () => {
    const files = readdirSync(CORPUS, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).sort();
    for (const f of files) {
      const res = await fetch(`${server.url}api/ingest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: f, text: readFileSync(join(CORPUS, f), 'utf8') }) });
      assert.ok(res.status === 201 || res.status === 200, `${f}: ${res.status}`);
    }
    const reports = (await (await fetch(`${server.url}api/reports`)).json()) as unknown[];
    // The first view after an ingest also waits for the ledger to be fused again: shown apart.
    const first = await timeToInteractive(page, viewUrl('flows'), 'flows');
    const rows: [string, number][] = [];
    for (const [view, path] of VIEWS) {
      const times = [];
      for (let i = 0; i < 3; i++) times.push(await timeToInteractive(page, viewUrl(path.replace('REPORT', 'dev-001')), view));
      rows.push([view, median(times)]);
    }
    console.log(`time to interactive, ${reports.length} reports (${files.length} corpus files + the test's own), median of 3 fresh navigations:`);
    console.log(`  first view after the ingest (fusing the ledger again): ${first.toFixed(0)} ms`);
    for (const [view, ms] of rows) console.log(`  ${view.padEnd(9)} ${ms.toFixed(0).padStart(5)} ms`);
    for (const [view, ms] of rows) assert.ok(ms < BAR_MS, `${view} took ${ms.toFixed(0)} ms`);
    await page.goto(viewUrl('flows'));
    await ready(page, 'flows');
    await page.screenshot({ path: join(SHOTS, 'corpus-flows.png'), fullPage: true });
    await page.goto(viewUrl('map'));
    await ready(page, 'map');
    await page.screenshot({ path: join(SHOTS, 'corpus-map.png'), fullPage: true });
    assert.ok(dirname(SHOTS));
  });
});

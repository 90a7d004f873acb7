// What every Store backend must do, as one suite each backend's test file runs with its own
// `open` (after Hono's shared router cases): the same behaviour on SQLite and PostgreSQL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OIL, SHELLS, extractedReport as report } from '../test-support/extracted-report.js';
import type { Store } from './store.js';

export interface ConformanceOptions {
  /** A fresh, empty store for each test. */
  open(): Promise<Store>;
  skip?: string | false;
}

export function storeConformance(name: string, opts: ConformanceOptions): void {
  const it = (title: string, fn: (store: Store) => Promise<void>) =>
    test(`${name}: ${title}`, { skip: opts.skip }, async () => {
      const store = await opts.open();
      try {
        await fn(store);
        assert.deepEqual(await store.integrityCheck(), [], 'the store is sound afterwards');
      } finally {
        await store.close();
      }
    });

  it('a report goes in once with all its items; the same text again changes nothing', async (store) => {
    const r = report(SHELLS, 'a');
    assert.ok(r.extraction.transfers.length > 0 && r.extraction.actors.length > 0, 'the fixture yields items');
    assert.equal(await store.addReport(r), 'new');
    const before = await store.counts();
    assert.equal(before.reports, 1);
    assert.equal(before.transfers, r.extraction.transfers.length);
    assert.equal(before.actors, r.extraction.actors.length);
    assert.equal(before.mentions, r.extraction.actors.reduce((n, a) => n + a.mentions.length, 0));
    assert.equal(before.times, r.extraction.times.length);
    assert.equal(before.spans, r.extraction.transfers.reduce((n, t) => n + t.spans.length, 0) + r.extraction.events.reduce((n, e) => n + e.spans.length, 0)
      + r.extraction.inconsistencies.reduce((n, c) => n + c.spans.length, 0));
    assert.equal(await store.addReport({ ...r, id: 'another-id', path: 'copy.txt' }), 'unchanged');
    assert.deepEqual(await store.counts(), before);
    assert.equal(await store.hasHash(r.hash), true);
    assert.equal(await store.hasHash('0'.repeat(64)), false);
  });

  it('a report reads back as it was stored', async (store) => {
    const r = report(SHELLS, 'a');
    await store.addReport(r);
    const back = await store.getReport('a');
    assert.ok(back);
    const { ingestedAt, ...rest } = back;
    assert.match(ingestedAt ?? '', /^\d{4}-\d\d-\d\dT/);
    assert.deepEqual(rest, r);
    assert.equal(await store.getReport('missing'), null);
  });

  it('reports are listed by publication date, undated last', async (store) => {
    await store.addReport(report(SHELLS, 'late', '2024-06-01'));
    await store.addReport(report(OIL, 'early', '2023-01-09'));
    await store.addReport(report('Officials met in Vladivostok to discuss trade.', 'undated', null));
    assert.deepEqual((await store.listReports()).map((r) => r.id), ['early', 'late', 'undated']);
  });

  it('new text under a known id replaces the report and all its old items', async (store) => {
    await store.addReport(report(SHELLS, 'a'));
    const corrected = report(OIL, 'a');
    assert.equal(await store.addReport(corrected), 'updated');
    const counts = await store.counts();
    assert.equal(counts.reports, 1);
    assert.equal(counts.transfers, corrected.extraction.transfers.length);
    assert.equal(counts.actors, corrected.extraction.actors.length);
    assert.equal((await store.getReport('a'))?.text, OIL);
    assert.deepEqual(await store.search('artillery'), [], 'the old text left the search index');
  });

  it('search finds words in the text and marks them in a snippet', async (store) => {
    await store.addReport(report(SHELLS, 'a'));
    await store.addReport(report(OIL, 'b'));
    const hits = await store.search('barrels oil');
    assert.deepEqual(hits.map((h) => h.reportId), ['b']);
    assert.equal(hits[0].title, 'A test report');
    const marked = hits[0].highlights.map((h) => hits[0].snippet.slice(h.start, h.end).toLowerCase());
    assert.deepEqual(marked.sort(), ['barrels', 'oil']);
    assert.deepEqual((await store.search('"North Korea"')).map((h) => h.reportId).sort(), ['a', 'b']);
    assert.deepEqual((await store.search('"Korea North"')).length, 0, 'a phrase keeps its word order');
    assert.equal((await store.search('Pentagon OR barrels')).length, 2);
    assert.deepEqual((await store.search('artill*')).map((h) => h.reportId), ['a']);
    assert.equal((await store.search('U.S. NEAR(')).length, 0, 'operators in user words are only text');
    assert.equal((await store.search('shells', { limit: 1 })).length, 1);
  });
}

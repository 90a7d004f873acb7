import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDocument } from './read-document.js';
import { minimalPdf } from '../test-support/pdf.js';

const dir = mkdtempSync(join(tmpdir(), 'trawl-read-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
test.after(() => rmSync(dir, { recursive: true, force: true }));

const TEXT = 'Officials in Seoul said on Monday that North Korea had shipped about 9,000 containers to Russia since August.';

test('a FORMAT.md JSON report gives its id, text, date, title and outlet', async () => {
  const doc = await readDocument(file('r.json', JSON.stringify({ id: 'wire-42', title: 'Containers', outlet: 'Harbor Wire', published: '2023-10-14', text: TEXT, gold: {} })));
  assert.deepEqual({ ...doc, path: '' }, { path: '', text: TEXT, title: 'Containers', outlet: 'Harbor Wire', published: '2023-10-14', id: 'wire-42' });
  const other = await readDocument(file('s.json', JSON.stringify({ text: TEXT, source: 'Seoul Desk', published: null })));
  assert.equal(other.outlet, 'Seoul Desk');
  assert.equal(other.published, null);
  assert.equal(other.id, null);
});

test('JSON that is not a report is refused with the reason', async () => {
  await assert.rejects(readDocument(file('a.json', '[1, 2]')), /not a report: .*"text" string/);
  await assert.rejects(readDocument(file('b.json', '{"text": "x",')), /is not valid JSON/);
  await assert.rejects(readDocument(file('c.json', JSON.stringify({ text: TEXT, published: 'last week' }))), /"published": "last week"; it must be a date/);
  await assert.rejects(readDocument(file('d.json', JSON.stringify({ text: '   ' }))), /no text/);
});

test('HTML gives the article text, title, date and outlet from its metadata', async () => {
  const html = `<!doctype html><html><head><title>Shipments | Harbor Wire</title>
    <meta property="og:site_name" content="Harbor Wire"><meta property="article:published_time" content="2023-10-14T08:00:00Z"></head>
    <body><nav>Home · World</nav><article><h1>Shipments</h1><p>${TEXT}</p><p>The ministry gave no further figures.</p></article></body></html>`;
  const doc = await readDocument(file('p.html', html));
  assert.match(doc.text, /about 9,000 containers/);
  assert.equal(doc.outlet, 'Harbor Wire');
  assert.equal(doc.published, '2023-10-14');
  assert.ok(doc.title?.includes('Shipments'));
});

test('Markdown and text take a short first line as the title and have no date of their own', async () => {
  const md = await readDocument(file('n.md', `# Containers at Rajin\n\n${TEXT}\n`));
  assert.equal(md.title, 'Containers at Rajin');
  assert.equal(md.published, null);
  assert.equal(md.text.length, `# Containers at Rajin\n\n${TEXT}\n`.length, 'Markdown keeps its offsets');
  const txt = await readDocument(file('n.txt', TEXT));
  assert.equal(txt.title, TEXT);
  assert.equal(txt.outlet, null);
});

test('a PDF gives its text layer, title and creation date', async () => {
  const doc = await readDocument(file('brief.pdf', minimalPdf(['North Korea shipped shells to Russia.', 'Seoul said so on Monday.'], { title: 'Brief', created: '2024-03-15' })));
  assert.match(doc.text, /North Korea shipped shells to Russia\.\s+Seoul said so on Monday\./);
  assert.equal(doc.title, 'Brief');
  assert.equal(doc.published, '2024-03-15');
});

test('a PDF is read as a PDF whatever its name', async () => {
  const doc = await readDocument(file('brief.txt', minimalPdf(['Grain went from Russia to North Korea.'])));
  assert.match(doc.text, /Grain went/);
});

test('malformed PDFs and PDFs without text are refused with a clear reason', async () => {
  await assert.rejects(readDocument(file('bad.pdf', '%PDF-1.7\nthis is not the rest of a PDF\n')), /is not a readable PDF \(.+\)/);
  await assert.rejects(readDocument(file('cut.pdf', minimalPdf(['Some text here.']).subarray(0, 120))), /PDF/);
  await assert.rejects(readDocument(file('blank.pdf', minimalPdf([]))), /without a text layer/);
});

test('binary and missing files are refused', async () => {
  await assert.rejects(readDocument(file('x.bin', Buffer.from([1, 0, 2, 0, 3]))), /binary/);
  await assert.rejects(readDocument(join(dir, 'nope.txt')), /no such file/);
  await assert.rejects(readDocument(join(dir, 'nope.json')), /no such file/);
});

// Ingest: paste a report or upload files; each goes to POST /api/ingest in turn, with progress.
import { useState } from 'preact/hooks';
import { post } from '../api';
import { View } from '../common';
import { href } from '../route';
import type { IngestAnswer } from '../types';

interface Outcome { name: string; answer?: IngestAnswer; error?: string }

/** What goes in the request for one file: text as it is, a PDF's bytes as base64. */
async function fileBody(f: File): Promise<{ text: string } | { base64: string }> {
  if (!/\.pdf$/i.test(f.name) && f.type !== 'application/pdf') return { text: await f.text() };
  const bytes = new Uint8Array(await f.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { base64: btoa(binary) };
}

export function Ingest() {
  const [text, setText] = useState('');
  const [published, setPublished] = useState('');
  const [outlet, setOutlet] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(0);
  const [total, setTotal] = useState(0);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);

  async function run(docs: { name: string; read: () => Promise<{ text: string } | { base64: string }> }[]): Promise<void> {
    setBusy(true);
    setDone(0);
    setTotal(docs.length);
    setOutcomes([]);
    const results: Outcome[] = [];
    for (const d of docs) {
      try {
        const answer = await post<IngestAnswer>('ingest', { name: d.name, ...(await d.read()), published: published || undefined, outlet: outlet || undefined });
        results.push({ name: d.name, answer });
      } catch (e) {
        results.push({ name: d.name, error: (e as Error).message });
      }
      setDone(results.length);
      setOutcomes(results.slice());
    }
    setBusy(false);
  }

  const fresh = outcomes.filter((o) => o.answer?.status === 'new').length;
  const same = outcomes.filter((o) => o.answer?.status === 'unchanged').length;
  const updated = outcomes.filter((o) => o.answer?.status === 'updated').length;
  const failed = outcomes.filter((o) => o.error).length;
  return (
    <View name="ingest" title="Ingest reports" ready>
      <form class="ingest" onSubmit={(ev) => { ev.preventDefault(); if (text.trim()) void run([{ name: 'pasted.txt', read: async () => ({ text }) }]); }}>
        <label for="ingest-text">Paste a report</label>
        <textarea id="ingest-text" rows={10} value={text} onInput={(ev) => setText((ev.target as HTMLTextAreaElement).value)} />
        <div class="row">
          <label>Published <input type="date" value={published} onInput={(ev) => setPublished((ev.target as HTMLInputElement).value)} /></label>
          <label>Outlet <input type="text" value={outlet} onInput={(ev) => setOutlet((ev.target as HTMLInputElement).value)} /></label>
          <button type="submit" disabled={busy || !text.trim()}>Ingest text</button>
        </div>
        <p class="hint">Without a date, the date comes from the document (HTML metadata, corpus JSON) or is estimated from the text and marked so.</p>
        <label for="ingest-files">Or upload files (text, Markdown, HTML, PDF, corpus JSON)</label>
        <input id="ingest-files" type="file" multiple accept=".txt,.md,.markdown,.html,.htm,.pdf,.json,text/plain,text/markdown,text/html,application/pdf,application/json" disabled={busy}
          onChange={(ev) => {
            const files = [...((ev.target as HTMLInputElement).files ?? [])];
            if (files.length) void run(files.map((f) => ({ name: f.name, read: () => fileBody(f) })));
          }} />
      </form>
      {total > 0 && (
        <section aria-live="polite">
          <h2>Progress</h2>
          <progress max={total} value={done} aria-label="Ingest progress" /> <span>{done} of {total}</span>
          <p>{fresh} new, {updated ? `${updated} updated, ` : ''}{same} unchanged, {failed} rejected{busy ? '…' : '.'}</p>
          <ul class="outcomes">{outcomes.map((o, i) => (
            <li key={i}>{o.name}: {o.answer
              ? <><a href={href('report', o.answer.id)}>{o.answer.title ?? o.answer.id}</a> — {o.answer.status}, {o.answer.counts.transfers} transfers, {o.answer.counts.events} events</>
              : <span class="error">rejected: {o.error}</span>}</li>
          ))}</ul>
        </section>
      )}
    </View>
  );
}

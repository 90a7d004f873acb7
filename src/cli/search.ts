// `trawl search QUERY`: full-text search over the stored reports.
import { openStore } from '../store/open.js';
import { storeLocation } from '../store/location.js';
import type { SearchHit } from '../store/store.js';
import { UsageError } from './errors.js';

export interface SearchOptions {
  db?: string;
  limit: string;
  format: 'text' | 'json';
}

/** The snippet with its matched words in [brackets], on one line. */
export function markedSnippet(hit: SearchHit): string {
  let out = '';
  let at = 0;
  for (const h of hit.highlights) {
    out += `${hit.snippet.slice(at, h.start)}[${hit.snippet.slice(h.start, h.end)}]`;
    at = h.end;
  }
  return (out + hit.snippet.slice(at)).replace(/\s+/g, ' ').trim();
}

export async function searchCommand(words: string[], opts: SearchOptions): Promise<void> {
  if (!/^[1-9]\d{0,5}$/.test(opts.limit)) throw new UsageError(`--limit must be a whole number from 1, not "${opts.limit}"`);
  const store = await openStore(storeLocation(opts.db), { create: false });
  try {
    const hits = await store.search(words.join(' '), { limit: Number(opts.limit) });
    if (opts.format === 'json') {
      process.stdout.write(JSON.stringify({ hits }, null, 2) + '\n');
      return;
    }
    if (!hits.length) { process.stdout.write('no report matches\n'); return; }
    process.stdout.write(hits.map((h) => `${h.reportId}  ${h.published ?? 'undated'}  ${h.title ?? ''}\n  ${markedSnippet(h)}\n`).join(''));
  } finally {
    await store.close();
  }
}

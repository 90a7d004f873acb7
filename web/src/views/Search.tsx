// Search: words anywhere in the reports, each hit linked to its place in the report.
import { useState } from 'preact/hooks';
import { useApi } from '../api';
import { Empty, View } from '../common';
import { href, navigate, type Route } from '../route';
import type { SearchResult } from '../types';

/** The snippet as text, its matched words marked. */
function Snippet({ hit }: { hit: SearchResult }) {
  const parts = [];
  let at = 0;
  for (const [i, h] of hit.highlights.entries()) {
    parts.push(hit.snippet.slice(at, h.start), <mark key={i}>{hit.snippet.slice(h.start, h.end)}</mark>);
    at = h.end;
  }
  parts.push(hit.snippet.slice(at));
  return <>{parts}</>;
}

export function Search({ route }: { route: Route }) {
  const q = route.params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const { data, error } = useApi<SearchResult[]>(q ? `search?q=${encodeURIComponent(q)}` : null);
  return (
    <View name="search" title="Search" ready={!q || !!data} error={error}>
      <form class="filters" role="search" onSubmit={(ev) => { ev.preventDefault(); navigate(href('search', null, { q: draft.trim() })); }}>
        <label>Words <input type="search" name="q" value={draft} onInput={(ev) => setDraft((ev.target as HTMLInputElement).value)} /></label>
        <button type="submit">Search</button>
      </form>
      {q && data && (!data.length ? <Empty>No report contains “{q}”.</Empty> : (
        <ol class="results">{data.map((h) => (
          <li key={h.report}>
            <a href={href('report', h.report, { s: h.start !== null ? `${h.start}-${h.end}` : undefined })}>{h.title ?? h.report}</a> <span class="hint">{h.published ?? ''}</span>
            <p><Snippet hit={h} /></p>
          </li>
        ))}</ol>
      ))}
    </View>
  );
}

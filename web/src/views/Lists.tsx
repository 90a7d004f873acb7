// The lists: every report, every actor.
import { useState } from 'preact/hooks';
import { useApi } from '../api';
import { Empty, View, count } from '../common';
import { href } from '../route';
import type { ActorSummary, ReportSummary } from '../types';

export function Reports() {
  const { data, error } = useApi<ReportSummary[]>('reports');
  return (
    <View name="reports" title="Reports" ready={!!data} error={error}>
      {!data?.length ? <Empty>No reports yet: <a href={href('ingest')}>ingest some</a>.</Empty> : (
        <table>
          <caption>{count(data.length, 'report')}, oldest first</caption>
          <thead><tr><th scope="col">Published</th><th scope="col">Title</th><th scope="col">Outlet</th><th scope="col">Transfers</th><th scope="col">Events</th><th scope="col">Attributions</th><th scope="col">Inconsistencies</th></tr></thead>
          <tbody>{data.map((r) => (
            <tr key={r.id}>
              <td>{r.published ?? 'unknown'}{r.publishedEstimated && <span class="tag">estimated</span>}</td>
              <td><a href={href('report', r.id)}>{r.title ?? r.id}</a></td>
              <td>{r.outlet ?? ''}</td><td>{r.transfers}</td><td>{r.events}</td><td>{r.attributions}</td><td>{r.inconsistencies}</td>
            </tr>
          ))}</tbody>
        </table>
      )}
    </View>
  );
}

export function Actors() {
  const { data, error } = useApi<ActorSummary[]>('actors');
  const [filter, setFilter] = useState('');
  const f = filter.trim().toLowerCase();
  const shown = (data ?? []).filter((a) => !f || a.name.toLowerCase().includes(f) || a.aliases.some((x) => x.toLowerCase().includes(f)));
  return (
    <View name="actors" title="Actors" ready={!!data} error={error}>
      <form class="filters" onSubmit={(ev) => ev.preventDefault()}>
        <label>Name contains <input type="search" value={filter} onInput={(ev) => setFilter((ev.target as HTMLInputElement).value)} /></label>
        <span class="hint">{shown.length} of {data?.length ?? 0}</span>
      </form>
      <table>
        <caption>Actors across all reports, busiest first</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Reports</th><th scope="col">Sent</th><th scope="col">Received</th><th scope="col">Said</th><th scope="col">Denied</th></tr></thead>
        <tbody>{shown.slice(0, 300).map((a) => (
          <tr key={a.id}><td><a href={href('actor', a.id)}>{a.name}</a></td><td>{a.type}</td><td>{a.reports.length}</td><td>{a.sent}</td><td>{a.received}</td><td>{a.said}</td><td>{a.denied}</td></tr>
        ))}</tbody>
      </table>
    </View>
  );
}

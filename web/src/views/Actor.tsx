// Actor: its names and aliases, roles, and what it sent, received, said and denied.
import { useApi } from '../api';
import { ActorLink, Empty, View, count, latestEstimate, nameOf, quantityText, useActorNames } from '../common';
import { href, type Route } from '../route';
import type { ActorDetail, AttributionItem, LedgerEntry } from '../types';

function Entries({ list, side, actors }: { list: LedgerEntry[]; side: 'from' | 'to'; actors: ReturnType<typeof useActorNames> }) {
  if (!list.length) return <Empty>None.</Empty>;
  return (
    <ul>{list.map((e) => {
      const latest = latestEstimate(e);
      return (
        <li key={e.id}>
          <a href={href('entry', e.id)}>{e.category}: {e.item}</a> {side === 'to' ? 'to' : 'from'} <ActorLink id={side === 'to' ? e.to : e.from} actors={actors} />
          {latest && ` — latest ${quantityText(latest.quantity)} (${latest.published ?? 'undated'})`}, {count(e.estimates.length, 'estimate')}
        </li>
      );
    })}</ul>
  );
}

function Quotes({ list }: { list: AttributionItem[] }) {
  if (!list.length) return <Empty>None.</Empty>;
  return (
    <ul class="quotes">{list.map((a, i) => (
      <li key={i}>
        <span class="tag">{a.kind}</span> {a.published ?? 'undated'}: <q>{a.text}</q>{' '}
        <a href={href('report', a.report, { s: `${a.start}-${a.end}` })}>in report {a.report}</a>
      </li>
    ))}</ul>
  );
}

export function Actor({ route }: { route: Route }) {
  const id = route.arg ?? '';
  const { data, error } = useApi<ActorDetail>(id ? `actors/${encodeURIComponent(id)}` : null);
  const actors = useActorNames();
  const a = data?.actor;
  return (
    <View name="actor" title={a ? a.name : 'Actor'} ready={!!data && !!actors} error={error}>
      {data && a && (
        <>
          <dl class="facts">
            <dt>Id</dt><dd>{a.id}</dd>
            <dt>Type</dt><dd>{a.type}</dd>
            <dt>Also called</dt><dd>{a.aliases.length ? a.aliases.join('; ') : 'no other names'}</dd>
            <dt>Roles</dt><dd>{a.roles.length ? a.roles.join('; ') : 'none given'}</dd>
            <dt>Named in</dt><dd>{count(a.reports.length, 'report')}</dd>{a.country && a.country !== a.id && <><dt>State</dt><dd><ActorLink id={a.country} actors={actors} /></dd></>}
          </dl>
          <p><a href={href('timeline', null, { actor: a.id })}>{nameOf(actors, a.id)} on the timeline</a></p>
          <section><h2>Sent</h2><Entries list={data.sent} side="to" actors={actors} /></section>
          <section><h2>Received</h2><Entries list={data.received} side="from" actors={actors} /></section>
          <section><h2>Said</h2><Quotes list={data.said} /></section>
          <section><h2>Denied</h2><Quotes list={data.denied} /></section>
          <section>
            <h2>Events</h2>
            {data.events.length ? <ul>{data.events.map((e, i) => (
              <li key={i}>{e.date ?? 'undated'}: {e.type} with {e.actors.filter((x) => x !== a.id).map((x) => nameOf(actors, x)).join(', ') || 'no one else named'}{e.place ? ` in ${e.place}` : ''}
                {e.citations.map((c, j) => <> <a key={j} href={href('report', c.report, { s: `${c.start}-${c.end}` })}>in report {c.report}</a></>)}</li>
            ))}</ul> : <Empty>None.</Empty>}
          </section>
        </>
      )}
    </View>
  );
}

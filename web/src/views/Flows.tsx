// Flows: the two-way exchange between two actors, one arrow per category, each with its latest
// estimate and a link to its ledger entry.
import { useApi } from '../api';
import { ActorLink, Empty, View, categoryColour, latestEstimate, nameOf, quantityText, useActorNames } from '../common';
import { href, navigate, type Route } from '../route';
import type { LedgerEntry, Summary } from '../types';

const WIDTH = 760;
const ROW = 46;
const NODE_W = 150;

function Arrows({ entries, leftToRight, top, actors }: { entries: LedgerEntry[]; leftToRight: boolean; top: number; actors: ReturnType<typeof useActorNames> }) {
  const x0 = NODE_W + 16;
  const x1 = WIDTH - NODE_W - 16;
  const maxN = Math.max(1, ...entries.map((e) => e.estimates.length));
  return (
    <g>
      {entries.map((e, i) => {
        const y = top + i * ROW + ROW / 2 + 8;
        const w = 3 + 9 * Math.sqrt(e.estimates.length / maxN);
        const [from, to] = leftToRight ? [x0, x1] : [x1, x0];
        const head = leftToRight ? -14 : 14;
        const latest = latestEstimate(e);
        const label = `${e.category}: ${e.item} — ${latest ? `${quantityText(latest.quantity)} (${latest.published ?? 'undated'})` : 'denied only'}`;
        const shown = label.length > 70 ? `${label.slice(0, 69)}…` : label;
        // The accessible name starts with the visible words, so speech input can say what it sees.
        return (
          <a key={e.id} href={href('entry', e.id)} class="flow" aria-label={`${shown} ${label === shown ? '' : `${label}, `}${nameOf(actors, e.from)} to ${nameOf(actors, e.to)}`}>
            <title>{label}</title>
            <line x1={from} y1={y} x2={to + head} y2={y} stroke={categoryColour(e.category)} stroke-width={w} />
            <polygon points={`${to},${y} ${to + head},${y - w / 2 - 5} ${to + head},${y + w / 2 + 5}`} fill={categoryColour(e.category)} />
            <text x={(x0 + x1) / 2} y={y - w / 2 - 5} text-anchor="middle" class="flow-label">{shown}</text>
          </a>
        );
      })}
    </g>
  );
}

export function Flows({ route }: { route: Route }) {
  const summary = useApi<Summary>('summary');
  const ledger = useApi<LedgerEntry[]>('ledger');
  const actors = useActorNames();
  const pairs = summary.data?.pairs ?? [];
  const a = route.params.get('a') ?? pairs[0]?.a ?? '';
  const b = route.params.get('b') ?? pairs[0]?.b ?? '';
  const ready = !!summary.data && !!ledger.data && !!actors;
  const between = (ledger.data ?? []).filter((e) => (e.from === a && e.to === b) || (e.from === b && e.to === a));
  const ab = between.filter((e) => e.from === a);
  const ba = between.filter((e) => e.from === b);
  const parties = [...new Set(pairs.flatMap((p) => [p.a, p.b]))].sort((x, y) => nameOf(actors, x).localeCompare(nameOf(actors, y)));
  const height = Math.max(2, ab.length + ba.length) * ROW + 60;
  const choose = (na: string, nb: string): void => navigate(href('flows', null, { a: na, b: nb }));

  return (
    <View name="flows" title="Flows" ready={ready} error={summary.error ?? ledger.error}>
      {!pairs.length ? <Empty>No flows yet: <a href={href('ingest')}>ingest some reports</a>.</Empty> : (
        <>
          <form class="filters" onSubmit={(ev) => ev.preventDefault()}>
            <label>Between <select value={a} onChange={(ev) => choose((ev.target as HTMLSelectElement).value, b)}>
              {parties.map((id) => <option key={id} value={id}>{nameOf(actors, id)}</option>)}
            </select></label>
            <label>and <select value={b} onChange={(ev) => choose(a, (ev.target as HTMLSelectElement).value)}>
              {parties.map((id) => <option key={id} value={id}>{nameOf(actors, id)}</option>)}
            </select></label>
            <span class="hint">Busiest pairs: {pairs.slice(0, 4).map((p, i) => (
              <>{i ? ', ' : ''}<a href={href('flows', null, { a: p.a, b: p.b })}>{nameOf(actors, p.a)} – {nameOf(actors, p.b)}</a> ({p.entries})</>
            ))}</span>
          </form>
          {!between.length ? <Empty>No ledger entries between {nameOf(actors, a)} and {nameOf(actors, b)}.</Empty> : (
            <>
              <svg class="flows" viewBox={`0 0 ${WIDTH} ${height}`} role="group" aria-label={`Flows between ${nameOf(actors, a)} and ${nameOf(actors, b)}`}>
                <rect x={0} y={10} width={NODE_W} height={height - 20} rx={8} class="node" />
                <text x={NODE_W / 2} y={height / 2} text-anchor="middle" class="node-label">{nameOf(actors, a)}</text>
                <rect x={WIDTH - NODE_W} y={10} width={NODE_W} height={height - 20} rx={8} class="node" />
                <text x={WIDTH - NODE_W / 2} y={height / 2} text-anchor="middle" class="node-label">{nameOf(actors, b)}</text>
                <Arrows entries={ab} leftToRight top={20} actors={actors} />
                <Arrows entries={ba} leftToRight={false} top={20 + ab.length * ROW + 20} actors={actors} />
              </svg>
              <table>
                <caption>Ledger entries between {nameOf(actors, a)} and {nameOf(actors, b)}</caption>
                <thead><tr><th scope="col">From</th><th scope="col">To</th><th scope="col">Category</th><th scope="col">Item</th><th scope="col">Latest estimate</th><th scope="col">Estimates</th><th scope="col">Sources</th></tr></thead>
                <tbody>
                  {between.map((e) => {
                    const latest = latestEstimate(e);
                    return (
                      <tr key={e.id}>
                        <td><ActorLink id={e.from} actors={actors} /></td>
                        <td><ActorLink id={e.to} actors={actors} /></td>
                        <td><span class="swatch" style={{ background: categoryColour(e.category) }} />{e.category}</td>
                        <td><a href={href('entry', e.id)}>{e.item}</a></td>
                        <td>{latest ? `${quantityText(latest.quantity)} (${latest.published ?? 'undated'})` : 'denied only'}</td>
                        <td>{e.estimates.length}</td>
                        <td>{e.independentSources}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
    </View>
  );
}

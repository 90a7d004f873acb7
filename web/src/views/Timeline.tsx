// Timeline: events and transfers on one time axis, one lane per kind, filtered by actor and category.
import { scaleUtc } from 'd3-scale';
import { useApi } from '../api';
import { Empty, View, categoryColour, nameOf, timexStart, useActorNames } from '../common';
import { href, navigate, type Route } from '../route';
import type { TimelineItem } from '../types';

const W = 760;
const LANE = 34;
// Room for the longest lane label ("transfer technology") at the tick font size.
const LEFT = 170;

export function Timeline({ route }: { route: Route }) {
  const actor = route.params.get('actor') ?? '';
  const category = route.params.get('category') ?? '';
  const all = useApi<TimelineItem[]>('timeline');
  const shown = useApi<TimelineItem[]>(`timeline?actor=${encodeURIComponent(actor)}&category=${encodeURIComponent(category)}`);
  const actors = useActorNames();
  const ready = !!all.data && !!shown.data && !!actors;
  const items = (shown.data ?? []).map((it) => ({ it, date: timexStart(it.date) })).filter((x): x is { it: TimelineItem; date: Date } => !!x.date);
  const involved = [...new Set((all.data ?? []).flatMap((i) => i.actors))].sort((a, b) => nameOf(actors, a).localeCompare(nameOf(actors, b)));
  const types = [...new Set((all.data ?? []).map((i) => i.type))].sort();
  const lanes = [...new Set(items.map((x) => `${x.it.kind}:${x.it.type}`))].sort();
  const height = lanes.length * LANE + 50;
  const times = items.map((x) => x.date.getTime());
  const x = scaleUtc().domain(times.length ? [new Date(Math.min(...times)), new Date(Math.max(...times) + 1)] : [new Date(0), new Date(1)]).range([LEFT, W - 20]).nice();
  const set = (k: string, v: string): void => navigate(href('timeline', null, { actor, category, [k]: v }));
  return (
    <View name="timeline" title="Timeline" ready={ready} error={all.error ?? shown.error}>
      <form class="filters" onSubmit={(ev) => ev.preventDefault()}>
        <label>Actor <select value={actor} onChange={(ev) => set('actor', (ev.target as HTMLSelectElement).value)}>
          <option value="">all</option>
          {involved.map((id) => <option key={id} value={id}>{nameOf(actors, id)}</option>)}
        </select></label>
        <label>Category <select value={category} onChange={(ev) => set('category', (ev.target as HTMLSelectElement).value)}>
          <option value="">all</option>
          {types.map((t) => <option key={t} value={t}>{t}</option>)}
        </select></label>
        <span class="hint">{items.length} items</span>
      </form>
      {!items.length ? <Empty>Nothing dated matches.</Empty> : (
        <>
          <svg class="timeline" viewBox={`0 0 ${W} ${height}`} role="group" aria-label="Events and transfers over time">
            {lanes.map((lane, i) => (
              <g key={lane}>
                <line x1={LEFT} x2={W - 20} y1={20 + i * LANE + LANE / 2} y2={20 + i * LANE + LANE / 2} class="grid" />
                <text x={LEFT - 8} y={20 + i * LANE + LANE / 2 + 4} text-anchor="end" class="tick">{lane.replace(':', ' ')}</text>
              </g>
            ))}
            {x.ticks(8).map((t) => <text key={t.getTime()} x={x(t)} y={height - 8} text-anchor="middle" class="tick">{x.tickFormat(8)(t)}</text>)}
            {items.map(({ it, date }, i) => {
              const y = 20 + lanes.indexOf(`${it.kind}:${it.type}`) * LANE + LANE / 2;
              return (
                <a key={i} href={it.entry ? href('entry', it.entry) : href('report', it.report, { s: `${it.start}-${it.end}` })} aria-label={`${it.date} ${it.label}`}>
                  <title>{`${it.date} ${it.label}`}</title>
                  {it.kind === 'event'
                    ? <rect x={x(date) - 5} y={y - 5} width={10} height={10} fill={categoryColour(it.type)} transform={`rotate(45 ${x(date)} ${y})`} />
                    : <circle cx={x(date)} cy={y} r={5} fill={categoryColour(it.type)} />}
                </a>
              );
            })}
          </svg>
          <ol class="timeline-list">
            {items.map(({ it }, i) => (
              <li key={i}>
                <time>{it.date}</time> <span class="tag">{it.kind}</span>{' '}
                {it.entry ? <a href={href('entry', it.entry)}>{it.label}</a> : it.label}{' '}
                <a href={href('report', it.report, { s: `${it.start}-${it.end}` })} aria-label={`source sentence in report ${it.report}`}>[{it.report}]</a>
              </li>
            ))}
          </ol>
        </>
      )}
    </View>
  );
}

// Ledger entry: the estimates over time (points for amounts, bars for ranges and bounds, one
// colour per original source), corroboration, conflicts, denials, and the quotes behind them.
import { scaleLog, scaleUtc } from 'd3-scale';
import { useState } from 'preact/hooks';
import { useApi } from '../api';
import { ActorLink, Empty, PALETTE, View, nameOf, quantityText, timexStart, useActorNames } from '../common';
import { href, type Route } from '../route';
import type { Citation, Estimate, LedgerEntry } from '../types';

const W = 760;
const H = 280;
const M = { top: 16, right: 20, bottom: 36, left: 84 };

function SourceName({ e, actors, colour }: { e: Estimate; actors: ReturnType<typeof useActorNames>; colour?: string }) {
  const style = colour ? { color: colour } : undefined;
  return e.sourceActor ? <a href={href('actor', e.sourceActor)} style={style}>{nameOf(actors, e.sourceActor)}</a> : <span style={style}>{e.source}</span>;
}

const COMPACT = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

interface Plotted { i: number; date: Date; low: number; high: number; point: boolean; openUp: boolean; openDown: boolean; colour: string; est: Estimate }

const unitOf = (q: Estimate['quantity']): string | null => (q && (q.value ?? q.min ?? q.max) !== null ? q.unit ?? 'item' : null);
const unitName = (u: string): string => (u === 'item' ? 'items' : u);
/** Length in pixels of the arrow that stands for an open bound ("more than", "up to"). */
const OPEN = 34;

/** Amounts in different units do not share an axis: one chart per unit, the most used first. */
function Charts({ entry, colours }: { entry: LedgerEntry; colours: Map<string, string> }) {
  const counts = new Map<string, number>();
  for (const e of entry.estimates) {
    const u = unitOf(e.quantity);
    if (u) counts.set(u, (counts.get(u) ?? 0) + 1);
  }
  const units = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([u]) => u);
  const [chosen, setChosen] = useState<string | null>(null);
  const unit = chosen && units.includes(chosen) ? chosen : units[0];
  if (!unit) return <Empty>No estimate of this flow gives an amount to chart.</Empty>;
  return (
    <>
      {units.length > 1 && (
        <div class="filters" role="group" aria-label="Unit of the chart">
          {units.map((u) => <button key={u} type="button" aria-pressed={u === unit} onClick={() => setChosen(u)}>{unitName(u)} ({counts.get(u)})</button>)}
        </div>
      )}
      <Chart entry={entry} colours={colours} unit={unit} />
    </>
  );
}

function Chart({ entry, colours, unit }: { entry: LedgerEntry; colours: Map<string, string>; unit: string }) {
  const points: Plotted[] = [];
  entry.estimates.forEach((e, i) => {
    const q = e.quantity;
    const date = timexStart(e.published);
    if (!q || !date || unitOf(q) !== unit) return;
    const lo = q.value ?? q.min ?? q.max;
    const hi = q.value ?? q.max ?? q.min;
    if (lo === null || hi === null || lo <= 0 || hi <= 0) return;
    points.push({ i, date, low: lo, high: hi, point: q.value !== null || (q.min !== null && q.max !== null && q.min === q.max), openUp: q.value === null && q.max === null, openDown: q.value === null && q.min === null, colour: colours.get(e.sourceKey) ?? PALETTE[0], est: e });
  });
  if (!points.length) return <Empty>No estimate of this flow gives an amount to chart.</Empty>;
  const dates = points.map((p) => p.date.getTime());
  const pad = 1000 * 60 * 60 * 24 * 30;
  const x = scaleUtc().domain([new Date(Math.min(...dates) - pad), new Date(Math.max(...dates) + pad)]).range([M.left, W - M.right]);
  const values = points.flatMap((p) => [p.low, p.high]);
  const y = scaleLog().domain([Math.min(...values) / 2, Math.max(...values) * 2]).range([H - M.bottom, M.top]).nice();
  // Round amounts only (1, 2, 5 × 10^k), thinned to powers of ten when there are many.
  const round = y.ticks().filter((t) => /^[125]$/.test(String(t / 10 ** Math.floor(Math.log10(t) + 1e-9))));
  const ticksY = round.length > 7 ? round.filter((t) => Number.isInteger(Math.log10(t))) : round;
  const formatX = x.tickFormat(6);
  return (
    <figure>
      <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="group" aria-label={`Estimates over time, in ${unitName(unit)}`}>
        {ticksY.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} class="grid" />
            <text x={M.left - 6} y={y(t) + 4} text-anchor="end" class="tick">{COMPACT.format(t)}</text>
          </g>
        ))}
        {x.ticks(6).map((t) => (
          <text key={t.getTime()} x={x(t)} y={H - M.bottom + 18} text-anchor="middle" class="tick">{formatX(t)}</text>
        ))}
        <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} class="axis" />
        {points.map((p) => {
          const cx = x(p.date);
          const label = `${p.est.published}: ${quantityText(p.est.quantity)}`;
          return (
            <a key={p.i} href={`#estimate-${p.i}`} class="mark" aria-label={label} onClick={(ev) => { ev.preventDefault(); document.getElementById(`estimate-${p.i}`)?.scrollIntoView({ block: 'center' }); (document.getElementById(`estimate-${p.i}`) as HTMLElement | null)?.focus(); }}>
              <title>{label}</title>
              {p.point ? <circle cx={cx} cy={y(p.low)} r={6} fill={p.colour} /> : p.openUp || p.openDown ? (() => {
                const y0 = y(p.openUp ? p.low : p.high);
                const tip = p.openUp ? y0 - OPEN : y0 + OPEN;
                const back = p.openUp ? 8 : -8;
                return (
                  <>
                    <rect x={cx - 7} y={y0 - 2} width={14} height={4} fill={p.colour} />
                    <line x1={cx} x2={cx} y1={y0} y2={tip + back} stroke={p.colour} stroke-width={4} stroke-dasharray="5 3" />
                    <polygon points={`${cx},${tip} ${cx - 6},${tip + back} ${cx + 6},${tip + back}`} fill={p.colour} />
                  </>
                );
              })() : (
                <>
                  <line x1={cx} x2={cx} y1={y(p.low)} y2={y(p.high)} stroke={p.colour} stroke-width={5} />
                  <rect x={cx - 7} y={y(p.low) - 2} width={14} height={4} fill={p.colour} />
                  <rect x={cx - 7} y={y(p.high) - 2} width={14} height={4} fill={p.colour} />
                </>
              )}
            </a>
          );
        })}
      </svg>
      <figcaption>Dots: a stated amount; bars: a range; dashed arrows: "more than" (up) or "up to" (down). Log scale, by report date; select a mark for its quote.</figcaption>
    </figure>
  );
}

function QuoteLink({ cite }: { cite: Citation | undefined }) {
  if (!cite) return null;
  return (
    <blockquote>
      <p>{cite.quote}</p>
      <a href={href('report', cite.report, { s: `${cite.start}-${cite.end}` })} class="quote-link">Read in report {cite.report}</a>
    </blockquote>
  );
}

export function Entry({ route }: { route: Route }) {
  const id = route.arg ?? '';
  const { data: entry, error } = useApi<LedgerEntry>(id ? `ledger/${encodeURIComponent(id)}` : null);
  const actors = useActorNames();
  const ready = !!entry && !!actors;
  const colours = new Map<string, string>();
  for (const e of entry?.estimates ?? []) {
    if (!colours.has(e.sourceKey)) colours.set(e.sourceKey, PALETTE[colours.size % PALETTE.length]);
  }
  return (
    <View name="entry" title={entry ? `${nameOf(actors, entry.from)} → ${nameOf(actors, entry.to)}: ${entry.category}` : 'Ledger entry'} ready={ready} error={error}>
      {entry && (
        <>
          <dl class="facts">
            <dt>From</dt><dd><ActorLink id={entry.from} actors={actors} /></dd>
            <dt>To</dt><dd><ActorLink id={entry.to} actors={actors} /></dd>
            {entry.fromActors.length + entry.toActors.length > 0 && <><dt>Bodies</dt><dd>{[...entry.fromActors, ...entry.toActors].map((x, i) => <>{i ? ', ' : ''}<ActorLink id={x} actors={actors} /></>)}</dd></>}
            <dt>Item</dt><dd>{entry.item}{entry.items.length > 1 ? ` (also: ${entry.items.filter((x) => x !== entry.item).slice(0, 5).join('; ')})` : ''}</dd>
            {(entry.since || entry.until) && <><dt>Period</dt><dd>{entry.since ?? '?'} to {entry.until ?? 'now'}</dd></>}
            <dt>Estimates</dt><dd>{entry.estimates.length}</dd>
            <dt>Independent sources</dt><dd>{entry.independentSources}: {entry.sources.map((x) => x.name).join('; ')}</dd>
            <dt>Reported</dt><dd>{entry.firstReported ?? '?'} to {entry.lastReported ?? '?'}</dd>
          </dl>
          <Charts entry={entry} colours={colours} />
          <ul class="legend" aria-label="Sources">
            {[...colours.entries()].map(([key, colour]) => {
              const e = entry.estimates.find((x) => x.sourceKey === key)!;
              return <li key={key}><span class="swatch" style={{ background: colour }} />{e.source}</li>;
            })}
          </ul>
          {entry.conflicts.length > 0 && (
            <section>
              <h2>Conflicts</h2>
              <ul>{entry.conflicts.map((c, i) => (
                <li key={i}>{c.reason} {c.estimates.map((e, j) => e.spans[0] && <a key={j} href={href('report', e.report, { s: `${e.spans[0].start}-${e.spans[0].end}` })}>[{e.report}]</a>)}</li>
              ))}</ul>
            </section>
          )}
          <section>
            <h2>Estimates in the order they were reported</h2>
            <ol class="estimates">
              {entry.estimates.map((e, i) => (
                <li key={i} id={`estimate-${i}`} tabIndex={-1}>
                  <p><strong>{quantityText(e.quantity)}</strong> — {e.status}, {e.published ?? 'undated'}{e.outlet ? ` (${e.outlet})` : ''}, source: <SourceName e={e} actors={actors} colour={colours.get(e.sourceKey)} />{e.since ? `, since ${e.since}` : ''}{e.until ? `, until ${e.until}` : ''}</p>
                  <QuoteLink cite={e.spans[0]} />
                </li>
              ))}
            </ol>
          </section>
          <section>
            <h2>Denials</h2>
            {entry.denials.length ? (
              <ol>{entry.denials.map((d, i) => (
                <li key={i}><p>Denied by {d.by}, {d.published ?? 'undated'}: {d.item}</p><QuoteLink cite={d.spans[0]} /></li>
              ))}</ol>
            ) : <Empty>No report denies this flow.</Empty>}
          </section>
        </>
      )}
    </View>
  );
}

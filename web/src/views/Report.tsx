// Report: the text with every extracted span highlighted; hovering or focusing a highlight shows
// what was extracted there and the rule that found it. Text is always rendered as text.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useApi } from '../api';
import { Empty, View, nameOf, quantityText, useActorNames } from '../common';
import { href, type Route } from '../route';
import type { StoredReport } from '../types';

type Kind = 'actor' | 'time' | 'quantity' | 'attribution' | 'transfer' | 'event' | 'inconsistency' | 'target';

interface Annotation {
  kind: Kind;
  start: number;
  end: number;
  label: string;
  rule: string;
}

const KIND_NAMES: Record<Kind, string> = {
  actor: 'Actor', time: 'Time', quantity: 'Quantity', attribution: 'Attribution', transfer: 'Transfer',
  event: 'Event', inconsistency: 'Inconsistency', target: 'Linked passage',
};

function annotate(r: StoredReport, actors: ReturnType<typeof useActorNames>, target: [number, number] | null): Annotation[] {
  const x = r.extraction;
  const local = new Map(x.actors.map((a) => [a.id, a.name]));
  const name = (id: string | null): string => (id ? local.get(id) ?? nameOf(actors, id) : 'unnamed');
  const out: Annotation[] = [];
  for (const a of x.actors) {
    for (const m of a.mentions) out.push({ kind: 'actor', start: m.start, end: m.end, label: `${a.name} (${a.type}${a.role ? `, ${a.role}` : ''}) — mention as ${m.kind}`, rule: m.rule });
  }
  for (const t of x.times) out.push({ kind: 'time', start: t.start, end: t.end, label: `${t.type} ${t.value ?? 'no value'}${t.estimated ? ' (from the estimated date)' : ''}`, rule: t.rule });
  for (const q of x.quantities) {
    const bounds = [q.value !== null ? `value ${q.value}` : '', q.min !== null ? `min ${q.min}` : '', q.max !== null ? `max ${q.max}` : ''].filter(Boolean).join(', ');
    out.push({ kind: 'quantity', start: q.start, end: q.end, label: `${bounds || 'vague'}${q.unit ? ` ${q.unit}` : ''}${q.approx ? ', approximate' : ''}${q.item ? ` of ${q.item}` : ''}${q.change ? `, changed ×${q.change.factor}` : ''}`, rule: q.rule });
  }
  for (const a of x.attributions) {
    const who = a.source ? name(a.source) : `unnamed (${a.source_text ?? 'no description'})`;
    out.push({ kind: 'attribution', start: a.start, end: a.end, label: `${a.kind} attribution; source: ${who}`, rule: a.rule });
  }
  for (const t of x.transfers) {
    const label = `${name(t.from)} → ${name(t.to)}: ${t.category}, ${t.item}, ${quantityText(t.quantity)}, ${t.status}${t.source ? `, per ${name(t.source)}` : ''}${t.since ? `, since ${t.since}` : ''}`;
    for (const s of t.spans) out.push({ kind: 'transfer', start: s.start, end: s.end, label, rule: t.rule });
  }
  for (const e of x.events) {
    const label = `${e.type}: ${e.actors.map(name).join(', ')}${e.date ? `, ${e.date}` : ''}${e.place ? `, in ${e.place}` : ''}`;
    for (const s of e.spans) out.push({ kind: 'event', start: s.start, end: s.end, label, rule: e.rule });
  }
  for (const i of x.inconsistencies) for (const s of i.spans) out.push({ kind: 'inconsistency', start: s.start, end: s.end, label: i.reason, rule: i.rule });
  if (target) out.push({ kind: 'target', start: target[0], end: target[1], label: 'the passage you followed a link to', rule: 'link' });
  return out.filter((a) => a.end > a.start && a.start >= 0 && a.end <= r.text.length);
}

interface Segment { start: number; end: number; anns: Annotation[] }

/** Cuts the text at every span boundary; each piece knows the spans that cover it. Linear in spans plus pieces. */
function segments(length: number, anns: Annotation[]): Segment[] {
  const cuts = [...new Set([0, length, ...anns.flatMap((a) => [a.start, a.end])])].sort((a, b) => a - b);
  const byStart = [...anns].sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let active: Annotation[] = [];
  let next = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [s, e] = [cuts[i], cuts[i + 1]];
    active = active.filter((a) => a.end > s);
    while (next < byStart.length && byStart[next].start <= s) {
      if (byStart[next].end > s) active.push(byStart[next]);
      next++;
    }
    out.push({ start: s, end: e, anns: active.slice() });
  }
  return out;
}

interface Card { seg: number; x: number; y: number }

export function Report({ route }: { route: Route }) {
  const id = route.arg ?? '';
  const { data: report, error } = useApi<StoredReport & { transferEntries: (string | null)[] }>(id ? `reports/${encodeURIComponent(id)}` : null);
  const actors = useActorNames();
  const s = /^(\d+)-(\d+)$/.exec(route.params.get('s') ?? '');
  const target: [number, number] | null = s ? [+s[1], +s[2]] : null;
  const [card, setCard] = useState<Card | null>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const segs = useMemo(() => (report ? segments(report.text.length, annotate(report, actors, target)) : []), [report, actors, target?.[0], target?.[1]]);
  const ready = !!report && !!actors;

  useEffect(() => {
    if (!ready || !target) return;
    textRef.current?.querySelector('.hl-target')?.scrollIntoView({ block: 'center' });
  }, [ready, target?.[0], target?.[1]]);

  const show = (seg: number, el: HTMLElement): void => {
    const r = el.getBoundingClientRect();
    setCard({ seg, x: Math.min(r.left, innerWidth - 380), y: r.bottom + 6 });
  };
  const x = report?.extraction;
  return (
    <View name="report" title={report?.title ?? `Report ${id}`} ready={ready} error={error}>
      {report && x && (
        <>
          <dl class="facts">
            <dt>Report</dt><dd>{report.id}</dd>
            <dt>Outlet</dt><dd>{report.outlet ?? 'unknown'}</dd>
            <dt>Published</dt>
            <dd>
              {report.published ?? 'unknown'}
              {report.publishedEstimated && <> <span class="tag">estimated</span>{x.publishedEstimate && ` between ${x.publishedEstimate.earliest ?? 'any time'} and ${x.publishedEstimate.latest ?? 'any time'}, from ${x.publishedEstimate.cues.length} cues`}</>}
            </dd>
            <dt>Found</dt><dd>{x.actors.length} actors, {x.times.length} times, {x.quantities.length} amounts, {x.attributions.length} attributions, {x.transfers.length} transfers, {x.events.length} events</dd>
          </dl>
          <ul class="legend" aria-label="Highlight colours">
            {(['actor', 'time', 'quantity', 'attribution', 'transfer', 'event', 'inconsistency'] as Kind[]).map((k) => <li key={k}><span class={`hl hl-${k}`}>{KIND_NAMES[k]}</span></li>)}
          </ul>
          <div class="report-text" ref={textRef} onMouseLeave={() => setCard(null)}>
            {segs.map((seg, i) => {
              const text = report.text.slice(seg.start, seg.end);
              if (!seg.anns.length) return text;
              const cls = ['hl', ...new Set(seg.anns.map((a) => `hl-${a.kind}`))].join(' ');
              return (
                <mark key={i} class={cls} tabIndex={0} aria-describedby={card?.seg === i ? 'hover-card' : undefined}
                  onMouseEnter={(ev) => show(i, ev.currentTarget as HTMLElement)} onFocus={(ev) => show(i, ev.currentTarget as HTMLElement)}
                  onBlur={() => setCard(null)}>{text}</mark>
              );
            })}
          </div>
          {card && segs[card.seg] && (
            <div id="hover-card" class="hover-card" role="tooltip" style={{ left: `${Math.max(8, card.x)}px`, top: `${card.y}px` }}>
              {segs[card.seg].anns.map((a, i) => (
                <p key={i}><strong>{KIND_NAMES[a.kind]}</strong>: {a.label} <span class="rule">rule: {a.rule}</span></p>
              ))}
            </div>
          )}
          <section>
            <h2>Inconsistencies</h2>
            {x.inconsistencies.length ? (
              <ul>{x.inconsistencies.map((inc, i) => (
                <li key={i}>{inc.reason} {inc.spans.map((sp, j) => <a key={j} href={href('report', report.id, { s: `${sp.start}-${sp.end}` })}>“{sp.text}”</a>)}</li>
              ))}</ul>
            ) : <Empty>No statements that contradict each other were found.</Empty>}
          </section>
          <section>
            <h2>Transfers</h2>
            {x.transfers.length ? (
              <ul>{x.transfers.map((t, i) => (
                <li key={i}>
                  <a href={href('report', report.id, { s: t.spans[0] ? `${t.spans[0].start}-${t.spans[0].end}` : undefined })}>
                    {nameOf(actors, t.from)} → {nameOf(actors, t.to)}: {t.category}, {t.item} ({quantityText(t.quantity)}, {t.status})
                  </a>{' '}
                  {report.transferEntries[i] && <a href={href('entry', report.transferEntries[i])}>ledger entry</a>}
                </li>
              ))}</ul>
            ) : <Empty>No transfers.</Empty>}
          </section>
        </>
      )}
    </View>
  );
}

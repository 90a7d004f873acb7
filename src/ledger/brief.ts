// The brief: Markdown a reader can check. Flows each way with their latest estimate and range,
// a timeline of events, who says what, conflicts, denials and report inconsistencies; every
// statement carries a footnote with its report, date and the sentence quoted.
import { rangeOf } from './conflicts.js';
import { bareItem, formatPeriod, formatQuantity } from './format.js';
import type { Citation, Estimate, Ledger, LedgerEntry, LedgerSource } from './types.js';

export interface BriefOptions {
  /** A state: its flows out and in; without it, every flow. */
  actor?: string;
  /** Only what was reported (or happened) on or after this day. */
  since?: string;
}

class Footnotes {
  private readonly numbers = new Map<string, number>();
  private readonly lines: string[] = [];
  constructor(private readonly dateOf: (report: string) => string) {}

  /** "[^3]" for the citation, numbered on first use. */
  ref(c: Citation): string {
    const key = `${c.report}:${c.quote}`;
    let n = this.numbers.get(key);
    if (n === undefined) {
      n = this.numbers.size + 1;
      this.numbers.set(key, n);
      this.lines.push(`[^${n}]: ${c.report}, ${this.dateOf(c.report)}, "${c.quote.replace(/"/g, "'")}"`);
    }
    return `[^${n}]`;
  }

  refs(cs: Citation[]): string {
    return [...new Set(cs.map((c) => this.ref(c)))].join('');
  }

  render(): string {
    return this.lines.join('\n');
  }
}

const figure = (e: Estimate): number | null => {
  const q = e.quantity;
  return q ? q.value ?? q.min ?? q.max ?? null : null;
};

/** The latest estimate that says the flow happened, with a figure if any has one; planned ones only when nothing else. */
function latestEstimate(backing: Estimate[]): Estimate | undefined {
  const happened = backing.filter((x) => x.status === 'asserted' || x.status === 'hedged');
  const pool = happened.length ? happened : backing;
  return [...pool].reverse().find((x) => rangeOf(x)) ?? [...pool].reverse().find((x) => x.quantity) ?? pool[pool.length - 1];
}

/** The lowest and highest figures stated in one unit (the latest estimate's), as "X to Y". */
function rangeText(estimates: Estimate[], latest: Estimate | undefined): string | null {
  const unit = latest && rangeOf(latest) ? latest.quantity!.unit ?? 'item' : estimates.find((e) => rangeOf(e))?.quantity!.unit ?? null;
  if (!unit) return null;
  const inUnit = estimates.filter((e) => rangeOf(e) && (e.quantity!.unit ?? 'item') === unit).sort((a, b) => figure(a)! - figure(b)!);
  const lo = inUnit[0], hi = inUnit[inUnit.length - 1];
  return lo === hi || figure(lo) === figure(hi) ? formatQuantity(lo.quantity) : `${formatQuantity(lo.quantity)} to ${formatQuantity(hi.quantity)}`;
}

/** "United States (John Kirby, U.S. Treasury)": a state and the voices of its government the reports quote. */
const sourceLabel = (s: LedgerSource): string => {
  const others = s.names.filter((n) => n !== s.name);
  return others.length ? `${s.name} (${others.join(', ')})` : s.name;
};

export function renderBrief(ledger: Ledger, opts: BriefOptions = {}): string {
  const actor = opts.actor?.toUpperCase();
  const since = opts.since ?? '';
  const published = new Map(ledger.reports.map((r) => [r.id, r.published]));
  const estimated = new Set(ledger.reports.filter((r) => r.publishedEstimated && r.published).map((r) => r.id));
  /** A report's date as shown: "undated", or marked when the date is an estimate. */
  const dateOf = (report: string): string => {
    const p = published.get(report);
    return p ? (estimated.has(report) ? `${p} (estimated)` : p) : 'undated';
  };
  const notes = new Footnotes(dateOf);
  const actorName = (id: string): string => ledger.actors.find((a) => a.id === id)?.name ?? id;
  const recent = (e: { published: string | null }) => !since || (e.published ?? '') >= since;
  const entries = ledger.entries.filter((e) => (!actor || e.from === actor || e.to === actor) && e.estimates.some(recent));
  const out: string[] = [];

  const cited = new Set(entries.flatMap((e) => e.estimates.map((x) => x.report)));
  const dates = ledger.reports.filter((r) => cited.has(r.id)).map((r) => r.published).filter((p): p is string => !!p).sort();
  out.push(`# Brief${actor ? `: ${actorName(actor)} (${actor})` : ''}`, '');
  out.push(`${entries.length} flow${entries.length === 1 ? '' : 's'} from ${cited.size} report${cited.size === 1 ? '' : 's'}${dates.length ? `, published ${dates[0] === dates[dates.length - 1] ? dates[0] : `${dates[0]} to ${dates[dates.length - 1]}`}` : ''}${since ? `, reported since ${since}` : ''}.`, '');

  const flowSection = (title: string, list: LedgerEntry[]): void => {
    if (!list.length) return;
    out.push(`## ${title}`, '');
    for (const e of list) {
      const backing = e.estimates.filter((x) => x.status !== 'denied');
      const latest = latestEstimate(backing);
      const period = formatPeriod(e.since, e.until);
      out.push(`### ${actorName(e.from)} → ${actorName(e.to)}: ${e.category} (${e.item})`, '');
      if (latest) out.push(`- Latest estimate: ${formatQuantity(latest.quantity)}, ${latest.status}, according to ${latest.source} (${latest.report}, ${dateOf(latest.report)})${notes.refs(latest.spans)}.`);
      const range = rangeText(backing, latest);
      if (range) out.push(`- Range of the figures reported: ${range}.`);
      if (period) out.push(`- Period: ${period}.`);
      out.push(`- ${e.independentSources} independent source${e.independentSources === 1 ? '' : 's'} (${e.sources.map(sourceLabel).join('; ') || 'none'}); first reported ${e.firstReported ?? 'undated'}, last ${e.lastReported ?? 'undated'}.`);
      if (e.conflicts.length) out.push(`- ${e.conflicts.length} conflict${e.conflicts.length === 1 ? '' : 's'} between reports (below).`);
      if (e.denials.length) out.push(`- Denied by ${[...new Set(e.denials.map((d) => d.by))].join(', ')}${notes.refs(e.denials.flatMap((d) => d.spans))}.`);
      out.push('', '| reported | report | source | amount | status |', '|---|---|---|---|---|');
      for (const x of e.estimates) out.push(`| ${dateOf(x.report)} | ${x.report} | ${x.source} | ${formatQuantity(x.quantity).replace(/\|/g, '/')} | ${x.status}${notes.refs(x.spans)} |`);
      out.push('');
    }
  };
  if (actor) {
    flowSection(`Flows from ${actorName(actor)}`, entries.filter((e) => e.from === actor));
    flowSection(`Flows to ${actorName(actor)}`, entries.filter((e) => e.to === actor));
  } else {
    flowSection('Flows', entries);
  }

  const involves = (ids: string[]) => !actor || ids.some((id) => id === actor || ledger.actors.find((a) => a.id === id)?.country === actor);
  const events = ledger.events.filter((e) => involves(e.actors) && (!since || (e.date ?? '') >= since.slice(0, (e.date ?? '').length) && !!e.date));
  if (events.length) {
    out.push('## Timeline', '');
    for (const e of events) out.push(`- ${e.date ?? 'undated'}: ${e.type}, ${e.actors.map(actorName).join(', ')}${e.place ? ` (${e.place})` : ''}${notes.refs(e.citations)}`);
    out.push('');
  }

  const bySource = new Map<string, { name: string; lines: string[] }>();
  for (const e of entries) {
    for (const x of e.estimates) {
      if (x.status === 'denied' || !recent(x)) continue;
      const s = bySource.get(x.sourceKey) ?? { name: x.source, lines: [] };
      const amount = x.quantity ? `, ${formatQuantity(x.quantity)}` : '';
      s.lines.push(`${actorName(e.from)} → ${actorName(e.to)} ${e.category}: ${bareItem(x.item, x.quantity)}${amount}, ${x.status} (${x.report}, ${dateOf(x.report)})${notes.refs(x.spans)}`);
      bySource.set(x.sourceKey, s);
    }
  }
  if (bySource.size) {
    out.push('## Who says what', '');
    for (const s of [...bySource.values()].sort((a, b) => b.lines.length - a.lines.length)) {
      out.push(`- **${s.name}**`);
      for (const l of s.lines) out.push(`  - ${l}`);
    }
    out.push('');
  }

  const conflicts = entries.flatMap((e) => e.conflicts.map((c) => ({ e, c })));
  if (conflicts.length) {
    out.push('## Conflicts', '');
    for (const { e, c } of conflicts) {
      const [a, b] = c.estimates;
      out.push(`- ${actorName(e.from)} → ${actorName(e.to)} ${e.category}: ${a.source} (${a.report}) gives ${formatQuantity(a.quantity)}${notes.refs(a.spans)}, but ${b.source} (${b.report}) gives ${formatQuantity(b.quantity)}${notes.refs(b.spans)}; both cannot hold for an overlapping period.`);
    }
    out.push('');
  }

  const denials = entries.flatMap((e) => e.denials.filter(recent).map((d) => ({ e, d })));
  if (denials.length) {
    out.push('## Denials', '');
    for (const { e, d } of denials) out.push(`- ${d.by} denied ${actorName(e.from)} → ${actorName(e.to)} ${e.category} (${d.item}) in ${d.report}, ${dateOf(d.report)}${notes.refs(d.spans)}`);
    out.push('');
  }

  const inconsistencies = ledger.inconsistencies.filter((i) => cited.has(i.report) && (!since || (published.get(i.report) ?? '') >= since));
  if (inconsistencies.length) {
    out.push('## Report inconsistencies', '');
    for (const i of inconsistencies) out.push(`- ${i.report}: ${i.reason}${notes.refs(i.spans)}`);
    out.push('');
  }

  const footnotes = notes.render();
  if (footnotes) out.push('---', '', footnotes, '');
  return out.join('\n');
}

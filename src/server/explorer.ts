// What the explorer's API answers, computed from the reports and the ledger: merged actors,
// flows between pairs, events, attributions, a timeline, search results. Recomputed only when
// a report is added, so every read after that is a lookup.
import type { StoredReport } from '../core/output/stored-report.js';
import type { Span } from '../core/doc.js';
import { groupLedger, type LedgerEntry } from './ledger.js';
import type { ReportSource } from './report-source.js';

export interface ActorSummary {
  id: string;
  type: string;
  name: string;
  aliases: string[];
  roles: string[];
  affiliations: string[];
  reports: number;
  sent: number;
  received: number;
  said: number;
  denied: number;
}

export interface Quote extends Span {
  report: string;
  published: string | null;
  text: string;
}

export interface AttributionItem extends Quote {
  kind: string;
  source: string | null;
  sourceText?: string;
}

export interface EventItem {
  report: string;
  published: string | null;
  type: string;
  actors: string[];
  date: string | null;
  place: string | null;
  quote: Quote | null;
}

export interface TimelineItem {
  date: string;
  kind: 'event' | 'transfer';
  /** Event type or transfer category. */
  type: string;
  actors: string[];
  label: string;
  report: string;
  start: number;
  end: number;
  entry?: string;
}

export interface ReportSummary {
  id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  publishedEstimated: boolean;
  transfers: number;
  events: number;
  attributions: number;
  inconsistencies: number;
}

interface Indexes {
  reports: Map<string, StoredReport>;
  summaries: ReportSummary[];
  ledger: LedgerEntry[];
  entries: Map<string, LedgerEntry>;
  actors: Map<string, ActorSummary>;
  attributions: AttributionItem[];
  events: EventItem[];
}

const QUOTE_MAX = 600;

function quoteOf(r: StoredReport, span: Span | undefined): Quote | null {
  if (!span) return null;
  const end = Math.min(span.end, span.start + QUOTE_MAX);
  return { report: r.id, published: r.published, start: span.start, end: span.end, text: r.text.slice(span.start, end) };
}

const uniq = (xs: Iterable<string>): string[] => [...new Set(xs)];

export class Explorer {
  private cache: Indexes | null = null;

  constructor(readonly source: ReportSource) {}

  /** Called after a write: the next read recomputes. */
  invalidate(): void {
    this.cache = null;
  }

  private get idx(): Indexes {
    return (this.cache ??= this.build());
  }

  private build(): Indexes {
    const list = this.source.listReports().sort((a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.id.localeCompare(b.id));
    const reports = new Map(list.map((r) => [r.id, r]));
    const ledger = groupLedger(list);
    const actors = new Map<string, ActorSummary>();
    const nameCounts = new Map<string, Map<string, number>>();
    const attributions: AttributionItem[] = [];
    const events: EventItem[] = [];
    for (const r of list) {
      for (const a of r.extraction.actors) {
        let s = actors.get(a.id);
        if (!s) actors.set(a.id, (s = { id: a.id, type: a.type, name: a.name, aliases: [], roles: [], affiliations: [], reports: 0, sent: 0, received: 0, said: 0, denied: 0 }));
        s.reports++;
        const names = nameCounts.get(a.id) ?? new Map<string, number>();
        nameCounts.set(a.id, names.set(a.name, (names.get(a.name) ?? 0) + 1));
        s.aliases = uniq([...s.aliases, ...a.aliases]);
        if (a.role) s.roles = uniq([...s.roles, a.role]);
        if (a.affiliation) s.affiliations = uniq([...s.affiliations, a.affiliation]);
      }
      for (const a of r.extraction.attributions) {
        attributions.push({ report: r.id, published: r.published, kind: a.kind, source: a.source, ...(a.source_text ? { sourceText: a.source_text } : {}), start: a.start, end: a.end, text: r.text.slice(a.start, Math.min(a.end, a.start + QUOTE_MAX)) });
        const s = a.source ? actors.get(a.source) : undefined;
        if (s) {
          if (a.kind === 'denial') s.denied++;
          else s.said++;
        }
      }
      for (const e of r.extraction.events) {
        events.push({ report: r.id, published: r.published, type: e.type, actors: e.actors, date: e.date, place: e.place, quote: quoteOf(r, e.spans[0]) });
      }
    }
    for (const e of ledger) {
      const from = actors.get(e.from);
      const to = actors.get(e.to);
      if (from) from.sent++;
      if (to) to.received++;
    }
    for (const s of actors.values()) {
      // The name most reports use; the others become aliases.
      const names = [...nameCounts.get(s.id)!.entries()].sort((a, b) => b[1] - a[1]);
      s.name = names[0][0];
      s.aliases = uniq([...names.slice(1).map(([n]) => n), ...s.aliases]).filter((n) => n !== s.name);
    }
    const summaries = list.map((r) => ({
      id: r.id, title: r.title, outlet: r.outlet, published: r.published, publishedEstimated: r.publishedEstimated,
      transfers: r.extraction.transfers.length, events: r.extraction.events.length,
      attributions: r.extraction.attributions.length, inconsistencies: r.extraction.inconsistencies.length,
    }));
    return { reports, summaries, ledger, entries: new Map(ledger.map((e) => [e.id, e])), actors, attributions, events };
  }

  reports(): ReportSummary[] {
    return this.idx.summaries;
  }

  report(id: string): StoredReport | undefined {
    return this.idx.reports.get(id) ?? this.source.getReport(id);
  }

  /** The report with, for each of its transfers, the ledger entry it went into (null for none). */
  reportWithEntries(id: string): (StoredReport & { transferEntries: (string | null)[] }) | undefined {
    const r = this.report(id);
    if (!r) return undefined;
    const at = new Map<string, string>();
    for (const e of this.idx.ledger) {
      for (const x of [...e.estimates, ...e.denials]) if (x.report === id && x.spans[0]) at.set(`${x.spans[0].start}:${x.spans[0].end}`, e.id);
    }
    return { ...r, transferEntries: r.extraction.transfers.map((t) => (t.spans[0] ? at.get(`${t.spans[0].start}:${t.spans[0].end}`) ?? null : null)) };
  }

  actors(): ActorSummary[] {
    return [...this.idx.actors.values()].sort((a, b) => b.sent + b.received + b.said - (a.sent + a.received + a.said) || b.reports - a.reports || a.name.localeCompare(b.name));
  }

  actor(id: string): { actor: ActorSummary; sent: LedgerEntry[]; received: LedgerEntry[]; said: AttributionItem[]; denied: AttributionItem[]; events: EventItem[] } | undefined {
    const actor = this.idx.actors.get(id);
    if (!actor) return undefined;
    const mine = this.idx.attributions.filter((a) => a.source === id);
    return {
      actor,
      sent: this.idx.ledger.filter((e) => e.from === id),
      received: this.idx.ledger.filter((e) => e.to === id),
      said: mine.filter((a) => a.kind !== 'denial'),
      denied: mine.filter((a) => a.kind === 'denial'),
      events: this.idx.events.filter((e) => e.actors.includes(id)),
    };
  }

  ledger(filter: { from?: string; to?: string; category?: string; actor?: string } = {}): LedgerEntry[] {
    return this.idx.ledger.filter((e) =>
      (!filter.from || e.from === filter.from) && (!filter.to || e.to === filter.to) &&
      (!filter.category || e.category === filter.category) && (!filter.actor || e.from === filter.actor || e.to === filter.actor));
  }

  entry(id: string): (LedgerEntry & { quotes: (Quote | null)[]; denialQuotes: (Quote | null)[] }) | undefined {
    const e = this.idx.entries.get(id);
    if (!e) return undefined;
    const quote = (report: string, spans: Span[]): Quote | null => {
      const r = this.idx.reports.get(report);
      return r ? quoteOf(r, spans[0]) : null;
    };
    return { ...e, quotes: e.estimates.map((x) => quote(x.report, x.spans)), denialQuotes: e.denials.map((x) => quote(x.report, x.spans)) };
  }

  /** Actor pairs by the number of ledger entries between them, both directions together. */
  pairs(): { a: string; b: string; entries: number; estimates: number }[] {
    const pairs = new Map<string, { a: string; b: string; entries: number; estimates: number }>();
    for (const e of this.idx.ledger) {
      if (e.from === e.to) continue;
      const [a, b] = [e.from, e.to].sort();
      const key = `${a}\u0000${b}`;
      const p = pairs.get(key) ?? { a, b, entries: 0, estimates: 0 };
      p.entries++;
      p.estimates += e.estimates.length;
      pairs.set(key, p);
    }
    return [...pairs.values()].sort((x, y) => y.entries - x.entries || y.estimates - x.estimates);
  }

  events(filter: { actor?: string; type?: string } = {}): EventItem[] {
    return this.idx.events.filter((e) => (!filter.actor || e.actors.includes(filter.actor)) && (!filter.type || e.type === filter.type));
  }

  attributions(filter: { actor?: string; kind?: string; report?: string } = {}): AttributionItem[] {
    return this.idx.attributions.filter((a) => (!filter.actor || a.source === filter.actor) && (!filter.kind || a.kind === filter.kind) && (!filter.report || a.report === filter.report));
  }

  /** Events by their date (else the report's), transfers by the start of their period (else the report's date). */
  timeline(filter: { actor?: string; category?: string } = {}): TimelineItem[] {
    const items: TimelineItem[] = [];
    const name = (id: string): string => this.idx.actors.get(id)?.name ?? id;
    for (const e of this.idx.events) {
      const date = e.date ?? e.published;
      if (!date || !e.quote) continue;
      if (filter.actor && !e.actors.includes(filter.actor)) continue;
      if (filter.category && filter.category !== e.type) continue;
      items.push({ date, kind: 'event', type: e.type, actors: e.actors, label: `${e.type}: ${e.actors.map(name).join(', ')}`, report: e.report, start: e.quote.start, end: e.quote.end });
    }
    for (const entry of this.idx.ledger) {
      if (filter.actor && entry.from !== filter.actor && entry.to !== filter.actor) continue;
      if (filter.category && filter.category !== entry.category) continue;
      for (const x of entry.estimates) {
        const date = x.since ?? x.published;
        if (!date || !x.spans[0]) continue;
        items.push({ date, kind: 'transfer', type: entry.category, actors: [entry.from, entry.to], label: `${name(entry.from)} → ${name(entry.to)}: ${x.item}${x.quantity ? ` (${x.quantity.text})` : ''}`, report: x.report, start: x.spans[0].start, end: x.spans[0].end, entry: entry.id });
      }
    }
    return items.sort((a, b) => a.date.localeCompare(b.date));
  }

  search(query: string, limit = 50): { report: string; title: string | null; published: string | null; start: number; end: number; before: string; match: string; after: string }[] {
    const out = [];
    for (const hit of this.source.search(query, limit)) {
      const r = this.report(hit.report);
      if (!r) continue;
      out.push({
        report: r.id, title: r.title, published: r.published, start: hit.start, end: hit.end,
        before: r.text.slice(Math.max(0, hit.start - 80), hit.start), match: r.text.slice(hit.start, hit.end), after: r.text.slice(hit.end, hit.end + 120),
      });
    }
    return out;
  }

  summary(): { reports: number; actors: number; entries: number; events: number; attributions: number } {
    const i = this.idx;
    return { reports: i.summaries.length, actors: i.actors.size, entries: i.ledger.length, events: i.events.length, attributions: i.attributions.length };
  }
}

// What the explorer's API answers, computed from the store's reports and the fused ledger:
// actors with what they sent, received, said and denied; flows between pairs; events,
// attributions, a timeline; search hits placed in their report. Everything is derived once per
// change of the store, so a read is a lookup.
import type { StoredReport } from '../core/output/stored-report.js';
import { fuseWithActors } from '../ledger/fuse.js';
import type { Citation, Ledger, LedgerEntry, LedgerEvent } from '../ledger/types.js';
import { loadLedgerVocabulary } from '../node/ledger-vocabulary.js';
import type { Store } from '../store/store.js';
import type { ActorDetail, ActorSummary, AttributionItem, FlowPlace, Pair, ReportSummary, SearchResult, TimelineItem } from './api-types.js';

export type { ActorDetail, ActorSummary, AttributionItem, FlowPlace, Pair, ReportSummary, SearchResult, TimelineItem };

/** Coordinates by place name (the places lexicon). */
export type Gazetteer = Map<string, { country: string | null; lon: number; lat: number }>;

interface Indexes {
  reports: Map<string, StoredReport>;
  summaries: ReportSummary[];
  ledger: Ledger;
  entries: Map<string, LedgerEntry>;
  /** `report:start` of a transfer's first span → the entry it went into. */
  entryOfSpan: Map<string, string>;
  actors: Map<string, ActorSummary>;
  attributions: AttributionItem[];
  pairs: Pair[];
  places: FlowPlace[];
}

/** Attribution text shown in lists: long reported speech is cut, the link leads to all of it. */
const QUOTE_MAX = 600;
/** How often, at most, the store is asked whether another process changed it. */
const RECHECK_MS = 2000;

const uniq = (xs: Iterable<string>): string[] => [...new Set(xs)];

export function deriveIndexes(list: StoredReport[], gazetteer: Gazetteer = new Map()): Indexes {
  // The actor merge fusion made, to reach merged actors from report actor ids.
  const { ledger, actorIndex: index } = fuseWithActors(list, { vocabulary: loadLedgerVocabulary() });
  const reports = new Map(list.map((r) => [r.id, r]));
  const actors = new Map<string, ActorSummary>(ledger.actors.map((a) => [a.id, { ...a, roles: [], sent: 0, received: 0, said: 0, denied: 0 }]));
  const attributions: AttributionItem[] = [];
  for (const r of list) {
    for (const a of r.extraction.actors) {
      const merged = a.role ? actors.get(index.get(r.id, a.id)?.id ?? '') : undefined;
      if (merged && a.role) merged.roles = uniq([...merged.roles, a.role]);
    }
    for (const a of r.extraction.attributions) {
      const source = a.source ? index.get(r.id, a.source)?.id ?? a.source : null;
      attributions.push({ report: r.id, published: r.published, kind: a.kind, source, ...(a.source_text ? { sourceText: a.source_text } : {}), start: a.start, end: a.end, text: r.text.slice(a.start, Math.min(a.end, a.start + QUOTE_MAX)) });
      const s = source ? actors.get(source) : undefined;
      if (s) s[a.kind === 'denial' ? 'denied' : 'said']++;
    }
  }
  const entryOfSpan = new Map<string, string>();
  const pairs = new Map<string, Pair>();
  for (const e of ledger.entries) {
    for (const id of uniq([e.from, ...e.fromActors])) if (actors.has(id)) actors.get(id)!.sent++;
    for (const id of uniq([e.to, ...e.toActors])) if (actors.has(id)) actors.get(id)!.received++;
    for (const x of [...e.estimates, ...e.denials]) if (x.spans[0]) entryOfSpan.set(`${x.report}:${x.spans[0].start}`, e.id);
    const [a, b] = [e.from, e.to].sort();
    const p = pairs.get(`${a} ${b}`) ?? { a, b, entries: 0, estimates: 0 };
    p.entries++;
    p.estimates += e.estimates.length;
    pairs.set(`${a} ${b}`, p);
  }
  const summaries = ledger.reports.map((lr) => {
    const x = reports.get(lr.id)!.extraction;
    return { id: lr.id, title: lr.title, outlet: lr.outlet, published: lr.published, publishedEstimated: lr.publishedEstimated, transfers: x.transfers.length, events: x.events.length, attributions: x.attributions.length, inconsistencies: x.inconsistencies.length };
  });
  return {
    reports, summaries, ledger, entries: new Map(ledger.entries.map((e) => [e.id, e])), entryOfSpan, actors, attributions, places: flowPlaces(list, ledger.entries, gazetteer),
    pairs: [...pairs.values()].sort((x, y) => y.entries - x.entries || y.estimates - x.estimates || (x.a + x.b).localeCompare(y.a + y.b)),
  };
}

/** Places with coordinates named in the sentences that state a flow, with their reports and entries. */
function flowPlaces(list: StoredReport[], entries: LedgerEntry[], gazetteer: Gazetteer): FlowPlace[] {
  const placesOf = new Map(list.map((r) => [r.id, [...new Set(r.extraction.places.map((p) => p.text))].filter((n) => gazetteer.has(n))]));
  const found = new Map<string, FlowPlace>();
  for (const e of entries) {
    for (const x of e.estimates) {
      for (const name of placesOf.get(x.report) ?? []) {
        if (!x.spans.some((c) => c.quote.includes(name))) continue;
        const f = found.get(name) ?? { name, ...gazetteer.get(name)!, reports: [], entries: [] };
        if (!f.reports.includes(x.report)) f.reports.push(x.report);
        if (!f.entries.includes(e.id)) f.entries.push(e.id);
        found.set(name, f);
      }
    }
  }
  return [...found.values()].sort((a, b) => b.reports.length - a.reports.length || a.name.localeCompare(b.name));
}

export class Explorer {
  private built: Promise<Indexes> | null = null;
  private stamp = '';
  private checked = 0;

  constructor(readonly store: Store, private readonly gazetteer: Gazetteer = new Map()) {}

  /** Called after a write through this server: the next read derives everything again. */
  invalidate(): void {
    this.built = null;
  }

  /** The indexes, derived again when the store changed (here, or by a `trawl ingest` elsewhere). */
  private async idx(): Promise<Indexes> {
    if (this.built && Date.now() - this.checked > RECHECK_MS) {
      this.checked = Date.now();
      const c = await this.store.counts();
      const stamp = `${c.reports}/${c.transfers}/${c.spans}`;
      if (stamp !== this.stamp) this.built = null;
      this.stamp = stamp;
    }
    if (!this.built) {
      this.checked = Date.now();
      const c = await this.store.counts();
      this.stamp = `${c.reports}/${c.transfers}/${c.spans}`;
      const building = this.store.listReports().then((list) => deriveIndexes(list, this.gazetteer));
      building.catch(() => {
        if (this.built === building) this.built = null;
      });
      this.built = building;
    }
    return this.built;
  }

  async summary(): Promise<{ reports: number; actors: number; entries: number; events: number; attributions: number; pairs: Pair[] }> {
    const i = await this.idx();
    return { reports: i.summaries.length, actors: i.actors.size, entries: i.ledger.entries.length, events: i.ledger.events.length, attributions: i.attributions.length, pairs: i.pairs };
  }

  async reports(): Promise<ReportSummary[]> {
    return (await this.idx()).summaries;
  }

  /** The report with, for each of its transfers, the ledger entry it went into (null for none). */
  async report(id: string): Promise<(StoredReport & { transferEntries: (string | null)[] }) | undefined> {
    const i = await this.idx();
    const r = i.reports.get(id) ?? (await this.store.getReport(id)) ?? undefined;
    if (!r) return undefined;
    return { ...r, transferEntries: r.extraction.transfers.map((t) => (t.spans[0] ? i.entryOfSpan.get(`${r.id}:${t.spans[0].start}`) ?? null : null)) };
  }

  async actors(): Promise<ActorSummary[]> {
    const busy = (a: ActorSummary): number => a.sent + a.received + a.said + a.denied;
    return [...(await this.idx()).actors.values()].sort((a, b) => busy(b) - busy(a) || b.reports.length - a.reports.length || a.name.localeCompare(b.name));
  }

  async actor(id: string): Promise<ActorDetail | undefined> {
    const i = await this.idx();
    const actor = i.actors.get(id);
    if (!actor) return undefined;
    const mine = i.attributions.filter((a) => a.source === id);
    return {
      actor,
      sent: i.ledger.entries.filter((e) => e.from === id || e.fromActors.includes(id)),
      received: i.ledger.entries.filter((e) => e.to === id || e.toActors.includes(id)),
      said: mine.filter((a) => a.kind !== 'denial'),
      denied: mine.filter((a) => a.kind === 'denial'),
      events: i.ledger.events.filter((e) => e.actors.includes(id)),
    };
  }

  async ledger(filter: { from?: string; to?: string; category?: string; actor?: string } = {}): Promise<LedgerEntry[]> {
    return (await this.idx()).ledger.entries.filter((e) =>
      (!filter.from || e.from === filter.from) && (!filter.to || e.to === filter.to) &&
      (!filter.category || e.category === filter.category) && (!filter.actor || e.from === filter.actor || e.to === filter.actor));
  }

  async entry(id: string): Promise<LedgerEntry | undefined> {
    return (await this.idx()).entries.get(id);
  }

  async places(): Promise<FlowPlace[]> {
    return (await this.idx()).places;
  }

  async pairs(): Promise<Pair[]> {
    return (await this.idx()).pairs;
  }

  async events(filter: { actor?: string; type?: string } = {}): Promise<LedgerEvent[]> {
    return (await this.idx()).ledger.events.filter((e) => (!filter.actor || e.actors.includes(filter.actor)) && (!filter.type || e.type === filter.type));
  }

  async attributions(filter: { actor?: string; kind?: string; report?: string } = {}): Promise<AttributionItem[]> {
    return (await this.idx()).attributions.filter((a) => (!filter.actor || a.source === filter.actor) && (!filter.kind || a.kind === filter.kind) && (!filter.report || a.report === filter.report));
  }

  /** Events by their date (else their first report's), transfers by the start of their period (else the report's date). */
  async timeline(filter: { actor?: string; category?: string } = {}): Promise<TimelineItem[]> {
    const i = await this.idx();
    const name = (id: string): string => i.actors.get(id)?.name ?? id;
    const published = (report: string): string | null => i.reports.get(report)?.published ?? null;
    const items: TimelineItem[] = [];
    for (const e of i.ledger.events) {
      const cite: Citation | undefined = e.citations[0];
      const date = e.date ?? (cite ? published(cite.report) : null);
      if (!date || !cite) continue;
      if (filter.actor && !e.actors.includes(filter.actor)) continue;
      if (filter.category && filter.category !== e.type) continue;
      items.push({ date, kind: 'event', type: e.type, actors: e.actors, label: `${e.type}: ${e.actors.map(name).join(', ')}${e.place ? ` in ${e.place}` : ''}`, report: cite.report, start: cite.start, end: cite.end });
    }
    for (const entry of i.ledger.entries) {
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

  /** The store's full-text hits, each placed at its first matched word in the report text. */
  async search(query: string, limit = 50): Promise<SearchResult[]> {
    const i = await this.idx();
    const hits = await this.store.search(query, { limit });
    return hits.map((h) => {
      const text = i.reports.get(h.reportId)?.text ?? '';
      const at = h.highlights[0] ? placeInText(text, h.snippet, h.highlights[0]) : null;
      return { report: h.reportId, title: h.title, published: h.published, snippet: h.snippet, highlights: h.highlights, start: at?.start ?? null, end: at?.end ?? null };
    });
  }
}

/**
 * Where a snippet's highlighted word sits in the full text: the snippet up to the word, found in
 * the text, places it exactly; else the word's first occurrence in any case. Null when the match
 * was in the title.
 */
export function placeInText(text: string, snippet: string, mark: { start: number; end: number }): { start: number; end: number } | null {
  const word = snippet.slice(mark.start, mark.end);
  if (!word) return null;
  const skip = snippet.startsWith('…') ? 1 : 0;
  const lead = snippet.slice(skip, mark.end);
  const at = text.indexOf(lead);
  if (at >= 0) return { start: at + mark.start - skip, end: at + mark.end - skip };
  const start = text.toLowerCase().indexOf(word.toLowerCase());
  return start >= 0 ? { start, end: start + word.length } : null;
}

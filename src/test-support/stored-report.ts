// Builds StoredReports by hand for fusion, brief and export tests: actors and transfers are
// placed on phrases of a short text written for the test, so spans and quotes are real.
import type { ExtractionActor, ExtractionTransfer, Extraction } from '../core/output/extraction.js';
import type { StoredReport } from '../core/output/stored-report.js';

export interface ActorSpec {
  id: string;
  type?: string;
  name: string;
  aliases?: string[];
  country?: string;
  affiliation?: string;
  /** Phrases of the text that name it (every occurrence becomes a mention). */
  says?: string[];
}

export interface TransferSpec {
  from: string;
  to: string;
  category: string;
  item: string;
  quantity?: ExtractionTransfer['quantity'];
  since?: string | null;
  until?: string | null;
  status?: ExtractionTransfer['status'];
  source?: string | null;
  source_text?: string;
  /** The phrase of the text that states it. */
  phrase: string;
}

const spanOf = (text: string, phrase: string): { start: number; end: number } => {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`phrase not in text: ${phrase}`);
  return { start, end: start + phrase.length };
};

export function storedReport(spec: { id: string; published: string | null; outlet?: string; text: string; actors: ActorSpec[]; transfers: TransferSpec[]; events?: Extraction['events'] }): StoredReport {
  const actors: ExtractionActor[] = spec.actors.map((a) => ({
    id: a.id, type: a.type ?? (/^[A-Z]{2}$/.test(a.id) ? 'country' : 'organization'), name: a.name, aliases: a.aliases ?? [],
    ...(a.country ? { country: a.country } : {}), ...(a.affiliation ? { affiliation: a.affiliation } : {}), rule: 'test',
    mentions: (a.says ?? []).flatMap((p) => {
      const out = [];
      for (let i = spec.text.indexOf(p); i >= 0; i = spec.text.indexOf(p, i + 1)) out.push({ start: i, end: i + p.length, text: p, kind: 'name', rule: 'test' });
      return out;
    }),
  }));
  const transfers: ExtractionTransfer[] = spec.transfers.map((t) => ({
    from: t.from, to: t.to, category: t.category, item: t.item, quantity: t.quantity ?? null, since: t.since ?? null, until: t.until ?? null,
    status: t.status ?? 'asserted', source: t.source ?? null, ...(t.source_text ? { source_text: t.source_text } : {}), spans: [spanOf(spec.text, t.phrase)], rule: 'test',
  }));
  return {
    id: spec.id, hash: spec.id, path: `${spec.id}.json`, title: spec.id, outlet: spec.outlet ?? null, published: spec.published, publishedEstimated: false,
    text: spec.text,
    extraction: { published: spec.published, actors, places: [], attributions: [], transfers, events: spec.events ?? [], times: [], inconsistencies: [], quantities: [] },
  };
}

/** A quantity as FORMAT.md writes it. */
export const qty = (text: string, v: { value?: number; min?: number; max?: number; approx?: boolean; unit?: string }): ExtractionTransfer['quantity'] => ({
  value: v.value ?? null, min: v.min ?? null, max: v.max ?? null, unit: v.unit ?? 'item', approx: v.approx ?? false, text,
});

// The original source behind an estimate, as a key that is equal however reports name it: a state
// and everything that speaks for its government (ministries, agencies, their officials) are one
// source; other bodies and persons are merged actors; an unnamed source counts once per outlet;
// else the outlet's own voice. The name shown stays the one the report used, except that a
// described body ("Seoul's spy agency") is named as the one body of that state and kind
// ("National Intelligence Service").
import type { ExtractionTransfer } from '../core/output/extraction.js';
import type { StoredReport } from '../core/output/stored-report.js';
import type { ActorIndex } from './actors.js';
import { nameKey } from './names.js';
import type { LedgerActor, LedgerVocabulary } from './types.js';

export interface ResolvedSource {
  key: string;
  name: string;
  /** What the key stands for: the state, for a voice of its government. */
  original: string;
  actor: string | null;
}

/** Whole-word phrase test on name keys (both already lowercase, single-spaced). */
const hasPhrase = (key: string, phrase: string): boolean => ` ${key} `.includes(` ${phrase} `);

export class SourceResolver {
  /** For each "state:kind", the named bodies of that state and kind. */
  private readonly named = new Map<string, Set<LedgerActor>>();
  private readonly stateWords = new Map<string, string[]>();
  private readonly kinds: [string, string[]][];
  private readonly descriptionWords: Set<string>;
  private readonly governmentWords: string[];

  constructor(reports: StoredReport[], private readonly actors: ActorIndex, vocabulary: LedgerVocabulary) {
    this.kinds = Object.entries(vocabulary.sourceKinds).map(([k, phrases]) => [k, phrases.map(nameKey).sort((a, b) => b.length - a.length)]);
    this.descriptionWords = new Set(vocabulary.descriptionWords.map(nameKey));
    this.governmentWords = vocabulary.governmentWords.map(nameKey);
    for (const r of reports) {
      for (const a of r.extraction.actors) {
        if (a.type !== 'country') continue;
        const words = this.stateWords.get(a.id) ?? [];
        for (const n of [a.name, ...a.aliases, ...a.mentions.map((m) => m.text)]) {
          const k = nameKey(n);
          if (k && !words.includes(k)) words.push(k);
        }
        this.stateWords.set(a.id, words);
      }
    }
    for (const w of this.stateWords.values()) w.sort((a, b) => b.length - a.length);
    for (const a of actors.actors) {
      if (a.type !== 'organization' || !a.country) continue;
      const kind = this.kindOf(a);
      if (!kind || this.isDescription(a, kind)) continue;
      const slot = `${a.country}:${kind}`;
      if (!this.named.has(slot)) this.named.set(slot, new Set());
      this.named.get(slot)!.add(a);
    }
  }

  resolve(report: StoredReport, t: ExtractionTransfer): ResolvedSource {
    const outletKey = nameKey(report.outlet ?? '') || report.id;
    if (t.source) {
      const a = this.actors.get(report.id, t.source);
      if (!a) return { key: `actor:${t.source}`, name: t.source_text ?? t.source, original: t.source_text ?? t.source, actor: null };
      const shown = this.displayed(a);
      const state = this.governmentOf(report, t.source, a);
      if (state) return { key: `state:${state}`, name: shown.name, original: this.actors.get(report.id, state)?.name ?? state, actor: shown.id };
      return { key: `actor:${shown.id}`, name: shown.name, original: shown.name, actor: shown.id };
    }
    if (t.source_text) return { key: `unnamed:${outletKey}:${nameKey(t.source_text)}`, name: t.source_text, original: t.source_text, actor: null };
    // No source and no outlet: the report itself asserts it; say so rather than show a bare title.
    const outlet = report.outlet ?? (report.title ? `the report "${report.title}"` : `report ${report.id}`);
    return { key: `outlet:${outletKey}`, name: outlet, original: outlet, actor: null };
  }

  /** The actor to name: a described body becomes the one named body of its state and kind. */
  private displayed(a: LedgerActor): LedgerActor {
    if (a.type !== 'organization' || !a.country) return a;
    const kind = this.kindOf(a);
    if (!kind || !this.isDescription(a, kind)) return a;
    const named = this.named.get(`${a.country}:${kind}`);
    return named?.size === 1 ? [...named][0] : a;
  }

  /** The state whose government the source speaks for: the state itself, a government body, a person serving in one or in the state. */
  private governmentOf(report: StoredReport, localId: string, a: LedgerActor): string | null {
    if (a.type === 'country') return a.id;
    if (a.type === 'organization') return this.isGovernment(a) ? a.country : null;
    if (a.type !== 'person') return null;
    const affiliation = report.extraction.actors.find((x) => x.id === localId)?.affiliation;
    if (!affiliation) return null;
    if (/^[A-Z]{2}$/.test(affiliation)) return affiliation;
    const body = this.actors.get(report.id, affiliation);
    return body && body.type === 'organization' && this.isGovernment(body) ? body.country : null;
  }

  private isGovernment(a: LedgerActor): boolean {
    if (!a.country) return false;
    return [a.name, ...a.aliases].some((n) => {
      const k = nameKey(n);
      return this.governmentWords.some((w) => hasPhrase(k, w));
    });
  }

  private kindOf(a: LedgerActor): string | null {
    for (const n of [a.name, ...a.aliases]) {
      const k = nameKey(n);
      for (const [kind, phrases] of this.kinds) if (phrases.some((p) => hasPhrase(k, p))) return kind;
    }
    return null;
  }

  /** A name made only of its state's names, the kind's words and description words ("Seoul's spy agency"). */
  private isDescription(a: LedgerActor, kind: string): boolean {
    let rest = ` ${nameKey(a.name)} `;
    for (const w of this.stateWords.get(a.country ?? '') ?? []) rest = rest.split(` ${w} `).join(' ');
    for (const p of this.kinds.find(([k]) => k === kind)?.[1] ?? []) rest = rest.split(` ${p} `).join(' ');
    return rest.split(' ').every((w) => !w || this.descriptionWords.has(w));
  }
}

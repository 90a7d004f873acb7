// The original source behind an estimate, as a key that is equal however reports name it: a
// merged actor; a state's described body ("Seoul's spy agency") folded into the one named body of
// that state and kind ("National Intelligence Service"); an unnamed source per outlet; else the
// outlet's own voice.
import type { ExtractionTransfer } from '../core/output/extraction.js';
import type { StoredReport } from '../core/output/stored-report.js';
import type { ActorIndex } from './actors.js';
import { nameKey } from './names.js';
import type { LedgerActor, LedgerVocabulary } from './types.js';

export interface ResolvedSource {
  key: string;
  name: string;
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

  constructor(reports: StoredReport[], private readonly actors: ActorIndex, vocabulary: LedgerVocabulary) {
    this.kinds = Object.entries(vocabulary.sourceKinds).map(([k, phrases]) => [k, phrases.map(nameKey).sort((a, b) => b.length - a.length)]);
    this.descriptionWords = new Set(vocabulary.descriptionWords.map(nameKey));
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
      if (!a) return { key: `actor:${t.source}`, name: t.source_text ?? t.source, actor: null };
      if (a.type === 'organization' && a.country) {
        const kind = this.kindOf(a);
        if (kind && this.isDescription(a, kind)) {
          const named = this.named.get(`${a.country}:${kind}`);
          if (named?.size === 1) {
            const [body] = named;
            return { key: `actor:${body.id}`, name: body.name, actor: body.id };
          }
          return { key: `kind:${a.country}:${kind}`, name: a.name, actor: a.id };
        }
      }
      return { key: `actor:${a.id}`, name: a.name, actor: a.id };
    }
    if (t.source_text) return { key: `unnamed:${outletKey}:${nameKey(t.source_text)}`, name: t.source_text, actor: null };
    return { key: `outlet:${outletKey}`, name: report.outlet ?? report.title ?? report.id, actor: null };
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

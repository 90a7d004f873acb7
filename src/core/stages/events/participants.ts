// Who takes part in an event: the actors a sentence names outside quotations, and the two a plural
// description stands for ("the two leaders" → the last two persons named, "both governments" →
// the last two states). A sentence naming nobody continues the one before it ("The contract was
// signed in 2017").
import type { Actor, Segments, Span } from '../../doc.js';
import type { Lexicons } from '../../lexicons.js';
import type { Mentions, MentionRef } from '../mentions.js';
import { lowerBound } from '../../search.js';
import { clauseAt, coordinatedClauses, type Clause } from './coordination.js';

interface Group {
  /** Lowercase words after "the two" / "both". */
  words: string[];
  type: Actor['type'];
}

// How many sentences back a sentence naming nobody looks for its actors ("Q: What did Turkey buy?" "A: Yes." "The contract …").
const LOOKBACK = 3;
const PRONOUNS = new Set(['he', 'she', 'him']);
// How many words a floating "each" may come before its trigger ("each imposed", "each quietly sent").
const DISTRIBUTIVE_REACH = 4;

const groupTables = new WeakMap<Lexicons['events'], Group[]>();

/** The plural descriptions of the lexicon, made once per lexicon. */
function groupsOf(lex: Lexicons['events']): Group[] {
  let groups = groupTables.get(lex);
  if (!groups) groupTables.set(lex, (groups = Object.entries(lex.groupNouns).flatMap(([type, list]) => list.map((w) => ({ words: w.split(/\s+/), type: type as Actor['type'] })))));
  return groups;
}

export class Participants {
  private readonly groups: Group[];
  private cached: { key: string; found: { ids: string[]; pair: string[]; borrowed: boolean } } | undefined;
  private cuts: { sentence: number; clauses: Clause[] } | undefined;
  private namedIn: { sentence: number; list: MentionRef[] } | undefined;

  constructor(
    private readonly mentions: Mentions,
    private readonly segs: Segments,
    private readonly lower: readonly string[],
    private readonly inQuote: (at: number) => boolean,
    lex: Lexicons['events'],
  ) {
    this.groups = groupsOf(lex);
  }

  /** The mentions of a sentence that can take part, in text order (kept for the sentence at hand). */
  private named(sentence: number): MentionRef[] {
    if (this.namedIn?.sentence === sentence) return this.namedIn.list;
    const s = this.segs.sentences[sentence];
    const list = this.mentions.within(s).filter((m) => !this.inQuote(m.start) && (m.kind !== 'descriptor' || m.actor.type === 'person'));
    if (this.namedIn === undefined || this.namedIn.sentence < sentence) this.namedIn = { sentence, list };
    return list;
  }

  /** The mentions of a sentence inside `span`, found by binary search. */
  private namedWithin(sentence: number, span: Span): MentionRef[] {
    const list = this.named(sentence);
    const out: MentionRef[] = [];
    for (let i = lowerBound(list, span.start, (m) => m.start); i < list.length && list[i].start < span.end; i++) if (list[i].end <= span.end) out.push(list[i]);
    return out;
  }

  /** "the two leaders", "both countries" in the sentence: the last two distinct actors of that kind named before it. */
  private pairs(sentence: number, within?: { from: number; to: number }): string[] {
    const s = this.segs.sentences[sentence];
    const out: string[] = [];
    for (let k = within?.from ?? s.tokenStart; k < (within?.to ?? s.tokenEnd); k++) {
      const w = this.lower[k];
      let head = -1;
      if (w === 'both') head = k + 1;
      else if ((w === 'the' || w === 'their') && this.lower[k + 1] === 'two') head = k + 2;
      if (head < 0) continue;
      const group = this.groups.find((g) => g.words.every((x, j) => this.lower[head + j] === x));
      if (!group) continue;
      const seen = new Set<string>();
      this.mentions.lastBefore(this.segs.tokens[k].start, (a) => {
        if (a.type === group.type) seen.add(a.id);
        return seen.size >= 2;
      });
      if (seen.size === 2) out.push(...seen);
    }
    return out;
  }

  /** "He met Kim Jong Un": a personal pronoun stands for the last person named before it. */
  private pronouns(sentence: number, within?: { from: number; to: number }): string[] {
    const s = this.segs.sentences[sentence];
    const out: string[] = [];
    for (let k = within?.from ?? s.tokenStart; k < (within?.to ?? s.tokenEnd); k++) {
      if (!PRONOUNS.has(this.lower[k]) || this.inQuote(this.segs.tokens[k].start)) continue;
      const m = this.mentions.lastBefore(this.segs.tokens[k].start, (a, at) => a.type === 'person' && at.kind !== 'descriptor');
      if (m) out.push(m.actor.id);
    }
    return out;
  }

  /** The coordinated clause of the sentence holding token `k`, when the sentence has several. */
  private clauseAround(sentence: number, k: number): (Span & Clause) | undefined {
    if (this.cuts?.sentence !== sentence) {
      const s = this.segs.sentences[sentence];
      this.cuts = { sentence, clauses: coordinatedClauses(this.lower, s.tokenStart, s.tokenEnd) };
    }
    if (this.cuts.clauses.length < 2) return undefined;
    const c = clauseAt(this.cuts.clauses, k);
    return { start: this.segs.tokens[c.from].start, end: this.segs.tokens[c.to - 1].end, from: c.from, to: c.to };
  }

  /**
   * The actor ids taking part in an event stated at token `k` of this sentence: those of its
   * coordinated clause when it names any ("In January, Pyongyang tested a missile, and in March
   * Seoul held drills"), else the sentence's. `pair` holds those a plural description stands for;
   * `borrowed` says they come from a sentence before (up to three back).
   */
  of(sentence: number, k: number): { ids: string[]; pair: string[]; borrowed: boolean } {
    const clause = this.clauseAround(sentence, k);
    const key = `${sentence}|${clause?.start}`;
    if (this.cached?.key === key) return this.cached.found;
    let found = this.whole(sentence);
    if (clause) {
      const pair = this.pairs(sentence, clause);
      const ids = [...new Set([...this.namedWithin(sentence, clause).map((m) => m.actor.id), ...pair, ...this.pronouns(sentence, clause)])];
      if (ids.length) found = { ids, pair, borrowed: false };
    }
    this.cached = { key, found };
    return found;
  }

  /**
   * "Canada and Australia each imposed sanctions", "... imposed their own sanctions": the actors
   * named in a row ("X, Y and Z") just before a floating "each" (or the verb of "their own") ahead
   * of token `k`, each of whom did it on their own; else none.
   */
  distributed(sentence: number, k: number, floating: (k: number) => boolean): string[] {
    const s = this.segs.sentences[sentence];
    const tokens = this.segs.tokens;
    let each = -1;
    for (let j = k - 1; j > s.tokenStart && j >= k - DISTRIBUTIVE_REACH; j--) {
      if (this.lower[j] === 'each' && floating(j)) {
        each = j;
        break;
      }
      // "South Korea and Japan imposed their own sanctions": the row ends a verb or two before "their own".
      if (this.lower[j] === 'own' && this.lower[j - 1] === 'their') {
        const list = this.named(sentence);
        const last = list[lowerBound(list, tokens[j - 1].start, (m) => m.start) - 1];
        if (last && last.end >= tokens[Math.max(s.tokenStart, j - 1 - DISTRIBUTIVE_REACH)].start) each = lowerBound(tokens, last.end, (t) => t.start);
        break;
      }
    }
    if (each < 0) return [];
    const list = this.named(sentence);
    const out: string[] = [];
    let i = lowerBound(list, tokens[each].start, (m) => m.start) - 1;
    // Walk back over the row: between two names only commas and "and".
    for (let edge = each; i >= 0; i--) {
      const m = list[i];
      const gap = this.lower.slice(lowerBound(tokens, m.end, (t) => t.start), edge);
      if (!gap.every((w) => w === ',' || w === 'and' || w === 'the')) break;
      out.push(m.actor.id);
      edge = lowerBound(tokens, m.start, (t) => t.start);
    }
    return [...new Set(out)].reverse();
  }

  private whole(sentence: number): { ids: string[]; pair: string[]; borrowed: boolean } {
    const pair = this.pairs(sentence);
    const ids = [...this.named(sentence).map((m) => m.actor.id), ...pair, ...this.pronouns(sentence)];
    let borrowed = false;
    for (let back = sentence - 1; !ids.length && back >= Math.max(0, sentence - LOOKBACK); back--) {
      ids.push(...this.named(back).map((m) => m.actor.id));
      borrowed = true;
    }
    return { ids: [...new Set(ids)], pair: [...new Set(pair)], borrowed };
  }
}

// Who takes part in an event: the actors a sentence names outside quotations, and the two a plural
// description stands for ("the two leaders" → the last two persons named, "both governments" →
// the last two states). A sentence naming nobody continues the one before it ("The contract was
// signed in 2017").
import type { Actor, Segments, Span } from '../../doc.js';
import type { Lexicons } from '../../lexicons.js';
import type { Mentions, MentionRef } from '../mentions.js';

interface Group {
  /** Lowercase words after "the two" / "both". */
  words: string[];
  type: Actor['type'];
}

// How many sentences back a sentence naming nobody looks for its actors ("Q: What did Turkey buy?" "A: Yes." "The contract …").
const LOOKBACK = 3;

export class Participants {
  private readonly groups: Group[];
  private cached: { key: string; found: { ids: string[]; pair: string[]; borrowed: boolean } } | undefined;

  constructor(
    private readonly mentions: Mentions,
    private readonly segs: Segments,
    private readonly lower: readonly string[],
    private readonly inQuote: (at: number) => boolean,
    lex: Lexicons['events'],
  ) {
    this.groups = Object.entries(lex.groupNouns).flatMap(([type, list]) => list.map((w) => ({ words: w.split(/\s+/), type: type as Actor['type'] })));
  }

  private named(sentence: number): MentionRef[] {
    const s = this.segs.sentences[sentence];
    return this.mentions.within(s).filter((m) => !this.inQuote(m.start) && (m.kind !== 'descriptor' || m.actor.type === 'person'));
  }

  /** "the two leaders", "both countries" in the sentence: the last two distinct actors of that kind named before it. */
  private pairs(sentence: number, within?: Span): string[] {
    const s = this.segs.sentences[sentence];
    const out: string[] = [];
    for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      if (within && (this.segs.tokens[k].start < within.start || this.segs.tokens[k].end > within.end)) continue;
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

  /**
   * The actor ids taking part in an event stated in this sentence; `pair` holds those a plural
   * description stands for; `borrowed` says they come from a sentence before (up to three back).
   * With `clause`, the actors of that clause of the sentence when it names any ("In January,
   * Pyongyang tested a missile, and in February Seoul held drills").
   */
  of(sentence: number, clause?: Span): { ids: string[]; pair: string[]; borrowed: boolean } {
    const key = `${sentence}|${clause?.start}`;
    if (this.cached?.key === key) return this.cached.found;
    const whole = this.whole(sentence);
    let found = whole;
    if (clause) {
      const pair = this.pairs(sentence, clause);
      const ids = [...new Set([...this.named(sentence).filter((m) => m.start >= clause.start && m.end <= clause.end).map((m) => m.actor.id), ...pair])];
      if (ids.length) found = { ids, pair, borrowed: false };
    }
    this.cached = { key, found };
    return found;
  }

  private whole(sentence: number): { ids: string[]; pair: string[]; borrowed: boolean } {
    const pair = this.pairs(sentence);
    const ids = [...this.named(sentence).map((m) => m.actor.id), ...pair];
    let borrowed = false;
    for (let back = sentence - 1; !ids.length && back >= Math.max(0, sentence - LOOKBACK); back--) {
      ids.push(...this.named(back).map((m) => m.actor.id));
      borrowed = true;
    }
    return { ids: [...new Set(ids)], pair: [...new Set(pair)], borrowed };
  }
}

// Who a speaker phrase stands for. A named person wins; then a body or state named in the
// phrase ("a U.S. State Department official" → the State Department, "South Korean
// intelligence officials" → South Korea, kept with the words as source text); a pronoun goes to
// the last fitting actor; anything else stays an unnamed source with its words.
import type { Actor, Span, Token } from '../../doc.js';

export interface MentionRef extends Span {
  actor: Actor;
}

export interface Speaker {
  source: string | null;
  /** The speaker's own words when the source is unnamed or only described. */
  sourceText?: string;
  span: Span;
}

const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her']);
const BODY_PRONOUNS = new Set(['it']);

/** All actor mentions in text order, with a lookup by span. */
export class Mentions {
  readonly list: MentionRef[];

  constructor(actors: Actor[]) {
    this.list = actors.flatMap((actor) => actor.mentions.map((m) => ({ start: m.start, end: m.end, actor }))).sort((a, b) => a.start - b.start || b.end - a.end);
  }

  /** Index of the first mention starting at or after `offset`. */
  private from(offset: number): number {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.list[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  within(span: Span): MentionRef[] {
    const out: MentionRef[] = [];
    for (let i = this.from(span.start); i < this.list.length && this.list[i].start < span.end; i++) {
      if (this.list[i].end <= span.end) out.push(this.list[i]);
    }
    return out;
  }

  /** The last mention before `offset` that passes `ok`, looking back a bounded number of mentions. */
  lastBefore(offset: number, ok: (a: Actor, at: MentionRef) => boolean, lookback = 200): MentionRef | undefined {
    for (let i = this.from(offset) - 1, n = 0; i >= 0 && n < lookback; i--, n++) if (ok(this.list[i].actor, this.list[i])) return this.list[i];
    return undefined;
  }
}

export interface SpeakerContext {
  text: string;
  tokens: Token[];
  mentions: Mentions;
  sourceNouns: Set<string>;
  /** Is this offset inside quotation marks? Names inside a quote are no antecedents for "he". */
  inQuote(offset: number): boolean;
  /** The last person an attribution was credited to before a point, for "he said". */
  lastPersonSource(offset: number): { actor: string; at: number } | undefined;
}

/** Resolves the speaker phrase tokens[a..b). */
export function resolveSpeaker(ctx: SpeakerContext, a: number, b: number): Speaker {
  const span = { start: ctx.tokens[a].start, end: ctx.tokens[b - 1].end };
  const words = ctx.tokens.slice(a, b).map((t) => t.text.toLowerCase());
  const phrase = ctx.text.slice(span.start, span.end);
  if (words.length === 1 && PERSON_PRONOUNS.has(words[0])) {
    const byMention = ctx.mentions.lastBefore(span.start, (x, at) => x.type === 'person' && !ctx.inQuote(at.start));
    const bySource = ctx.lastPersonSource(span.start);
    // The last person spoken of, or the last person quoted, whichever came later.
    const id = bySource && bySource.at > (byMention?.start ?? -1) ? bySource.actor : byMention?.actor.id;
    return { source: id ?? null, ...(id ? {} : { sourceText: phrase }), span };
  }
  if (words.length === 1 && BODY_PRONOUNS.has(words[0])) {
    const body = ctx.mentions.lastBefore(span.start, (x, at) => (x.type === 'organization' || x.type === 'country') && !ctx.inQuote(at.start));
    return { source: body?.actor.id ?? null, ...(body ? {} : { sourceText: phrase }), span };
  }
  const inside = ctx.mentions.within(span);
  const person = [...inside].reverse().find((m) => m.actor.type === 'person');
  if (person) return { source: person.actor.id, span };
  const body = inside.find((m) => m.actor.type === 'organization') ?? inside.find((m) => m.actor.type === 'country');
  const unnamed = words.some((w) => ctx.sourceNouns.has(w));
  if (body) {
    // "U.S. officials": the state is the source, the description is kept.
    const bare = body.start === span.start && body.end === span.end;
    return { source: body.actor.id, ...(bare || !unnamed ? {} : { sourceText: phrase }), span };
  }
  return { source: null, sourceText: phrase, span };
}

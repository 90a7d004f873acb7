// Every actor mention of a report in text order, indexed once per actors layer: the lookups
// the stages after actors share (who is named inside this span, what ends here, who was named
// last before this point) without scanning the list.
import type { Actor, Span } from '../doc.js';
import { lowerBound } from '../search.js';

export interface MentionRef extends Span {
  actor: Actor;
  kind: string;
}

interface MentionTables {
  list: MentionRef[];
  byEnd: Map<number, MentionRef[]>;
  actors: Map<string, Actor>;
}

// An actors layer never changes once made, and several stages index it: built once per layer.
const tables = new WeakMap<readonly Actor[], MentionTables>();

function tablesOf(actors: readonly Actor[]): MentionTables {
  const hit = tables.get(actors);
  if (hit) return hit;
  const list = actors.flatMap((actor) => actor.mentions.map((m) => ({ start: m.start, end: m.end, actor, kind: m.kind }))).sort((a, b) => a.start - b.start || b.end - a.end);
  const byEnd = new Map<number, MentionRef[]>();
  const byId = new Map<string, Actor>();
  for (const m of list) {
    const same = byEnd.get(m.end);
    if (same) same.push(m);
    else byEnd.set(m.end, [m]);
    byId.set(m.actor.id, m.actor);
  }
  const made = { list, byEnd, actors: byId };
  tables.set(actors, made);
  return made;
}

/** All actor mentions in text order, with lookups by span, by end offset and by actor id. */
export class Mentions {
  readonly list: readonly MentionRef[];
  // Lookups by key rather than scans of the list, so a long text full of tags stays linear.
  private readonly byEnd: ReadonlyMap<number, readonly MentionRef[]>;
  private readonly actors: ReadonlyMap<string, Actor>;

  constructor(actors: readonly Actor[]) {
    const t = tablesOf(actors);
    this.list = t.list;
    this.byEnd = t.byEnd;
    this.actors = t.actors;
  }

  /** The mentions ending at `offset`, in text order. */
  endingAt(offset: number | undefined): readonly MentionRef[] {
    return (offset !== undefined && this.byEnd.get(offset)) || [];
  }

  /** Does a mention start at `offset`? */
  startsAt(offset: number): boolean {
    return this.list[this.from(offset)]?.start === offset;
  }

  /** The actor with this id, when one of the mentions is its. */
  actor(id: string): Actor | undefined {
    return this.actors.get(id);
  }

  /** Index of the first mention starting at or after `offset`. */
  private from(offset: number): number {
    return lowerBound(this.list, offset, (m) => m.start);
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


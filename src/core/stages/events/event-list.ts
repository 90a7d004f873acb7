// The events of a report as they are found, one per happening: a happening told again (the same
// type and date, the same actors or one side's actors inside the other's) adds its span to the
// event already there. Remembers the last event, and the last dated one of each type, for the
// sentences that refer back ("at the same ceremony", "hours before the two leaders met").
import type { Event, Span } from '../../doc.js';

// Only the latest few events of a type and date are compared, so a report of thousands of meetings stays linear.
const TWIN_REACH = 32;

export class EventList {
  readonly events: Event[] = [];
  private readonly byKey = new Map<string, Event[]>();
  private last: Event | undefined;
  private readonly lastDated = new Map<string, Event>();

  constructor(private readonly stage: string) {}

  lastEvent(): Event | undefined {
    return this.last;
  }

  lastOfType(type: string): Event | undefined {
    return this.lastDated.get(type);
  }

  private seen(e: Event): void {
    this.last = e;
    if (e.date) this.lastDated.set(e.type, e);
  }

  /** One more place an event is stated. */
  tellAgain(e: Event, span: Span): void {
    if (!e.spans.some((x) => x.start === span.start)) e.spans.push(span);
  }

  /** Adds a happening (`copies` of it for "twice"), or merges it into its twin. */
  add(type: string, ids: readonly string[], date: string | null, place: string | null, span: Span, rule: string, copies = 1): void {
    const key = `${type}|${date}`;
    const same = this.byKey.get(key) ?? [];
    const twin = copies === 1
      ? same.slice(-TWIN_REACH).find((e) => ids.every((a) => e.actors.includes(a)) || e.actors.every((a) => ids.includes(a)) || ids.filter((a) => e.actors.includes(a)).length >= 2)
      : undefined;
    if (twin) {
      for (const a of ids) if (!twin.actors.includes(a)) twin.actors.push(a);
      this.tellAgain(twin, span);
      twin.place ??= place;
      this.seen(twin);
      return;
    }
    for (let n = 0; n < copies; n++) {
      const e: Event = { type, actors: [...ids], date, place, spans: [{ start: span.start, end: span.end }], stage: this.stage, rule };
      this.events.push(e);
      same.push(e);
      this.seen(e);
    }
    this.byKey.set(key, same);
  }
}

// "Who was named last before this point?" over every mention of a report, in time linear in the
// report: a sorted base, an append-only overlay for the mentions a left-to-right sweep adds, and
// a bounded look-back (a description or short form refers to someone named recently).
import type { Actor } from '../../doc.js';
import { lowerBound } from '../../search.js';

interface Entry {
  start: number;
  actor: Actor;
}

/** How many mentions back a reference may reach. */
export const LOOKBACK = 400;

export class MentionIndex {
  private base: Entry[] = [];
  private overlay: Entry[] = [];

  add(start: number, actor: Actor): void {
    const last = this.overlay[this.overlay.length - 1];
    if (last && start < last.start) this.freeze();
    this.overlay.push({ start, actor });
  }

  /** Folds the overlay into the base; call between passes that add mentions out of text order. */
  freeze(): void {
    if (!this.overlay.length) return;
    this.base = this.base.concat(this.overlay).sort((a, b) => a.start - b.start);
    this.overlay = [];
  }

  /** The actor of the latest mention before `offset` (and at or after `floor`) that passes `ok`. */
  lastBefore(offset: number, ok: (a: Actor) => boolean, floor = 0): Actor | undefined {
    let i = below(this.base, offset);
    let j = below(this.overlay, offset);
    for (let n = 0; n < LOOKBACK && (i >= 0 || j >= 0); n++) {
      const fromBase = j < 0 || (i >= 0 && this.base[i].start >= this.overlay[j].start);
      const e = fromBase ? this.base[i--] : this.overlay[j--];
      if (e.start < floor) return undefined;
      if (ok(e.actor)) return e.actor;
    }
    return undefined;
  }
}

/** Index of the last entry with start < offset, or -1. */
function below(xs: Entry[], offset: number): number {
  return lowerBound(xs, offset, (e) => e.start) - 1;
}

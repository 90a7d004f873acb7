// A sentence's words as sets, asked once per word list: does the sentence hold a missile word,
// a verb of happening? A verb counts only where it can be one: not after a determiner ("no sign"
// signs nothing), a modal or a negation ("could have signed a deal").
import { unreal, type TriggerTable } from './triggers.js';

export class SentenceWords {
  private readonly words = new Set<string>();
  private readonly verbs = new Set<string>();
  // Answers kept per word list, so a sentence with many triggers stays linear.
  private readonly known = new Map<ReadonlySet<string>, boolean>();
  private readonly knownVerbs = new Map<ReadonlySet<string>, boolean>();

  constructor(lower: readonly string[], start: number, end: number, table: TriggerTable) {
    for (let k = start; k < end; k++) {
      this.words.add(lower[k]);
      if (k === start || (!table.determiners.has(lower[k - 1]) && !unreal(lower, k, start, table))) this.verbs.add(lower[k]);
    }
  }

  private static any(among: ReadonlySet<string>, list: ReadonlySet<string>, memo: Map<ReadonlySet<string>, boolean>): boolean {
    let hit = memo.get(list);
    if (hit === undefined) {
      hit = [...among].some((w) => list.has(w));
      memo.set(list, hit);
    }
    return hit;
  }

  /** Does the sentence hold one of these words anywhere? */
  has(list: ReadonlySet<string>): boolean {
    return SentenceWords.any(this.words, list, this.known);
  }

  /** Does the sentence hold one of these words where it can be a verb? "took place" is one too. */
  happens(list: ReadonlySet<string>): boolean {
    return SentenceWords.any(this.verbs, list, this.knownVerbs) || (list.has('took place') && this.verbs.has('took') && this.verbs.has('place'));
  }
}

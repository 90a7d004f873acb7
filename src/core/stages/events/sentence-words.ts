// A sentence's words as sets, asked once per word list: does the sentence hold a missile word?
// does the trigger's clause hold a verb of happening? A verb counts only in the trigger's
// coordinated clause ("they agreed in January, and a treaty is expected to be signed" signs no
// treaty) and only where it can be a verb: not after a determiner ("no sign" signs nothing), a
// modal or a negation ("could have signed a deal").
import { clauseAt, coordinatedClauses, type Clause } from './coordination.js';
import { unreal, type TriggerTable } from './triggers.js';

export class SentenceWords {
  private words: Set<string> | undefined;
  private clauses: Clause[] | undefined;
  private readonly verbs = new Map<Clause, Set<string>>();
  // Answers kept per word list, so a sentence with many triggers stays linear.
  private readonly known = new Map<ReadonlySet<string>, boolean>();
  private readonly knownVerbs = new Map<Clause, Map<ReadonlySet<string>, boolean>>();

  constructor(
    private readonly lower: readonly string[],
    private readonly start: number,
    private readonly end: number,
    private readonly table: TriggerTable,
    /** Is token k a quantifier after its noun ("each", "both" in "Seoul and Tokyo each imposed")? */
    private readonly floating: (k: number) => boolean = () => false,
  ) {}

  private verbsOf(c: Clause): Set<string> {
    let verbs = this.verbs.get(c);
    if (!verbs) {
      verbs = new Set<string>();
      for (let k = c.from; k < c.to; k++) {
        if (k === this.start || ((this.floating(k - 1) || !this.table.determiners.has(this.lower[k - 1])) && !unreal(this.lower, k, this.start, this.table))) verbs.add(this.lower[k]);
      }
      this.verbs.set(c, verbs);
    }
    return verbs;
  }

  private static any(among: ReadonlySet<string>, list: ReadonlySet<string>, memo: Map<ReadonlySet<string>, boolean>): boolean {
    let hit = memo.get(list);
    if (hit === undefined) {
      hit = false;
      for (const w of among) {
        if (list.has(w)) {
          hit = true;
          break;
        }
      }
      memo.set(list, hit);
    }
    return hit;
  }

  /** Does the sentence hold one of these words anywhere? */
  has(list: ReadonlySet<string>): boolean {
    if (!this.words) {
      this.words = new Set<string>();
      for (let k = this.start; k < this.end; k++) this.words.add(this.lower[k]);
    }
    return SentenceWords.any(this.words, list, this.known);
  }

  /** Does the clause of token `k` hold one of these words where it can be a verb? "took place" is one too. */
  happens(list: ReadonlySet<string>, k: number): boolean {
    this.clauses ??= coordinatedClauses(this.lower, this.start, this.end);
    const c = clauseAt(this.clauses, k);
    const verbs = this.verbsOf(c);
    const memo = this.knownVerbs.get(c) ?? new Map<ReadonlySet<string>, boolean>();
    this.knownVerbs.set(c, memo);
    return SentenceWords.any(verbs, list, memo) || (list.has('took place') && verbs.has('took') && verbs.has('place'));
  }
}

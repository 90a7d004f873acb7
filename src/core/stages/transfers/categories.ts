// Item words to FORMAT.md's ten categories, from lexicons/transfers.json: the longest listed
// phrase found in the item wins; ties go by the lexicon's precedence ("weapons and ammunition"
// is munitions, as the corpus conventions say for mixed wording).
import type { Lexicons } from '../../lexicons.js';

const HEAD_ENDS = new Set(['for', 'with', 'in', 'on', 'at', 'by', 'under', 'via', 'into', 'from', 'to']);

/** The categories that are arms: weapons, munitions and missiles. */
export const ARMS_CATEGORIES: ReadonlySet<string> = new Set(['weapons', 'munitions', 'missiles']);

export class Categorizer {
  private static cache = new WeakMap<Lexicons['transfers'], Categorizer>();
  /** Listed phrases by their first word. */
  private readonly phrases = new Map<string, { words: string[]; category: string; rank: number }[]>();
  private readonly listed = new Set<string>();
  private readonly planned: Set<string>;
  private readonly money: Set<string>;
  private readonly held: Set<string>;
  /** Categories of item texts met before: rules ask about the same item again and again. */
  private readonly seen = new Map<string, string | null>();

  private constructor(lex: Lexicons['transfers']) {
    const rank = new Map(lex.precedence.map((c, i) => [c, i]));
    for (const [category, words] of Object.entries(lex.categories)) {
      for (const w of words) {
        const words = w.split(/\s+/);
        this.phrases.set(words[0], [...(this.phrases.get(words[0]) ?? []), { words, category, rank: rank.get(category) ?? 99 }]);
        if (w.includes(' ')) this.listed.add(w);
      }
    }
    this.planned = new Set(lex.plannedVerbs);
    this.money = new Set(lex.moneyVerbs ?? []);
    this.held = new Set(lex.heldUp ?? []);
  }

  static for(lex: Lexicons['transfers']): Categorizer {
    let c = Categorizer.cache.get(lex);
    if (!c) Categorizer.cache.set(lex, (c = new Categorizer(lex)));
    return c;
  }

  /**
   * The category of an item phrase, or null when no listed word occurs in it. The head before a
   * modifying preposition wins ("help with the missile programme" is technology); "of" keeps its
   * complement ("1,000 containers of munitions" is munitions).
   */
  categorize(item: string): string | null {
    const known = this.seen.get(item);
    if (known !== undefined) return known;
    const category = this.categorizeWords(item);
    // Bounded, so a long run of reports cannot grow it without end.
    if (this.seen.size >= 20000) this.seen.clear();
    this.seen.set(item, category);
    return category;
  }

  private categorizeWords(item: string): string | null {
    const words = item.toLowerCase().replace(/[’']s\b/g, '').split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
    const all = this.best(words);
    const cut = words.findIndex((w, i) => i > 0 && HEAD_ENDS.has(w));
    // A listed phrase across the preposition ("equipment for producing") is the head itself.
    if (cut > 0 && !(all && all.at < cut && all.at + all.len > cut)) {
      const head = this.best(words.slice(0, cut));
      if (head) return head.category;
    }
    return all?.category ?? null;
  }

  private best(words: string[]): { len: number; rank: number; category: string; at: number } | null {
    let best: { len: number; rank: number; category: string; at: number } | null = null;
    for (let i = 0; i < words.length; i++) {
      for (const p of this.phrases.get(words[i]) ?? []) {
        if (i + p.words.length > words.length || !p.words.every((w, k) => words[i + k] === w)) continue;
        const better = !best || p.words.length > best.len || (p.words.length === best.len && p.rank < best.rank);
        if (better) best = { len: p.words.length, rank: p.rank, category: p.category, at: i };
      }
    }
    // "rocket launchers", "air-defence components": among single listed words the head noun, the
    // last word, names what the item is; not across a list ("rockets and missiles").
    const last = words.length - 1;
    const listed = words.some((w) => w === 'and' || w === 'or');
    if (best && best.len === 1 && listed) {
      // A list whose parts all have heads of one category is that category: "170-mm howitzers
      // and 240-mm rocket launchers" are weapons, whatever word a modifier shares with another.
      const heads = new Set<string>();
      let from = 0;
      for (let i = 0; i <= words.length; i++) {
        if (i < words.length && words[i] !== 'and' && words[i] !== 'or') continue;
        const part = i > from ? this.best(words.slice(from, i)) : null;
        if (part) heads.add(part.category);
        from = i + 1;
      }
      if (heads.size === 1) {
        const [category] = heads;
        if (category !== best.category) best = { len: 1, rank: best.rank, category, at: best.at };
      }
    }
    if (best && best.len === 1 && best.at !== last && !listed) {
      // People words stay with their modifier: "J-10C fighters" are aircraft.
      const head = (this.phrases.get(words[last]) ?? []).find((p) => p.words.length === 1 && p.category !== 'troops' && p.category !== 'labor');
      if (head) best = { len: 1, rank: head.rank, category: head.category, at: last };
    }
    return best;
  }

  isListedPhrase(text: string): boolean {
    return this.listed.has(text.toLowerCase());
  }

  isPlannedVerb(verb: string): boolean {
    return this.planned.has(verb);
  }

  /** A verb whose flow is money whatever its object ("paid", "funds", "invested", "earmarked"). */
  isMoneyVerb(verb: string): boolean {
    return this.money.has(verb);
  }

  /** A word that leaves a payment still to come ("stuck", "outstanding", "owed"). */
  isHeldUp(word: string): boolean {
    return this.held.has(word);
  }
}

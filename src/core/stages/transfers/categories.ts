// Item words to FORMAT.md's ten categories, from lexicons/transfers.json: the longest listed
// phrase found in the item wins; ties go by the lexicon's precedence ("weapons and ammunition"
// is munitions, as the corpus conventions say for mixed wording).
import type { Lexicons } from '../../lexicons.js';

export class Categorizer {
  private static cache = new WeakMap<Lexicons['transfers'], Categorizer>();
  /** Listed phrases by their first word. */
  private readonly phrases = new Map<string, { words: string[]; category: string; rank: number }[]>();
  private readonly listed = new Set<string>();
  private readonly planned: Set<string>;

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
  }

  static for(lex: Lexicons['transfers']): Categorizer {
    let c = Categorizer.cache.get(lex);
    if (!c) Categorizer.cache.set(lex, (c = new Categorizer(lex)));
    return c;
  }

  /** The category of an item phrase, or null when no listed word occurs in it. */
  categorize(item: string): string | null {
    const words = item.toLowerCase().replace(/[’']s\b/g, '').split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
    let best: { len: number; rank: number; category: string } | null = null;
    for (let i = 0; i < words.length; i++) {
      for (const p of this.phrases.get(words[i]) ?? []) {
        if (i + p.words.length > words.length || !p.words.every((w, k) => words[i + k] === w)) continue;
        const better = !best || p.words.length > best.len || (p.words.length === best.len && p.rank < best.rank);
        if (better) best = { len: p.words.length, rank: p.rank, category: p.category };
      }
    }
    return best?.category ?? null;
  }

  isListedPhrase(text: string): boolean {
    return this.listed.has(text.toLowerCase());
  }

  isPlannedVerb(verb: string): boolean {
    return this.planned.has(verb);
  }
}

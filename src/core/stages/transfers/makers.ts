// "Iranian-made drones", "North Korean-built missiles", "U.S.-made bombs": the state a maker
// adjective names. The actors layer keeps such words whole, so the state is looked up here, from
// the same country names, aliases and demonyms the actors stage reads.
import type { Lexicons } from '../../lexicons.js';
import type { Token } from '../../doc.js';

const MAKER = /^(.+)-(?:made|built|designed|produced|manufactured|supplied|origin)$/i;

export class Makers {
  private static cache = new WeakMap<Lexicons['countries'], Makers>();
  private readonly byName = new Map<string, string>();

  private constructor(lex: Pick<Lexicons, 'countries' | 'countryAliases'>) {
    for (const c of lex.countries) {
      // A UN member's name wins over a territory's ("American": US).
      for (const n of [c.name, ...c.demonyms]) if (c.unMember || !this.byName.has(n.toLowerCase())) this.byName.set(n.toLowerCase(), c.code);
    }
    for (const a of lex.countryAliases) for (const n of a.aliases) if (!/^the /i.test(n)) this.byName.set(n.toLowerCase(), a.code);
  }

  static for(lex: Pick<Lexicons, 'countries' | 'countryAliases'>): Makers {
    let m = Makers.cache.get(lex.countries);
    if (!m) Makers.cache.set(lex.countries, (m = new Makers(lex)));
    return m;
  }

  /** The state the maker adjective at token i names ("Korean-made" after "North" is KP), or undefined. */
  at(tokens: readonly Token[], i: number): string | undefined {
    // Nearly every word has no hyphen: the regex runs only on those that do.
    const m = tokens[i].text.includes('-') ? MAKER.exec(tokens[i].text) : null;
    if (!m) return undefined;
    const word = m[1].toLowerCase();
    const prev = tokens[i - 1]?.text.toLowerCase();
    // Two-word names: "North Korean-made", "South Korean-built".
    return (prev && tokens[i - 1].end + 1 === tokens[i].start ? this.byName.get(`${prev} ${word}`) : undefined) ?? this.byName.get(word);
  }
}

// Hostile inputs, built in memory: text a scraper can hand the pipeline that no reporter wrote.
// Each is made to a requested length so that timing several lengths shows whether time grows
// linearly. The words are invented here.

export type HostileKind = 'quotation marks' | 'unbalanced quotes' | 'long paragraph' | 'endless list' | 'thousands of names';

/** The full size of each input in characters; the bench also runs 1/4 and 1/2 of it. */
export const HOSTILE_SIZES: Readonly<Record<HostileKind, number>> = {
  'quotation marks': 1_000_000,
  'unbalanced quotes': 1_000_000,
  'long paragraph': 5_000_000,
  'endless list': 1_000_000,
  'thousands of names': 1_000_000,
};

export const HOSTILE_FRACTIONS = [0.25, 0.5, 1] as const;

/** `length` straight quotation marks and nothing else: every pair is an empty quote. */
export function quotationMarks(length: number): string {
  return '"'.repeat(length);
}

/** A paragraph with its quote closed and its speaker named: what the pipeline must still find among the noise. */
export const BALANCED_PARAGRAPH = 'Harbour chief Ana Lind said, “The port stays closed until Friday.”';
const NOISE_WORDS = ['the', 'port', 'said', 'officials', 'grain', 'in', 'March', 'told', 'Lind', 'ministry', 'closed', 'that', 'trucks', 'denied', 'according', 'to'];

/**
 * Paragraphs of words with stray curly marks (more opening than closing ones, so most quotes never
 * close), every fifth paragraph a balanced quote with its tag; about `length` characters. The
 * marks come from a fixed pseudo-random sequence, so every run times the same text.
 */
export function unbalancedQuotes(length: number): string {
  const parts: string[] = [];
  let size = 0;
  let seed = 12345;
  const next = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 16) % n;
  };
  for (let p = 0; size < length; p++) {
    let para: string;
    if (p % 5 === 4) para = BALANCED_PARAGRAPH;
    else {
      const words: string[] = [];
      for (let w = 0; w < 40; w++) {
        const r = next(8);
        const mark = r === 0 || r === 1 ? '“' : r === 2 ? '”' : '';
        words.push(r === 1 ? NOISE_WORDS[next(NOISE_WORDS.length)] + mark : mark + NOISE_WORDS[next(NOISE_WORDS.length)]);
      }
      para = words.join(' ') + '.';
    }
    parts.push(para);
    size += para.length + 2;
  }
  return parts.join('\n\n').slice(0, length);
}

/** Ordinary news sentences: a reported claim, a tagged quote, "according to", a denial, an estimate. */
export const PARAGRAPH_SENTENCES = [
  'The ministry said on Monday that 40 trucks had crossed the border near the river port.',
  '“The checks are thorough and slow,” harbour chief Ana Lind told reporters.',
  'According to customs officials, about 3,000 tonnes of grain left the docks in March.',
  'The shipping firm denied that any cargo had been hidden on its vessels.',
  'Rail traffic rose by 15 percent last year, the institute estimated.',
] as const;

/** One paragraph of whole sentences, no line breaks anywhere, at most `length` characters. */
export function longParagraph(length: number): string {
  const block = PARAGRAPH_SENTENCES.join(' ') + ' ';
  const text = block.repeat(Math.ceil(length / block.length) + 1).slice(0, length);
  // End at a sentence's end, so no quote is cut open.
  const cut = text.lastIndexOf('. ');
  return cut > 0 ? text.slice(0, cut + 1) : text.trimEnd();
}

/** A flow whose list of goods never ends: commas, no full stop, like a table dumped as text. */
export function endlessList(length: number): string {
  const items = 'North Korea sent shells, rockets and drones to Russia, ';
  return items.repeat(Math.ceil(length / items.length)).slice(0, length);
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tas', 'vo', 'dun', 'sel', 'pra', 'gi'];

/** An invented family name for each number: "Kaov", "Lokaov", … */
export function inventedName(i: number): string {
  let s = '';
  let n = i;
  do {
    s += SYLLABLES[n % 10];
    n = Math.floor(n / 10);
  } while (n > 0);
  return s[0].toUpperCase() + s.slice(1) + 'ov';
}

/** A roll of people who share a first name, each at a differently named institute, each quoted: every name new. */
export function thousandsOfNames(length: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < length; i++) {
    const sentence = `Analyst Petra ${inventedName(i)} of the ${inventedName(i + 7)} Institute said the ship left Nampo.`;
    parts.push(sentence);
    size += sentence.length + 1;
  }
  const text = parts.join(' ');
  return text.slice(0, text.lastIndexOf('.', length) + 1);
}

export function hostileText(kind: HostileKind, length: number): string {
  switch (kind) {
    case 'quotation marks':
      return quotationMarks(length);
    case 'unbalanced quotes':
      return unbalancedQuotes(length);
    case 'long paragraph':
      return longParagraph(length);
    case 'endless list':
      return endlessList(length);
    case 'thousands of names':
      return thousandsOfNames(length);
  }
}

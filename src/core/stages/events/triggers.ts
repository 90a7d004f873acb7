// Event trigger words and phrases in a sentence, each read as a noun ("two failed launches") or a
// verb ("North Korea launches missiles"), with the readings that name no happening left out: a
// participle used as an adjective ("the sanctioned company"), a noun modifying another noun
// ("launch pad"), a trigger after "to" or a modal ("would sign").
import type { Token } from '../../doc.js';
import type { Lexicons } from '../../lexicons.js';

interface Reading {
  type: string;
  noun: boolean;
}

interface Phrase extends Reading {
  /** Lowercase words; '*' matches any one word. */
  words: string[];
}

export interface TriggerTable {
  words: Map<string, Reading[]>;
  /** First word → phrases starting with it, longest first. */
  phrases: Map<string, Phrase[]>;
  determiners: Set<string>;
  compoundHeads: Set<string>;
  meetingVerbs: Set<string>;
  motionVerbs: Set<string>;
  /** Every word a trigger can start with (single words, phrase starts, meeting verbs): one lookup per token. */
  starts: Set<string>;
}

export interface Trigger extends Reading {
  /** Token indexes: first and one past the last. */
  from: number;
  to: number;
  /** The trigger as written, for the rule name. */
  text: string;
}

/** The type of a trigger that repeats the event told just before ("followed suit"): the stage gives it that event's type. */
export const ECHO = '(echo)';

const tables = new WeakMap<Lexicons['events'], TriggerTable>();

/** The trigger table of an events lexicon, built once per lexicon. */
export function triggerTable(lex: Lexicons['events']): TriggerTable {
  const hit = tables.get(lex);
  if (hit) return hit;
  const words = new Map<string, Reading[]>();
  const phrases = new Map<string, Phrase[]>();
  const add = (entries: Record<string, string[]>, noun: boolean): void => {
    for (const [type, list] of Object.entries(entries)) {
      for (const entry of list) {
        const parts = entry.toLowerCase().split(/\s+/);
        if (parts.length === 1) {
          const readings = words.get(parts[0]) ?? [];
          readings.push({ type, noun });
          words.set(parts[0], readings);
        } else {
          const list2 = phrases.get(parts[0]) ?? [];
          list2.push({ type, noun, words: parts });
          phrases.set(parts[0], list2);
        }
      }
    }
  };
  add(lex.verbs, false);
  add(lex.nouns, true);
  add({ [ECHO]: lex.echoes }, false);
  for (const list of phrases.values()) list.sort((a, b) => b.words.length - a.words.length);
  const meetingVerbs = new Set(lex.meetingVerbs);
  const made = {
    words,
    phrases,
    determiners: new Set(lex.determiners),
    compoundHeads: new Set(lex.compoundHeads),
    meetingVerbs,
    motionVerbs: new Set(lex.motionVerbs),
    starts: new Set([...words.keys(), ...phrases.keys(), ...meetingVerbs]),
  };
  tables.set(lex, made);
  return made;
}

const NUMERAL = /^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|several|many|few)$/;
// "two failed launches", "the new sanctions": an adjective between a determiner and the noun.
const ADJECTIVE = /^\p{Ll}+(?:ed|al|ic|ive|ful|ous|ent|ant|ary|ish)$|^(?:new|joint|major|large|small|big|first|latest|recent)$/u;
const INTENTION = /^(?:to|would|could|will|may|might|should|can|must|shall)$/;
const NEGATION = /^(?:not|never|n't)$/;

/** Does the word before `i` make the word at `i` a noun (or a participle used as an adjective)? */
function nounContext(lower: readonly string[], i: number, start: number, table: TriggerTable, floating: (k: number) => boolean): boolean {
  if (i <= start) return false;
  const prev = lower[i - 1];
  if (floating(i - 1)) return false;
  if (table.determiners.has(prev) || NUMERAL.test(prev)) return true;
  if (i - 1 > start && ADJECTIVE.test(prev)) {
    const before = lower[i - 2];
    return table.determiners.has(before) || NUMERAL.test(before);
  }
  return false;
}

/**
 * Is the word at `i` an intention, a possibility or a negation rather than a happening? "to meet",
 * "would sign", "could have signed", "will not sign", "never signed"; but "travelled to meet" happened.
 */
export function unreal(lower: readonly string[], i: number, start: number, table: TriggerTable): boolean {
  if (i <= start) return false;
  const prev = lower[i - 1];
  if (INTENTION.test(prev)) return !(prev === 'to' && i - 2 >= start && table.motionVerbs.has(lower[i - 2]));
  if (NEGATION.test(prev)) return true;
  // "would be signed", "could have met", "to be signed"; but "is said to have met" happened.
  return i - 1 > start && /^(?:have|be|been)$/.test(prev) && INTENTION.test(lower[i - 2]) && !(lower[i - 2] === 'to' && prev === 'have');
}

// How many title words may stand between a host verb and the name ("received Foreign Minister Choe Son Hui").
const TITLE_REACH = 5;

/** Does a person's name start at token `k`, or after a few capitalized title words? */
function personAfter(tokens: readonly Token[], k: number, end: number, personAt: (k: number) => boolean): boolean {
  for (let j = k; j < Math.min(end, k + TITLE_REACH + 1); j++) {
    if (personAt(j)) return true;
    if (!/^(?:\p{Lu}[\p{L}-]*|['’]s|the)$/u.test(tokens[j].text)) return false;
  }
  return false;
}

function phraseAt(lower: readonly string[], i: number, end: number, table: TriggerTable): Phrase | undefined {
  for (const p of table.phrases.get(lower[i]) ?? []) {
    if (i + p.words.length > end) continue;
    if (p.words.every((w, k) => w === '*' || w === lower[i + k])) return p;
  }
  return undefined;
}

/**
 * The triggers in tokens [start, end), in text order. `lower` holds every token lowercased;
 * `personAt` tells whether a person's name starts at a token ("received Kim Jong Un");
 * `floating` whether a token is a quantifier after its noun ("Seoul and Tokyo each imposed"),
 * which makes the next word no noun.
 */
export function findTriggers(tokens: readonly Token[], lower: readonly string[], start: number, end: number, table: TriggerTable, personAt: (k: number) => boolean, floating: (k: number) => boolean = () => false): Trigger[] {
  const out: Trigger[] = [];
  for (let i = start; i < end; i++) {
    // Most words start no trigger: one table lookup sends them on.
    if (!table.starts.has(lower[i])) continue;
    const t = tokens[i];
    // A fact box's label is a trigger too ("Signed: Monday, in Tashkent").
    const label = /^\p{Lu}\p{Ll}+$/u.test(t.text) && tokens[i + 1]?.text === ':' && i + 1 < end;
    // A capital letter marks a name ("Operation Strike"), except at the head of a sentence or a list item ("Talks collapsed").
    const head = i === start || (i === start + 1 && /^[-–—•*]$/.test(tokens[start].text));
    if (!/^\p{Ll}/u.test(t.text) && !label && !(head && /^\p{Lu}\p{Ll}+$/u.test(t.text))) continue;
    if (unreal(lower, i, start, table)) continue;
    if (table.meetingVerbs.has(lower[i]) && personAfter(tokens, i + 1, end, personAt)) {
      out.push({ type: 'meeting', noun: false, from: i, to: i + 1, text: t.text });
      continue;
    }
    const phrase = phraseAt(lower, i, end, table);
    if (phrase) {
      out.push({ type: phrase.type, noun: phrase.noun, from: i, to: i + phrase.words.length, text: lower.slice(i, i + phrase.words.length).join(' ') });
      i += phrase.words.length - 1;
      continue;
    }
    const readings = table.words.get(lower[i]);
    if (!readings) continue;
    const asNoun = nounContext(lower, i, start, table, floating);
    // A verb-only word after a determiner is a participle used as an adjective, or a noun ("no sign").
    const reading = readings.find((r) => r.noun === asNoun) ?? readings.find((r) => r.noun);
    if (!reading) continue;
    // "the second such attack", "similar strikes": a kind of happening, told of another one.
    if (reading.noun && i > start && /^(?:such|similar)$/.test(lower[i - 1])) continue;
    // "launch pad", "summit venue": the noun modifies the next one.
    if (reading.noun && i + 1 < end && table.compoundHeads.has(lower[i + 1])) continue;
    // "attack drones", "strike aircraft": an attack noun before any other lowercase word but a preposition modifies it.
    if (reading.type === 'attack' && reading.noun && /^\p{Ll}+$/u.test(tokens[i + 1]?.text ?? '') && !/^(?:on|in|into|inside|across|near|against|at|by|of|this|last|that|was|were|is|has|had|killed|hit|destroyed|damaged)$/.test(lower[i + 1])) continue;
    out.push({ type: reading.type, noun: reading.noun, from: i, to: i + 1, text: t.text });
  }
  return out;
}

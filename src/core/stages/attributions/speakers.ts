// Who a speaker phrase stands for. A named person wins; then a body or state named in the
// phrase ("a U.S. State Department official" → the State Department, "South Korean
// intelligence officials" → South Korea, kept with the words as source text); a pronoun goes to
// the last fitting actor; anything else stays an unnamed source with its words.
import type { Actor, PlaceMention, Span, Token } from '../../doc.js';
import type { Mentions } from '../mentions.js';
import { wholeWordPattern } from '../../word-pattern.js';

export interface Speaker {
  source: string | null;
  /** The speaker's own words when the source is unnamed or only described. */
  sourceText?: string;
  span: Span;
}

const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her', 'his']);
const BODY_PRONOUNS = new Set(['it', 'its', 'they', 'their']);

export interface SpeakerContext {
  text: string;
  tokens: Token[];
  mentions: Mentions;
  sourceNouns: Set<string>;
  roleNouns: Set<string>;
  femaleNames: Set<string>;
  /** Is this offset inside quotation marks? Names inside a quote are no antecedents for "he". */
  inQuote(offset: number): boolean;
  /** The sources credited before a point, latest first (a few), for "he said", "it said", "officials said". */
  recentSources(offset: number): { source: string; sourceText?: string; at: number }[];
  /** The places named inside a span, in text order. */
  placesWithin(span: Span): readonly PlaceMention[];
}

/** Speakers who hold office where they are ("an official in Vladivostok"), unlike envoys and reporters posted there. */
const LOCAL_SPEAKERS = new Set(['official', 'officials', 'authorities', 'administration', 'governor', 'mayor', 'police', 'prosecutors', 'spokesman', 'spokeswoman', 'spokesperson', 'ministry', 'legislators', 'lawmakers', 'customs']);
/** Words that make the speaker a stranger to the place ("a Western official in Kyiv", "foreign diplomats"). */
const FOREIGN = new Set(['western', 'foreign', 'european', 'american', 'international', 'visiting', 'un', 'u.n.', 'nato', 'diplomatic']);

const DOCUMENTS = new Set(['summary', 'report', 'statement', 'findings', 'study', 'filing', 'filings', 'assessment', 'document', 'documents', 'notice', 'release']);

/** The body that wrote the last document of this kind named before `at` ("a summary of the panel's findings"). */
function documentAuthor(ctx: SpeakerContext, noun: string, at: number): string | undefined {
  const before = ctx.text.slice(Math.max(0, at - 1200), at).toLowerCase();
  const i = before.lastIndexOf(noun);
  if (i < 0) return undefined;
  const from = Math.max(0, at - 1200) + i;
  const near = ctx.mentions.within({ start: from - 40, end: from + noun.length + 60 }).filter((m) => m.actor.type !== 'person' && m.kind !== 'demonym');
  return near.length ? near[near.length - 1].actor.id : undefined;
}

type Gender = 'female' | 'male' | 'unknown';

/** How close (in characters) a credited speaker must be to outweigh a name mentioned since. */
const RECENT = 300;

function genderOf(ctx: SpeakerContext, a: Actor): Gender {
  const first = a.name.split(/\s+/)[0];
  if (!a.name.includes(' ')) return 'unknown';
  return ctx.femaleNames.has(first) ? 'female' : 'unknown';
}

/** "he"/"she": the last person named outside quotes or credited with a claim, whichever came later, of a fitting gender. */
function personPronoun(ctx: SpeakerContext, pronoun: string, at: number): string | undefined {
  const want: Gender = /^(?:she|her)$/.test(pronoun) ? 'female' : 'male';
  const fits = (a: Actor) => a.type === 'person' && (genderOf(ctx, a) === 'unknown' ? true : genderOf(ctx, a) === want);
  const byMention = ctx.mentions.lastBefore(at, (x, m) => fits(x) && !ctx.inQuote(m.start));
  const credited = ctx.recentSources(at).find((r) => {
    const actor = ctx.mentions.actor(r.source);
    return actor ? fits(actor) : false;
  });
  // A speaker credited in the last sentence or two outweighs a name merely mentioned since.
  if (credited && (credited.at > (byMention?.start ?? -1) || at - credited.at < RECENT)) return credited.source;
  return byMention?.actor.id;
}

/** "it said", "they said": the body last credited with a claim, or the last body named (adjectives aside). */
function bodyPronoun(ctx: SpeakerContext, at: number): string | undefined {
  const isBody = (id: string) => {
    const a = ctx.mentions.actor(id);
    return a?.type === 'organization' || a?.type === 'country';
  };
  const credited = ctx.recentSources(at).find((r) => isBody(r.source));
  const byMention = ctx.mentions.lastBefore(at, (x, m) => (x.type === 'organization' || x.type === 'country') && m.kind !== 'demonym' && !ctx.inQuote(m.start));
  if (credited && credited.at > (byMention?.start ?? -1)) return credited.source;
  return byMention?.actor.id;
}

/** Resolves the speaker phrase tokens[a..b). */
export function resolveSpeaker(ctx: SpeakerContext, a: number, b: number): Speaker {
  const span = { start: ctx.tokens[a].start, end: ctx.tokens[b - 1].end };
  const words = ctx.tokens.slice(a, b).map((t) => t.text.toLowerCase());
  const phrase = ctx.text.slice(span.start, span.end);
  if (words.length === 1 && PERSON_PRONOUNS.has(words[0])) {
    const id = personPronoun(ctx, words[0], span.start);
    return { source: id ?? null, ...(id ? {} : { sourceText: phrase }), span };
  }
  if (words.length === 1 && BODY_PRONOUNS.has(words[0])) {
    const id = bodyPronoun(ctx, span.start);
    return { source: id ?? null, ...(id ? {} : { sourceText: phrase }), span };
  }
  // "Its deputy chief", "their spokesman": someone speaking for the body last named.
  if (words.length >= 2 && words.length <= 4 && BODY_PRONOUNS.has(words[0]) && words[0] !== 'it' && words[0] !== 'they'
    && (ctx.roleNouns.has(words[words.length - 1]) || ctx.sourceNouns.has(words[words.length - 1]))) {
    const id = bodyPronoun(ctx, span.start);
    if (id) return { source: id, sourceText: phrase, span };
  }
  const inside = ctx.mentions.within(span);
  const person = [...inside].reverse().find((m) => m.actor.type === 'person');
  if (person) return { source: person.actor.id, span };
  let body = inside.find((m) => m.actor.type === 'organization') ?? inside.find((m) => m.actor.type === 'country');
  // "A Russian diplomat at the UN", "China's ambassador to the IAEA": the state they serve, not where they are posted.
  const servedState = body && /\b(?:at|to|in)\s+(?:the\s+)?$/i.test(ctx.text.slice(span.start, body.start)) ? inside.find((m) => m.actor.type === 'country' && m.end <= body!.start) : undefined;
  if (servedState) body = servedState;
  const unnamed = words.some((w) => ctx.sourceNouns.has(w));
  const last = words[words.length - 1];
  if (body) {
    // "The National Security Council spokesman": a definite role of a body is the person who holds it.
    if (words[0] === 'the' && ctx.roleNouns.has(last)) {
      const named = wholeWordPattern(last);
      const holder = ctx.mentions.lastBefore(span.start, (x) => x.type === 'person' && (x.affiliation === body.actor.id || named().test(x.role ?? '')));
      if (holder) return { source: holder.actor.id, span };
    }
    // "U.S. officials": the state is the source, the description is kept.
    const bare = (body.start === span.start || /^the\s+$/i.test(ctx.text.slice(span.start, body.start))) && body.end === span.end;
    return { source: body.actor.id, ...(bare || !unnamed ? {} : { sourceText: phrase }), span };
  }
  // "A regional official in Primorye", "officials in Khabarovsk": the state the place belongs to, the words kept.
  if (unnamed && words.some((w) => LOCAL_SPEAKERS.has(w)) && !words.some((w) => FOREIGN.has(w))) {
    const place = ctx.placesWithin(span).find((p) => p.country && /\bin\s+(?:the\s+)?$/i.test(ctx.text.slice(span.start, p.start)));
    if (place?.country) return { source: place.country, sourceText: phrase, span };
  }
  // "a department spokesman": a body named before by one of these words ("State Department").
  for (const w of words) {
    if (w.length < 5 || !ctx.sourceNouns.has(w)) continue;
    const named = ctx.mentions.lastBefore(span.start, (x) => x.type === 'organization' && x.name.toLowerCase().split(/\s+/).includes(w));
    if (named) return { source: named.actor.id, sourceText: phrase, span };
  }
  // "the summary said" after "a summary of the panel's findings": the document's author.
  if (words.length === 2 && words[0] === 'the' && DOCUMENTS.has(last)) {
    const author = documentAuthor(ctx, last, span.start);
    if (author) return { source: author, sourceText: phrase, span };
  }
  // Bare "officials" right after "U.S. officials" said something: the same officials ("the same records" too).
  const bare = words.length === 1 || (words.length === 2 && /^(?:the|these|those)$/.test(words[0])) || (words.length === 3 && /^(?:the|these|those)$/.test(words[0]) && words[1] === 'same');
  if (bare && unnamed) {
    const named = wholeWordPattern(last);
    const prev = ctx.recentSources(span.start).slice(0, 3).find((r) => r.sourceText && named().test(r.sourceText));
    if (prev) return { source: prev.source, sourceText: phrase, span };
  }
  return { source: null, sourceText: phrase, span };
}

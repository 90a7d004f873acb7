// Attribution: who says so. Direct quotations with their speaker tags (before, after, inside,
// inverted), reported speech ("X said (that) ...", "..., X said", "according to X"),
// participial sources ("confirmed by X"), and denials. Each item keeps its content span, the
// speaker's span and the cue's span, and the source resolved to an actor or kept as words.
import { requireLayer, withLayer, type AnnotatedDoc, type Attribution, type Span, type Token } from '../../doc.js';
import { startsLowercase } from '../../letter-case.js';
import type { Stage, StageContext } from '../../pipeline.js';
import { findQuotes, innerSpan, type Quote } from './quotes.js';
import { lowerBound } from '../../search.js';
import { resolveSpeaker, type Speaker, type SpeakerContext } from './speakers.js';
import { Mentions } from '../mentions.js';
import { lowerWordsOf } from '../segment/lower.js';
import { keepLast } from '../../keep-alive.js';

const STAGE = 'attributions';
/** How many earlier items `recentSources` looks through. */
const RECENT_LOOKBACK = 400;

/** Words between a subject and its reporting verb that belong to neither. */
/** Prepositions before a time that opens a sentence ("In January"): the times layer leaves them out of the span. */
const TIME_PREPOSITIONS = new Set(['in', 'by', 'during', 'since', 'until', 'early', 'late']);
const AUXILIARIES = new Set(['has', 'have', 'had', 'also', 'later', 'previously', 'would', 'will', 'did', 'does', 'do', 'not',
  'never', 'repeatedly', 'publicly', 'privately', 'separately', 'now', 'still', 'already', 'again', 'reportedly', 'recently',
  'further', 'then', 'long', 'first', 'once', 'earlier', 'too', 'herself', 'himself', 'themselves', 'itself', 'explicitly',
  'flatly', 'firmly', 'strongly', 'quickly', 'immediately', 'consistently', 'routinely', 'may', 'might', 'could', 'can', 'is',
  'are', 'was', 'were', 'be', 'been', 'widely', 'generally', 'increasingly', 'privately']);
/** Tokens that end a subject phrase on its left. */
const LEFT_BOUNDARY = new Set([',', ';', ':', '—', '–', '(', ')', '"', '“', '”', 'that', 'which', 'who', 'because', 'while', 'when',
  'although', 'though', 'after', 'before', 'if', 'as', 'but', 'or', 'where', 'since', 'whether', 'than', 'so', 'what', 'how',
  'why', 'said', 'says', 'and']);
/** Words that open a described speaker ("one poster", "some individuals"). */
const DETERMINERS = new Set(['the', 'a', 'an', 'one', 'some', 'several', 'many', 'two', 'three', 'four', 'five', 'other', 'another']);
/** Capitalized words that open a sentence without naming anyone. */
const SENTENCE_OPENERS = new Set(['but', 'and', 'yet', 'so', 'however', 'still', 'instead', 'then', 'now', 'this', 'that', 'these', 'those',
  'there', 'here', 'what', 'which', 'who', 'nobody', 'none', 'everyone', 'someone', 'it', 'we', 'i', 'you', 'they', 'the', 'an']);
/** Verbs that a person, not a document or a trend, does: only these take a lone capitalized word as a name. */
const PERSON_SPEECH = new Set(['said', 'says', 'told', 'tells', 'added', 'adds', 'explained', 'explains', 'wrote', 'writes', 'recalled', 'recalls',
  'insisted', 'insists', 'argued', 'argues', 'warned', 'warns', 'noted', 'notes', 'stated', 'replied', 'tweeted', 'admitted', 'denied']);
/** Claims people make aloud or in writing, besides PERSON_SPEECH: a described subject of these is a speaker. */
const SPOKEN_CLAIMS = new Set(['reported', 'reports', 'claimed', 'claims', 'announced', 'confirmed', 'acknowledged', 'complained', 'alleged', 'posted']);
/** Verbs that report a claim only as "V X as Y" ("condemned the launch as a provocation"). */
const AS_PREDICATE = new Set(['condemned', 'condemns', 'branded', 'brands', 'labelled', 'labeled']);
/** How many words after "condemned", "called" … the "as" or the denial word may come. */
const PREDICATE_REACH = 12;
/** Verbs that give an object a description: with a denial word ("fake", "baseless") they deny it. */
const DESCRIBING = new Set(['called', 'calls', 'described', 'describes', 'branded', 'brands', 'labelled', 'labeled', 'dismissed']);
/** Verbs of speaking that take their claim after "about". */
const SPEAKING_ABOUT = new Set(['spoke', 'spoken', 'speaks']);
/** Verbs of showing: "data showed X doubling" states a claim without "that". */
const SHOWING = new Set(['showed', 'shows', 'show', 'indicated', 'indicates', 'revealed']);
/** Participles that start no clause of their own. */
const NOT_PARTICIPLES = new Set(['including', 'according', 'during', 'regarding', 'concerning', 'following', 'something', 'nothing', 'anything', 'everything', 'shipping']);

/** An object followed by a participle ("exports doubling", "ships loading coal") within a few words. */
function participleClaim(b: Builder, c: number, end: number): boolean {
  for (let k = c + 1; k < Math.min(end, c + 8); k++) {
    const t = b.tokens[k].text;
    if (/^[,;:]$/.test(t)) return false;
    if (/^\p{Ll}{2,}ing$/u.test(t) && !NOT_PARTICIPLES.has(t)) return true;
  }
  return false;
}

/** Participles of an aside that relay a source: "lawmakers, briefed by the NIS, said". */
const RELAYED_BY = new Set(['briefed', 'informed', 'told', 'advised', 'quoted', 'cited']);
const CONTINUATION_CUES = new Set(['adding', 'noting', 'saying', 'arguing', 'stressing', 'insisting', 'explaining', 'warning', 'claiming',
  'acknowledging', 'telling', 'promising', 'pledging', 'vowing', 'suggesting', 'citing', 'estimating', 'calling']);
/** Words that open a new clause after a speaker tag, not the claim itself. */
const TAIL_OPENERS = new Set(['and', 'but', 'or', 'because', 'although', 'though', 'while', 'as', 'since', 'when', 'so', 'which', 'who', 'where', 'after', 'before', 'if', 'unless', 'then',
  'in', 'on', 'at', 'with', 'for', 'from', 'by', 'to', 'into', 'under', 'without', 'amid', 'despite', 'during']);

interface Lexicon {
  speech: Set<string>;
  denial: Set<string>;
  tellObjects: Set<string>;
  needsThat: Set<string>;
  cognition: Set<string>;
  accountNouns: Set<string>;
  claimNouns: Set<string>;
  denialPredicates: Set<string>;
}

class Builder {
  readonly out: Attribution[] = [];
  /** The items made so far by content span, to refuse duplicates without scanning them all. */
  private readonly bySpan = new Map<string, Attribution[]>();
  readonly inQuote: Uint8Array;
  readonly ctx: SpeakerContext;
  /** The tokens in lowercase (shared with the other stages). */
  readonly lower: readonly string[];
  /** isCue by token, worked out on first ask (0 not yet, 1 no, 2 yes): the rules ask again and again. */
  private readonly cueAt: Uint8Array;

  constructor(
    readonly doc: AnnotatedDoc,
    readonly tokens: Token[],
    readonly quotes: Quote[],
    readonly lex: Lexicon,
    mentions: Mentions,
    readonly sourceNouns: Set<string>,
    roleNouns: Set<string>,
    femaleNames: Set<string>,
    readonly trace: StageContext['trace'],
  ) {
    this.inQuote = new Uint8Array(tokens.length);
    this.cueAt = new Uint8Array(tokens.length);
    this.lower = lowerWordsOf(tokens);
    let q = 0;
    for (let i = 0; i < tokens.length; i++) {
      while (q < quotes.length && quotes[q].outer.end <= tokens[i].start) q++;
      if (q < quotes.length && tokens[i].start >= quotes[q].outer.start && tokens[i].end <= quotes[q].outer.end) this.inQuote[i] = 1;
    }
    const places = [...(doc.layers.actors?.places ?? [])].sort((x, y) => x.start - y.start);
    this.ctx = {
      text: doc.text, tokens, mentions, sourceNouns, roleNouns, femaleNames, inQuote: (offset) => this.inQuoteAt(offset), recentSources: (offset) => this.recentSources(offset),
      placesWithin: (span) => {
        const out = [];
        for (let k = lowerBound(places, span.start, (p) => p.start); k < places.length && places[k].end <= span.end; k++) out.push(places[k]);
        return out;
      },
    };
  }

  private recentSources(offset: number): { source: string; sourceText?: string; at: number }[] {
    const out: { source: string; sourceText?: string; at: number }[] = [];
    // Bounded, like the look-back for names: a text with thousands of quotes after `offset` stays linear.
    for (let i = this.out.length - 1, seen = 0; i >= 0 && out.length < 6 && seen < RECENT_LOOKBACK; i--, seen++) {
      const a = this.out[i];
      if (a.start < offset && a.source) out.push({ source: a.source, ...(a.sourceText ? { sourceText: a.sourceText } : {}), at: a.speaker?.start ?? a.start });
    }
    return out.sort((x, y) => y.at - x.at);
  }

  add(kind: Attribution['kind'], content: Span, speaker: Speaker | undefined, cue: Span | undefined, rule: string): Attribution | undefined {
    const c = innerSpan(this.doc.text, content.start, content.end);
    if (c.end - c.start < 3) return undefined;
    const key = `${c.start}:${c.end}`;
    const same = this.bySpan.get(key) ?? [];
    if (same.some((a) => (a.kind === 'direct') === (kind === 'direct') && (kind !== 'denial' || a.source === (speaker?.source ?? null)))) return undefined;
    const item: Attribution = {
      kind, start: c.start, end: c.end, source: speaker?.source ?? null,
      ...(speaker?.sourceText ? { sourceText: speaker.sourceText } : {}),
      ...(speaker ? { speaker: speaker.span } : {}),
      ...(cue ? { cue } : {}),
      stage: STAGE, rule,
    };
    this.out.push(item);
    this.bySpan.set(key, [...same, item]);
    this.trace?.({ stage: STAGE, rule, start: c.start, end: c.end, action: `${kind} by ${item.source ?? item.sourceText ?? 'unknown'}` });
    return item;
  }

  inQuoteAt(offset: number): boolean {
    const i = lowerBound(this.quotes, offset + 1, (q) => q.outer.end);
    return i < this.quotes.length && this.quotes[i].outer.start <= offset;
  }

  /** A reporting or denial verb: written in lowercase (a capitalized "States" is a name). */
  isCue(i: number): boolean {
    const known = this.cueAt[i];
    if (known === undefined) return false; // no such token
    if (known !== 0) return known === 2;
    const w = this.tokens[i].text;
    const cue = !!w && (this.lex.speech.has(w) || this.lex.denial.has(w)) && startsLowercase(w);
    this.cueAt[i] = cue ? 2 : 1;
    return cue;
  }

  /** The subject phrase that ends right before token v (skipping auxiliaries and time words), as [a, b). */
  subjectBefore(v: number, sentenceStart: number, marked = false): [number, number] | null {
    let b = v;
    // Auxiliaries, time words and adverbs ("initially", "publicly") sit between a subject and its verb.
    const between = (k: number) => AUXILIARIES.has(this.lower[k]) || this.inTime(k) || /^\p{Ll}+ly$/u.test(this.tokens[k].text);
    while (b - 1 >= sentenceStart && between(b - 1)) b--;
    // "John Kirby, the council's coordinator, told …": the subject is the name before the aside.
    if (this.tokens[b - 1]?.text === ',') {
      for (let k = b - 2; k > Math.max(sentenceStart, b - 18); k--) {
        if (this.tokens[k].text !== ',') continue;
        // "The Pentagon's press secretary, Brigadier General Pat Ryder, said": the name is the aside.
        if (this.ctx.mentions.within(this.span(k + 1, b - 1)).some((m) => m.actor.type === 'person')) return [k + 1, b - 1];
        // "Chinese state media, quoting China State Shipbuilding Corporation, said": the quoted source.
        if (/^(?:quoting|citing)$/.test(this.tokens[k + 1].text) && b - 1 > k + 2) return [k + 2, b - 1];
        // "Lawmakers, briefed by the NIS, said": the innermost named source is the one that briefed them.
        if (RELAYED_BY.has(this.tokens[k + 1].text) && this.tokens[k + 2]?.text === 'by' && b - 1 > k + 3) {
          let e = b - 1;
          while (e > k + 4 && this.inTime(e - 1)) e--;
          if (/^(?:on|in|at|last|this)$/i.test(this.tokens[e - 1].text) && e > k + 4) e--;
          return [k + 3, e];
        }
        const named = this.ctx.mentions.endingAt(this.tokens[k - 1].end)[0];
        // "China's envoy, Zhang Jun, said": an unnamed holder of a role, described by the phrase before the aside.
        if (!named && this.ctx.roleNouns.has(this.lower[k - 1]) || !named && this.sourceNouns.has(this.lower[k - 1])) {
          let s = k - 1;
          while (s > sentenceStart && s > k - 6 && !LEFT_BOUNDARY.has(this.lower[s - 1])) s--;
          return this.ctx.mentions.within(this.span(s, k)).length > 0 ? [s, k] : null;
        }
        if (!named) return null;
        let s = k - 1;
        while (s > sentenceStart && this.tokens[s - 1].end > named.start) s--;
        return [s, k];
      }
      return null;
    }
    let a = b;
    while (a - 1 >= sentenceStart && a > b - 9) {
      if (LEFT_BOUNDARY.has(this.lower[a - 1]) && !(this.lower[a - 1] === 'and' && this.mentionEndsAt(a - 1))) break;
      if (this.inQuote[a - 1]) break;
      a--;
    }
    while (a < b && /^(?:and|but|so|then)$/i.test(this.tokens[a].text)) a++;
    // "In January a regional official said …": a time opening the sentence is no part of the speaker.
    let t = TIME_PREPOSITIONS.has(this.lower[a]) && this.inTime(a + 1) ? a + 1 : a;
    while (t < b && this.inTime(t)) t++;
    if (t > a && t < b && this.inTime(t - 1)) a = this.tokens[t]?.text === ',' ? t + 1 : t;
    if (a >= b) return null;
    // "Name, the group's founder, dismissed …" / "Name, who served …, put it": the subject is the name before the aside.
    const aside = this.tokens[a - 1]?.text === 'who' && this.tokens[a - 2]?.text === ',' ? a - 2 : -1;
    if (aside > 0 && !this.ctx.mentions.within(this.span(a, b)).some((m) => m.actor.type === 'person')) {
      const named = this.ctx.mentions.endingAt(this.tokens[aside - 1].end).find((m) => m.start >= this.tokens[Math.max(sentenceStart, aside - 8)].start);
      if (named) {
        let s = aside - 1;
        while (s > sentenceStart && this.tokens[s - 1].end > named.start) s--;
        return [s, b];
      }
    }
    const last = this.tokens[b - 1].text;
    // "We judge", "I think": the report's or the interviewee's own voice, not an attribution.
    if (/^(?:we|i)$/i.test(last)) return null;
    // "the first such shipments it said": the pronoun alone is the subject.
    if (/^(?:he|she|it|they)$/i.test(last)) return [b - 1, b];
    // A source is named, described by a source noun ("U.S. officials", "Analysts") or capitalized;
    // "He gave no estimate" or "The accusation comes" have no source before the verb.
    const named = this.ctx.mentions.endingAt(this.tokens[b - 1].end).length > 0;
    // A capitalized word opening the sentence may be any word; alone before the verb it is a name ("Jafari said").
    const loneName = b - 1 === sentenceStart && /^\p{Lu}\p{Ll}+$/u.test(last) && !SENTENCE_OPENERS.has(this.lower[b - 1]) && PERSON_SPEECH.has(this.tokens[v]?.text);
    const unknownName = /^\p{Lu}/u.test(last) && (b - 1 > sentenceStart || loneName);
    // "One poster admitted …: “…”", "Some individuals reported that …": a described speaker, taken
    // only after a verb of speech and when a quotation or a that-clause marks what follows as said
    // ("The move showed that …" is no source).
    const described = marked && (PERSON_SPEECH.has(this.tokens[v]?.text) || SPOKEN_CLAIMS.has(this.tokens[v]?.text)) && DETERMINERS.has(this.lower[a]) && b - a >= 2 && b - a <= 4
      && this.tokens.slice(a + 1, b).every((t) => /^\p{Ll}[\p{Ll}-]*$/u.test(t.text) && !/ly$/.test(t.text));
    if (!named && !this.sourceNouns.has(this.lower[b - 1]) && !this.ctx.roleNouns.has(this.lower[b - 1]) && !unknownName && !described) return null;
    return [a, b];
  }

  /** Can a speaker phrase start at token i: a name, a capitalized word, or a determiner ("the minister")? */
  speakerLike(i: number): boolean {
    const t = this.tokens[i];
    return !!t && (/^\p{Lu}/u.test(t.text) || /^(?:the|a|an|one|his|her|their|its|our)$/.test(t.text) || this.ctx.mentions.startsAt(t.start));
  }

  private mentionEndsAt(i: number): boolean {
    return this.ctx.mentions.endingAt(this.tokens[i - 1]?.end).length > 0;
  }

  /** 1 for a token inside a time expression: marked once, so asking is constant time. */
  private timeTokens: Uint8Array | null = null;

  inTime(i: number): boolean {
    this.timeTokens ??= markTokens(this.tokens, this.doc.layers.times?.times ?? []);
    return this.timeTokens[i] === 1;
  }

  /** The phrase after token i up to a comma or the sentence end (a name after an inverted verb). */
  phraseAfter(i: number, end: number, limit = 12): [number, number] | null {
    let b = i;
    const abbreviation = (k: number) => this.tokens[k].text === '.' && k > i && this.tokens[k - 1].end === this.tokens[k].start && /^(?:\p{Lu}|Lt|Col|Gen|Maj|Capt|Sgt|Dr|Mr|Mrs|Ms|Adm|Cmdr|Sen|Rep|Gov|Prof|St)$/u.test(this.tokens[k - 1].text);
    while (b < end && b < i + limit && (!/^[,.;:!?)"“”]$/.test(this.tokens[b].text) || abbreviation(b)) && !this.inQuote[b]) b++;
    return b > i ? [i, b] : null;
  }

  span(a: number, b: number): Span {
    return { start: this.tokens[a].start, end: this.tokens[b - 1].end };
  }
}

function sentenceEnd(tokens: Token[], start: number, end: number): number {
  let e = end;
  while (e > start && /^[.!?…"”’)]$/.test(tokens[e - 1].text)) e--;
  return e;
}

/** Direct quotations: the speaker from a tag after, before or between the marks, else the quote before. */
function directQuotes(b: Builder): void {
  const { tokens, doc } = b;
  const sentences = requireLayer(doc, 'segments', STAGE).sentences;
  const tokenAt = (offset: number) => lowerBound(tokens, offset, (t) => t.start);
  let previous: { speaker: Speaker; end: number; paragraph: number } | undefined;
  for (const [qi, q] of b.quotes.entries()) {
    const first = tokenAt(q.outer.start);
    const after = tokenAt(q.outer.end);
    const words = doc.text.slice(q.inner.start, q.inner.end).split(/\s+/).length;
    const sEnd = sentences[tokens[Math.max(0, Math.min(after, tokens.length - 1))].sentence]?.tokenEnd ?? tokens.length;
    let speaker: Speaker | undefined;
    let cue: Span | undefined;
    let rule = '';
    // After: “…,” said X / “…,” X said / “…,” explains X, senior analyst at … — only when the
    // quoted sentence goes on past the closing mark (a comma, or no full stop, before it) on the same line.
    let k = after;
    if (tokens[k]?.text === ',') k++;
    const lastInside = doc.text.slice(q.inner.end, q.outer.end).trim().charAt(0) || doc.text[q.inner.end - 1];
    const tagAllowed = lastInside !== '.' && !doc.text.slice(q.outer.end, tokens[k]?.start ?? q.outer.end).includes('\n');
    if (!tagAllowed) k = tokens.length;
    if (k < tokens.length && b.isCue(k) && !b.inQuote[k]) {
      const np = b.phraseAfter(k + 1, sEnd);
      if (np) {
        speaker = resolveSpeaker(b.ctx, np[0], np[1]);
        cue = b.span(k, k + 1);
        rule = 'quote-tag-inverted';
      }
    } else {
      for (let v = k; v < Math.min(k + 20, sEnd); v++) {
        // "…,” while Washington said": a new clause with its own speaker, not a tag.
        if (b.inQuote[v] || /^[.;:!?]$/.test(tokens[v].text) || /^(?:while|whereas|and|but|although|because|as|when|after|before|though)$/.test(tokens[v].text)) break;
        if (b.isCue(v)) {
          const np = b.subjectBefore(v, k);
          // Past a few words only a name right after the quote with an aside ("…,” Khaled Al-Maeena,
          // editor at large at the Saudi Gazette, said) is the tag.
          if (np && (v < k + 8 || np[0] === k)) {
            speaker = resolveSpeaker(b.ctx, np[0], np[1]);
            cue = b.span(v, v + 1);
            rule = 'quote-tag-after';
          }
          break;
        }
      }
    }
    // Before: X said: “…” / As X put it: “…” / “…,” she said, “…” / described as “…”
    if (!speaker && first > 0) {
      const sStart = sentences[tokens[first].sentence]?.tokenStart ?? 0;
      // Quotes do not overlap and come in order, so the one before this is the latest to end before it.
      const before = b.quotes[qi - 1];
      let from = Math.max(first - 14, before && before.outer.end <= q.outer.start && before.outer.end > tokens[Math.max(0, first - 14)].start ? tokenAt(q.outer.start) - 6 : 0);
      from = Math.max(from, sStart, 0);
      for (let v = first - 1; v >= from; v--) {
        if (b.inQuote[v]) break;
        if (b.isCue(v)) {
          const np = b.subjectBefore(v, sStart, true);
          // "X said her party backed it, and said it was “…”": the sentence's speaker goes on.
          const coordinated = !np && /^(?:and|but)$/.test(tokens[v - 1]?.text ?? '') ? sentenceSpeaker(b, sStart, v) : undefined;
          if (np) {
            speaker = resolveSpeaker(b.ctx, np[0], np[1]);
            cue = b.span(v, v + 1);
            rule = 'quote-tag-before';
          } else if (coordinated) {
            speaker = coordinated;
            cue = b.span(v, v + 1);
            rule = 'quote-tag-before-coordinated';
          } else if (v + 1 < first && b.speakerLike(v + 1)) {
            // "said the minister: “…”", but not "admitted to being …: “…”" nor "wrote that “…”".
            const inv = b.phraseAfter(v + 1, first);
            if (inv) {
              speaker = resolveSpeaker(b.ctx, inv[0], inv[1]);
              cue = b.span(v, v + 1);
              rule = 'quote-tag-before-inverted';
            }
          }
          break;
        }
      }
    }
    // 'US President Barack Obama tweeted using his account:' and the quote in the next paragraph.
    if (!speaker && first > 1 && tokens[first - 1].text === ':' && tokens[first - 1].sentence !== tokens[first].sentence) {
      const colon = sentences[tokens[first - 1].sentence];
      for (let v = first - 2; v >= Math.max(colon.tokenStart, first - 16); v--) {
        if (b.inQuote[v]) break;
        if (!b.isCue(v)) continue;
        const np = b.subjectBefore(v, colon.tokenStart, true);
        if (np) {
          speaker = resolveSpeaker(b.ctx, np[0], np[1]);
          cue = b.span(v, v + 1);
          rule = 'quote-after-colon';
        }
        break;
      }
    }
    // No tag: a quote in the same paragraph as the last one continues its speaker.
    if (!speaker && previous && previous.paragraph >= q.paragraph - 1 && q.outer.start - previous.end < 600 && words >= 4) {
      speaker = previous.speaker;
      rule = 'quote-continues';
    }
    if (!speaker) continue;
    // A short quoted phrase with no tag of its own is a scare quote unless a verb introduces it.
    if (words < 3 && rule === 'quote-continues') continue;
    const made = b.add('direct', q.inner, speaker, cue, rule);
    if (made) previous = { speaker, end: q.outer.end, paragraph: q.paragraph };
  }
}

/** Reported speech and denials, sentence by sentence, outside quotation marks. */
function reportedSpeech(b: Builder): void {
  const { tokens, doc } = b;
  const segs = requireLayer(doc, 'segments', STAGE);
  const quoted = b.out.length; // the direct quotations, in text order
  const lower = lowerWordsOf(tokens);
  for (const s of segs.sentences) {
    const end = sentenceEnd(tokens, s.tokenStart, s.tokenEnd);
    const sentenceFrom = b.out.length; // the items this sentence adds come after
    let stopsPlain: Int32Array | undefined;
    let stopsDenial: Int32Array | undefined;
    for (let v = s.tokenStart; v < end; v++) {
      if (b.inQuote[v]) continue;
      const w = lower[v];
      if (w === 'according' && b.lower[v + 1] === 'to') {
        v = accordingTo(b, v, s.tokenStart, end);
        continue;
      }
      // "By the NIS's reckoning, …", "by the institute's count, …", "By some industry estimates, …"
      if (w === 'by' && !b.inQuote[v]) {
        let k = v + 1;
        while (k < Math.min(end, v + 8) && tokens[k].text !== ',' && !b.lex.accountNouns.has(b.lower[k])) k++;
        if (k < end && b.lex.accountNouns.has(b.lower[k]) && tokens[k + 1]?.text === ',' && k > v + 1) {
          const ownerEnd = /^['’]s$/.test(tokens[k - 1].text) ? k - 1 : k;
          const speaker = ownerEnd > v + 1 ? resolveSpeaker(b.ctx, v + 1, ownerEnd) : undefined;
          const useful = speaker && (speaker.source || ownerEnd === k);
          if (useful && end - (k + 2) >= 3) {
            b.add('indirect', b.span(k + 2, end), ownerEnd === k ? { ...speaker!, source: speaker!.source, sourceText: b.doc.text.slice(tokens[v + 1].start, tokens[k].end) } : speaker, b.span(v, k + 1), 'by-account');
            v = end;
            continue;
          }
        }
      }
      // "More striking was his claim that …": a claim noun owned by a speaker.
      if (tokens[v + 1]?.text === 'that' && b.lex.claimNouns.has(w) && v > s.tokenStart) { // the rare "that" first: no lookup per word
        const owner = tokens[v - 1];
        let speaker: Speaker | undefined;
        if (/^(?:his|her|their|its)$/i.test(owner.text)) speaker = resolveSpeaker(b.ctx, v - 1, v);
        else if (/^['’]s$/.test(owner.text) && v - 2 >= s.tokenStart) {
          const m = b.ctx.mentions.endingAt(tokens[v - 2].end)[0];
          if (m) speaker = { source: m.actor.id, span: { start: m.start, end: m.end } };
        }
        if (speaker?.source && end - (v + 2) >= 3) {
          b.add('indirect', b.span(v + 2, end), speaker, b.span(v, v + 1), 'claim-noun');
          v = end;
          continue;
        }
      }
      if (!b.isCue(v)) continue;
      let denial = b.lex.denial.has(w);
      const cue = b.span(v, v + 1);
      // Participial source: "This exchange, confirmed last week by X, represents …"
      if (tokens[v - 1]?.text === ',' && /ed$/.test(w) && !RELAYED_BY.has(w)) {
        let by = v + 1;
        while (by < Math.min(end, v + 6) && tokens[by].text !== 'by' && tokens[by].text !== ',') by++;
        const np = tokens[by]?.text === 'by' ? b.phraseAfter(by + 1, end) : null;
        if (np && v - 1 > s.tokenStart) {
          b.add('indirect', b.span(s.tokenStart, v - 1), resolveSpeaker(b.ctx, np[0], np[1]), cue, 'participial-by');
          v = np[1];
          continue;
        }
      }
      let subject = b.subjectBefore(v, s.tokenStart, tokens[v + 1]?.text === 'that');
      let speaker: Speaker | undefined;
      const coordinated = /^(?:and|but)$/.test(tokens[v - 1]?.text ?? '') || (tokens[v - 1]?.text === ',' && CONTINUATION_CUES.has(w));
      if (!subject && coordinated) {
        // "…, adding that …": the speaker is the sentence's subject (or whoever this sentence already credited).
        const credited = creditedBefore(b, quoted, sentenceFrom, tokens[s.tokenStart].start, tokens[v].start);
        const first = mainSubject(b, s.tokenStart, v);
        const pronoun = /^(?:he|she|it|they)$/i.test(tokens[s.tokenStart].text) ? s.tokenStart : -1;
        if (credited?.speaker) speaker = { source: credited.source, ...(credited.sourceText ? { sourceText: credited.sourceText } : {}), span: credited.speaker };
        else if (pronoun >= 0 && (!first || first.span.start > tokens[pronoun].start)) speaker = resolveSpeaker(b.ctx, pronoun, pronoun + 1);
        else if (first) speaker = first;
        if (speaker) subject = [v, v];
      }
      if (!subject) {
        // Inverted, after the content: "…, said Kirby." ("…, quoting X, said" is no inversion.)
        if (tokens[v - 1]?.text === ',' && v - 1 > s.tokenStart && !/^(?:quoting|citing)$/.test(w)) {
          const np = b.phraseAfter(v + 1, end);
          const head = /^(?:the|The)$/.test(tokens[np?.[0] ?? 0]?.text ?? '') ? np![0] + 1 : np?.[0] ?? 0;
          // A name trawl knows, or a capitalized word that is no time ("…, said Mauer, …").
          const named = np && head < np[1] && (b.ctx.mentions.within(b.span(np[0], np[1])).some((m) => m.start === tokens[head].start) || (/^\p{Lu}/u.test(tokens[head].text) && !b.inTime(head)));
          if (np && named) {
            // "Institutional recipients, said Mauer, are required to …": a tag inside the sentence; the claim is the whole sentence.
            const inside = tokens[np[1]]?.text === ',' && end - (np[1] + 1) >= 3;
            b.add(denial ? 'denial' : 'indirect', b.span(s.tokenStart, inside ? end : v - 1), resolveSpeaker(b.ctx, np[0], np[1]), cue, inside ? 'inverted-inside-content' : 'inverted-after-content');
            v = inside ? end : np[1];
          }
        }
        continue;
      }
      // "did not say", "Neither government has confirmed": no claim; "is disputed": passive, no source.
      const between = tokens.slice(subject[1], v).map((t) => t.text.toLowerCase());
      const negated = between.some((x) => x === 'not' || x === 'never') || /^(?:neither|no|none)$/i.test(tokens[subject[0]]?.text ?? '');
      const passive = between.some((x) => /^(?:is|are|was|were|been|be)$/.test(x));
      // "The minister was quoted as saying …": passive, but the subject is the one quoted.
      let quotedAs = -1;
      if (passive && /^quot/.test(w)) {
        for (let k = v + 1; k < Math.min(end - 1, v + 9) && tokens[k].text !== ','; k++) if (tokens[k].text === 'as' && tokens[k + 1].text === 'saying') { quotedAs = k; break; }
      }
      if ((negated && !denial) || (passive && quotedAs < 0)) continue;
      speaker ??= resolveSpeaker(b.ctx, subject[0], subject[1]);
      // Content after the verb: skip "that", a listener after "told", "X as saying" after "quoted".
      let c = v + 1;
      if (/^(?:tell|told)/.test(w)) {
        let k = c;
        // "told Reuters", "told the Senate committee", but "told lawmakers North Korea had …": after a
        // listener in lowercase a capitalized word opens the claim.
        let listener = false;
        while (k < end && k < c + 5 && !(listener && /^\p{Lu}/u.test(tokens[k].text)) && (b.lex.tellObjects.has(b.lower[k]) || /^\p{Lu}/u.test(tokens[k].text))) {
          listener ||= /^\p{Ll}/u.test(tokens[k].text) && !/^(?:the|a|an|state)$/.test(tokens[k].text);
          k++;
        }
        c = k;
      }
      if (quotedAs >= 0) c = quotedAs + 2;
      else if (/^quot/.test(w)) {
        // "Yoo quoted the NIS as saying …": the claim is the NIS's, relayed by Yoo.
        let as = c;
        while (as < Math.min(end, c + 8) && !(tokens[as].text === 'as' && tokens[as + 1]?.text === 'saying')) as++;
        if (tokens[as]?.text !== 'as') continue;
        speaker = resolveSpeaker(b.ctx, c, as);
        c = as + 2;
      }
      while (c < end && b.inTime(c)) c++;
      // "has spoken openly about the shipments": what is spoken about is the claim; without "about" there is none.
      if (SPEAKING_ABOUT.has(w)) {
        while (c < end && /^\p{Ll}+ly$/u.test(tokens[c].text)) c++;
        if (tokens[c]?.text !== 'about') continue;
        c++;
      }
      // "said in a statement carried by state media that …", "said, in early September, that …":
      // an adjunct before the "that"; an adjunct running to the end means the content came first.
      let adjunctOnly = false;
      let afterTime = false;
      if (/^(?:in|on|at|during|to|after|before|via|through|from|by|,)$/.test(tokens[c]?.text ?? '')) {
        let k = c + 1;
        while (k < Math.min(end, c + 14) && tokens[k].text !== 'that' && (tokens[k].text !== ',' || tokens[k + 1]?.text === 'that')) k++;
        // After a comma only ", that" continues the verb ("said, in early September, that …").
        if (tokens[k]?.text === 'that' && (tokens[c].text !== ',' || tokens[k - 1].text === ',')) c = k;
        else adjunctOnly = tokens[c].text !== ',' && (k >= end || tokens[k].text === ',');
        // "They estimated by 2050, world food needs would …": a time before a comma, then the claim.
        let timeOnly = k > c + 1 && tokens[k]?.text === ',' && end - (k + 1) >= 4;
        for (let t = c + 1; timeOnly && t < k; t++) timeOnly = b.inTime(t);
        if (adjunctOnly && timeOnly) {
          c = k;
          adjunctOnly = false;
          afterTime = true;
        }
      }
      const hadThat = b.lower[c] === 'that';
      if (hadThat) c++;
      // Nothing after the verb but a comma or the sentence end: the content came first ("…, Kirby said.").
      // "India's commerce ministry put the average landed cost … at $68.21": an estimate.
      if (w === 'put' && !hadThat) {
        let at = c;
        while (at < Math.min(end, c + 14) && tokens[at].text !== 'at' && tokens[at].text !== ',') at++;
        if (tokens[at]?.text === 'at' && at > c) {
          b.add('indirect', b.span(c, end), speaker ?? resolveSpeaker(b.ctx, subject[0], subject[1]), cue, 'put-at-estimate');
          v = end;
          continue;
        }
      }
      if (!hadThat && (c >= end || tokens[c].text === ',' || (adjunctOnly && !b.lex.needsThat.has(w)))) {
        // "As Heald told The Huffington Post, US surface ozone has dropped": the tag opens with "As".
        const asTag = subject[0] - 1 === s.tokenStart && /^as$/i.test(tokens[s.tokenStart].text);
        if (subject[0] > s.tokenStart && !asTag && !/^[,—–:]$/.test(tokens[subject[0] - 1].text)) continue;
        // "But with few alternatives left, Wen said, the direction of travel is clear": the tag sits
        // inside the sentence and the claim follows it (a participle after the tag adds to it instead).
        // 'X said, “…”' is the quotation's, already credited with its tag: no second, indirect copy.
        // A participle after the tag adds to it ("…, adding"); after a time it may open the claim ("increasing population would …").
        const addsToTag = afterTime ? CONTINUATION_CUES.has(b.lower[c + 1] ?? '') : /(?:ing|ed)$/.test(tokens[c + 1]?.text ?? '');
        if (tokens[c]?.text === ',' && end - (c + 1) >= 4 && !b.inQuote[c + 1] && !addsToTag && !TAIL_OPENERS.has(b.lower[c + 1])) {
          b.add(denial ? 'denial' : 'indirect', b.span(c + 1, end), speaker ?? resolveSpeaker(b.ctx, subject[0], subject[1]), cue, 'tag-then-content');
          v = end;
          continue;
        }
        let cEnd = subject[0];
        while (cEnd > s.tokenStart && /^[,:;—–-]$/.test(tokens[cEnd - 1].text)) cEnd--;
        // "For Beijing, the numbers carry a warning: its share …, SIPRI said": the claim follows a colon or a dateline dash.
        let cStart = s.tokenStart;
        for (let k = cEnd - 1; k > s.tokenStart; k--) if (/^[:—–]$/.test(tokens[k].text)) { cStart = k + 1; break; }
        const inner = cEnd - cStart >= 3 ? innerSource(b, cStart, cEnd) : undefined;
        if (cEnd - cStart >= 3 && !b.inQuote[cEnd - 1] && cEnd < v) b.add(denial ? 'denial' : 'indirect', b.span(cStart, cEnd), inner ?? speaker, cue, inner ? 'content-speaker-verb-innermost' : 'content-speaker-verb');
        continue;
      }
      // "Customs data showed exports doubling": a verb of showing also takes an object with a participle.
      if (b.lex.needsThat.has(w) && !hadThat && !(SHOWING.has(w) && participleClaim(b, c, end))) continue;
      // Where the claim stops, looked up: scanning to the sentence end for every verb would make
      // one long sentence full of verbs cost its length squared.
      if (denial) stopsDenial ??= claimStops(b, s.tokenStart, end, true);
      else stopsPlain ??= claimStops(b, s.tokenStart, end, false);
      let stop = (denial ? stopsDenial : stopsPlain)![c - s.tokenStart] ?? end;
      while (stop > c && /^[,:;—–-]$/.test(tokens[stop - 1].text)) stop--;
      if (stop - c < (denial ? 1 : 3)) continue;
      // "Obama tweeted using his account:" with the quotation in the next paragraph: the quote is the claim.
      if (tokens[end - 1]?.text === ':' && b.inQuote[end] && stop >= end - 1) continue;
      // "condemned the launch as a breach of sanctions": these verbs report a claim only with "as".
      // (Looked for within a few words, so a sentence full of such verbs stays linear.)
      const near = tokens.slice(c, Math.min(stop, c + PREDICATE_REACH));
      if (AS_PREDICATE.has(w) && !hadThat && !near.some((t) => t.text === 'as')) continue;
      // "called the reports fake news", "described the claims as groundless": a denial of those reports.
      if (!denial && DESCRIBING.has(w) && !hadThat && near.some((t) => b.lex.denialPredicates.has(t.text.toLowerCase()))) denial = true;
      // "Kirby said Washington believed …": the innermost named source holds the claim.
      const inner = innerSource(b, c, stop);
      if (inner) speaker = inner;
      // A denial keeps its subject: "Moscow rejected the reports as baseless"; so does "X spoke about
      // acquiring jets", whose content has no subject of its own.
      const content = (denial || SPEAKING_ABOUT.has(w)) && subject[1] > subject[0] ? b.span(subject[0], stop) : b.span(c, stop);
      addForEachSubject(b, denial ? 'denial' : 'indirect', content, speaker, subject, cue, denial ? 'denial' : inner ? 'innermost-source' : 'speaker-verb-content');
      if (tokens[stop]?.text === ',' && tokens[stop + 1]?.text === 'and' && tokens[stop + 2]?.text === 'that') {
        let stop2 = stop + 3;
        while (stop2 < end && !b.inQuote[stop2] && tokens[stop2].text !== ';') stop2++;
        const outer = resolveSpeaker(b.ctx, subject[0], Math.max(subject[1], subject[0] + 1));
        if (stop2 - (stop + 3) >= 3) b.add(denial ? 'denial' : 'indirect', b.span(stop + 3, stop2), subject[1] > subject[0] ? outer : speaker, cue, 'and-that-second-claim');
        v = stop2 - 1;
      }
    }
  }
}

/** How many items `creditedBefore` looks at in each part: a sentence holds a few, a hostile one thousands. */
const CREDITED_LOOKAHEAD = 50;

/**
 * The first item with a source whose content starts in [from, to): among the direct quotations
 * (out[0, quoted), in text order, found by binary search), else among those this sentence added
 * (from out[sentenceFrom]). A scan of all items would give the same unless a part holds more than
 * CREDITED_LOOKAHEAD candidates, and would cost a sentence full of verbs its length squared.
 */
function creditedBefore(b: Builder, quoted: number, sentenceFrom: number, from: number, to: number): Attribution | undefined {
  const lo = lowerBound(b.out, from, (x) => x.start, quoted);
  for (let i = lo; i < Math.min(quoted, lo + CREDITED_LOOKAHEAD) && b.out[i].start < to; i++) if (b.out[i].source) return b.out[i];
  for (let i = sentenceFrom; i < Math.min(b.out.length, sentenceFrom + CREDITED_LOOKAHEAD); i++) {
    const x = b.out[i];
    if (x.start >= from && x.start < to && x.source) return x;
  }
  return undefined;
}

/** Does a claim running through token k stop there (a quote, a new clause with its own speaker)? */
function claimStopsAt(b: Builder, k: number, end: number, denial: boolean): boolean {
  const { tokens } = b;
  if (b.inQuote[k]) return true;
  const t = b.lower[k];
  // "…, adding that …", "…, and said …" and "…, Kirby said" start a claim of their own.
  if (t === ',' && (CONTINUATION_CUES.has(b.lower[k + 1] ?? '') || (tokens[k + 1]?.text === 'and' && b.isCue(k + 2)))) return true;
  if (t === ',' && trailingTag(b, k + 1, end)) return true;
  // "…, and Pyongyang has described …": another speaker's claim begins.
  if (t === ',' && tokens[k + 1]?.text === 'and' && cueSoon(b, k + 2, end)) return true;
  // "…, after Vladimir Putin warned that …": a subordinate clause with a speaker of its own.
  if (t === ',' && /^(?:after|before|while|because|although|though|when|as|since)$/.test(tokens[k + 1]?.text ?? '') && cueSoon(b, k + 2, end)) return true;
  if (t === ':' && denial) return true;
  // "…, and that he would stake his life on it": a second claim of the same speaker.
  if (t === 'and' && tokens[k + 1]?.text === 'that' && tokens[k - 1]?.text === ',') return true;
  return t === ';';
}

/** For each token of a sentence, the first token at or after it where a claim stops (or the end). */
function claimStops(b: Builder, start: number, end: number, denial: boolean): Int32Array {
  const stops = new Int32Array(Math.max(0, end - start));
  let next = end;
  for (let k = end - 1; k >= start; k--) {
    if (claimStopsAt(b, k, end, denial)) next = k;
    stops[k - start] = next;
  }
  return stops;
}

/** Who this sentence has credited so far (the speaker of a quote before token v), else its main subject. */
function sentenceSpeaker(b: Builder, sStart: number, v: number): Speaker | undefined {
  const from = b.tokens[sStart].start;
  const to = b.tokens[v].start;
  for (let i = b.out.length - 1, n = 0; i >= 0 && n < CREDITED_LOOKAHEAD; i--, n++) {
    const a = b.out[i];
    if (a.start < from) break;
    if (a.speaker && a.speaker.start >= from && a.speaker.end <= to) return { source: a.source, ...(a.sourceText ? { sourceText: a.sourceText } : {}), span: a.speaker };
  }
  return mainSubject(b, sStart, v);
}

/**
 * The subject of a sentence's main clause, for a verb that has none of its own ("…, and said …"):
 * the first named actor, or the body it possesses ("South Korea's National Intelligence Service"),
 * or an unnamed source ("officials") named before any actor.
 */
function mainSubject(b: Builder, from: number, to: number): Speaker | undefined {
  // The subject sits near the sentence's start; looking no further keeps a sentence of many verbs linear.
  to = Math.min(to, from + MAIN_SUBJECT_REACH);
  const inside = b.ctx.mentions.within(b.span(from, to)).filter((m) => !b.inQuoteAt(m.start) && m.kind !== 'demonym');
  let first = inside[0];
  for (const m of inside.slice(1)) {
    if (first && /^\s*['’]s\s/.test(b.doc.text.slice(first.end, m.start + 1)) && m.start - first.end <= 4) first = m;
    // "Facebook co-founder Mark Zuckerberg … and said": the body names the person's role, the person speaks.
    else if (first && first.actor.type !== 'person' && m.actor.type === 'person' && roleBetween(b, first.end, m.start)) first = m;
  }
  for (let k = from; k < to; k++) {
    if (first && b.tokens[k].start >= first.start) break;
    if (b.sourceNouns.has(b.lower[k]) && !b.inQuote[k]) return resolveSpeaker(b.ctx, k, k + 1);
  }
  return first ? { source: first.actor.id, span: { start: first.start, end: first.end } } : undefined;
}

/** How many tokens from a sentence's start `mainSubject` looks at. */
const MAIN_SUBJECT_REACH = 60;

/** Only role words between two mentions ("co-founder", "spokesman", "Executive Director")? */
function roleBetween(b: Builder, from: number, to: number): boolean {
  const words = b.doc.text.slice(from, to).trim().split(/\s+/).filter(Boolean);
  return words.length > 0 && words.length <= 3 && words.every((w) => /^\p{Lu}/u.test(w) || b.ctx.roleNouns.has(w.toLowerCase()) || b.sourceNouns.has(w.toLowerCase()));
}

/** Does a reporting verb follow within a short subject ("and Pyongyang has described")? */
function cueSoon(b: Builder, i: number, end: number): boolean {
  for (let k = i; k < Math.min(end, i + 6); k++) {
    if (b.tokens[k].text === ',') return false;
    if (b.isCue(k) && k > i) return true;
  }
  return false;
}

/** Is there a ", X said." tag from token i to the sentence end? */
function trailingTag(b: Builder, i: number, end: number): boolean {
  for (let k = i; k < Math.min(end, i + 8); k++) {
    if (b.tokens[k].text === ',') return false;
    if (b.isCue(k)) {
      let after = k + 1;
      while (after < end && b.inTime(after)) after++;
      return after >= end || b.tokens[after].text === ',';
    }
  }
  return false;
}

/** "Washington believed …", "Washington was convinced that …" at the head of a content span. */
function innerSource(b: Builder, c: number, stop: number): Speaker | undefined {
  for (let k = c + 1; k < Math.min(stop, c + 6); k++) {
    const w = b.lower[k];
    const cognition = b.lex.cognition.has(w) && /^\p{Ll}/u.test(b.tokens[k].text);
    if (!cognition) continue;
    const np = b.subjectBefore(k, c);
    if (!np || np[0] !== c) return undefined;
    const sp = resolveSpeaker(b.ctx, np[0], np[1]);
    return sp.source && !sp.sourceText ? sp : undefined;
  }
  return undefined;
}

/** "according to X, …" and "…, according to X". Returns the token to continue after. */
function accordingTo(b: Builder, v: number, sStart: number, end: number): number {
  const { tokens } = b;
  const np = b.phraseAfter(v + 2, end);
  if (!np) return v;
  const speaker = resolveSpeaker(b.ctx, np[0], np[1]);
  const cue = b.span(v, v + 2);
  // "Wikinews has learned that according to X, …", "But according to X, …": it opens a clause.
  // "In exchange, according to the Treasury, …": a short fronted phrase before it changes nothing.
  const fronted = v > sStart && tokens[v - 1].text === ',' && v - 1 - sStart <= 4 && !tokens.slice(sStart, v - 1).some((t, k) => b.isCue(sStart + k));
  const opensClause = v === sStart || fronted || b.lower[v - 1] === 'that' || (v - 1 === sStart && /^(?:but|and|yet|so)$/i.test(tokens[v - 1].text));
  if (opensClause) {
    if (tokens[np[1]]?.text !== ',' || np[1] + 1 >= end) return np[1];
    // "According to the Herald, Professor John Burrows said …": the innermost named source holds the claim.
    if (namedSpeakerOpens(b, np[1] + 1, end)) return np[1];
    let stop = end;
    for (let k = np[1] + 1; k < end; k++) if (tokens[k].text === ',' && trailingTag(b, k + 1, end)) { stop = k; break; }
    // A trailing "…, U.S. officials said" names the source better than "according to the images".
    if (stop < end && !speaker.source) return np[1];
    b.add('indirect', b.span(np[1] + 1, stop), speaker, cue, 'according-to-first');
  } else {
    const stop = tokens[v - 1].text === ',' ? v - 1 : v;
    if (stop - sStart >= 3) b.add('indirect', b.span(sStart, stop), speaker, cue, 'according-to-last');
  }
  return np[1];
}

/** Does the clause from token i open with a named speaker and a reporting verb ("Professor John Burrows, the panel's chair, said")? */
function namedSpeakerOpens(b: Builder, i: number, end: number): boolean {
  for (let k = i + 1; k < Math.min(end, i + 25); k++) {
    if (b.inQuote[k] || !b.isCue(k)) continue;
    const np = b.subjectBefore(k, i);
    if (!np) return false;
    // Only title words ("Emeritus Professor") may come before the name.
    for (let t = i; t < np[0]; t++) if (!/^\p{Lu}/u.test(b.tokens[t].text)) return false;
    const sp = resolveSpeaker(b.ctx, np[0], np[1]);
    return !!sp.source && !sp.sourceText;
  }
  return false;
}

/** "Moscow and Pyongyang have denied …": one denial for each named actor of the subject. */
function addForEachSubject(b: Builder, kind: Attribution['kind'], content: Span, speaker: Speaker, subject: [number, number], cue: Span, rule: string): void {
  const inside = b.ctx.mentions.within(b.span(subject[0], subject[1]));
  const named = [...new Map(inside.filter((m) => m.actor.type !== 'person' || inside.length === 1).map((m) => [m.actor.id, m])).values()];
  const joined = b.tokens.slice(subject[0], subject[1]).some((t) => t.text === 'and');
  if (kind === 'denial' && joined && named.length > 1) {
    for (const m of named) b.add(kind, content, { source: m.actor.id, span: { start: m.start, end: m.end } }, cue, `${rule}-each`);
    return;
  }
  b.add(kind, content, speaker, cue, rule);
}

function run(doc: AnnotatedDoc, ctx: StageContext): AnnotatedDoc {
  const segs = requireLayer(doc, 'segments', STAGE);
  const actors = requireLayer(doc, 'actors', STAGE);
  const { lex, sourceNouns, roleNouns } = wordSetsOf(ctx.lexicons);
  const quotes = findQuotes(doc.text, segs.paragraphs);
  const b = new Builder(doc, segs.tokens, quotes, lex, new Mentions(actors.actors), sourceNouns, roleNouns, femaleNamesOf(ctx.lexicons), ctx.trace);
  keepLast('attributions', b); // see keep-alive.ts
  directQuotes(b);
  reportedSpeech(b);
  // A reporting verb inside another claim's content ("Zelensky said Ukraine expected 42 aircraft")
  // is part of that claim, not a claim of its own.
  const isNested = nestedIn(b.out.filter((o) => o.kind !== 'direct'));
  const nested = (a: Attribution) => a.kind === 'indirect' && !!a.cue && isNested(a, Math.min(a.start, a.cue.start), Math.max(a.cue.end, a.end - 1));
  const attributions = b.out.filter((a) => !nested(a)).sort((x, y) => x.start - y.start);
  return withLayer(doc, 'attributions', { attributions });
}

/**
 * Does some item other than `a` start at or before `from` and end at or after `to`? Sorted by start
 * with the two longest-reaching items of each prefix kept, each question is a binary search.
 */
function nestedIn(items: readonly Attribution[]): (a: Attribution, from: number, to: number) => boolean {
  const sorted = [...items].sort((x, y) => x.start - y.start);
  const first: (Attribution | undefined)[] = [];
  const second: (Attribution | undefined)[] = [];
  let top: Attribution | undefined;
  let next: Attribution | undefined;
  for (const o of sorted) {
    if (!top || o.end > top.end) [top, next] = [o, top];
    else if (!next || o.end > next.end) next = o;
    first.push(top);
    second.push(next);
  }
  return (a, from, to) => {
    const lo = lowerBound(sorted, from + 1, (x) => x.start);
    if (lo === 0) return false;
    const best = first[lo - 1] === a ? second[lo - 1] : first[lo - 1];
    return !!best && best.end >= to;
  };
}

/** Marks the tokens that lie inside one of the spans (both in text order). */
function markTokens(tokens: readonly Token[], spans: readonly Span[]): Uint8Array {
  const marks = new Uint8Array(tokens.length);
  const sorted = [...spans].sort((x, y) => x.start - y.start);
  let t = 0;
  for (const s of sorted) {
    while (t < tokens.length && tokens[t].start < s.start) t++;
    for (let k = t; k < tokens.length && tokens[k].start < s.end; k++) if (tokens[k].end <= s.end) marks[k] = 1;
  }
  return marks;
}

interface WordSets {
  lex: Lexicon;
  sourceNouns: Set<string>;
  roleNouns: Set<string>;
}

const wordSetCache = new WeakMap<StageContext['lexicons'], WordSets>();
/** The lexicon's word lists as sets, built once per lexicon (no stage changes them). */
function wordSetsOf(lexicons: StageContext['lexicons']): WordSets {
  let sets = wordSetCache.get(lexicons);
  if (!sets) {
    const lexicon = lexicons.attribution;
    const lex: Lexicon = { speech: new Set(lexicon.speech), denial: new Set(lexicon.denial), tellObjects: new Set(lexicon.tellObjects), needsThat: new Set(lexicon.needsThat), cognition: new Set(lexicon.cognition),
      accountNouns: new Set(lexicon.accountNouns), claimNouns: new Set(lexicon.claimNouns), denialPredicates: new Set(lexicon.denialPredicates ?? []) };
    sets = { lex, sourceNouns: new Set(lexicon.sourceNouns), roleNouns: new Set(lexicons.roles.nouns) };
    wordSetCache.set(lexicons, sets);
  }
  return sets;
}

const femaleCache = new WeakMap<StageContext['lexicons'], Set<string>>();
function femaleNamesOf(lex: StageContext['lexicons']): Set<string> {
  let set = femaleCache.get(lex);
  if (!set) femaleCache.set(lex, (set = new Set(lex.femaleNames)));
  return set;
}

export const attributionsStage: Stage = { name: STAGE, run };

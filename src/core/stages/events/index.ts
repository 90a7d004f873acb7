// Events: dated happenings between actors that are not transfers (meeting, agreement, veto,
// abstention, sanction, exercise, deployment, attack, launch). A trigger word from
// lexicons/events.json marks the type; the actors named in the same clause take part; the
// nearest dated time in the sentence dates it; a named place after "in"/"at" places it.
import { requireLayer, withLayer, type AnnotatedDoc, type Event, type Span, type Token } from '../../doc.js';
import type { Stage, StageContext } from '../../pipeline.js';
import { Mentions } from '../mentions.js';
import { insideSpans } from '../../search.js';

const STAGE = 'events';

interface Trigger {
  type: string;
  noun: boolean;
}

function triggers(lex: StageContext['lexicons']['events']): Map<string, Trigger> {
  const out = new Map<string, Trigger>();
  for (const [type, words] of Object.entries(lex.nouns)) for (const w of words) out.set(w, { type, noun: true });
  for (const [type, words] of Object.entries(lex.verbs)) for (const w of words) out.set(w, { type, noun: false });
  return out;
}

function dateNear(doc: AnnotatedDoc, sentence: Span, at: number): string | null {
  const times = (doc.layers.times?.times ?? []).filter((t) => t.start >= sentence.start && t.end <= sentence.end && t.type === 'DATE' && t.value && /^\d{4}/.test(t.value));
  if (!times.length) return null;
  times.sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at));
  return times[0].value;
}

/** The date the narrative last gave, in this paragraph or the one before ("Hours before the two leaders met, …"). */
function narrativeDate(doc: AnnotatedDoc, from: number, to: number): string | null {
  let last: string | null = null;
  for (const t of doc.layers.times?.times ?? []) {
    if (t.start >= to) break;
    if (t.start >= from && t.type === 'DATE' && t.value && /^\d{4}-\d{2}-\d{2}$/.test(t.value)) last = t.value;
  }
  return last;
}

function run(doc: AnnotatedDoc, ctx: StageContext): AnnotatedDoc {
  const segs = requireLayer(doc, 'segments', STAGE);
  const actors = requireLayer(doc, 'actors', STAGE);
  const lex = ctx.lexicons.events;
  const map = triggers(lex);
  const happenings = new Set(lex.happenings);
  const launchObjects = new Set(lex.launchObjects);
  const agreementVerbs = new Set(lex.agreementHappenings);
  const mentions = new Mentions(actors.actors);
  const quotes = (doc.layers.attributions?.attributions ?? []).filter((a) => a.kind === 'direct').sort((a, b) => a.start - b.start);
  // Quotes are disjoint and sorted: a binary search keeps the check logarithmic on hostile input.
  const inQuote = (at: number) => insideSpans(quotes, at);
  const tokens: Token[] = segs.tokens;
  const out: Event[] = [];
  for (const s of segs.sentences) {
    const words = tokens.slice(s.tokenStart, s.tokenEnd).map((t) => t.text.toLowerCase());
    const happening = words.some((w) => happenings.has(w));
    const seen = new Set<string>();
    let inside: ReturnType<Mentions['within']> | undefined;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = tokens[i];
      if (!/^\p{Ll}/u.test(t.text) || inQuote(t.start)) continue;
      const trig = map.get(t.text);
      if (!trig) continue;
      // "the sanctioned company": a participle after a determiner describes, it does not happen;
      // "to attack cities", "would sign": an intention, not a dated happening.
      const before = tokens[i - 1]?.text.toLowerCase() ?? '';
      if (!trig.noun && /^(?:the|a|an|its|their|this|that)$/.test(before)) continue;
      if (/^(?:to|would|could|will|may|might|should|can)$/.test(before)) continue;
      // Undated sentences take the date of the sentence before them in the paragraph ("Hours before the leaders met, …").
      const prevSentence = segs.sentences[segs.sentences.indexOf(s) - 1];
      const own = dateNear(doc, s, t.start);
      const date = own ?? (prevSentence && prevSentence.paragraph === s.paragraph ? dateNear(doc, prevSentence, prevSentence.end) : null)
        ?? narrativeDate(doc, segs.paragraphs[Math.max(0, s.paragraph - 1)]?.start ?? 0, s.start);
      if (seen.has(`${trig.type}|${date}`)) continue;
      // An event is a dated happening: a trigger with no date near it ("the two sides would sign") is
      // left out, and a noun needs a verb of happening or a date of its own ("a summit" alone is none).
      if (!date || (trig.noun && !happening && !own)) continue;
      if (trig.type === 'agreement' && trig.noun && !words.some((w) => agreementVerbs.has(w))) continue;
      // "attack drones", "strike aircraft": the noun modifies another noun.
      if (trig.type === 'attack' && trig.noun && /^\p{Ll}+$/u.test(tokens[i + 1]?.text ?? '') && !/^(?:on|in|against|at|by|of|this|last|that)$/.test(tokens[i + 1].text)) continue;
      // A launch is of a missile or satellite; "fired" alone is shooting.
      if (trig.type === 'launch' && !words.some((w) => launchObjects.has(w))) continue;
      if (trig.type === 'sanction' && trig.noun && !/^(?:imposed|announced|new|fresh|additional|slapped)$/.test(words.find((w) => /^(?:imposed|announced|new|fresh|additional|slapped)$/.test(w)) ?? '')) continue;
      inside ??= mentions.within({ start: s.start, end: s.end }).filter((m) => !inQuote(m.start));
      // "The contract was signed in 2017": a sentence naming no actor continues the one before it.
      const around = inside.length || !prevSentence || prevSentence.paragraph !== s.paragraph ? inside
        : mentions.within({ start: prevSentence.start, end: prevSentence.end }).filter((m) => !inQuote(m.start));
      const ids = [...new Set(around.filter((m) => m.kind !== 'descriptor' || m.actor.type === 'person').map((m) => m.actor.id))];
      if (!ids.length) continue;
      const place = (doc.layers.actors?.places ?? []).find((p) => p.start >= s.start && p.end <= s.end && /\b(?:in|at)\s+$/.test(doc.text.slice(Math.max(s.start, p.start - 4), p.start)));
      seen.add(`${trig.type}|${date}`);
      // "two failed launches this year, in May and August": a plural happening, one event per date.
      if (trig.noun && /s$/.test(t.text)) {
        const dates = [...new Set((doc.layers.times?.times ?? []).filter((x) => x.start >= s.start && x.end <= s.end && x.type === 'DATE' && x.value && /^\d{4}-\d{2}/.test(x.value)).map((x) => x.value!))];
        if (dates.length > 1) {
          for (const d of dates) out.push({ type: trig.type, actors: ids, date: d, place: place?.name ?? null, spans: [{ start: s.start, end: s.end }], stage: STAGE, rule: `noun-per-date:${t.text}` });
          continue;
        }
      }
      const same = out.find((e) => e.type === trig.type && e.date === date && e.actors.some((a) => ids.includes(a)));
      if (same) {
        same.spans.push({ start: s.start, end: s.end });
        continue;
      }
      out.push({ type: trig.type, actors: ids, date, place: place?.name ?? null, spans: [{ start: s.start, end: s.end }], stage: STAGE, rule: trig.noun ? `noun:${t.text}` : `verb:${t.text}` });
      ctx.trace?.({ stage: STAGE, rule: trig.noun ? 'event-noun' : 'event-verb', start: t.start, end: t.end, action: `${trig.type} ${date ?? 'undated'}` });
    }
  }
  return withLayer(doc, 'events', { events: out });
}

export const eventsStage: Stage = { name: STAGE, run };

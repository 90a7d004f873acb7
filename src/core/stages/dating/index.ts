// Dating: when was the report written? With no publication date, the estimate is the stretch of
// days that fits most of the text's own cues (dates told as past or still to come, chains such as
// "eight months later" told as the present, the calendar of known facts); the times stage then
// counts relative times from it and marks them estimated. With a date, the same cues are checked
// against it. Cues that cannot hold together become conflicts, which the consistency stage reports.
import { requireLayer, withLayer, type AnnotatedDoc, type DateConflict, type DateCue, type DatingLayer } from '../../doc.js';
import type { Stage, StageContext } from '../../pipeline.js';
import { dayNumber, parseDay, type Day } from '../times/calendar.js';
import { onDemand, recognizeDoc, resolveInOrder, type OnDemand } from '../times/index.js';
import { compileTimeWords } from '../times/words.js';
import { compileCalendar, wordsIn } from './calendar-index.js';
import { calendarCues } from './calendar-cues.js';
import { isoOf, type Cue, type MonthView } from './cue.js';
import { check, estimate, type Solution } from './solve.js';
import { timeCues } from './time-cues.js';
import { straightWordsOf } from '../segment/lower.js';

const STAGE = 'dating';

/** Two writing dates far apart: a time resolved the same against both does not depend on the writing date. */
const FAR: [Day, Day] = [{ y: 1950, m: 6, d: 15 }, { y: 2050, m: 6, d: 15 }];

const roleSets = new WeakMap<readonly string[], Set<string>>();
/** Role nouns ("adviser") in a set, built once per lexicon. */
function roleNouns(nouns: readonly string[]): Set<string> {
  let set = roleSets.get(nouns);
  if (!set) roleSets.set(nouns, (set = new Set([...nouns, 'aide', 'staffer', 'appointee', 'veteran', 'alumnus'])));
  return set;
}

/** Every cue the text gives about its own date. */
export function cuesOf(doc: AnnotatedDoc, ctx: StageContext): { cues: Cue[]; at: MonthView } {
  const W = compileTimeWords(ctx.lexicons.times);
  const cal = compileCalendar(ctx.lexicons.calendar);
  const { tokens, sentences } = requireLayer(doc, 'segments', STAGE);
  const items = recognizeDoc(doc, W, STAGE);
  const allWords = straightWordsOf(tokens);
  const docWords = wordsIn(cal, allWords);
  // A month cue reads one expression: resolving it and only the expressions it counts from (not the
  // text up to it) for each month searched keeps a long window over a long report cheap.
  const far = [resolveInOrder(items, FAR[0]), resolveInOrder(items, FAR[1])] as const;
  // An expression resolved the same against both far dates ("March 8, 2023", "six days later"
  // after it) is the same for every month searched: resolved once, not once per month.
  const known = far[0].map((r, k) => (r.value !== null && r.value === far[1][k].value ? r : undefined));
  const months = new Map<number, OnDemand>();
  const at: MonthView = (k, item) => {
    let r = months.get(k);
    if (!r) months.set(k, (r = onDemand(items, { y: Math.floor(k / 12), m: (k % 12) + 1, d: 15 }, known)));
    return r.at(item);
  };
  const dated = new Set(items.filter((it) => it.found.sem.k === 'abs').map((it) => it.sentence));
  const bySentence = sentences.map((s, i) => ({ tokens: tokens.slice(s.tokenStart, s.tokenEnd), hasDate: dated.has(i), words: allWords.slice(s.tokenStart, s.tokenEnd) }));
  const cues = [...timeCues({ text: doc.text, items, far, at, cal, docWords, W }), ...calendarCues(bySentence, cal, docWords, W, doc.text, roleNouns(ctx.lexicons.roles.nouns))];
  return { cues, at };
}

function run(doc: AnnotatedDoc, ctx: StageContext): AnnotatedDoc {
  const { cues, at } = cuesOf(doc, ctx);
  const published = doc.published ? parseDay(doc.published) : null;
  const solution = published ? check(cues, at, dayNumber(published)) : estimate(cues, at);
  const layer = toLayer(solution, doc.published);
  for (const c of layer.estimate?.cues ?? []) for (const s of c.spans) ctx.trace?.({ stage: STAGE, rule: c.rule, ...s, action: `dating cue: ${c.reason}` });
  return withLayer(doc, 'dating', layer);
}

function toLayer(s: Solution, published: string | null): DatingLayer {
  const j = s.judged;
  if (!j) return { estimate: null, conflicts: [] };
  const cue = (c: number, day: number): DateCue => ({ spans: j.cues[c].spans, reason: j.reason(c, day), stage: STAGE, rule: j.cues[c].rule });
  const e = s.estimate;
  const estimate = e && {
    earliest: e.first === null ? null : isoOf(e.first),
    latest: e.last === null ? null : isoOf(e.last),
    value: e.value === null ? null : isoOf(e.value),
    cues: e.used.map((c) => cue(c, e.value!)),
  };
  const conflicts = s.conflicts.map((c): DateConflict => {
    const cues = c.cues.map((k) => cue(k, c.cueDay));
    const against = c.againstDay === null ? [] : c.against.map((k) => cue(k, c.againstDay!));
    return { cues, against, reason: conflictReason(cues, against, published) };
  });
  return { estimate, conflicts };
}

/** One sentence a reader can check: what each side says and where it puts the writing. */
function conflictReason(cues: DateCue[], against: DateCue[], published: string | null): string {
  const one = cues.map((c) => c.reason).join(', and ');
  if (!against.length) return `${one}, but the report is dated ${published}.`;
  return `${one}, but ${against.map((c) => c.reason).join(', and ')}.`;
}

export const datingStage: Stage = { name: STAGE, run };

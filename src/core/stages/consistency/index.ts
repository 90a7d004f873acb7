// Consistency: statements of one report that cannot all be true. Each check is a small function
// over the layers before it; the stage runs them in order and keeps what they find. Dates that
// cannot all hold come from the dating stage's conflicts; the timeline checks read the times
// layer against the words around it; amounts for one flow are compared over the transfers layer.
import { withLayer, type AnnotatedDoc, type Inconsistency } from '../../doc.js';
import type { ConsistencyWords } from '../../lexicons.js';
import type { Stage, StageContext } from '../../pipeline.js';
import { amountConflicts } from './amounts.js';
import { dateArithmetic } from './date-arithmetic.js';
import { datedAnaphors } from './dated-anaphor.js';
import { eventLengths } from './event-lengths.js';
import { holdRelease } from './hold-release.js';
import { movementDates } from './movement-dates.js';
import { sentenceViews, type SentenceView } from './text-view.js';

const STAGE = 'consistency';

export type Check = (views: readonly SentenceView[], words: ConsistencyWords, text: string, doc: AnnotatedDoc) => Inconsistency[];

/** The dating stage's conflicts: cues about the writing date that exclude each other. */
const dateConflicts: Check = (_v, _w, _t, doc) =>
  (doc.layers.dating?.conflicts ?? []).map((c) => ({
    kind: 'date',
    spans: [...c.cues, ...c.against].flatMap((x) => x.spans),
    reason: c.reason,
    stage: STAGE,
    rule: `dating-conflict:${c.cues[0].rule}`,
  }));

export const CHECKS: readonly { name: string; run: Check }[] = [
  { name: 'date-conflicts', run: dateConflicts },
  { name: 'dated-anaphor', run: datedAnaphors },
  { name: 'movement-dates', run: movementDates },
  { name: 'event-lengths', run: eventLengths },
  { name: 'hold-release', run: holdRelease },
  { name: 'date-arithmetic', run: (views, _w, text) => dateArithmetic(views, text) },
  { name: 'amounts', run: (_v, words, _t, doc) => amountConflicts(doc, words) },
];

function run(doc: AnnotatedDoc, ctx: StageContext): AnnotatedDoc {
  const views = sentenceViews(doc);
  const inconsistencies = CHECKS.flatMap((c) => c.run(views, ctx.lexicons.consistency, doc.text, doc));
  for (const i of inconsistencies) ctx.trace?.({ stage: STAGE, rule: i.rule, ...i.spans[0], action: `inconsistency: ${i.reason}` });
  return withLayer(doc, 'consistency', { inconsistencies });
}

export const consistencyStage: Stage = { name: STAGE, run };

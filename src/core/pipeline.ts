// The pipeline: one ordered, visible list of named stages. Each stage is a function from the
// annotated document to the same document with one more layer; none changes an earlier layer.
import { createDoc, type AnnotatedDoc, type TraceEvent } from './doc.js';
import type { Lexicons } from './lexicons.js';
import { segmentStage } from './stages/segment/index.js';
import { actorsStage } from './stages/actors/index.js';
import { attributionsStage } from './stages/attributions/index.js';
import { transfersStage } from './stages/transfers/index.js';
import { eventsStage } from './stages/events/index.js';
import { timesStage } from './stages/times/index.js';
import { datingStage } from './stages/dating/index.js';
import { quantitiesStage } from './stages/quantities/index.js';
import { consistencyStage } from './stages/consistency/index.js';

/** What a stage may use besides the document: passed in, never reached for. */
export interface StageContext {
  lexicons: Lexicons;
  /** Called with why an item was produced; absent when tracing is off, so it costs nothing. */
  trace?: (event: TraceEvent) => void;
}

export interface Stage {
  readonly name: string;
  run(doc: AnnotatedDoc, ctx: StageContext): AnnotatedDoc;
}

export const STAGES: readonly Stage[] = [segmentStage, actorsStage, datingStage, timesStage, quantitiesStage, attributionsStage, transfersStage, eventsStage, consistencyStage];

export interface StageTiming {
  stage: string;
  ms: number;
}

export interface PipelineResult {
  doc: AnnotatedDoc;
  timings: StageTiming[];
}

/** A clock in milliseconds; performance.now exists in Node and browsers alike. */
const clock = (globalThis as unknown as { performance: { now(): number } }).performance;
const now = (): number => clock.now();

export function runPipeline(
  text: string,
  published: string | null,
  ctx: StageContext,
  stages: readonly Stage[] = STAGES,
): PipelineResult {
  let doc = createDoc(text, published);
  const timings: StageTiming[] = [];
  for (const stage of stages) {
    const t0 = now();
    doc = stage.run(doc, ctx);
    timings.push({ stage: stage.name, ms: now() - t0 });
  }
  return { doc, timings };
}

// Messages between the bench and its worker processes (one per system, so that each peak
// memory figure is that system's alone).
import type { StageTiming } from '../core/pipeline.js';
import type { WarmUpResult } from './measure.js';
import type { SystemName } from './systems.js';

/** `baseline` loads no system: the memory of node holding the texts, to read the others against. */
export type WorkerSystem = SystemName | 'baseline';

export interface WorkerRequest {
  dir: string;
  system: WorkerSystem;
  repeat: number;
}

export interface SystemMeasurement {
  system: WorkerSystem;
  texts: number;
  words: number;
  /** Median pass, every timed pass in order, and the untimed warm-up before them (absent for the baseline). */
  ms?: number;
  passesMs?: number[];
  warmUp?: WarmUpResult;
  stages?: StageTiming[];
  found?: number;
  /** Peak resident set of the whole worker process, in KB (`process.resourceUsage().maxRSS`). */
  peakRssKB: number;
  /**
   * The same high-water mark read after loading the system and one pass over the texts. Lower than
   * peakRssKB because V8 lets garbage pile up longer under sustained work: both are true figures.
   */
  firstPassRssKB?: number;
  /** Highest heap use seen between texts during the warm-up passes, in bytes. */
  heapPeakBytes: number;
  /** Heap still used after the passes and a full collection: the system's resident data. */
  heapAfterGcBytes: number;
}

export type WorkerMessage =
  | { kind: 'progress'; text: string }
  | { kind: 'result'; result: SystemMeasurement }
  | { kind: 'error'; message: string; stack?: string };

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measureLinearity } from './linearity.js';
import { medianPass, runPass, timePasses, warmUp, warmUpUntilSteady, wordsPerSecond, type SteadyRule } from './measure.js';
import type { Runner } from './systems.js';
import { countWords, type BenchText } from './texts.js';

const text = (source: string, body: string): BenchText => ({ source, text: body, published: null, words: countWords(body) });

test('medianPass takes the middle pass, the faster middle one for an even count', () => {
  const p = (ms: number) => ({ ms });
  assert.equal(medianPass([p(5), p(1), p(3)]).ms, 3);
  assert.equal(medianPass([p(4), p(1), p(3), p(2)]).ms, 2);
  assert.equal(medianPass([p(7)]).ms, 7);
  assert.throws(() => medianPass([]), RangeError);
});

test('runPass sums stage timings and found items over the texts', () => {
  const run: Runner = (t) => ({ found: t.words, timings: [{ stage: 'a', ms: 1 }, { stage: 'b', ms: 2 }] });
  const pass = runPass([text('x', 'one two'), text('y', 'three')], run);
  assert.equal(pass.found, 3);
  assert.deepEqual(pass.stages, [{ stage: 'a', ms: 2 }, { stage: 'b', ms: 4 }]);
});

test('timePasses warms up, then times exactly `repeat` passes', () => {
  let calls = 0;
  const run: Runner = () => ({ found: ++calls });
  const gcs: number[] = [];
  let firstPassAt = -1;
  const steady: SteadyRule = { minMs: 0, maxMs: 0, windowMs: 0, gain: 0.03, patience: 2 };
  const timed = timePasses([text('x', 'a b')], run, 4, { steady, beforePass: (i) => gcs.push(i), afterFirstPass: () => (firstPassAt = calls) });
  assert.equal(firstPassAt, 1);
  assert.equal(timed.warmUp.passes, 1);
  assert.equal(timed.passesMs.length, 4);
  assert.deepEqual(gcs, [0, 1, 2, 3]);
  assert.equal(calls, 5);
});

/** A clock that a pass moves forward by the next of `durations` (the last repeats): warm-up on made-up pass times. */
function fakePasses(durations: (i: number) => number) {
  let t = 0;
  let i = 0;
  return { now: () => t, pass: () => void (t += durations(i++)), count: () => i };
}

const RULE: SteadyRule = { minMs: 2000, maxMs: 30_000, windowMs: 1000, gain: 0.03, patience: 2 };

test('warm-up ends once the pass time has stopped improving for two windows', () => {
  // 100 ms a pass falling to 50 ms by the 6th second, flat after it.
  const clock = fakePasses((i) => Math.max(50, 100 - i));
  const w = warmUpUntilSteady(clock.pass, RULE, clock.now);
  assert.equal(w.steady, true);
  assert.equal(w.firstPassMs, 100);
  assert.ok(w.ms > 4000 && w.ms < 9000, `stopped at ${w.ms} ms`);
  assert.equal(w.passes, clock.count());
});

test('a system at full speed from the start still warms up for the minimum', () => {
  const clock = fakePasses(() => 10);
  const w = warmUpUntilSteady(clock.pass, RULE, clock.now);
  assert.equal(w.steady, true);
  assert.ok(w.ms >= 2000 && w.ms <= 3100, `stopped at ${w.ms} ms`);
});

test('a system that keeps getting faster is timed when the maximum runs out, marked not steady', () => {
  const clock = fakePasses((i) => 200 * Math.pow(0.99, i));
  const w = warmUpUntilSteady(clock.pass, { ...RULE, maxMs: 5000 }, clock.now);
  assert.equal(w.steady, false);
  assert.ok(w.ms >= 5000 && w.ms < 5300);
});

test('a window needs three passes: slow passes are not judged one by one', () => {
  // Each pass takes 1.5 s and never gets faster: windows hold 3 passes: one to set the best, two that do not beat it.
  const clock = fakePasses(() => 1500);
  const w = warmUpUntilSteady(clock.pass, RULE, clock.now);
  assert.equal(w.steady, true);
  assert.equal(w.passes, 9);
});

test('warmUp runs at least once and until the time is spent', () => {
  assert.equal(warmUp(() => {}, 0), 1);
  assert.ok(warmUp(() => {}, 5) > 1);
});

test('measureLinearity times 1, 10 and 100 copies of the report', () => {
  const seen: number[] = [];
  const run: Runner = (t) => {
    seen.push(t.words);
    return { found: 0 };
  };
  const rows = measureLinearity(text('r', 'North Korea sent shells.'), run, { repeat: 2, minMs: 0, steady: { minMs: 0, maxMs: 0, windowMs: 0, gain: 0.03, patience: 2 } });
  assert.deepEqual(rows.map((r) => [r.copies, r.words, r.passes]), [[1, 4, 2], [10, 40, 2], [100, 400, 2]]);
  assert.ok(seen.includes(400));
});

test('wordsPerSecond', () => {
  assert.equal(wordsPerSecond(1000, 500), 2000);
  assert.equal(wordsPerSecond(1000, 0), 0);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measureLinearity } from './linearity.js';
import { medianPass, runPass, timePasses, warmUp, wordsPerSecond } from './measure.js';
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
  const timed = timePasses([text('x', 'a b')], run, 4, { warmUpMs: 0, beforePass: (i) => gcs.push(i), afterFirstPass: () => (firstPassAt = calls) });
  assert.equal(firstPassAt, 1);
  assert.equal(timed.warmUpPasses, 1);
  assert.equal(timed.passesMs.length, 4);
  assert.deepEqual(gcs, [0, 1, 2, 3]);
  assert.equal(calls, 5);
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
  const rows = measureLinearity(text('r', 'North Korea sent shells.'), run, { repeat: 2, minMs: 0 });
  assert.deepEqual(rows.map((r) => [r.copies, r.words, r.passes]), [[1, 4, 2], [10, 40, 2], [100, 400, 2]]);
  assert.ok(seen.includes(400));
});

test('wordsPerSecond', () => {
  assert.equal(wordsPerSecond(1000, 500), 2000);
  assert.equal(wordsPerSecond(1000, 0), 0);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createIngestProgress, progressLine } from './progress.js';

const sink = (isTTY: boolean) => {
  const out: string[] = [];
  return { out, stream: { isTTY, columns: 60, write: (s: string) => { out.push(s); return true; } } as unknown as NodeJS.WriteStream };
};
const at = (done: number) => ({ done, total: 250, written: done - 1, rejected: 1, seconds: done / 10 });

test('the progress line gives count, total, rate, written and rejected', () => {
  assert.equal(progressLine(at(50)), 'ingest: 50/250 files, 10.0 files/s, 49 written, 1 rejected');
});

test('in a log, a plain line every N files and none at the end (the summary follows)', () => {
  const { out, stream } = sink(false);
  const p = createIngestProgress(stream, 100);
  for (let i = 1; i <= 250; i++) p.update(at(i));
  p.done();
  assert.deepEqual(out, [`${progressLine(at(100))}\n`, `${progressLine(at(200))}\n`]);
});

test('on a terminal, one line rewritten in place and cleared at the end', () => {
  const { out, stream } = sink(true);
  const p = createIngestProgress(stream);
  p.update(at(1));
  p.update(at(250));
  p.done();
  assert.ok(out.slice(0, 2).every((s) => s.startsWith('\r\x1b[K') && !s.includes('\n') && s.length <= 4 + 59));
  assert.equal(out[out.length - 1], '\r\x1b[K');
});

// The worker, run for real in a child process on a small folder: the protocol and the figures' shape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STAGES } from '../core/pipeline.js';
import { measureInChild } from './isolate.js';

const REPORT = 'North Korea has sent more than 3 million artillery shells to Russia, the Pentagon said on Tuesday.';

test('a worker measures trawl on the folder and reports time, stages and memory', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'trawl-bench-worker-'));
  try {
    writeFileSync(join(dir, 'one.json'), JSON.stringify({ published: '2024-10-18', text: REPORT }));
    writeFileSync(join(dir, 'two.txt'), REPORT);
    const progress: string[] = [];
    const m = await measureInChild({ dir, system: 'trawl', repeat: 2 }, (text) => progress.push(text));
    assert.equal(m.system, 'trawl');
    assert.equal(m.texts, 2);
    assert.equal(m.words, 34);
    assert.equal(m.passesMs?.length, 2);
    assert.ok((m.ms ?? 0) > 0);
    assert.deepEqual(m.stages?.map((s) => s.stage), STAGES.map((s) => s.name));
    assert.ok((m.found ?? 0) > 0, 'trawl found the actors');
    assert.ok(m.peakRssKB > 10_000, `peak RSS ${m.peakRssKB} KB`);
    assert.ok(m.firstPassRssKB !== undefined && m.firstPassRssKB <= m.peakRssKB);
    assert.ok(m.heapPeakBytes > 0 && m.heapAfterGcBytes > 0);
    assert.ok(progress.length > 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a worker failure comes back as an error, not a hang', async () => {
  await assert.rejects(measureInChild({ dir: join(tmpdir(), 'trawl-no-such-folder-xyz'), system: 'baseline', repeat: 1 }), /bench worker for baseline failed/);
});

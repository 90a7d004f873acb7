import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderReport } from './render.js';
import type { BenchReport, SystemFigures } from './run.js';
import { formatTable, grouped } from './table.js';
import { STEADY } from './measure.js';

const system = (name: SystemFigures['system'], wordsPerSecond: number, trawlRatio: number): SystemFigures => ({
  system: name,
  ms: 100,
  wordsPerSecond,
  trawlRatio,
  peakRssMB: 80,
  firstPassRssMB: 70,
  heapPeakMB: 12,
  heapAfterGcMB: 6,
  found: 10,
  passesMs: [100],
  warmUpPasses: 3,
  warmUpMs: 4200,
  steady: name !== 'wink-nlp',
  firstPassWordsPerSecond: wordsPerSecond / 2,
});

const REPORT: BenchReport = {
  corpus: { dir: '/corpus', texts: 2, words: 1000, skipped: [] },
  method: { statistic: 'median', timedPasses: 5, warmUp: STEADY },
  systems: [system('trawl', 100_000, 1), system('compromise', 20_000, 5), system('wink-nlp', 400_000, 0.25)],
  baseline: { peakRssMB: 45, heapAfterGcMB: 3 },
  stages: [
    { stage: 'segment', ms: 2, wordsPerSecond: 500_000, share: 0.2 },
    { stage: 'actors', ms: 8, wordsPerSecond: 125_000, share: 0.8 },
  ],
  linearity: {
    source: 'a.json',
    words: 500,
    rows: [
      { copies: 1, words: 500, ms: 5, usPerWord: 10, passes: 50 },
      { copies: 10, words: 5000, ms: 50, usPerWord: 10, passes: 5 },
      { copies: 100, words: 50000, ms: 500, usPerWord: 10, passes: 5 },
    ],
  },
  hostile: [
    { kind: 'quotation marks', fraction: 0.25, chars: 250_000, ms: 500, usPerChar: 2, direct: 0, attributions: 0, stages: [{ stage: 'segment', ms: 300 }, { stage: 'attributions', ms: 20 }] },
    { kind: 'quotation marks', fraction: 1, chars: 1_000_000, ms: 2100, usPerChar: 2.1, direct: 0, attributions: 0, stages: [{ stage: 'segment', ms: 1300 }, { stage: 'attributions', ms: 80 }] },
    { kind: 'long paragraph', fraction: 0.5, chars: 2_500_000, ms: 7500, usPerChar: 3, direct: 6000, attributions: 30000, stages: [{ stage: 'actors', ms: 3000 }, { stage: 'attributions', ms: 1500 }] },
  ],
};

test('formatTable aligns text left and figures right', () => {
  const out = formatTable(
    [
      { header: 'name', align: 'left' },
      { header: 'n', align: 'right' },
    ],
    [
      ['a', '1'],
      ['longer', '1,000'],
    ],
  );
  assert.equal(out, 'name        n\na           1\nlonger  1,000\n');
});

test('grouped separates thousands', () => {
  assert.equal(grouped(1234567.6), '1,234,568');
  assert.equal(grouped(12), '12');
});

test('the text report has the three tables and says how trawl compares', () => {
  const out = renderReport(REPORT);
  assert.match(out, /median of 5 timed passes/);
  assert.match(out, /^compromise\s+20,000\s+5\.00×\s+4\.2\s+10,000\s+80\.0\s+70\.0\s+12\.0$/m);
  assert.match(out, /^wink-nlp\s+400,000\s+0\.25×\s+4\.2\*\s+200,000\s/m);
  assert.match(out, /still getting faster when warm-up ended: wink-nlp$/m);
  assert.match(out, new RegExp(`at least ${STEADY.minMs / 1000} s, at most ${STEADY.maxMs / 1000} s`));
  assert.match(out, /first pass alone \(cold.*\) trawl is 5\.00× as fast as compromise/);
  assert.match(out, /5\.00× as fast as compromise/);
  assert.match(out, /4\.00× slower than wink-nlp/);
  assert.match(out, /^actors\s+8\.00\s+125,000\s+80%$/m);
  assert.match(out, /^\s+100×\s+50,000\s+500\.00\s+10\.00\s+5$/m);
  const lines = out.split('\n');
  const header = lines.findIndex((l) => l.startsWith('system '));
  const systemRows = lines.slice(header, header + 4);
  assert.equal(new Set(systemRows.map((l) => l.length)).size, 1, 'the system table is aligned');
});

test('without peers there is no comparison line', () => {
  const out = renderReport({ ...REPORT, systems: [REPORT.systems[0]] });
  assert.doesNotMatch(out, /as fast as/);
});

test('the hostile inputs: ms and µs per character for each size', () => {
  const out = renderReport(REPORT);
  assert.match(out, /^hostile inputs: /m);
  assert.match(out, /^quotation marks\s+1\/4\s+250,000\s+500\s+2\.000\s+20\s+segment 60%\s+0\s+0$/m);
  assert.match(out, /^quotation marks\s+all\s+1,000,000\s+2,100\s+2\.100\s+80\s+segment 62%\s+0\s+0$/m);
  assert.match(out, /^long paragraph\s+1\/2\s+2,500,000\s+7,500\s+3\.000\s+1,500\s+actors 40%\s+6,000\s+30,000$/m);
  assert.doesNotMatch(renderReport({ ...REPORT, hostile: [] }), /hostile inputs/);
});

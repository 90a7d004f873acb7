// The bench report as text: the systems, trawl's stages, the linearity rows, then the hostile inputs.
import type { HostileRow } from './hostile.js';
import type { BenchReport, SystemFigures } from './run.js';
import { formatTable, grouped } from './table.js';
import { MAX_SENTENCE_TOKENS } from '../core/stages/segment/index.js';

function comparison(peer: SystemFigures): string {
  const r = peer.trawlRatio;
  if (r <= 0) return `${peer.system}: no figure`;
  return r >= 1 ? `${r.toFixed(2)}× as fast as ${peer.system}` : `${(1 / r).toFixed(2)}× slower than ${peer.system} (ratio ${r.toFixed(2)})`;
}

function systemsSection(report: BenchReport): string {
  const table = formatTable(
    [
      { header: 'system', align: 'left' },
      { header: 'words/s', align: 'right' },
      { header: 'trawl ÷ system', align: 'right' },
      { header: 'warm-up s', align: 'right' },
      { header: 'first pass words/s', align: 'right' },
      { header: 'peak RSS MB', align: 'right' },
      { header: '(after 1 pass)', align: 'right' },
      { header: 'heap MB (peak)', align: 'right' },
    ],
    report.systems.map((s) => [
      s.system,
      grouped(s.wordsPerSecond),
      `${s.trawlRatio.toFixed(2)}×`,
      `${(s.warmUpMs / 1000).toFixed(1)}${s.steady ? '' : '*'}`,
      grouped(s.firstPassWordsPerSecond),
      s.peakRssMB.toFixed(1),
      s.firstPassRssMB.toFixed(1),
      s.heapPeakMB.toFixed(1),
    ]),
  );
  const b = report.baseline;
  const lines = [table + `(a worker that loads no system, only the texts: peak RSS ${b.peakRssMB.toFixed(1)} MB, heap ${b.heapAfterGcMB.toFixed(1)} MB after GC)`];
  const trawl = report.systems.find((s) => s.system === 'trawl');
  const peers = report.systems.filter((s) => s.system !== 'trawl');
  if (trawl && peers.length > 0) {
    lines.push(`trawl is ${peers.map(comparison).join(', and ')}.`);
    const cold = peers.map((p) => ({ ...p, trawlRatio: p.firstPassWordsPerSecond > 0 ? trawl.firstPassWordsPerSecond / p.firstPassWordsPerSecond : 0 }));
    lines.push(`On the first pass alone (cold: code still being compiled, as one short run sees it) trawl is ${cold.map(comparison).join(', and ')}.`);
  }
  const unsettled = report.systems.filter((s) => !s.steady).map((s) => s.system);
  if (unsettled.length > 0) lines.push(`* still getting faster when warm-up ended: ${unsettled.join(', ')}`);
  return lines.join('\n') + '\n';
}

function stagesSection(report: BenchReport): string {
  const trawl = report.systems.find((s) => s.system === 'trawl');
  const rows = report.stages.map((s) => [
    s.stage,
    s.ms.toFixed(2),
    s.wordsPerSecond === null ? '' : grouped(s.wordsPerSecond),
    `${Math.round(s.share * 100)}%`,
  ]);
  if (trawl) rows.push(['whole pipeline', trawl.ms.toFixed(2), grouped(trawl.wordsPerSecond), '100%']);
  return formatTable(
    [
      { header: 'trawl stage', align: 'left' },
      { header: 'ms', align: 'right' },
      { header: 'words/s', align: 'right' },
      { header: 'share', align: 'right' },
    ],
    rows,
  );
}

function linearitySection(report: BenchReport): string {
  const { source, words, rows } = report.linearity;
  const header = [
    `linearity: trawl on 1, 10 and 100 copies of the longest text, ${source} (${grouped(words)} words), blank lines between copies`,
    'ms is the median of the passes; µs/word staying flat down the rows means time grows linearly with the text',
  ].join('\n');
  return (
    header +
    '\n' +
    formatTable(
      [
        { header: 'copies', align: 'right' },
        { header: 'words', align: 'right' },
        { header: 'ms', align: 'right' },
        { header: 'µs/word', align: 'right' },
        { header: 'passes', align: 'right' },
      ],
      rows.map((r) => [`${r.copies}×`, grouped(r.words), r.ms.toFixed(2), r.usPerWord.toFixed(2), String(r.passes)]),
    )
  );
}

const stageMs = (r: HostileRow, stage: string): string => {
  const t = r.stages.find((s) => s.stage === stage);
  return t ? grouped(t.ms) : '-';
};

function slowest(r: HostileRow): string {
  const top = [...r.stages].sort((a, b) => b.ms - a.ms)[0];
  return top && r.ms > 0 ? `${top.stage} ${Math.round((100 * top.ms) / r.ms)}%` : '-';
}

function hostileSection(report: BenchReport): string {
  if (report.hostile.length === 0) return '';
  const header = [
    'hostile inputs: the whole pipeline, one pass each, on 1/4, 1/2 and all of: a million straight quotation marks,',
    'about 1 MB of words with unbalanced curly quotes (every fifth paragraph a balanced, tagged quote), one 5 MB paragraph of',
    'ordinary sentences with no line break, a 1 MB list of goods with no full stop (cut into sentences of at most',
    `${MAX_SENTENCE_TOKENS} tokens), and 1 MB of quoted analysts who share a first name, every family name and institute new;`,
    'µs/char staying flat within an input means time grows linearly with its length',
    '(the attributions stage alone, and the slowest stage with its share of the pass, are shown too)',
  ].join('\n');
  const fraction = (f: number) => (f === 1 ? 'all' : f === 0.5 ? '1/2' : f === 0.25 ? '1/4' : String(f));
  return (
    header +
    '\n' +
    formatTable(
      [
        { header: 'input', align: 'left' },
        { header: 'part', align: 'right' },
        { header: 'chars', align: 'right' },
        { header: 'ms', align: 'right' },
        { header: 'µs/char', align: 'right' },
        { header: 'attributions ms', align: 'right' },
        { header: 'slowest stage', align: 'left' },
        { header: 'direct quotes', align: 'right' },
        { header: 'attributions', align: 'right' },
      ],
      report.hostile.map((r) => [r.kind, fraction(r.fraction), grouped(r.chars), grouped(r.ms), r.usPerChar.toFixed(3), stageMs(r, 'attributions'), slowest(r), grouped(r.direct), grouped(r.attributions)]),
    )
  );
}

export function renderReport(report: BenchReport): string {
  const { corpus, method } = report;
  const skipped = corpus.skipped.length ? `; ${corpus.skipped.length} other file${corpus.skipped.length === 1 ? '' : 's'} skipped` : '';
  const head = [
    `trawl bench: ${corpus.texts} text${corpus.texts === 1 ? '' : 's'}, ${grouped(corpus.words)} words from ${corpus.dir}${skipped}`,
    `times: median of ${method.timedPasses} timed pass${method.timedPasses === 1 ? '' : 'es'} after warm-up passes that ran until the system's pass time stopped improving`,
    `(${method.warmUp.patience} windows of ${method.warmUp.windowMs / 1000} s in a row not ${Math.round(method.warmUp.gain * 100)}% faster than the best; at least ${method.warmUp.minMs / 1000} s, at most ${method.warmUp.maxMs / 1000} s); each system measured alone in its own process`,
  ].join('\n');
  return [head, systemsSection(report), stagesSection(report), linearitySection(report), hostileSection(report)].filter(Boolean).join('\n\n').replace(/\n{3,}/g, '\n\n');
}

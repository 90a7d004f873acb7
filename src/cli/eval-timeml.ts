// `trawl eval-timeml DIR`: TempEval-3 time-expression scores for trawl's times stage and for
// chrono-node alone, side by side for each sub-corpus folder of DIR (TimeBank, AQUAINT, ...).
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, sep, basename } from 'node:path';
import { runPipeline } from '../core/pipeline.js';
import type { AnnotatedDoc } from '../core/doc.js';
import { loadLexicons } from '../node/lexicons.js';
import { addCounts, countTimexes, emptyCounts, parseTimeml, tempevalScores, type Timex, type TimexCounts } from '../eval/timeml.js';
import { chronoReference, chronoToTimex, type ChronoLike } from '../eval/chrono-timex.js';
import { UsageError } from './errors.js';

export interface EvalTimemlOptions {
  json?: boolean;
  verbose?: boolean;
  chrono?: boolean;
  lexicons?: string;
  hideDct?: boolean;
}

function tmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...tmlFiles(path));
    else if (name.endsWith('.tml')) out.push(path);
  }
  return out;
}

/** trawl's times as TIMEX3: TimeML keeps prepositions out of the tag (as SIGNALs), so the span starts after them. */
export function trawlTimexes(doc: AnnotatedDoc): Timex[] {
  return (doc.layers.times?.times ?? []).map((t) => {
    let start = t.signal ? t.signal.end : t.start;
    while (start < t.end && /\s/.test(doc.text[start])) start++;
    return { start, end: t.end, type: t.type, value: t.value };
  });
}

type System = 'trawl' | 'chrono';

export async function evalTimemlCommand(dir: string, opts: EvalTimemlOptions): Promise<void> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dir} is not a folder`);
  const files = tmlFiles(dir);
  if (!files.length) throw new UsageError(`no .tml files under ${dir}`);
  let chrono: { parse(text: string, ref: Date): ChronoLike[] } | null = null;
  if (opts.chrono !== false) {
    try {
      chrono = (await import('chrono-node')) as unknown as { parse(text: string, ref: Date): ChronoLike[] };
    } catch {
      throw new UsageError('chrono-node is not installed (it is a development dependency): run npm install, or pass --no-chrono');
    }
  }
  const lexicons = loadLexicons(opts.lexicons);
  const groups = new Map<string, { docs: number; counts: Record<System, TimexCounts> }>();
  const log: string[] = [];
  const dating: DatingOutcome[] = [];
  for (const file of files) {
    const rel = relative(dir, file);
    const group = rel.includes(sep) ? rel.split(sep)[0] : basename(dir);
    const doc = parseTimeml(readFileSync(file, 'utf8'));
    const g = groups.get(group) ?? { docs: 0, counts: { trawl: emptyCounts(), chrono: emptyCounts() } };
    g.docs++;
    const annotated = runPipeline(doc.text, opts.hideDct ? null : doc.dct, { lexicons }).doc;
    if (opts.hideDct) dating.push(estimateError(annotated, doc.dct));
    const trawl = countTimexes(doc.gold, trawlTimexes(annotated));
    g.counts.trawl = addCounts(g.counts.trawl, trawl);
    if (chrono) {
      const pred = chrono.parse(doc.text, doc.dct ? chronoReference(doc.dct) : new Date(0)).map(chronoToTimex);
      g.counts.chrono = addCounts(g.counts.chrono, countTimexes(doc.gold, pred));
    }
    groups.set(group, g);
    if (opts.verbose) {
      const at = (t: Timex) => JSON.stringify(doc.text.slice(t.start, t.end));
      for (const m of trawl.matches) if (m.gold.value !== m.pred.value) log.push(`${rel}\twrong value\t${at(m.gold)} gold ${m.gold.value} ${m.gold.type}\tpred ${at(m.pred)} ${m.pred.value} ${m.pred.type}`);
      for (const t of trawl.missed) log.push(`${rel}\tmissed\t${at(t)} ${t.value} ${t.type}`);
      for (const t of trawl.extra) log.push(`${rel}\textra\t${at(t)} ${t.value} ${t.type}`);
    }
  }
  const systems: System[] = chrono ? ['trawl', 'chrono'] : ['trawl'];
  const rows = [...groups].flatMap(([group, g]) => systems.map((system) => ({ corpus: group, system, docs: g.docs, counts: g.counts[system], ...tempevalScores(g.counts[system]) })));
  const datingSummary = opts.hideDct ? summarizeDating(dating) : null;
  if (opts.json) {
    process.stdout.write(JSON.stringify(datingSummary ? { rows, dating: datingSummary } : rows, null, 2) + '\n');
    return;
  }
  const pc = (x: number): string => (100 * x).toFixed(1).padStart(5);
  const head = `${'corpus'.padEnd(12)} ${'system'.padEnd(7)} ${'docs'.padStart(4)} ${'gold'.padStart(5)} ${'pred'.padStart(5)}   strict P     R    F1   relaxed P     R    F1   value F1  (acc)   type acc`;
  const lines = [head, '-'.repeat(head.length)];
  for (const r of rows) {
    lines.push(
      `${r.corpus.padEnd(12)} ${r.system.padEnd(7)} ${String(r.docs).padStart(4)} ${String(r.counts.gold).padStart(5)} ${String(r.counts.pred).padStart(5)}   ${pc(r.strict.p)} ${pc(r.strict.r)} ${pc(r.strict.f1)}     ${pc(r.relaxed.p)} ${pc(r.relaxed.r)} ${pc(r.relaxed.f1)}      ${pc(r.valueF1)} (${pc(r.valueAccuracy)})     ${pc(r.typeAccuracy)}`,
    );
  }
  if (datingSummary) lines.push('', `creation date withheld: ${datingSummary.estimated} of ${datingSummary.docs} files estimated; the date inside the interval for ${datingSummary.inside}; estimate within 30 days for ${datingSummary.within30}, within a year for ${datingSummary.within365}; median error ${datingSummary.medianDays ?? 'n/a'} days`);
  process.stdout.write(lines.join('\n') + '\n');
  if (opts.verbose) process.stdout.write(log.join('\n') + '\n');
}

interface DatingOutcome {
  estimated: boolean;
  inside: boolean;
  errorDays: number | null;
}

/** How an estimated creation date compares with the withheld one. */
function estimateError(doc: AnnotatedDoc, dct: string | null): DatingOutcome {
  const e = doc.layers.dating?.estimate;
  if (!e || !dct) return { estimated: false, inside: false, errorDays: null };
  const inside = (!e.earliest || e.earliest <= dct) && (!e.latest || dct <= e.latest);
  const errorDays = e.value ? Math.round(Math.abs(Date.parse(e.value) - Date.parse(dct)) / 86400000) : null;
  return { estimated: true, inside, errorDays };
}

function summarizeDating(list: DatingOutcome[]) {
  const errors = list.map((d) => d.errorDays).filter((x): x is number => x !== null).sort((a, b) => a - b);
  return {
    docs: list.length,
    estimated: list.filter((d) => d.estimated).length,
    inside: list.filter((d) => d.inside).length,
    within30: errors.filter((x) => x <= 30).length,
    within365: errors.filter((x) => x <= 365).length,
    medianDays: errors.length ? errors[Math.floor(errors.length / 2)] : null,
  };
}

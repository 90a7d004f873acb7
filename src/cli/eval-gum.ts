// `trawl eval DIR` on GUM's news entity files (see ../shared/data/news-entities/README.md):
// named person/place/organization detection, exact spans, for trawl and two peer libraries run
// over the same texts in the same process. The scoring rules and the type mapping are in
// src/eval/gum-ner.ts.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline } from '../core/pipeline.js';
import { loadLexicons } from '../node/lexicons.js';
import {
  goldCounts,
  goldMentions,
  listErrors,
  normalizeSpan,
  scoreDoc,
  sumScores,
  trawlMentions,
  type DocScore,
  type GumDoc,
  type GumType,
  type NerError,
  type NerMention,
  type Prf,
  type SystemScore,
} from '../eval/gum-ner.js';
import { UsageError } from './errors.js';

export interface EvalGumOptions {
  verbose?: boolean;
  json?: boolean;
  lexicons?: string;
}

/** The bar from the issue: untyped exact F1 and person exact F1, in percent. */
export const BAR = { untypedF1: 70, personF1: 75 };

/** The peers' figures quoted in the issue (measured over GUM's news), for comparison. */
export const QUOTED = { compromise: { untypedF1: 52.5, personF1: 43.0 }, 'wink-nlp': { untypedF1: 52.6 } };

export function readGumDocs(dir: string): GumDoc[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`eval: ${dir} is not a folder`);
  const docs: GumDoc[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    let d: Partial<GumDoc>;
    try {
      d = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Partial<GumDoc>;
    } catch (e) {
      throw new UsageError(`eval: ${join(dir, f)}: not JSON (${(e as Error).message})`);
    }
    if (typeof d.text !== 'string' || !Array.isArray(d.entities)) continue;
    docs.push({ id: d.id ?? f.replace(/\.json$/, ''), text: d.text, date_created: d.date_created, entities: d.entities });
  }
  if (!docs.length) throw new UsageError(`eval: no GUM entity files (*.json with "text" and "entities") in ${dir}`);
  return docs;
}

// --- peers, loaded only when this command runs ---

interface CompromiseTerm {
  offset: { start: number; length: number };
}
interface CompromiseMatch {
  terms: CompromiseTerm[];
}
interface CompromiseView {
  json(opts: object): CompromiseMatch[];
}
interface CompromiseDoc {
  people(): CompromiseView;
  places(): CompromiseView;
  organizations(): CompromiseView;
}

/** compromise: `.people()`, `.places()`, `.organizations()`; a match spans its first term's start
 * to its last term's end (term offsets leave out the punctuation around a word). */
async function compromiseSystem(): Promise<(text: string) => NerMention[]> {
  const nlp = (await import('compromise')).default as unknown as (text: string) => CompromiseDoc;
  return (text) => {
    const doc = nlp(text);
    const out: NerMention[] = [];
    const views: [GumType, CompromiseView][] = [['person', doc.people()], ['place', doc.places()], ['organization', doc.organizations()]];
    for (const [type, view] of views) {
      for (const m of view.json({ offset: true, terms: { offset: true } })) {
        if (!m.terms.length) continue;
        const first = m.terms[0].offset;
        const last = m.terms[m.terms.length - 1].offset;
        out.push({ ...normalizeSpan(text, first.start, last.start + last.length), type, source: 'compromise' });
      }
    }
    return out;
  };
}

interface WinkItems {
  out(f?: unknown): string[];
}
interface WinkNlp {
  readDoc(text: string): { tokens(): WinkItems };
  its: { pos: unknown; precedingSpaces: unknown };
}

/** wink-nlp with wink-eng-lite-web-model: maximal runs of PROPN-tagged tokens, untyped. Token
 * offsets come from the tokens' preceding spaces and texts, which rebuild the input exactly. */
async function winkSystem(): Promise<(text: string) => NerMention[]> {
  const winkNLP = (await import('wink-nlp')).default as unknown as (model: unknown) => WinkNlp;
  const model = (await import('wink-eng-lite-web-model')).default as unknown;
  const nlp = winkNLP(model);
  return (text) => {
    const tokens = nlp.readDoc(text).tokens();
    const words = tokens.out();
    const pos = tokens.out(nlp.its.pos);
    const spaces = tokens.out(nlp.its.precedingSpaces);
    const out: NerMention[] = [];
    let offset = 0;
    let run: NerMention | null = null;
    for (let i = 0; i < words.length; i++) {
      offset += spaces[i].length;
      const start = offset;
      offset += words[i].length;
      if (text.slice(start, offset) !== words[i]) throw new Error(`wink-nlp: token ${i} ("${words[i]}") does not sit at offset ${start}`);
      if (pos[i] !== 'PROPN') {
        run = null;
        continue;
      }
      if (run && spaces[i].length <= 1) run.end = offset;
      else {
        run = { start, end: offset, type: null, source: 'wink-nlp' };
        out.push(run);
      }
    }
    return out.map((m) => ({ ...m, ...normalizeSpan(text, m.start, m.end) }));
  };
}

// --- the run ---

export interface GumEvalResult {
  documents: number;
  gold: ReturnType<typeof goldCounts>;
  systems: Record<string, SystemScore>;
  bar: { untypedF1: number; personF1: number; trawlMeets: boolean };
  quoted: typeof QUOTED;
  /** Peers that could not be loaded, with why. */
  skipped: Record<string, string>;
  trawlErrors: NerError[];
}

export async function runGumEval(docs: GumDoc[], lexiconDir?: string): Promise<GumEvalResult> {
  const lexicons = loadLexicons(lexiconDir);
  const adjectivalDemonyms = new Set(lexicons.countries.flatMap((c) => c.demonyms));
  const systems: [string, (d: GumDoc) => NerMention[]][] = [
    ['trawl', (d) => {
      const { doc } = runPipeline(d.text, d.date_created ?? null, { lexicons });
      const layer = doc.layers.actors ?? { actors: [], places: [] };
      return trawlMentions(d.text, layer, { adjectivalDemonyms });
    }],
  ];
  // The peers are devDependencies: without them (a production install) trawl is scored alone.
  const skipped: Record<string, string> = {};
  const peers: [string, () => Promise<(text: string) => NerMention[]>][] = [['compromise', compromiseSystem], ['wink-nlp', winkSystem]];
  for (const [name, load] of peers) {
    try {
      const run = await load();
      systems.push([name, (d) => run(d.text)]);
    } catch (e) {
      skipped[name] = `not loaded (${(e as Error).message.split('\n')[0]})`;
    }
  }

  const gold = docs.map(goldMentions);
  const scores: Record<string, SystemScore> = {};
  const trawlErrors: NerError[] = [];
  for (const [name, system] of systems) {
    const perDoc: DocScore[] = docs.map((d, i) => {
      const predicted = system(d);
      if (name === 'trawl') trawlErrors.push(...listErrors(d.id, d.text, gold[i], predicted));
      return scoreDoc(gold[i], predicted);
    });
    scores[name] = sumScores(perDoc);
  }
  const t = scores.trawl;
  return {
    documents: docs.length,
    gold: goldCounts(gold),
    systems: scores,
    bar: { ...BAR, trawlMeets: 100 * t.untyped.f1 >= BAR.untypedF1 && 100 * (t.typed?.person.f1 ?? 0) >= BAR.personF1 },
    quoted: QUOTED,
    skipped,
    trawlErrors,
  };
}

const pct = (x: number) => (100 * x).toFixed(1);
const cell = (p: Prf | undefined, full: boolean) => (p ? (full ? `${pct(p.precision).padStart(5)} ${pct(p.recall).padStart(5)} ${pct(p.f1).padStart(5)}` : pct(p.f1).padStart(5)) : full ? '    -     -     -' : '    -');

export function renderTable(r: GumEvalResult): string {
  const lines: string[] = [];
  lines.push(`GUM news, named person/place/organization mentions, exact spans (GUM minspan, possessive cut): ${r.documents} documents`);
  lines.push(`gold: ${r.gold.untyped} spans untyped (person ${r.gold.person}, place ${r.gold.place}, organization ${r.gold.organization})`);
  lines.push('');
  lines.push(`${''.padEnd(12)} | ${'untyped'.padEnd(17)} | ${'person'.padEnd(17)} | ${'place'.padStart(8)} | ${'org'.padStart(6)}`);
  lines.push(`${'system'.padEnd(12)} | ${'    P     R    F1'} | ${'    P     R    F1'} | ${'F1'.padStart(8)} | ${'F1'.padStart(6)}`);
  lines.push(`${'-'.repeat(12)}-+-${'-'.repeat(17)}-+-${'-'.repeat(17)}-+-${'-'.repeat(8)}-+-${'-'.repeat(6)}`);
  for (const [name, s] of Object.entries(r.systems)) {
    lines.push(`${name.padEnd(12)} | ${cell(s.untyped, true)} | ${cell(s.typed?.person, true)} | ${cell(s.typed?.place, false).padStart(8)} | ${cell(s.typed?.organization, false).padStart(6)}`);
  }
  lines.push('');
  lines.push(`bar: untyped F1 >= ${r.bar.untypedF1}, person F1 >= ${r.bar.personF1}: trawl ${r.bar.trawlMeets ? 'meets it' : 'does not meet it yet'}`);
  lines.push(`quoted in the issue (all GUM news): compromise untyped ${QUOTED.compromise.untypedF1.toFixed(1)}, person ${QUOTED.compromise.personF1.toFixed(1)}; wink-nlp untyped ${QUOTED['wink-nlp'].untypedF1.toFixed(1)}`);
  lines.push('wink-nlp is scored untyped only (proper-noun runs); typed columns are "-".');
  for (const [name, why] of Object.entries(r.skipped)) lines.push(`${name}: ${why}`);
  return lines.join('\n') + '\n';
}

export function renderErrors(errors: readonly NerError[]): string {
  const lines: string[] = [];
  const groups: [NerError['kind'], string][] = [['miss', 'trawl misses (gold span not found)'], ['false-alarm', 'trawl false alarms (span not in gold)'], ['type', 'trawl type errors (span right, type wrong)']];
  for (const [kind, title] of groups) {
    const list = errors.filter((e) => e.kind === kind);
    lines.push('', `${title}: ${list.length}`);
    for (const e of list) {
      const extra = kind === 'miss' ? (e.other ? `  (trawl has ${e.other})` : '') : kind === 'type' ? `  (trawl: ${e.other}${e.source ? `, from ${e.source}` : ''})` : e.source ? `  (from ${e.source})` : '';
      lines.push(`  ${e.doc.padEnd(22)} ${String(e.start).padStart(5)}  ${(e.type ?? '-').padEnd(12)} ${JSON.stringify(e.text)}${extra}`);
    }
  }
  return lines.join('\n') + '\n';
}

export async function evalGumCommand(dir: string, opts: EvalGumOptions): Promise<void> {
  const docs = readGumDocs(dir);
  const result = await runGumEval(docs, opts.lexicons);
  if (opts.json) {
    const figures: Partial<GumEvalResult> = { ...result };
    if (!opts.verbose) delete figures.trawlErrors;
    process.stdout.write(JSON.stringify(figures, null, 2) + '\n');
    return;
  }
  process.stdout.write(renderTable(result));
  if (opts.verbose) process.stdout.write(renderErrors(result.trawlErrors));
}

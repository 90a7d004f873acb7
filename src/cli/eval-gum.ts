// `trawl eval DIR` on GUM's news entity files (see ../shared/data/news-entities/README.md):
// named person/place/organization detection, exact spans, for trawl and two peer libraries run
// over the same texts in the same process. The scoring rules and the type mapping are in
// src/eval/gum-ner.ts. Then the speakers of GUM's attribution relations (src/eval/gum-speakers.ts).
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
import { scoreSpeakers, speechWords, sumSpeakers, type DocSpeakers, type GumSpeakerDoc, type SpeakerFigures, type SpeakerItem } from '../eval/gum-speakers.js';
import type { AnnotatedDoc } from '../core/doc.js';
import { UsageError } from './errors.js';

export interface EvalGumOptions {
  verbose?: boolean;
  json?: boolean;
  lexicons?: string;
}

/** The bar from the issue: untyped exact F1 and person exact F1, in percent. */
export const BAR = { untypedF1: 70, personF1: 75 };

/** Issue 4's bar: speaker accuracy over the kept GUM attributions trawl found, in percent. */
export const SPEAKER_BAR = 85;

/** The peers' figures quoted in the issue (measured over GUM's news), for comparison. */
export const QUOTED = { compromise: { untypedF1: 52.5, personF1: 43.0 }, 'wink-nlp': { untypedF1: 52.6 } };

export function readGumDocs(dir: string): GumSpeakerDoc[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`eval: ${dir} is not a folder`);
  const docs: GumSpeakerDoc[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    let d: Partial<GumSpeakerDoc>;
    try {
      d = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Partial<GumSpeakerDoc>;
    } catch (e) {
      throw new UsageError(`eval: ${join(dir, f)}: not JSON (${(e as Error).message})`);
    }
    if (typeof d.text !== 'string' || !Array.isArray(d.entities)) continue;
    docs.push({ id: d.id ?? f.replace(/\.json$/, ''), text: d.text, date_created: d.date_created, entities: d.entities, ...(Array.isArray(d.attributions) ? { attributions: d.attributions } : {}) });
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
  speakers: SpeakerFigures & {
    bar: number;
    trawlMeets: boolean;
    /** The cue filter, in words, and the speech words it used. */
    filter: { rule: string; speechWords: string[] };
  };
  speakerErrors: SpeakerItem[];
}

const CUE_RULE = 'cue_words hold "according to", or a word of lexicons/attribution.json speech+denial that is not in its cognition list nor "think" (lowercased)';

export async function runGumEval(docs: GumSpeakerDoc[], lexiconDir?: string): Promise<GumEvalResult> {
  const lexicons = loadLexicons(lexiconDir);
  const adjectivalDemonyms = new Set(lexicons.countries.flatMap((c) => c.demonyms));
  // trawl's run of each document, kept for the speaker scoring after the NER table.
  const trawlDocs = new Map<GumDoc, AnnotatedDoc>();
  const systems: [string, (d: GumDoc) => NerMention[]][] = [
    ['trawl', (d) => {
      const { doc } = runPipeline(d.text, d.date_created ?? null, { lexicons });
      trawlDocs.set(d, doc);
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
  const speech = speechWords(lexicons.attribution);
  const perDocSpeakers: DocSpeakers[] = docs.map((d) => {
    const doc = trawlDocs.get(d) ?? runPipeline(d.text, d.date_created ?? null, { lexicons }).doc;
    return scoreSpeakers(d, doc.layers.attributions?.attributions ?? [], doc.layers.actors ?? { actors: [], places: [] }, speech);
  });
  const speakerFigures = sumSpeakers(perDocSpeakers);
  return {
    documents: docs.length,
    gold: goldCounts(gold),
    systems: scores,
    bar: { ...BAR, trawlMeets: 100 * t.untyped.f1 >= BAR.untypedF1 && 100 * (t.typed?.person.f1 ?? 0) >= BAR.personF1 },
    quoted: QUOTED,
    skipped,
    trawlErrors,
    speakers: {
      ...speakerFigures,
      bar: SPEAKER_BAR,
      trawlMeets: speakerFigures.found > 0 && 100 * speakerFigures.accuracyFound >= SPEAKER_BAR,
      filter: { rule: CUE_RULE, speechWords: [...speech].sort() },
    },
    speakerErrors: perDocSpeakers.flatMap((d) => d.items).filter((i) => i.status !== 'right'),
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
  lines.push('trawl mapped to GUM (src/eval/gum-ner.ts): countries and capitals are places, nationality nouns and groups persons; a person span');
  lines.push('  keeps the title or bare role noun before it and an "of"/"from" phrase naming a body after it, as GUM marks them.');
  for (const [name, why] of Object.entries(r.skipped)) lines.push(`${name}: ${why}`);
  return lines.join('\n') + '\n';
}

export function renderSpeakers(s: GumEvalResult['speakers']): string {
  const lines: string[] = ['', 'attribution speakers (GUM attribution relations with a speech cue; see src/eval/gum-speakers.ts)'];
  lines.push(`kept: ${s.kept} gold attributions: ${s.filter.rule}`);
  lines.push(`  by cue: ${Object.entries(s.keptBy).map(([w, n]) => `${w} ${n}`).join(', ') || 'none'}`);
  lines.push(`found: ${s.found} of ${s.kept} (a trawl attribution whose content overlaps the gold content by >= half the shorter span)`);
  lines.push(`speaker accuracy over found: ${pct(s.accuracyFound)} (${s.right}/${s.found})   over all kept (missed = wrong): ${pct(s.accuracyAll)} (${s.right}/${s.kept})`);
  lines.push(`  right by: speaker span ${s.rightBy['speaker span']}, other mention of the source actor ${s.rightBy['source mention']}, unnamed source span ${s.rightBy['unnamed span']}`);
  lines.push(`  with plain overlap instead of best-matching mention: over found ${pct(s.lenient.accuracyFound)}, over all ${pct(s.lenient.accuracyAll)}`);
  lines.push(`bar: speaker accuracy over found >= ${s.bar}: trawl ${s.trawlMeets ? 'meets it' : 'does not meet it yet'}`);
  return lines.join('\n') + '\n';
}

export function renderSpeakerErrors(items: readonly SpeakerItem[]): string {
  const lines: string[] = [];
  const clip = (t: string, n = 90) => (t.length > n ? `${t.slice(0, n - 1)}…` : t);
  for (const [status, title] of [['wrong', 'wrong speakers'], ['missed', 'missed attributions (no trawl content overlaps)']] as const) {
    const list = items.filter((i) => i.status === status);
    lines.push('', `${title}: ${list.length}`);
    for (const i of list) {
      const gold = `${JSON.stringify(i.goldSpeaker)}${i.goldName ? ` (= ${i.goldName})` : ''}`;
      lines.push(`  ${i.doc} ${i.aid} [${i.keptBy}] gold ${gold}: ${JSON.stringify(clip(i.content))}`);
      if (i.trawl) lines.push(`      trawl ${JSON.stringify(i.trawl.speaker)} -> ${i.trawl.sourceName ?? i.trawl.source ?? 'unnamed'} (${i.trawl.rule}): ${JSON.stringify(clip(i.trawl.content))}`);
    }
  }
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
    if (!opts.verbose) {
      delete figures.trawlErrors;
      delete figures.speakerErrors;
    }
    process.stdout.write(JSON.stringify(figures, null, 2) + '\n');
    return;
  }
  process.stdout.write(renderTable(result));
  process.stdout.write(renderSpeakers(result.speakers));
  if (opts.verbose) process.stdout.write(renderErrors(result.trawlErrors) + renderSpeakerErrors(result.speakerErrors));
}

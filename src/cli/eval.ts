// `trawl eval DIR`: runs extraction in-process on every annotated report in DIR and prints the
// reference scorer's table (../shared/tools/score.mjs), so both give the same figures. A folder
// of GUM news-entity files goes to eval-gum instead.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline } from '../core/pipeline.js';
import { toExtraction } from '../core/output/extraction.js';
import { loadLexicons } from '../node/lexicons.js';
import { decodeReport, reportFromText } from '../node/input.js';
import { formatTable, scoreCorpus, type Annotation, type GoldReport } from '../eval/corpus-score.js';
import { parsePublished } from './extract.js';
import { UsageError } from './errors.js';

export interface EvalOptions {
  verbose?: boolean;
  json?: boolean;
  lexicons?: string;
}

interface CorpusFile {
  path: string;
  name: string;
  data: Record<string, unknown>;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The folder's *.json files, sorted and parsed; anything unreadable is a usage error. */
function readJsonFolder(dir: string): CorpusFile[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new UsageError(`${dir}: not a folder`);
    names = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${dir}: no such folder` : `${dir}: cannot read (${code ?? (e as Error).message})`);
  }
  if (!names.length) throw new UsageError(`${dir}: no *.json files`);
  return names.map((name) => {
    const path = join(dir, name);
    let raw: string;
    try {
      raw = readFileSync(path, 'utf8');
    } catch (e) {
      throw new UsageError(`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch (e) {
      throw new UsageError(`${path}: not valid JSON (${(e as Error).message})`);
    }
    if (!isObject(data)) throw new UsageError(`${path}: not a JSON object`);
    return { path, name, data };
  });
}

type FolderKind = 'reports' | 'gum';

function kindOf(file: CorpusFile): FolderKind {
  if (isObject(file.data.gold)) {
    if (typeof file.data.text !== 'string') throw new UsageError(`${file.path}: annotated report without a "text" string`);
    return 'reports';
  }
  if (Array.isArray(file.data.entities)) return 'gum';
  throw new UsageError(`${file.path}: neither an annotated report (no "gold" object) nor a GUM news-entity file (no "entities" array)`);
}

/** What `trawl extract --published P --format json -` prints for the text, as parsed JSON. */
async function extract(report: GoldReport, lexicons: ReturnType<typeof loadLexicons>): Promise<Annotation> {
  // Same date and input rules as the CLI reading the text on stdin, so a report the CLI
  // refuses fails here too and both see the same text.
  const published = parsePublished(report.published ?? 'unknown') ?? null;
  const source = report.id ?? 'report';
  const input = await reportFromText(decodeReport(Buffer.from(report.text ?? '', 'utf8'), source), source);
  const { doc } = runPipeline(input.text, published, { lexicons });
  // Through JSON and back, so the scorer sees exactly what the printed output holds.
  return JSON.parse(JSON.stringify(toExtraction(doc))) as Annotation;
}

function progress(line: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${line}`);
}

export async function evalCommand(
  dir: string,
  opts: EvalOptions,
  write: (s: string) => void = (s) => void process.stdout.write(s),
): Promise<void> {
  const files = readJsonFolder(dir);
  const kinds = files.map(kindOf);
  const odd = kinds.findIndex((k) => k !== kinds[0]);
  if (odd >= 0) throw new UsageError(`${files[odd].path}: a ${kinds[odd] === 'gum' ? 'GUM news-entity file' : 'annotated report'} among ${kinds[0] === 'gum' ? 'GUM files' : 'annotated reports'}; keep one kind per folder`);
  if (kinds[0] === 'gum') {
    return (await import('./eval-gum.js')).evalGumCommand(dir, opts);
  }

  if (opts.lexicons && !existsSync(opts.lexicons)) throw new UsageError(`--lexicons ${opts.lexicons}: no such folder`);
  const lexicons = loadLexicons(opts.lexicons);
  const items: { gold: GoldReport; pred: Annotation }[] = [];
  const failures: string[] = [];
  for (const [i, file] of files.entries()) {
    progress(`eval ${i + 1}/${files.length} ${file.name}`);
    const gold = file.data as unknown as GoldReport;
    let pred: Annotation;
    try {
      pred = await extract(gold, lexicons);
    } catch (e) {
      // As score.mjs does for a failed run: note it, score the report against nothing.
      failures.push(`${file.name}: ${String((e as Error).message).split('\n')[0].slice(0, 200)}`);
      pred = {};
    }
    items.push({ gold, pred });
  }
  progress('');

  const { result, misses } = scoreCorpus(items, failures);
  write(opts.json ? JSON.stringify(result, null, 2) + '\n' : formatTable(result, misses, opts.verbose));
}

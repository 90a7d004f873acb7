#!/usr/bin/env node
// trawl's command line. Each command lives in its own module and is loaded only when run, so
// `trawl --help` opens no lexicon and no benchmark peer.
import { Command, CommanderError, Option } from 'commander';
import { InputError } from '../node/input.js';
import { UsageError } from './errors.js';
import { StoreError } from '../store/store.js';
import { SearchQueryError } from '../store/search-query.js';
import { STEADY } from '../bench/measure.js';

const program = new Command();
program
  .name('trawl')
  .description('Read reports about covert flows between states and turn them into a sourced ledger:\nwho sends what to whom, how much, when, who says so - every item traced to its span.\nStart with: trawl extract examples/report.txt --published 2024-10-18 --format text\nThen, over many reports: trawl ingest reports/ ; trawl ledger ; trawl brief ; trawl serve')
  .version('0.1.0')
  .showHelpAfterError('(run trawl --help for usage)')
  // Usage errors (a missing argument, an unknown option) exit with 2 like every other refusal;
  // commander has printed the message already. Set before the commands so they inherit it.
  .exitOverride();

program
  .command('extract')
  .description('extract actors, times, quantities, attributions, transfers, events and inconsistencies from one report')
  .argument('[file]', 'report: plain text, Markdown (.md) or HTML (.html); "-" or nothing reads standard input', '-')
  .option('-p, --published <date>', 'publication date YYYY-MM-DD, or "unknown" to estimate it from the text (default: from HTML metadata, else estimated)')
  .addOption(new Option('-f, --format <format>', 'json (FORMAT.md shape, spans on every item) or text (readable, with evidence)').choices(['json', 'text']).default('json'))
  .option('--trace', 'also show which stage and rule produced each item')
  .option('--timings', 'include per-stage time in the output')
  .option('--lexicons <dir>', 'a folder of extra lexicon files (same names as lexicons/*.json) to extend the bundled ones', process.env.TRAWL_LEXICONS)
  .addHelpText('after', `
Examples:
  trawl extract examples/report.txt --published 2024-10-18 --format text
  curl -s https://example.org/story.html | trawl extract - --published unknown
  trawl extract report.md --format json --trace > report.json`)
  .action(async (file: string, opts) => (await import('./extract.js')).extractCommand(file, opts));

program
  .command('eval')
  .description('score extraction against an annotated folder (corpus/FORMAT.md reports, or GUM news entity files)')
  .argument('<dir>', 'folder of annotated *.json files')
  .option('-v, --verbose', 'list every miss and false alarm')
  .option('--json', 'print the figures as JSON')
  .option('--lexicons <dir>', 'extra lexicon folder', process.env.TRAWL_LEXICONS)
  .action(async (dir: string, opts) => (await import('./eval.js')).evalCommand(dir, opts));

program
  .command('bench')
  .description('measure words per second and peak memory: the pipeline, each stage, and peer NLP libraries on the same texts')
  .argument('[dir]', 'folder of reports (*.json in FORMAT.md shape, or .txt/.md); default ../shared/corpus when present')
  .option('--repeat <n>', 'timed passes over the texts for each system (the median is reported)', '10')
  .option('--no-peers', 'skip the compromise and wink-nlp peers')
  .option('--json', 'print the figures as JSON')
  .option('--ingest', 'measure ingest instead: reports per second and peak memory into a fresh store, on a folder made by repeating the reports with changed numbers and dates')
  .option('--reports <n>', 'with --ingest: how many reports the folder holds', '2000')
  .option('-j, --jobs <n>', 'with --ingest: worker threads (default: one per core)')
  .option('--postgres <url>', 'with --ingest: also measure PostgreSQL at this postgres:// server (in a schema of its own, dropped afterwards), or "auto" to start a throwaway server from the local PostgreSQL binaries')
  .addHelpText('after', `
How it times: each system runs alone in a fresh process; it first runs warm-up passes over the
texts until its own pass time stops improving (${STEADY.patience} windows of ${STEADY.windowMs / 1000} s in a row not ${STEADY.gain * 100}% faster than
the best so far; at least ${STEADY.minMs / 1000} s, at most ${STEADY.maxMs / 1000} s), so that every system is timed with its code fully
compiled; then --repeat timed passes back to back (no garbage collection forced between them),
of which the median is reported. The first pass (cold code) is printed too: that is what a
single short 'trawl extract' run sees.

Examples:
  trawl bench --no-peers
  trawl bench --ingest --reports 2000
  trawl bench --ingest --reports 2000 --postgres auto`)
  .action(async (dir: string | undefined, opts) => (opts.ingest
    ? (await import('./bench-ingest.js')).benchIngestCommand(dir, opts)
    : (await import('./bench.js')).benchCommand(dir, opts)));

program
  .command('times')
  .description('list the time expressions of one report with their TIMEX3 values, one JSON object per line')
  .argument('[file]', 'report: plain text, Markdown (.md) or HTML (.html); "-" or nothing reads standard input', '-')
  .option('-p, --published <date>', 'publication date YYYY-MM-DD the relative times count from, or "unknown" (default: from HTML metadata, else unknown)')
  .option('--lexicons <dir>', 'extra lexicon folder', process.env.TRAWL_LEXICONS)
  .addHelpText('after', `
Example:
  echo "Two months later, on Friday, the ship left." | trawl times - --published 2024-06-03`)
  .action(async (file: string, opts) => (await import('./times.js')).timesCommand(file, opts));

program
  .command('eval-timeml')
  .description('TempEval-3 time-expression scores (strict/relaxed P/R/F1, value F1, type accuracy) on TimeML .tml files, trawl beside chrono-node alone, per sub-folder')
  .argument('<dir>', 'folder of .tml files, searched recursively; each first-level sub-folder is scored apart')
  .option('-v, --verbose', 'also list trawl\'s wrong values, misses and false alarms')
  .option('--no-chrono', 'score trawl only')
  .option('--hide-dct', 'withhold each file\'s creation date: trawl estimates it from the text (how close the estimate comes is reported too)')
  .option('--json', 'print the figures as JSON')
  .option('--lexicons <dir>', 'extra lexicon folder', process.env.TRAWL_LEXICONS)
  .action(async (dir: string, opts) => (await import('./eval-timeml.js')).evalTimemlCommand(dir, opts));

const DB_HELP = 'the store: a SQLite file, or a PostgreSQL server as postgres://user@host/db (default: $TRAWL_DB, else trawl.db in the user data folder, e.g. ~/.local/share/trawl/)';

program
  .command('ingest')
  .description('read reports from files and folders, extract them and keep them in the store (a report already there is skipped)')
  .argument('<paths...>', 'files or folders (searched recursively): .txt, .md, .html, .pdf (text layer), and .json reports in corpus/FORMAT.md shape')
  .option('--db <path>', DB_HELP, process.env.TRAWL_DB)
  .option('-p, --published <date>', 'publication date YYYY-MM-DD for documents whose own metadata gives none (default: estimated from the text, and marked as estimated)')
  .option('--outlet <name>', 'outlet for documents whose metadata names none (HTML og:site_name, a JSON report\'s "outlet")')
  .option('-j, --jobs <n>', 'worker threads for reading and extraction (default: one per core)')
  .addOption(new Option('-f, --format <format>', 'summary as text or json').choices(['text', 'json']).default('text'))
  .option('--lexicons <dir>', 'extra lexicon folder', process.env.TRAWL_LEXICONS)
  .addHelpText('after', `
Each distinct text is stored once, by its SHA-256: ingesting the same files again changes
nothing, and a run that was interrupted resumes where it stopped (each report is written in
one transaction, with all its items). A FORMAT.md report keeps its "id"; a file with a known
id but a new text replaces the old version. Other files get an id from their text's hash.

Publication date: the document's own (HTML meta, PDF creation date, JSON "published"), else
--published, else the estimate from the text (stored with published_estimated = 1).

Files that cannot be read are listed with the reason and never stop the run.
Exit status: 0 when any file was stored or already there; 2 when every file was refused,
no report file was found, or an option is wrong.

Examples:
  trawl ingest ../shared/corpus/dev/*.json
  trawl ingest ~/reports --db reports.db --published 2024-10-18 --outlet "Harbor Times"
  TRAWL_DB=/data/trawl.db trawl ingest briefing.pdf story.html notes.md
  trawl ingest ~/reports --db postgres://trawl@db.example/trawl`)
  .action(async (paths: string[], opts) => (await import('./ingest.js')).ingestCommand(paths, opts));

program
  .command('search')
  .description('full-text search over the stored reports, best matches first')
  .argument('<words...>', 'words to find (all of them), "quoted phrases", word* for a prefix, OR between alternatives')
  .option('--db <path>', DB_HELP, process.env.TRAWL_DB)
  .option('-n, --limit <n>', 'at most this many reports', '20')
  .addOption(new Option('-f, --format <format>', 'text (matches in [brackets]) or json (snippet with highlight offsets)').choices(['text', 'json']).default('text'))
  .addHelpText('after', `
Other characters are only text: U.S. or Kim's need no escaping.

Examples:
  trawl search artillery shells
  trawl search '"North Korea"' 'missile*' --limit 5
  trawl search oil OR fuel --format json`)
  .action(async (words: string[], opts) => (await import('./search.js')).searchCommand(words, opts));

const CATEGORIES = ['munitions', 'missiles', 'weapons', 'troops', 'labor', 'technology', 'energy', 'food', 'money', 'goods'];
const reportsArgument = '[paths...]';
const reportsHelp = 'instead of the store: report files or folders to read and extract now (FORMAT.md *.json, text, Markdown, HTML)';

program
  .command('ledger')
  .description('the cross-report ledger: flows merged over reports, each with its estimates in the order reported, sources, conflicts and denials')
  .argument(reportsArgument, reportsHelp)
  .option('--db <path>', DB_HELP, process.env.TRAWL_DB)
  .option('--from <state>', 'only flows from this state (ISO code, e.g. KP)')
  .option('--to <state>', 'only flows to this state (ISO code, e.g. RU)')
  .addOption(new Option('--category <category>', 'only this category').choices(CATEGORIES))
  .option('--since <date>', 'only entries with an estimate reported on or after this date (their whole history is kept)')
  .addOption(new Option('-f, --format <format>', 'text (a table) or json ({"entries": [...]})').choices(['text', 'json']).default('text'))
  .option('--lexicons <dir>', 'extra lexicon folder', process.env.TRAWL_LEXICONS)
  .addHelpText('after', `
Examples:
  trawl ingest ../shared/corpus/dev/*.json && trawl ledger --from KP --to RU
  trawl ledger --category munitions --since 2023-06-01 --format json > ledger.json
  trawl ledger ../shared/corpus/dev/*.json --from KP     # read the files directly, no store`)
  .action(async (paths: string[], opts) => (await import('./ledger.js')).ledgerCommand(paths, opts));

program
  .command('eval-ledger')
  .description('extract and fuse every annotated report of a folder, and score the ledger as ../shared/tools/ledger-score.mjs does')
  .argument('<dir>', 'folder of annotated *.json reports (corpus/FORMAT.md)')
  .option('-v, --verbose', 'list missed and extra entries and reports missing from matched ones')
  .option('--json', 'print the figures as JSON')
  .option('-o, --out <file>', 'also write the ledger JSON to this file')
  .option('--lexicons <dir>', 'extra lexicon folder', process.env.TRAWL_LEXICONS)
  .action(async (dir: string, opts) => (await import('./eval-ledger.js')).evalLedgerCommand(dir, opts));

program
  .command('brief')
  .description('a Markdown brief: flows each way with latest estimate and range, timeline, who says what, conflicts, denials, report inconsistencies; every statement footnoted to report and quote')
  .argument(reportsArgument, reportsHelp)
  .option('--db <path>', DB_HELP, process.env.TRAWL_DB)
  .option('--actor <state>', 'the state the brief is about (ISO code, e.g. KP): its flows out and in, and its events')
  .option('--since <date>', 'only what was reported on or after this date')
  .option('--lexicons <dir>', 'extra lexicon folder', process.env.TRAWL_LEXICONS)
  .addHelpText('after', `
Example:
  trawl brief --actor KP > brief.md
  trawl brief ../shared/corpus/dev/*.json --actor RU --since 2023-06-01   # read the files directly`)
  .action(async (paths: string[], opts) => (await import('./brief.js')).briefCommand(paths, opts));

program
  .command('export')
  .description('export the ledger: json (entries with actors, reports, events), csv (one row per estimate), ftm (FollowTheMoney entities for Aleph, one per line), geojson (states and flow lines)')
  .argument(reportsArgument, reportsHelp)
  .option('--db <path>', DB_HELP, process.env.TRAWL_DB)
  .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'csv', 'ftm', 'geojson']).makeOptionMandatory())
  .option('-o, --output <file>', 'write to this file instead of standard output')
  .option('--lexicons <dir>', 'extra lexicon folder', process.env.TRAWL_LEXICONS)
  .addHelpText('after', `
Examples:
  trawl export --format ftm -o ledger.ftm.json   # then: alephclient write-entities -i ledger.ftm.json -f COLLECTION
  trawl export --format csv > estimates.csv
  trawl export ../shared/corpus/dev/*.json --format geojson -o flows.geojson   # read the files directly`)
  .action(async (paths: string[], opts) => (await import('./export.js')).exportCommand(paths, opts));

program
  .command('serve')
  .description('the web explorer: flows, ledger entries, timeline, reports, actors, map, search and ingest, over an HTTP JSON API')
  .option('--db <path>', DB_HELP, process.env.TRAWL_DB)
  .option('--port <n>', 'port to listen on (0: any free port)', '8787')
  .option('--host <host>', 'address to bind; anything but loopback requires --token', '127.0.0.1')
  .option('--token <token>', 'bearer token every API call must carry (required off loopback; at least 16 characters)', process.env.TRAWL_TOKEN)
  .addHelpText('after', `
Examples:
  trawl serve                                   # http://127.0.0.1:8787/
  trawl serve --host 0.0.0.0 --token "$(openssl rand -hex 16)"   # then open http://HOST:8787/#token=...`)
  .action(async (opts) => (await import('./serve.js')).serveCommand(opts));

async function main(): Promise<void> {
  // Output piped into `head` and the like: a closed pipe ends the command quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  try {
    await program.parseAsync(process.argv);
  } catch (e) {
    if (e instanceof CommanderError) process.exit(e.exitCode === 0 ? 0 : 2);
    if (e instanceof InputError) {
      process.stderr.write(`trawl: ${e.source}: ${e.message}\n`);
      process.exit(2);
    }
    if (e instanceof UsageError || e instanceof StoreError || e instanceof SearchQueryError) {
      process.stderr.write(`trawl: ${e.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`trawl: internal error: ${(e as Error).message}\n${process.env.TRAWL_DEBUG ? (e as Error).stack + '\n' : '(set TRAWL_DEBUG=1 for the stack trace, and please report it)\n'}`);
    process.exit(1);
  }
}

main();

// `trawl times`: the time expressions of one report, one JSON object per line (start, end, text,
// type, value), resolved against --published (or the report's own date); with neither, against the
// date the dating stage estimates from the text, and then marked "estimated": true.
import { runPipeline } from '../core/pipeline.js';
import { segmentStage } from '../core/stages/segment/index.js';
import { timesStage } from '../core/stages/times/index.js';
import { datingStage } from '../core/stages/dating/index.js';
import { loadLexicons } from '../node/lexicons.js';
import { readReport } from '../node/input.js';
import { parsePublished } from './extract.js';

export interface TimesOptions {
  published?: string;
  lexicons?: string;
}

export async function timesCommand(file: string, opts: TimesOptions): Promise<void> {
  const given = parsePublished(opts.published);
  const report = await readReport(file);
  const published = given === undefined ? report.published ?? null : given;
  // only the stages times needs: segmentation, the date estimate (when there is no date), then times
  const { doc } = runPipeline(report.text, published, { lexicons: loadLexicons(opts.lexicons) }, [segmentStage, datingStage, timesStage]);
  const lines = (doc.layers.times?.times ?? []).map((t) => JSON.stringify({ start: t.start, end: t.end, text: doc.text.slice(t.start, t.end), type: t.type, value: t.value, ...(t.estimated ? { estimated: true } : {}) }));
  process.stdout.write(lines.length ? lines.join('\n') + '\n' : '');
}

// The systems a benchmark compares, each loaded only when measured so that one child process
// holds one system. Peers are devDependencies: imported dynamically, never at module load.
import { createRequire } from 'node:module';
import type { StageTiming } from '../core/pipeline.js';
import type { BenchText } from './texts.js';

export const SYSTEMS = ['trawl', 'compromise', 'wink-nlp'] as const;
export type SystemName = (typeof SYSTEMS)[number];

export interface RunOutput {
  /** Entity mentions returned: proof the system did the work being timed. */
  found: number;
  /** Per-stage times; only trawl has stages. */
  timings?: StageTiming[];
}

/** Processes one text the way a user of the system would to get its entities. */
export type Runner = (text: BenchText) => RunOutput;

async function loadTrawl(): Promise<Runner> {
  const { runPipeline } = await import('../core/pipeline.js');
  const { loadLexicons } = await import('../node/lexicons.js');
  const lexicons = loadLexicons();
  return (t) => {
    const { doc, timings } = runPipeline(t.text, t.published, { lexicons });
    const layer = doc.layers.actors;
    const found = layer ? layer.actors.reduce((n, a) => n + a.mentions.length, 0) + layer.places.length : 0;
    return { found, timings };
  };
}

async function loadCompromise(): Promise<Runner> {
  const nlp = (await import('compromise')).default;
  return (t) => {
    const doc = nlp(t.text);
    const found = doc.people().out('array').length + doc.places().out('array').length + doc.organizations().out('array').length;
    return { found };
  };
}

async function loadWink(): Promise<Runner> {
  const winkNLP = (await import('wink-nlp')).default;
  const model = (await import('wink-eng-lite-web-model')).default;
  const nlp = winkNLP(model);
  return (t) => ({ found: nlp.readDoc(t.text).entities().out().length });
}

const PEER_PACKAGES = ['compromise', 'wink-nlp', 'wink-eng-lite-web-model'];

/** Peer packages that cannot be found (an install without devDependencies), checked before any worker starts. */
export function missingPeers(): string[] {
  const require = createRequire(import.meta.url);
  return PEER_PACKAGES.filter((name) => {
    try {
      require.resolve(name);
      return false;
    } catch {
      return true;
    }
  });
}

export function loadSystem(name: SystemName): Promise<Runner> {
  switch (name) {
    case 'trawl':
      return loadTrawl();
    case 'compromise':
      return loadCompromise();
    case 'wink-nlp':
      return loadWink();
  }
}

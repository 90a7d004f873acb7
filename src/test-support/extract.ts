// Shared helpers for stage tests: run the pipeline on a short text with the bundled lexicons.
import { runPipeline } from '../core/pipeline.js';
import type { Actor, AnnotatedDoc } from '../core/doc.js';
import { loadLexicons } from '../node/lexicons.js';

export function extract(text: string, published: string | null = '2024-06-01'): AnnotatedDoc {
  return runPipeline(text, published, { lexicons: loadLexicons() }).doc;
}

export function actors(text: string): Actor[] {
  return extract(text).layers.actors?.actors ?? [];
}

/** The actor one of whose mentions is exactly `surface`. */
export function actorNamed(text: string, surface: string): Actor | undefined {
  return actors(text).find((a) => a.mentions.some((m) => text.slice(m.start, m.end) === surface));
}

export const mentionTexts = (text: string, a: Actor | undefined): string[] => (a ? a.mentions.map((m) => text.slice(m.start, m.end)) : []);

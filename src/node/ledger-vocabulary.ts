// Loads what fusion and the exports read: lexicons/ledger.json (generic items, source kinds) and
// lexicons/country-centroids.json (a point for each state).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LedgerVocabulary } from '../ledger/types.js';
import type { Centroid } from '../export/geojson.js';
import { BUNDLED_LEXICONS } from './lexicons.js';

let cached: LedgerVocabulary | undefined;

export function loadLedgerVocabulary(): LedgerVocabulary {
  cached ??= JSON.parse(readFileSync(join(BUNDLED_LEXICONS, 'ledger.json'), 'utf8')) as LedgerVocabulary;
  return cached;
}

/** lexicons/country-centroids.json: a representative point for every state, for the GeoJSON export. */
export function loadCentroids(): Centroid[] {
  return (JSON.parse(readFileSync(join(BUNDLED_LEXICONS, 'country-centroids.json'), 'utf8')) as { entries: Centroid[] }).entries;
}

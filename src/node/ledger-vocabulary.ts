// Loads lexicons/ledger.json, the words fusion reads (generic items, source kinds).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LedgerVocabulary } from '../ledger/types.js';
import { BUNDLED_LEXICONS } from './lexicons.js';

let cached: LedgerVocabulary | undefined;

export function loadLedgerVocabulary(): LedgerVocabulary {
  cached ??= JSON.parse(readFileSync(join(BUNDLED_LEXICONS, 'ledger.json'), 'utf8')) as LedgerVocabulary;
  return cached;
}

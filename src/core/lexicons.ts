// The shape of the knowledge the stages use. The data itself lives in lexicons/*.json (and, for
// first names, in two npm data packages); a host (the CLI, a test, a browser) loads it and
// passes it in, so the core never reads files.

export interface CountryEntry {
  code: string;
  name: string;
  aliases: string[];
  capitals: string[];
  demonyms: string[];
  /** UN members' names and demonyms win over a territory's ("American": US, not American Samoa). */
  unMember?: boolean;
}

export interface CountryAlias {
  code: string;
  aliases: string[];
  /** When present, the alias counts only in a report that also names one of these countries. */
  context?: string[];
}

export interface OrganizationEntry {
  id: string;
  name: string;
  aliases: string[];
  country?: string;
}

export interface PersonEntry {
  id: string;
  name: string;
  aliases: string[];
  role?: string;
  affiliation?: string;
}

/** The words the times stage reads (lexicons/times.json); all lowercase, phrases space-separated. */
export interface TimeWords {
  months: Record<string, number>;
  monthAbbreviations: Record<string, number>;
  /** Month names that are also given names or verbs ("May", "March"): months only in a dating context. */
  ambiguousMonths: string[];
  /** Named days and their rule: MM-DD, MM-W-N (Nth weekday, L = last), MM-DD-W+ (first weekday on or after), E±N (from Easter). */
  holidays: Record<string, string>;
  /** ISO weekday numbers, Monday = 1. */
  weekdays: Record<string, number>;
  /** TIMEX3 season codes: SP, SU, FA, WI. */
  seasons: Record<string, string>;
  /** TIMEX3 part-of-day codes: MO, AF, EV, NI (MI for midday). */
  dayParts: Record<string, string>;
  numbers: Record<string, number>;
  vagueNumbers: string[];
  ordinals: Record<string, number>;
  /** Unit word to code: S, MIN, H, D, W, FN (fortnight), M, Q, Y, DE (decade), CE (century). */
  units: Record<string, string>;
  /** Words before an amount of time that keep it approximate ("nearly two months"); kept in the span. */
  approximators: string[];
  /** Prepositions kept in a time's span by the corpus conventions ("since early August"). */
  signals: string[];
  /** "early", "mid", "the end of": the part of a period, recorded but not narrowing the value. */
  partWords: Record<string, string>;
  presentRef: string[];
  pastRef: string[];
  futureRef: string[];
  /** "daily", "annual": frequencies (TIMEX3 SET) and their period. */
  frequencyWords: Record<string, string>;
  /** Words after which a four-digit number names a thing, not a year ("Resolution 2397"). */
  identifierWords: string[];
  /** Words that put a clause in the future ("will", "is due"): a bare March said in November is next March. */
  futureCues: string[];
  /** Words that look ahead but also appear in reported past ("said it would", "expected"): a bare month after the publication month stays in this year, no further. */
  weakFutureCues: string[];
  pastCues: string[];
  /** Past forms without -ed ('sold', 'sent'): past only when no auxiliary governs them, like '-ed' forms. */
  irregularPast: string[];
}

/** What a quantity word does to the figure after it ("over" → a lower bound, "about" → approximate). */
export type QuantityLead = 'min' | 'max' | 'approx' | 'none';

/** The words the quantities stage reads (lexicons/quantities.json); all lowercase, phrases space-separated by token. */
export interface QuantityWords {
  numbers: Record<string, number>;
  /** "million", "dozen", "bn" as separate words. */
  multipliers: Record<string, number>;
  /** Multipliers written onto a numeral: "1.5m", "$1.7bn". */
  suffixMultipliers: Record<string, number>;
  fractions: Record<string, number>;
  /** Bound and hedge words before a figure, and what they make of it. */
  leads: Record<string, QuantityLead>;
  /** After a figure: "or more", "or so". */
  trailingBounds: Record<string, QuantityLead>;
  /** "between", "from": a range follows; true when the phrase itself hedges ("somewhere between"). */
  rangeStarts: Record<string, boolean>;
  rangeJoiners: string[];
  vague: { words: string[]; adjectives: string[]; nouns: string[] };
  currencySymbols: Record<string, string>;
  /** Letters glued before "$": "US$", "HK$". */
  dollarPrefixes: Record<string, string>;
  currencyWords: Record<string, string>;
  currencyCodes: string[];
  /** Measures kept in a quantity's span ("tonnes", "barrels per day", "%"), to the unit name. */
  measureUnits: Record<string, string>;
  /** What is counted, kept in the span too ("containers", "voyages", "freight cars"). */
  countUnits: Record<string, string>;
  /** "155 mm": a calibre, not an amount. */
  calibreUnits: string[];
  /** Counted nouns left out of the span but giving the unit ("tanks" → tank, "troops" → person). */
  countNouns: Record<string, string>;
  /** "a year", "per day" after an amount: the period of a rate. */
  rates: Record<string, string>;
  changes: {
    verbs: Record<string, number>;
    rises: string[];
    falls: string[];
    riseNouns: string[];
    fallNouns: string[];
    riseAdjectives: string[];
    fallAdjectives: string[];
    timesWords: string[];
    twice: string[];
    /** Words after "N times" that make it a comparison ("four times the earlier high"), not a count of occasions. */
    comparisons: string[];
    copulas: string[];
  };
  /** Words shortly before a figure that make it the baseline of a comparison ("against a previous peak of 20"). */
  baselineCues: string[];
  /** The same, right before the figure only ("up from 12 percent", "higher than 20"). */
  baselineAdjacent: string[];
  /** Lead words that are verb particles after these verbs ("handed over eight tanks" is no lower bound). */
  particleVerbs: Record<string, string[]>;
  /** Sentence openers that point back to the previous sentence's figure ("That is four times ..."). */
  anaphoraStarts: string[];
  identifierWords: string[];
  ageWords: string[];
  clockWords: string[];
  /** Words that end the counted noun phrase after a figure. */
  itemStops: string[];
  /** Words before "half" that make it part of a period ("the second half"). */
  fractionBlockers: string[];
}

/** A dated fact from lexicons/calendar.json: a term of office, an election or a landmark event. */
export interface CalendarEntry {
  id: string;
  kind: 'term' | 'election' | 'event';
  /** How a reason shown to a user names it ("Joe Biden's presidency"). */
  name: string;
  /** ISO days; `end` inclusive, null while a term still runs, absent for a one-day event. */
  start: string;
  end?: string | null;
  /** Groups the terms of one person, so that "former President X" means outside all of them. */
  holder?: string;
  country?: string;
  /** Lowercase references whose meaning follows the kind (see the file's note). */
  phrases?: string[];
  /** References that place the report before (or after) the date whatever the tense ("if elected"). */
  before?: string[];
  after?: string[];
  /** Groups of words, each needing one word somewhere in the report, for the entry to apply. */
  context?: string[][];
  /** Groups of words, each needing one word in a sentence, that identify the event a relative time there dates. */
  cooccur?: string[][];
}

/** The words the consistency checks read (lexicons/consistency.json); lowercase. */
export interface ConsistencyWords {
  /** Event nouns and verb forms, each with the kind of event it names ("shipment" and "delivered": transfer). */
  eventWords: Record<string, string>;
  /** Verb forms of arriving at or leaving a place ("docked": arrive). */
  movementVerbs: Record<string, string>;
  /** Words that mark another instance of an event ("again", "second"): then two dates may both hold. */
  repeatWords: string[];
  /** Words of being held back ("frozen") and of the release that ends it ("cleared"). */
  holdWords: string[];
  releaseWords: string[];
  /** Words that make a noun phrase the whole of something ("entire", "all", "alike"). */
  wholeWords: string[];
  /** Words that present a figure as a revision or a change ("up from", "revised"): two figures then both stand. */
  revisionWords: string[];
}

export interface PlaceEntry {
  name: string;
  country?: string;
  lat?: number;
  lon?: number;
}

export interface GroupEntry {
  name: string;
  kind: 'faith' | 'people';
  /** Spelled like its adjective: a group only where no word follows it. */
  invariant?: boolean;
}

export interface Lexicons {
  countries: CountryEntry[];
  countryAliases: CountryAlias[];
  organizations: OrganizationEntry[];
  persons: PersonEntry[];
  /** Cities, regions, seas: named places that are not actors themselves. */
  places: PlaceEntry[];
  /** Groups of people by faith or people ("Muslims", "Rohingya"): lexicons/groups.json. */
  groups: GroupEntry[];
  orgWords: {
    heads: string[];
    leads: string[];
    descriptors: Record<string, string[]>;
    nouns: string[];
    /** Of `nouns`, those that name a body after a bare demonym, with no article ("Ukrainian military intelligence"). */
    agencyNouns: string[];
    /** Bodies of a state abroad ("embassy", "mission"): the place after "in"/"to" is part of the name. */
    missionNouns: string[];
    /** All-capital words that are not bodies (weapon systems, units, common initialisms). */
    notBodies: string[];
    /** Words that end the name of a place or facility ("Tumen River", "Pyongyang International Airport"). */
    placeHeads: string[];
    /** Words that name events, laws, prizes and contests ("Waitangi Day", "Operation Clambake"). */
    eventWords: string[];
  };
  roles: {
    titles: string[];
    nouns: string[];
    descriptorNouns: string[];
    /** Government portfolios by the words that name them ("defence": defence, defense, pentagon). */
    portfolios: Record<string, string[]>;
    /** Words that make a body a ministry ("ministry", "department", "pentagon"). */
    portfolioHeads: string[];
  };
  /** Given names, capitalized ("Aaron"); evidence that a capitalized pair is a person. */
  firstNames: string[];
  /** The female given names among them, to tell "she" from "he" where a name says so. */
  femaleNames: string[];
  /**
   * Common English words, lowercase ("star", "gallery", "internet"): a capitalized pair of them
   * ("Star Wars", "Art Gallery") is a title or a body more often than a person. Grouped by
   * frequency level (SCOWL's 10 to 50: the lower, the more common).
   */
  commonWords: { level: number; words: string[] }[];
  names: {
    /** Family names written first (Korean, Chinese): "Yoo Sang-bum", "Xi Jinping". */
    surnamesFirst: string[];
    /** Lowercase parts inside names: "al-Assad", "van der Berg". */
    particles: string[];
    /** Vessel words: "the tanker X", "X, a cargo ship". */
    vesselNouns: string[];
  };
  times: TimeWords;
  /** Dated facts (terms, elections, events) that anchor a report's date (lexicons/calendar.json). */
  calendar: CalendarEntry[];
  consistency: ConsistencyWords;
  quantities: QuantityWords;
  /** Words that mark each type of event (lexicons/events.json). */
  events: {
    /** Type → trigger words or phrases ('*' stands for any one word). */
    verbs: Record<string, string[]>;
    nouns: Record<string, string[]>;
    happenings: string[];
    /** Type → the words its nouns need instead of `happenings` ("signed a treaty", "cast its veto"). */
    typeHappenings: Record<string, string[]>;
    /** Verbs that make a meeting when a person's name follows ("received Kim Jong Un"). */
    meetingVerbs: string[];
    /** Past motion verbs after which "to" + trigger happened ("travelled to meet"). */
    motionVerbs: string[];
    /** Type or trigger word → words one of which the sentence must hold. */
    requires: Record<string, string[]>;
    shipLaunchObjects: string[];
    determiners: string[];
    compoundHeads: string[];
    hedges: string[];
    /** Actor type → plural descriptions of two of them ("the two leaders"). */
    groupNouns: Record<string, string[]>;
    sameOccasion: string[];
    /** Generic triggers dated only by their own sentence, never by the one before ("agreed", "fired"). */
    ownDateOnly: string[];
    /** Verbs by which another party does what the event just told did ("followed suit", "took similar measures"). */
    echoes: string[];
  };
  /** Item categories, verbs and nouns of flows, status words (lexicons/transfers.json). */
  transfers: {
    precedence: string[];
    categories: Record<string, string[]>;
    give: string[];
    get: string[];
    plannedVerbs: string[];
    nouns: string[];
    hedges: string[];
    future: string[];
    nonStateBodies: string[];
    motion: string[];
    /** Verbs and nouns of building abroad: the built thing goes to the state it stands in. */
    build: string[];
    /** Verbs whose flow is money whatever their object ("funds Hezbollah with …", "invested … in"). */
    moneyVerbs?: string[];
    /** Words that leave a payment still to come ("payments had been stuck for a year"). */
    heldUp?: string[];
  };
  /** Reporting and denial verbs, unnamed-source nouns (lexicons/attribution.json). */
  attribution: {
    speech: string[];
    denial: string[];
    sourceNouns: string[];
    tellObjects: string[];
    needsThat: string[];
    cognition: string[];
    accountNouns: string[];
    claimNouns: string[];
    /** Words that make "called X Y" a denial ("fake", "baseless"). */
    denialPredicates?: string[];
  };
}

const wordSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/**
 * A lexicon word list as a set, built once per list and shared by every document: the lexicons are
 * loaded once and never changed, so rebuilding the set for each report is only garbage.
 */
export function wordSet(words: readonly string[]): ReadonlySet<string> {
  let set = wordSets.get(words);
  if (!set) wordSets.set(words, (set = new Set(words)));
  return set;
}

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

export interface Lexicons {
  countries: CountryEntry[];
  countryAliases: CountryAlias[];
  organizations: OrganizationEntry[];
  persons: PersonEntry[];
  orgWords: {
    heads: string[];
    leads: string[];
    descriptors: Record<string, string[]>;
    nouns: string[];
  };
  roles: {
    titles: string[];
    nouns: string[];
    descriptorNouns: string[];
  };
  /** Given names, capitalized ("Aaron"); evidence that a capitalized pair is a person. */
  firstNames: string[];
  names: {
    /** Family names written first (Korean, Chinese): "Yoo Sang-bum", "Xi Jinping". */
    surnamesFirst: string[];
    /** Lowercase parts inside names: "al-Assad", "van der Berg". */
    particles: string[];
    /** Vessel words: "the tanker X", "X, a cargo ship". */
    vesselNouns: string[];
  };
}

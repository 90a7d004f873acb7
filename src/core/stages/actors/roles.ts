// A person's role and affiliation from the words around the name:
//   before it  — "South Korean lawmaker Yoo Sang-bum", "Kremlin spokesman Dmitry Peskov"
//   after it   — "Duyeon Kim, senior analyst at the International Crisis Group",
//                "Andriy Osadchuk, a Ukrainian artillery commander"
// A role listed in persons.json stands; the text fills what the lexicon leaves open.
import type { Actor, Token } from '../../doc.js';
import type { Compiled } from './gazetteer.js';
import type { ActorRegistry, TokenMention } from './registry.js';
import { isFunctionWord } from './runs.js';

const PREPOSITIONS = new Set(['at', 'of', 'with', 'for', 'from', 'in']);
const ARTICLES = new Set(['a', 'an', 'the']);

/** Token index of the token that starts at char offset `at` (binary search). */
export function tokenIndexAt(tokens: Token[], at: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const isAffiliation = (m: TokenMention | undefined): m is TokenMention => !!m && (m.actor.type === 'organization' || m.actor.type === 'country');

function before(person: Actor, tokens: Token[], s: number, reg: ActorRegistry, c: Compiled): { role?: string; affiliation?: string } {
  let k = s - 1;
  let hasRole = false;
  // Titles the name rule already stripped ("Captain", "Brigadier General") belong to the role.
  while (k >= 0 && k > s - 7) {
    const w = tokens[k].text;
    if (c.titles.has(w) || w === '.') { hasRole = true; k--; continue; }
    if (c.roleNouns.has(w.toLowerCase())) { hasRole = true; k--; continue; }
    if (/^\p{Ll}[\p{Ll}-]*$/u.test(w) && !isFunctionWord(w) && hasRole) { k--; continue; }
    break;
  }
  if (!hasRole || k === s - 1) return {};
  let roleStart = k + 1;
  while (roleStart < s && tokens[roleStart].text === '.') roleStart++;
  const role = tokens.slice(roleStart, s).map((t) => t.text).join(' ').replace(/ \./g, '.');
  let owner = reg.mentionEndingAt(k + 1);
  if (!owner && (tokens[k]?.text === "'s" || tokens[k]?.text === '’s')) owner = reg.mentionEndingAt(k);
  return { role, affiliation: isAffiliation(owner) && owner.actor !== person ? owner.actor.id : undefined };
}

function after(person: Actor, tokens: Token[], e: number, reg: ActorRegistry, c: Compiled): { role?: string; affiliation?: string } {
  let k = e;
  if (tokens[k]?.text === 'of' || tokens[k]?.text === 'from') {
    const at = tokens[k + 1] && ARTICLES.has(tokens[k + 1].text.toLowerCase()) ? k + 2 : k + 1;
    const m = reg.mentionAt(at);
    return isAffiliation(m) ? { affiliation: m.actor.id } : {};
  }
  if (tokens[k]?.text !== ',') return {};
  k++;
  if (tokens[k] && ARTICLES.has(tokens[k].text.toLowerCase())) k++;
  const roleStart = k;
  let sawRole = false;
  let country: string | undefined;
  let owner: string | undefined;
  for (; k < Math.min(tokens.length, roleStart + 10); k++) {
    const t = tokens[k];
    const w = t.text;
    if (w === ',' || w === '.' || w === ';' || w === ')' || /^(?:who|which|said|says|told)$/.test(w)) break;
    const m = reg.mentionAt(k);
    if (m && m.actor !== person) {
      if (m.actor.type === 'country' && !sawRole) country ??= m.actor.id;
      if (isAffiliation(m) && /^['’]s$/.test(tokens[m.end]?.text ?? '')) owner ??= m.actor.id;
      if (m.actor.type === 'organization' && sawRole) owner ??= m.actor.id;
      k = m.end - 1;
      continue;
    }
    if (c.roleNouns.has(w.toLowerCase()) || c.titles.has(w)) sawRole = true;
    if (sawRole && PREPOSITIONS.has(w)) {
      const at = tokens[k + 1] && ARTICLES.has(tokens[k + 1].text.toLowerCase()) ? k + 2 : k + 1;
      const target = reg.mentionAt(at);
      const role = tokens.slice(roleStart, k).map((x) => x.text).join(' ');
      if (isAffiliation(target) && target.actor !== person) return { role, affiliation: target.actor.id };
      if (w === 'of' || w === 'at') continue; // "director of the Project on Nuclear Issues at CSIS"
      return { role, affiliation: owner ?? country };
    }
  }
  if (!sawRole) return {};
  const role = tokens.slice(roleStart, k).map((x) => x.text).join(' ');
  return { role, affiliation: owner ?? country };
}

export function findRoleAndAffiliation(person: Actor, tokens: Token[], reg: ActorRegistry, c: Compiled): void {
  const listed = c.persons.get(person.id);
  for (const m of person.mentions) {
    const s = tokenIndexAt(tokens, m.start);
    const e = tokenIndexAt(tokens, m.end);
    const found = after(person, tokens, e, reg, c);
    const pre = before(person, tokens, s, reg, c);
    const role = found.role ?? pre.role;
    const affiliation = found.affiliation ?? pre.affiliation;
    if (role && (!person.role || (!listed && person.rule.endsWith('title')))) person.role = role;
    if (affiliation && !(listed?.affiliation && person.affiliation)) person.affiliation ??= affiliation;
    if (person.role && person.affiliation) return;
  }
}

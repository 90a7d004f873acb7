// Short readable forms of amounts and dates for tables, briefs and conflict sentences.
import type { Quantity } from './types.js';

const fmt = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** The report's words when they hold digits ("more than 1,000 containers"), else the figure and the words ("at least 1,000,000 (\"more than a million\")"). */
export function formatQuantity(q: Quantity): string {
  if (!q) return 'no amount';
  const unit = q.unit && q.unit !== 'item' ? ` ${q.unit}` : '';
  let figure: string | null = null;
  if (q.value !== null) figure = `${q.approx ? 'about ' : ''}${fmt(q.value)}${unit}`;
  else if (q.min !== null && q.max !== null) figure = `${fmt(q.min)}-${fmt(q.max)}${unit}`;
  else if (q.min !== null) figure = `at least ${fmt(q.min)}${unit}`;
  else if (q.max !== null) figure = `up to ${fmt(q.max)}${unit}`;
  if (q.text && /\d/.test(q.text)) return q.text;
  if (!figure) return q.text ? `"${q.text}"` : 'no amount';
  return q.text ? `${figure} ("${q.text}")` : figure;
}

/** "since 2023-08", "2023-09-07 to 2023-10-01", "" for no period. */
export function formatPeriod(since: string | null, until: string | null): string {
  if (since && until) return since === until ? since : `${since} to ${until}`;
  if (since) return `since ${since}`;
  if (until) return `until ${until}`;
  return '';
}

const AMOUNT_LEAD = /^(?:(?:an?|the|some|significant|large|small|number|amount|quantities|quantity|sizeable|of)\s+)+/i;

/** The item without its amount: "more than 1,000 containers of munitions" → "munitions"; "significant number of artillery shells" → "artillery shells". */
export function bareItem(item: string, quantity: Quantity): string {
  let bare = item;
  const q = quantity?.text;
  if (q && bare.toLowerCase().startsWith(q.toLowerCase())) bare = bare.slice(q.length).trim();
  bare = bare.replace(AMOUNT_LEAD, '');
  return bare || item;
}

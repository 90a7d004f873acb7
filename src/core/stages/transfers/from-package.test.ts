import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../../test-support/extract.js';

const flows = (text: string, rule?: string): string[] =>
  (extract(text, '2024-06-01').layers.transfers?.transfers ?? []).filter((t) => !rule || t.rule === rule)
    .map((t) => `${t.from}>${t.to}:${t.category} ${t.status}${t.quantity ? ` ${t.quantity.text}` : ''}`).sort();

test('a package\'s contents: one flow per item, the sides from the package itself', () => {
  const own = flows('The British package for Kyiv includes Storm Shadow missiles and 14 Challenger tanks.', 'package-contents');
  assert.deepEqual(own, ['GB>UA:missiles planned', 'GB>UA:weapons planned 14']);
  const relative = flows('Berlin unveiled a new package for Ukraine, which includes an IRIS-T battery, 20 Marder vehicles and ammunition.', 'package-contents');
  assert.deepEqual(relative, ['DE>UA:munitions planned', 'DE>UA:weapons planned', 'DE>UA:weapons planned 20']);
});

test('"the package includes" goes with the package named in a sentence before', () => {
  const out = flows('Canada announced a fresh aid package for Ukraine on Tuesday. The package includes 40 armoured vehicles and artillery shells.', 'package-contents');
  assert.deepEqual(out, ['CA>UA:munitions planned', 'CA>UA:weapons planned 40']);
});

test('help said to involve arms: the example is part of the item, a comparison is none', () => {
  const out = flows('Tokyo judged that Chinese help to Russia is likely to involve dual-use goods, such as machine tools, rather than finished weapons.', 'package-contents');
  assert.deepEqual(out, ['CN>RU:goods hedged']);
});

test('a copula naming what a load was, with the doubt of the claim', () => {
  const out = flows('Iranian tankers were seen unloading at Latakia, and one analyst suspects that some of the cargo is diesel and wheat.');
  assert.ok(out.includes('IR>SY:energy hedged') && out.includes('IR>SY:food hedged'), out.join('; '));
});

test('in an interview, the state a question names is a side of the contents the answer lists', () => {
  const text = 'France has sold Rafale jets to Egypt. Q: And Greece bought some too. A: Yes. The 2021 contract covers 18 jets for about $2.5 billion.';
  const rows = (extract(text, '2024-06-01').layers.transfers?.transfers ?? []).map((t) => `${t.from}>${t.to}:${t.category} ${t.quantity?.value ?? '-'}`);
  assert.ok(rows.includes('FR>GR:weapons 18'), JSON.stringify(rows));
  assert.ok(rows.includes('GR>FR:money 2500000000'), JSON.stringify(rows));
});

test('in an interview, a payment with no side named is made by the state the question names, to its seller', () => {
  const text = 'Russia has sold S-400 systems to India. Q: Could India pay in something other than rupees? A: Defence payments are sensitive, but yuan is possible.';
  const rows = (extract(text, '2024-06-01').layers.transfers?.transfers ?? []).map((t) => `${t.from}>${t.to}:${t.category}`);
  assert.ok(rows.includes('IN>RU:money'), JSON.stringify(rows));
});

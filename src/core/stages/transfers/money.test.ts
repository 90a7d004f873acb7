// Money flows and purchases: payments in several currencies, credit and funding, oil bought by
// importers, shares of another state's imports, and the amounts that go with them. The sentences
// are written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Transfer } from '../../doc.js';
import { extract } from '../../../test-support/extract.js';
import { firstDayOf, periodAhead } from './period.js';

const transfers = (text: string, published = '2024-06-01'): Transfer[] => extract(text, published).layers.transfers?.transfers ?? [];
const show = (ts: Transfer[]): string => JSON.stringify(ts.map((t) => [`${t.from}>${t.to}`, t.category, t.item, t.status, t.quantity?.text ?? null]));
const find = (ts: Transfer[], key: string, category: string, item?: RegExp): Transfer[] =>
  ts.filter((t) => `${t.from}>${t.to}` === key && t.category === category && (!item || item.test(t.item)));

test('a payment in several currencies is one money flow per currency', () => {
  for (const text of [
    'India bought large volumes of Russian crude this spring. Some of the cargoes were paid for in UAE dirhams and, less often, in Chinese yuan, traders said.',
    'Turkey has imported Russian gas for years. Ankara now pays for the gas in roubles and in Chinese yuan.',
  ]) {
    const ts = transfers(text);
    assert.equal(find(ts, ts.find((t) => t.category === 'money')?.from === 'IN' ? 'IN>RU' : 'TR>RU', 'money').length, 2, show(ts));
  }
});

test('money owed but held up is a flow still to come', () => {
  for (const text of [
    'Russia delivered two S-400 regiments to India in 2022. More than $2 billion in Indian arms payments to Russia had been stuck for a year.',
    'Moscow shipped helicopters to Cairo last year. Egyptian payments of about $400 million to Russia remain blocked.',
  ]) {
    const ts = transfers(text);
    const pay = ts.filter((t) => t.category === 'money');
    assert.equal(pay.length, 1, show(ts));
    assert.ok(['IN>RU', 'EG>RU'].includes(`${pay[0].from}>${pay[0].to}`), show(ts));
    assert.equal(pay[0].status, 'planned', show(ts));
  }
});

test('a payment with the payer named goes to the state that supplies it', () => {
  const text = 'Russia sold India five air-defence regiments. Since then Indian arms payments of more than $2 billion have piled up.';
  const ts = transfers(text);
  assert.equal(find(ts, 'IN>RU', 'money').length, 1, show(ts));
  assert.equal(ts.filter((t) => t.category === 'money' && t.to !== 'RU').length, 0, show(ts));
});

test('credit lines: one more "on top of" an earlier one, and "another" amount added later', () => {
  const text = 'Russia opened a $2 billion credit line for Belarus in 2014, on top of an earlier $500 million facility, and added another $1.5 billion in 2019.';
  const ts = transfers(text);
  const money = find(ts, 'RU>BY', 'money');
  assert.deepEqual(money.map((t) => t.quantity?.value).sort(), [1_500_000_000, 2_000_000_000, 500_000_000].sort(), show(ts));
  // No amount of money, no further flow.
  const other = transfers('Iran gave Syria a $1 billion loan. In addition to the loan, Tehran sent advisers, and it added that more would come.');
  assert.equal(other.filter((t) => t.category === 'money').length, 1, show(other));
});

test('funding and investment verbs move money from the subject', () => {
  const cases: [string, string, number][] = [
    ['Tehran funds Hezbollah with about $200 million a year.', 'IR>o_hezbollah', 200_000_000],
    ['Qatar financed Hamas with roughly $30 million a month, Israeli officials said.', 'QA>o_hamas', 30_000_000],
    ['China invested $5 billion in Pakistan in 2015.', 'CN>PK', 5_000_000_000],
    ['Japan has invested about $1.2 billion in India\'s rail network.', 'JP>IN', 1_200_000_000],
  ];
  for (const [text, key, value] of cases) {
    const ts = transfers(text);
    const m = find(ts, key, 'money');
    assert.equal(m.length, 1, `${text} ${show(ts)}`);
    assert.equal(m[0].quantity?.value, value, `${text} ${show(ts)}`);
  }
});

test('money set aside for another state is a planned money flow', () => {
  for (const text of [
    'U.S. lawmakers passed a law that sets aside roughly $61 billion for Ukraine.',
    'Washington earmarked $8 billion for Taiwan in the new budget.',
  ]) {
    const ts = transfers(text);
    const m = ts.filter((t) => t.category === 'money');
    assert.equal(m.length, 1, `${text} ${show(ts)}`);
    assert.match(`${m[0].from}>${m[0].to}`, /^US>(?:UA|TW)$/, show(ts));
  }
});

test('a share of another state\'s imports: the supplier sends, the percentage is the amount', () => {
  const cases: [string, string, number][] = [
    ['China accounted for 6.8 percent of Serbia\'s major arms imports between 2019 and 2023.', 'CN>RS', 6.8],
    ['Russia supplied 36 percent of India\'s arms imports over the period.', 'RU>IN', 36],
    ['France made up about 20 percent of Egypt\'s weapons imports.', 'FR>EG', 20],
  ];
  for (const [text, key, value] of cases) {
    const ts = transfers(text);
    const w = find(ts, key, 'weapons');
    assert.equal(w.length, 1, `${text} ${show(ts)}`);
    assert.equal(w[0].quantity?.value, value, `${text} ${show(ts)}`);
    assert.equal(w[0].quantity?.unit, 'percent', `${text} ${show(ts)}`);
    assert.doesNotMatch(w[0].item, /percent/, show(ts));
  }
});

test('a flow stated for a period still to come is planned, even with "may"', () => {
  const text = 'India bought 1.9 million barrels a day of Russian crude in May. Traders think Indian intake of Russian oil may fall below 1.5 million bpd in the fourth quarter.';
  const ts = transfers(text, '2023-07-03');
  const later = ts.find((t) => t.quantity?.max === 1_500_000);
  assert.ok(later, show(ts));
  assert.equal(`${later.from}>${later.to}`, 'RU>IN');
  assert.equal(later.status, 'planned', show(ts));
});

test('a price after "for" in a contract\'s contents is a payment from the buyer, no part of the item', () => {
  for (const text of [
    'Russia sold India the S-400 system in 2018. The contract covers five regiments for about $5.43 billion.',
    'South Korea agreed last year to sell howitzers to Poland. The agreement includes 180 tanks for $3.4 billion.',
  ]) {
    const ts = transfers(text);
    const pay = ts.filter((t) => t.category === 'money');
    assert.equal(pay.length, 1, show(ts));
    assert.match(`${pay[0].from}>${pay[0].to}`, /^(?:IN>RU|PL>KR)$/, show(ts));
    assert.ok(ts.every((t) => !/billion/.test(t.item) || t.category === 'money'), show(ts));
  }
});

test('the first day of a period value, and whether it lies after publication', () => {
  assert.equal(firstDayOf('2023-Q4'), '2023-10-01');
  assert.equal(firstDayOf('2024-SU'), '2024-06-01');
  assert.equal(firstDayOf('2024'), '2024-01-01');
  assert.equal(firstDayOf('P3M'), null);
  assert.equal(periodAhead('2023-07-03', '2023-08'), true);
  assert.equal(periodAhead('2023-07-03', '2023-Q3'), false);
  assert.equal(periodAhead(null, '2030'), false);
});

test('amounts a side reports of a flow named before are more flows, each with its period', () => {
  const text = 'China resumed coal shipments to Pakistan in 2022. China reported 12,000 tonnes of coal for March 2023, but only 3,500 tonnes for April 2023.';
  const ts = transfers(text);
  const months = find(ts, 'CN>PK', 'energy').filter((t) => t.quantity);
  assert.deepEqual(months.map((t) => [t.quantity?.value, t.since]).sort(), [[12_000, '2023-03'], [3_500, '2023-04']], show(ts));
  // A figure reported by a third state about others is no flow of its own.
  const other = transfers('Russia sold oil to India in 2022. Japan reported 40,000 tonnes of coal for March.');
  assert.equal(other.filter((t) => t.rule === 'reported-amount').length, 0, show(other));
});

test('a measure later in the clause or in the next sentence is the amount of the flow that has none', () => {
  const later = transfers('Iran shipped crude to Syria last year, about 2.4 million barrels in all.');
  assert.equal(find(later, 'IR>SY', 'energy')[0]?.quantity?.value, 2_400_000, show(later));
  const next = transfers('Kazakhstan sent wheat to Afghanistan in May. The consignments came to between 30,000 and 45,000 tonnes.');
  assert.deepEqual([find(next, 'KZ>AF', 'food')[0]?.quantity?.min, find(next, 'KZ>AF', 'food')[0]?.quantity?.max], [30_000, 45_000], show(next));
  const passive = transfers('Oil was shipped from Iran to Syria by tanker at a rate of two to four million barrels a month.');
  assert.deepEqual([find(passive, 'IR>SY', 'energy')[0]?.quantity?.min, find(passive, 'IR>SY', 'energy')[0]?.quantity?.unit], [2_000_000, 'barrel per month'], show(passive));
  const counted = transfers('Germany shipped artillery shells to Ukraine in March. The convoy crossed the border with some 4,000 155mm shells.');
  assert.deepEqual([find(counted, 'DE>UA', 'munitions')[0]?.quantity?.value, find(counted, 'DE>UA', 'munitions')[0]?.quantity?.approx], [4_000, true], show(counted));
  // Two open flows: the measure belongs to neither for sure.
  const two = transfers('Russia sent wheat and fuel to North Korea in May. The total came to 20,000 tonnes.');
  assert.ok(two.every((t) => !t.quantity), show(two));
});

test('debts written off, deposits and earnings are money flows; writing about flows is none', () => {
  const cases: [string, string, number][] = [
    ['Moscow wrote off $10 billion of Pyongyang\'s Soviet-era debt in 2014.', 'RU>KP', 10_000_000_000],
    ['Saudi Arabia deposited $3 billion in Pakistan\'s central bank.', 'SA>PK', 3_000_000_000],
    ['Russia has bought shells from North Korea. North Korea earned about $500 million from Russia last year.', 'RU>KP', 500_000_000],
  ];
  for (const [text, key, value] of cases) {
    const m = find(transfers(text), key, 'money');
    assert.equal(m.length, 1, `${text} ${show(transfers(text))}`);
    assert.equal(m[0].quantity?.value, value, text);
  }
  assert.deepEqual(transfers('The analyst wrote off the idea. She wrote to Moscow about the debt.'), []);
});

test('a deal with a partner to supply is still to come', () => {
  const ts = transfers('Rosneft signed a term deal with Indian Oil Corp to supply crude to India.');
  assert.deepEqual(ts.map((t) => [`${t.from}>${t.to}`, t.category, t.status]), [['RU>IN', 'energy', 'planned']]);
});

test('"snapped up" and "bought up" are purchases; "up to" stays a bound', () => {
  const ts = transfers('Russia sold crude to China in 2022. Chinese buyers snapped up Urals cargoes loading in September.', '2023-07-03');
  assert.equal(find(ts, 'RU>CN', 'energy', /Urals/).length, 1, show(ts));
  const bound = transfers('Russia will send up to 5,000 troops to Belarus.');
  assert.equal(find(bound, 'RU>BY', 'troops')[0]?.quantity?.max, 5_000, show(bound));
});

test('a payment noun is money even when what it pays for is named after it', () => {
  const ts = transfers('Russia bought shells from North Korea. Russian payments to Pyongyang for the shells were made in roubles.');
  assert.equal(find(ts, 'RU>KP', 'money').length, 1, show(ts));
  assert.equal(find(ts, 'RU>KP', 'munitions').length, 0, show(ts));
});

test('an earlier estimate of a money flow is a second estimate of it', () => {
  const ts = transfers('Qatar was giving Hamas about $30 million a month, double an earlier Israeli estimate of $15 million.');
  assert.deepEqual(find(ts, 'QA>o_hamas', 'money').map((t) => t.quantity?.value).sort(), [15_000_000, 30_000_000], show(ts));
  // An estimate of something that is no money adds nothing.
  const troops = transfers('Iran gave Hezbollah $50 million, an estimate of 2,000 fighters notwithstanding.');
  assert.equal(troops.filter((t) => t.category === 'money').length, 1, show(troops));
});

test('money invested in a venture of no named state has no payee to guess', () => {
  const ts = transfers('Russia sold tanks to Egypt. Cairo had invested about $2 billion in the jet programme, officials said.');
  assert.deepEqual(find(ts, 'EG>RU', 'money'), [], show(ts));
  const named = transfers('Russia sold tanks to India. Moscow invested $5 billion in India\'s rail network.');
  assert.equal(find(named, 'RU>IN', 'money').length, 1, show(named));
});

// Table tests for the quantities stage: one table per pattern (numbers, words, bounds, ranges,
// currencies, units, vague amounts, changes), then sentences whose numbers are not amounts, then
// linear time on hostile input. All sentences are made up for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../../test-support/extract.js';
import type { Quantity } from '../../doc.js';
import { toExtraction } from '../../output/extraction.js';
import { runPipeline } from '../../pipeline.js';
import { loadLexicons } from '../../../node/lexicons.js';
import { segmentStage } from '../segment/index.js';
import { quantitiesStage } from './index.js';

type Want = Partial<Pick<Quantity, 'value' | 'min' | 'max' | 'unit' | 'approx' | 'vague' | 'item' | 'per' | 'change'>>;
type Row = [text: string, span: string, want: Want];

const quantitiesOf = (text: string): Quantity[] => extract(text).layers.quantities?.quantities ?? [];

function check(rows: Row[]): void {
  for (const [text, span, want] of rows) {
    const qs = quantitiesOf(text);
    const q = qs.find((x) => x.text === span);
    assert.ok(q, `${JSON.stringify(text)}: no quantity "${span}"; got ${JSON.stringify(qs.map((x) => x.text))}`);
    assert.equal(text.slice(q.start, q.end), q.text, 'the text is the span');
    for (const [k, v] of Object.entries(want)) assert.deepEqual(q[k as keyof Quantity], v, `${JSON.stringify(text)} "${span}": ${k}`);
  }
}

test('numerals', () =>
  check([
    ['The yard loaded 44,655 barrels.', '44,655 barrels', { value: 44655, min: null, max: null, unit: 'barrel', approx: false }],
    ['The depot shipped 3,000,000 cartridges.', '3,000,000', { value: 3000000, unit: 'item', item: 'cartridges' }],
    ['Inspectors counted 1.5 million mines.', '1.5 million', { value: 1500000, item: 'mines' }],
    ['The army bought 1.5m shells.', '1.5m', { value: 1500000, item: 'shells' }],
    ['The convoy carried 3 million rounds of ammunition.', '3 million rounds', { value: 3000000, unit: 'item', item: 'rounds' }],
    ['The navy ordered 12 frigates.', '12', { value: 12, unit: 'frigate', item: 'frigates' }],
  ]));

test('number words', () =>
  check([
    ['The ministry sent a dozen tankers.', 'a dozen', { value: 12, unit: 'vessel' }],
    ['The brigade received two dozen howitzers.', 'two dozen', { value: 24, unit: 'howitzer' }],
    ['The plant filled a million shells last quarter.', 'a million', { value: 1000000, approx: false }],
    ['Smugglers moved half a million cartridges.', 'half a million', { value: 500000 }],
    ['The port handled twenty-five cargo ships.', 'twenty-five', { value: 25, unit: 'vessel' }],
    ['Crews loaded two hundred and fifty drones.', 'two hundred and fifty', { value: 250 }],
    ['Officials counted one and a half million rounds.', 'one and a half million rounds', { value: 1500000 }],
    ['The regime sent four launchers.', 'four', { value: 4, unit: 'launcher', item: 'launchers' }],
  ]));

test('bounds and hedges', () =>
  check([
    ['The agency said the North sent over 2 million shells.', 'over 2 million', { value: null, min: 2000000, max: null, approx: false }],
    ['The pact allows more than 3 million rounds.', 'more than 3 million rounds', { min: 3000000 }],
    ['At least 40 tanks crossed the river.', 'At least 40', { min: 40, unit: 'tank' }],
    ['The deal covers up to 5,000 troops.', 'up to 5,000', { max: 5000, unit: 'person' }],
    ['Fewer than 30 engineers stayed.', 'Fewer than 30', { max: 30, unit: 'person' }],
    ['As many as 9,000 soldiers may deploy.', 'As many as 9,000', { max: 9000 }],
    ['The fund holds in excess of $400 million.', 'in excess of $400 million', { min: 400000000, unit: 'USD' }],
    ['The ship carried about 300 containers.', 'about 300 containers', { value: 300, approx: true, unit: 'container' }],
    ['Nearly 70 trucks waited at the border.', 'Nearly 70', { value: 70, approx: true, unit: 'truck' }],
    ['The firm made some 600 drones.', 'some 600', { value: 600, approx: true }],
    ['An estimated 10,000 workers went abroad.', 'An estimated 10,000', { value: 10000, approx: true, unit: 'person', item: 'workers' }],
    ['The depot kept roughly 2,500 mines.', 'roughly 2,500', { value: 2500, approx: true }],
    ['They bought an average of 900,000 bpd.', 'an average of 900,000 bpd', { value: 900000, approx: false, unit: 'barrel per day' }],
    ['Volumes may fall below 1.2 million bpd.', 'below 1.2 million bpd', { max: 1200000 }],
    ['The guards counted 500 or more mines.', '500 or more', { min: 500 }],
    ['Some 20 or so vans left.', 'Some 20 or so', { value: 20, approx: true }],
  ]));

test('ranges', () =>
  check([
    ['The plant makes 5,000 to 7,000 shells a month.', '5,000 to 7,000', { value: null, min: 5000, max: 7000 }],
    ['Workers hand over 70-90% of their pay.', '70-90%', { min: 70, max: 90, unit: 'percent', item: 'pay' }],
    ['Factories import 60 to 80 percent of their parts.', '60 to 80 percent', { min: 60, max: 80, unit: 'percent' }],
    ['Deliveries ran at between 150,000 and 190,000 barrels a year.', 'between 150,000 and 190,000 barrels a year', { min: 150000, max: 190000, unit: 'barrel per year', per: 'year' }],
    ['Traders guess between about 2 and 4 million tonnes.', 'between about 2 and 4 million tonnes', { min: 2000000, max: 4000000, approx: true, unit: 'tonne' }],
    ['Somewhere between one and two million barrels a month moved.', 'Somewhere between one and two million barrels a month', { min: 1000000, max: 2000000, approx: true, unit: 'barrel per month' }],
    ['Estimates range from $5 to $7 billion.', 'from $5 to $7 billion', { min: 5000000000, max: 7000000000, unit: 'USD' }],
    ['The brigade lost two or three tanks.', 'two or three', { min: 2, max: 3 }],
    ['The yard built 4-6 million rounds.', '4-6 million rounds', { min: 4000000, max: 6000000 }],
  ]));

test('currencies and rates', () =>
  check([
    ['The loan is worth $1.7bn.', '$1.7bn', { value: 1700000000, unit: 'USD' }],
    ['The buyer paid US$40 million.', 'US$40 million', { value: 40000000, unit: 'USD' }],
    ['The contract is worth 3 billion won.', '3 billion won', { value: 3000000000, unit: 'KRW' }],
    ['Moscow paid 12 billion rubles.', '12 billion rubles', { value: 12000000000, unit: 'RUB' }],
    ['The bank cleared 2 billion yuan.', '2 billion yuan', { value: 2000000000, unit: 'CNY' }],
    ['The grant is €40m.', '€40m', { value: 40000000, unit: 'EUR' }],
    ['The deal was worth 5 million euros.', '5 million euros', { value: 5000000, unit: 'EUR' }],
    ['He was offered a million dollars.', 'a million dollars', { value: 1000000, unit: 'USD' }],
    ['The state gives the militia $300 million a year.', '$300 million a year', { value: 300000000, unit: 'USD per year', per: 'year' }],
    ['Crude sold at $65.40 a barrel.', '$65.40 a barrel', { value: 65.4, unit: 'USD per barrel' }],
    ['Lenders froze billions of rupees.', 'billions of rupees', { vague: true, value: null, unit: 'INR' }],
  ]));

test('units and counted nouns', () =>
  check([
    ['Farmers sold 3,100 tonnes of barley.', '3,100 tonnes', { value: 3100, unit: 'tonne', item: 'barley' }],
    ['The barge took 800 tons of coal.', '800 tons', { unit: 'tonne', item: 'coal' }],
    ['Refiners took 410,000 barrels per day.', '410,000 barrels per day', { unit: 'barrel per day' }],
    ['Satellites spotted 14 containers.', '14 containers', { unit: 'container', item: 'containers' }],
    ['The line saw six shipments.', 'six shipments', { value: 6, unit: 'shipment' }],
    ['Ferries made at least five voyages.', 'at least five voyages', { min: 5, unit: 'voyage' }],
    ['The yard held about 60 freight cars.', 'about 60 freight cars', { value: 60, unit: 'railcar', approx: true }],
    ['The junta sent 3,000 troops.', '3,000', { unit: 'person', item: 'troops' }],
    ['The company hired 450 workers.', '450', { unit: 'person', item: 'workers' }],
    ['The fleet lost nine vessels.', 'nine', { unit: 'vessel' }],
    ['Brokers offered more than two dozen kinds of rifles.', 'more than two dozen kinds', { min: 24, unit: 'kind' }],
    ['The army fielded ten Leopard 2 tanks.', 'ten', { value: 10, unit: 'tank', item: 'Leopard 2 tanks' }],
  ]));

test('vague amounts keep their text and no figures', () =>
  check([
    ['The North sent dozens of missiles.', 'dozens', { vague: true, value: null, min: null, max: null, unit: 'item', item: 'missiles' }],
    ['Hundreds of drones arrived.', 'Hundreds', { vague: true }],
    ['The regime is selling millions of shells.', 'millions', { vague: true }],
    ['Tens of thousands of workers left.', 'Tens of thousands', { vague: true, unit: 'person' }],
    ['The envoy admitted a significant number of rockets went east.', 'a significant number', { vague: true, item: 'rockets' }],
    ['The firm bought sizeable quantities of lathes.', 'sizeable quantities', { vague: true, item: 'lathes' }],
    ['Ports moved thousands of tonnes of rice.', 'thousands of tonnes', { vague: true, unit: 'tonne', item: 'rice' }],
    ['A few thousand tonnes of maize went north.', 'A few thousand tonnes', { vague: true, unit: 'tonne' }],
    ['The state sent a limited number of drones.', 'a limited number', { vague: true }],
  ]));

test('changes', () =>
  check([
    ['Fuel shipments have nearly tripled since spring.', 'nearly tripled', { value: null, unit: null, change: { factor: 3, approx: true } }],
    ['Rail traffic doubled.', 'doubled', { change: { factor: 2, approx: false } }],
    ['Coal sales more than doubled.', 'more than doubled', { change: { factor: 2, approx: false } }],
    ['Exports rose 40% in the spring.', 'rose 40%', { change: { factor: 1.4, approx: false } }],
    ['Imports fell by three-quarters.', 'fell by three-quarters', { change: { factor: 0.25, approx: false } }],
    ['Demand is more than seven times the level of the past.', 'more than seven times', { change: { factor: 7, approx: false } }],
    ['The bill is roughly three and a half times what it was.', 'roughly three and a half times', { change: { factor: 3.5, approx: true } }],
    ['Sales of lathes have grown about tenfold.', 'grown about tenfold', { change: { factor: 10, approx: true } }],
    ['The budget saw a 15 percent increase.', 'a 15 percent increase', { change: { factor: 1.15, approx: false } }],
    ['Revenue was cut by half.', 'cut by half', { change: { factor: 0.5, approx: false } }],
  ]));

test('a change set beside a figure is attached to it', () => {
  check([
    ['Refiners took about 1.5 million barrels per day, up 20 percent from March.', 'about 1.5 million barrels per day', { change: { factor: 1.2, approx: false } }],
    ['The port handled 9,000 barrels in May, a fall of roughly three-quarters.', '9,000 barrels', { change: { factor: 0.25, approx: true } }],
    ['The depot held roughly 80 wagons, against a previous peak of 30. That is nearly three times the old high.', 'roughly 80 wagons', { change: { factor: 3, approx: true } }],
    ['Output rose 40% to 7,000 tonnes.', '7,000 tonnes', { change: { factor: 1.4, approx: false } }],
  ]);
  const qs = quantitiesOf('The depot held roughly 80 wagons, against a previous peak of 30. That is nearly three times the old high.');
  assert.equal(qs.find((q) => q.text === '30')?.change, undefined, 'the baseline keeps no change');
  const change = qs.find((q) => q.text === 'nearly three times');
  assert.ok(change?.appliesTo, 'the change points at its amount');
  // a change said of a subject stays alone
  assert.equal(quantitiesOf('Grain sales reached 500 tonnes. Fuel shipments have nearly tripled.').find((q) => q.text === '500 tonnes')?.change, undefined);
});

/** Sentences whose numbers name years, dates, things or occasions: no quantity may overlap `covered`. */
const NEGATIVES: [string, string][] = [
  ['Trade collapsed in 2023 and recovered in 2024.', '2023'],
  ['The convoy left on March 12 at dawn.', '12'],
  ['Output peaked in the 1990s.', '1990s'],
  ['The meeting began at 10:30 on Friday.', '10:30'],
  ['Gunners fired KN-23 missiles and Su-35 jets flew over.', 'KN-23'],
  ['The T-72 and S-400 units moved north.', 'S-400'],
  ['The council passed Resolution 2397 that winter.', '2397'],
  ['Report No. 41 was leaked.', '41'],
  ['The army fielded Leopard 2 tanks.', '2'],
  ['The second convoy and the 20th train arrived.', '20th'],
  ['One of the ships turned back.', 'One'],
  ['One tanker docked at noon.', 'One'],
  ['The crew worked twelve hours a day.', 'a day'],
  ['The guards were paid twice in March.', 'twice'],
  ['The base was struck four times in May.', 'four times'],
  ['A 45-year-old captain, aged 52, spoke.', '52'],
  ['The 155 mm rounds were old.', '155'],
  ['The talks lasted two years.', 'two'],
  ['The army handed over the base.', 'over'],
  ['Between 2020 and 2024 exports grew.', '2020'],
  ['The 2022–23 season was poor.', '23'],
  ['Call +82 2 1234 5678 for details.', '1234'],
];

test('years, dates, model numbers, ordinals and occasions are not quantities', () => {
  for (const [text, covered] of NEGATIVES) {
    const at = text.indexOf(covered);
    const hits = quantitiesOf(text).filter((q) => q.start < at + covered.length && at < q.end);
    assert.deepEqual(hits.map((q) => q.text), [], `${JSON.stringify(text)}: "${covered}" read as a quantity`);
  }
});

test('a particle is not a bound: "handed over eight tanks" is eight', () =>
  check([['Norway handed over eight tanks.', 'eight', { value: 8, min: null }]]));

test('a particle is not a rise: "made up 20 percent" is 20 percent, "up 20 percent" alone a change', () => {
  check([
    ['France made up about 20 percent of the imports.', 'about 20 percent', { value: 20, unit: 'percent', approx: true }],
    ['Buyers snapped up 40 percent of the cargoes.', '40 percent', { value: 40, unit: 'percent' }],
  ]);
  const rise = quantitiesOf('Exports were up 20 percent.').find((q) => q.change);
  assert.equal(rise?.change?.factor, 1.2);
});

test('the extraction JSON lists the quantities with spans', () => {
  const text = 'The North sent over 3 million shells.';
  const out = toExtraction(extract(text));
  assert.deepEqual(
    out.quantities.map(({ text: t, value, min, max, unit, start, end }) => ({ t, value, min, max, unit, start, end })),
    [{ t: 'over 3 million', value: null, min: 3000000, max: null, unit: 'item', start: 15, end: 29 }],
  );
});

test('the stage runs on segments alone and does not change earlier layers', () => {
  const text = 'Exports rose 40% to 7,000 tonnes.';
  const ctx = { lexicons: loadLexicons() };
  const before = runPipeline(text, null, ctx, [segmentStage]).doc;
  const frozen = JSON.stringify(before);
  const after = quantitiesStage.run(before, ctx);
  assert.equal(JSON.stringify(before), frozen);
  assert.equal(after.layers.segments, before.layers.segments);
  assert.equal(after.layers.quantities?.quantities.length, 2);
});

test('time grows linearly on hostile input (digits, commas, bound words)', () => {
  const ctx = { lexicons: loadLexicons() };
  const stages = [segmentStage, quantitiesStage];
  const unit = 'more than between 1,000,000,000 and 2,000 to 3, up to 4,5,6 over 7-8-9 % nearly tripled 10 times 11,1 $ 12 million 1 ';
  const time = (n: number) => {
    const text = unit.repeat(n);
    const t0 = performance.now();
    runPipeline(text, null, ctx, stages);
    return performance.now() - t0;
  };
  time(200); // warm up
  const small = time(1000);
  const big = time(10000); // ≈ 1 MB
  assert.ok(big < small * 30 + 200, `10× input took ${big.toFixed(0)} ms vs ${small.toFixed(0)} ms`);
  const glued = '1,' .repeat(500000) + '1';
  const t0 = performance.now();
  runPipeline(glued, null, ctx, stages);
  assert.ok(performance.now() - t0 < 5000, 'one 1 MB run of digits and commas');
});

test('a word that only begins phrases ("at least", "in excess of") reads them, and starts nothing before other words', () => {
  check([
    ['The port handled at least 400 wagons.', 'at least 400 wagons', { min: 400 }],
    ['Sales were in excess of 2 million tonnes.', 'in excess of 2 million tonnes', { min: 2_000_000, unit: 'tonne' }],
  ]);
  assert.deepEqual(quantitiesOf('The ships waited at the port in the north.'), []);
});

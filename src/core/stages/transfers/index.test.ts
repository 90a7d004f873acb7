import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../../test-support/extract.js';
import { Categorizer } from './categories.js';
import { statusOf } from './status.js';
import { loadLexicons } from '../../../node/lexicons.js';

type Row = [string, string, string, string];
const flows = (text: string, published = '2024-06-01'): Row[] =>
  (extract(text, published).layers.transfers?.transfers ?? []).map((t) => [`${t.from}>${t.to}`, t.category, t.status, t.source ?? '-']);

test('categories: the longest listed phrase wins, mixed wording follows the precedence', () => {
  const cat = Categorizer.for(loadLexicons().transfers);
  assert.equal(cat.categorize('over 3 million artillery shells'), 'munitions');
  assert.equal(cat.categorize('short-range ballistic missiles'), 'missiles');
  assert.equal(cat.categorize('weapons and ammunition'), 'munitions');
  assert.equal(cat.categorize('arms'), 'weapons');
  assert.equal(cat.categorize('wheat flour'), 'food');
  assert.equal(cat.categorize('refined petroleum products'), 'energy');
  assert.equal(cat.categorize('hard currency'), 'money');
  assert.equal(cat.categorize('the weather'), null);
});

test('status words: denied, planned, hedged, asserted', () => {
  const s = (before: string, extra: Partial<Parameters<typeof statusOf>[0]> = {}) => statusOf({ verb: 'sent', before: before.split(' '), after: [], denial: false, planned: false, ...extra });
  assert.equal(s('has never'), 'denied');
  assert.equal(s('x', { denial: true }), 'denied');
  assert.equal(s('plans to'), 'planned');
  assert.equal(s('will'), 'planned');
  assert.equal(s('could have'), 'hedged');
  assert.equal(s('has likely'), 'hedged');
  assert.equal(s('has'), 'asserted');
});

test('a giving verb with the recipient after it, and the claim that carries it', () => {
  const text = 'Seoul and Pyongyang traded accusations. Tokyo said Pyongyang has provided Moscow with over 2 million artillery shells since March. Moscow thanked Pyongyang.';
  const t = extract(text).layers.transfers?.transfers ?? [];
  const shells = t.find((x) => x.category === 'munitions');
  assert.ok(shells, JSON.stringify(t));
  assert.equal(`${shells.from}>${shells.to}`, 'KP>RU');
  assert.equal(shells.source, 'JP');
  assert.equal(shells.quantity?.min, 2_000_000);
  assert.equal(shells.since, '2024-03');
});

test('a getting verb: the subject receives, "from X" sends; lists split by category', () => {
  const text = 'Moscow bought drones from Tehran. In return, Moscow has transferred food, oil and technical assistance to Tehran. Tehran thanked Moscow.';
  const rows = flows(text);
  assert.ok(rows.some(([k, c]) => k === 'IR>RU' && c === 'weapons'), JSON.stringify(rows));
  for (const c of ['food', 'energy', 'technology']) assert.ok(rows.some(([k, cat]) => k === 'RU>IR' && cat === c), `${c}: ${JSON.stringify(rows)}`);
});

test('planned and denied flows, and a denial of the flow claimed before it', () => {
  const text = 'Washington says Pyongyang plans to send more shells to Moscow. Pyongyang has rejected the claim. Moscow and Pyongyang met.';
  const rows = flows(text);
  assert.ok(rows.some(([k, c, s, src]) => k === 'KP>RU' && c === 'munitions' && s === 'planned' && src === 'US'), JSON.stringify(rows));
  assert.ok(rows.some(([k, , s, src]) => k === 'KP>RU' && s === 'denied' && src === 'KP'), JSON.stringify(rows));
});

test('no transfer without a flow: a ship as a noun, an item of no category', () => {
  assert.deepEqual(flows('The ship left Moscow for Pyongyang. Moscow sent its regards to Pyongyang.'), []);
});

type Full = [string, string, string, number | null];
const full = (text: string, published = '2024-06-01'): Full[] =>
  (extract(text, published).layers.transfers?.transfers ?? []).map((t) => [`${t.from}>${t.to}`, t.category, t.status, t.quantity?.value ?? t.quantity?.max ?? t.quantity?.min ?? null]);

test('a fact box: the scope flows from the supplier, the value is paid back', () => {
  const text = 'OSLO — Norway signed a deal with Germany for new tanks. Norway will pay in instalments.\n\nDeal 1\n- Supplier: Germany\n- Scope: 40 Leopard tanks with spare parts and training\n- Value: about $1.2 billion\n- Schedule: deliveries run until 2027\n\nGermany welcomed the order.';
  const rows = full(text);
  assert.ok(rows.some(([k, c, s, q]) => k === 'DE>NO' && c === 'weapons' && s === 'planned' && q === 40), JSON.stringify(rows));
  assert.ok(rows.some(([k, c, s, q]) => k === 'NO>DE' && c === 'money' && s === 'planned' && q === 1_200_000_000), JSON.stringify(rows));
});

test('the contents of a package: one flow per listed item', () => {
  const text = 'Canada will send more aid to Georgia. Canada announced the package on Monday, and the package covers mortar rounds, anti-tank mines, armoured vehicles and field radios. Georgia thanked Canada.';
  const rows = full(text);
  assert.ok(rows.filter(([k, , s]) => k === 'CA>GE' && s === 'planned').length >= 3, JSON.stringify(rows));
  assert.ok(rows.some(([k, c]) => k === 'CA>GE' && c === 'munitions'), JSON.stringify(rows));
});

test('a tally of suppliers, one line each', () => {
  const text = "ROME — Italy's gas imports rose again. Italy buys more from Algeria than from Norway.\n\nThe figures:\n- Algeria: 2.1 million barrels per day\n- Norway: 900,000 bpd\n- Qatar: 400,000 bpd\n\nItaly expects Algeria to stay first.";
  const rows = full(text);
  for (const [k, q] of [['DZ>IT', 2_100_000], ['NO>IT', 900_000], ['QA>IT', 400_000]] as const) assert.ok(rows.some(([kk, c, , qq]) => kk === k && c === 'energy' && qq === q), `${k}: ${JSON.stringify(rows)}`);
});

test('several recipients, payment in kind, an object relative clause, a share of exports', () => {
  const many = full('Egypt and Russia talked. Russia shipped wheat to Egypt and Tunisia last year.');
  assert.ok(many.some(([k, c]) => k === 'RU>EG' && c === 'food') && many.some(([k, c]) => k === 'RU>TN' && c === 'food'), JSON.stringify(many));
  const kind = full('Iran and Syria talked. Damascus may be paying for the drones with oil, Iran said.');
  assert.ok(kind.some(([k, c, s]) => k === 'SY>IR' && c === 'energy' && s === 'hedged'), JSON.stringify(kind));
  assert.ok(kind.some(([k, c]) => k === 'IR>SY' && c === 'weapons'), JSON.stringify(kind));
  assert.ok(!kind.some(([, c]) => c === 'money'), JSON.stringify(kind));
  const rel = full('Kenya praised Belgium. The rifles that Belgium had handed to Kenya were old.');
  assert.ok(rel.some(([k, c]) => k === 'BE>KE' && c === 'weapons'), JSON.stringify(rel));
  const share = full("Chile and Peru compete. Peru received 40 percent of Spain's exports of arms between 2019 and 2023.");
  assert.ok(share.some(([k, c, , q]) => k === 'ES>PE' && c === 'weapons' && q === 40), JSON.stringify(share));
});

test('no flow from a question, a signed deal or a possessive noun', () => {
  assert.deepEqual(full('Chile and Peru met. Could Chile pay in something other than dollars?'), []);
  assert.ok(!full('Chile and Peru met. Chile signed a supply deal with Peru for fuel.').some(([, c]) => c === 'energy'));
  assert.ok(!full("Chile and Peru met. The hold on the tanks ended with Peru's return to talks.").some(([, c]) => c === 'weapons'));
});

test('lists: "along with", counted parts, "as well as" after a modifier, a quoted item', () => {
  const along = full('Chile and Peru met. Chile sent Peru six howitzers, along with up to four support vehicles.');
  assert.ok(along.some(([k, c, , q]) => k === 'CL>PE' && c === 'weapons' && q === 4), JSON.stringify(along));
  const counted = full('Chile and Peru met. Chile sold Peru 30 armoured vehicles and Archer howitzers.');
  assert.equal(counted.filter(([k, c]) => k === 'CL>PE' && c === 'weapons').length, 2, JSON.stringify(counted));
  const aswell = full('Cuba and Angola met. Cuba sought technology for its power plants, as well as food aid from Angola.');
  assert.ok(aswell.some(([k, c]) => k === 'AO>CU' && c === 'food'), JSON.stringify(aswell));
  const quoted = full('Cuba and Angola met. Angola has transferred fuel, wheat, and what one diplomat described as “serious amounts of technical help” to Cuba.');
  assert.ok(quoted.some(([k, c]) => k === 'AO>CU' && c === 'technology'), JSON.stringify(quoted));
});

test('item before the verb: a bare passive, an appositive; status of a contrasted clause', () => {
  const passive = full('Chile and Peru met. Long-range rockets were sent to Peru by Chile last year.');
  assert.ok(passive.some(([k, c, s]) => k === 'CL>PE' && c === 'munitions' && s === 'asserted'), JSON.stringify(passive));
  const appositive = full('Chile and Peru met. Peruvian workers, once sent home under a court order, have quietly returned to farms across Chile.');
  assert.ok(appositive.some(([k, c]) => k === 'PE>CL' && c === 'labor'), JSON.stringify(appositive));
  const contrast = full('Chile and Peru met. An analyst said Lima would pay for the port while Santiago supplied rifles, fuel and the training of Peruvian crews.');
  assert.ok(contrast.some(([k, c, s]) => k === 'CL>PE' && c === 'energy' && s === 'planned'), JSON.stringify(contrast));
  const delivery = full('Chile and Peru met. Peru had taken delivery in May of patrol drones from Chile, officials said.');
  assert.ok(delivery.some(([k, c, s]) => k === 'CL>PE' && c === 'weapons' && s === 'asserted'), JSON.stringify(delivery));
  const buying = full('Chile and Peru met. Lima is buying eight submarines from Chile.');
  assert.ok(buying.some(([k, c, s]) => k === 'CL>PE' && c === 'weapons' && s === 'planned'), JSON.stringify(buying));
});

test('a party speaking of "claims of" a flow disputes it; a definite bare item points back', () => {
  const claims = full('Chile and Peru met. Chile sent rifles to Peru. Peru said that Chilean claims of Peruvian arms deliveries to Chile were not backed by evidence.');
  assert.ok(claims.some(([k, c, s]) => k === 'PE>CL' && c === 'weapons' && s === 'denied'), JSON.stringify(claims));
  const back = full('Chile and Peru met. Chile sold 40 howitzers to Peru in May. Chile handed over the howitzers in June.');
  assert.equal(back.filter(([k, c]) => k === 'CL>PE' && c === 'weapons').length, 1, JSON.stringify(back));
});

test('a bulleted line labelled with a state names the other side; a loan is money', () => {
  const text = 'MOSCOW — Russia builds plants abroad. Russia and Egypt signed more deals.\n\n- Egypt: a Russian state loan of $25 billion covers most of the cost.\n- Chile: Russian engineers are studying a site.\n\nEgypt thanked Russia.';
  const rows = full(text);
  assert.ok(rows.some(([k, c, , q]) => k === 'RU>EG' && c === 'money' && q === 25_000_000_000), JSON.stringify(rows));
});

test('a subject pronoun stands for the last subject, not a state inside a prepositional phrase', () => {
  const rows = flows('Russia restarted fuel deliveries to North Korea in March. By its own count it supplied more than 40,000 barrels by June.');
  assert.ok(rows.some(([pair, cat]) => pair === 'RU>KP' && cat === 'energy'), JSON.stringify(rows));
  assert.ok(!rows.some(([pair]) => pair === 'KP>RU'), JSON.stringify(rows));
});

test("a bulleted line labelled with a state: a passive flow with no recipient goes to that state", () => {
  const text = 'Russia sent fuel to Serbia in March.\n\n- Hungary: fuel for the second unit was delivered in May 2023.\n';
  const rows = flows(text);
  assert.ok(rows.some(([pair, cat]) => pair === 'RU>HU' && cat === 'energy'), JSON.stringify(rows));
});

test('maker adjectives name the sender: "Iranian-made", "North Korean-built"', () => {
  const got = flows('Iran and Russia deepened ties. Russia took delivery in May of Iranian-made attack drones.');
  assert.ok(got.some(([pair, cat]) => pair === 'IR>RU' && cat === 'weapons'), JSON.stringify(got));
  const used = flows('Russia and North Korea signed a pact. Ukrainian soldiers found North Korean-built missiles fired by Russian units near Kharkiv.');
  assert.ok(used.some(([pair, cat]) => pair === 'KP>RU' && cat === 'missiles'), JSON.stringify(used));
});

test('an amount standing for an item named before: "the first six …, followed by eight"', () => {
  const text = 'Norway will give Ukraine 12 F-16 fighter jets, its defence minister said. The first four are to be handed over in the autumn, followed by five next year and the last three in 2027.';
  const t = extract(text).layers.transfers?.transfers ?? [];
  const amounts = t.filter((x) => x.from === 'NO' && x.to === 'UA' && x.category === 'weapons').map((x) => [x.quantity?.value, x.status]);
  assert.deepEqual(amounts, [[12, 'planned'], [4, 'planned'], [5, 'planned'], [3, 'planned']]);
});

test('building abroad: what a state builds goes to the state it stands in, a build at home is no flow', () => {
  const text = 'Russia builds reactors abroad.\n\n- Egypt: Russia is building the El Dabaa plant.\n- Hungary: fuel for the second unit was delivered in May 2023.\n';
  const rows = flows(text);
  assert.ok(rows.some(([pair, cat]) => pair === 'RU>EG' && cat === 'goods'), JSON.stringify(rows));
  assert.ok(rows.some(([pair, cat]) => pair === 'RU>HU' && cat === 'energy'), JSON.stringify(rows));
  assert.deepEqual(flows('Russia is building a new power plant in Russia, Moscow said, while India watched.'), []);
});

test('what goes back: an exchange and a price are flows the other way', () => {
  const swap = flows('Officials said Iran was offering Russia drones in exchange for fighter jets.');
  assert.ok(swap.some(([pair, cat]) => pair === 'IR>RU' && cat === 'weapons'), JSON.stringify(swap));
  assert.ok(swap.some(([pair, cat, status]) => pair === 'RU>IR' && cat === 'weapons' && status === 'planned'), JSON.stringify(swap));
  const priced = flows('Egypt and France signed a deal. Egypt bought 30 Rafale jets from France for $4.5 billion.');
  assert.ok(priced.some(([pair, cat]) => pair === 'FR>EG' && cat === 'weapons'), JSON.stringify(priced));
  assert.ok(priced.some(([pair, cat]) => pair === 'EG>FR' && cat === 'money'), JSON.stringify(priced));
});

test('cargo bound for states, and flow nouns for a list of states that take the item named before', () => {
  const text = 'Russia and Ukraine fought.\n\n- Two ships carrying Russian wheat have left, one bound for Kenya and one for Chad.\n- Shipments for Mali, Niger and Sudan are to leave before the end of the year.\n';
  const rows = flows(text);
  for (const to of ['KE', 'TD']) assert.ok(rows.some(([pair, cat, status]) => pair === `RU>${to}` && cat === 'food' && status === 'asserted'), JSON.stringify(rows));
  for (const to of ['ML', 'NE', 'SD']) assert.ok(rows.some(([pair, cat, status]) => pair === `RU>${to}` && cat === 'food' && status === 'planned'), JSON.stringify(rows));
});

test('package contents: "consist largely of"', () => {
  const rows = flows('North Korea sent Russia about 500 containers in May. We judge that the shipments consist largely of artillery shells.');
  assert.ok(rows.some(([pair, cat]) => pair === 'KP>RU' && cat === 'munitions'), JSON.stringify(rows));
});

test('the fallback partner only where the report shows one: no grain from Ukraine to Russia in a report on grain for Africa', () => {
  const text = 'Russia sent 20,000 tonnes of wheat to Kenya in May. Russia sent 30,000 tonnes of wheat to Chad in June. Ukraine and Russia are at war; Ukraine has shipped 3 million tonnes of grain since August. Russia has also offered to give away fertilizer.';
  const rows = flows(text);
  assert.ok(rows.some(([pair]) => pair === 'RU>KE') && rows.some(([pair]) => pair === 'RU>TD'), JSON.stringify(rows));
  assert.ok(!rows.some(([pair]) => pair === 'UA>RU' || pair === 'RU>UA'), JSON.stringify(rows));
  assert.ok(!rows.some(([pair, cat]) => cat === 'goods' && pair.startsWith('RU>')), JSON.stringify(rows));
});

test('a relative clause before the verb holds no subject; "committed", "repay", "getting" are flow verbs', () => {
  const nl = flows('Belgium, which Zelensky had visited on Monday, also committed F-16s to Ukraine.');
  assert.ok(nl.some(([pair, cat, status]) => pair === 'BE>UA' && cat === 'weapons' && status === 'planned'), JSON.stringify(nl));
  const repay = flows('Dhaka agreed in May to repay Russia in Chinese yuan.');
  assert.ok(repay.some(([pair, cat]) => pair === 'BD>RU' && cat === 'money'), JSON.stringify(repay));
  const help = flows('Seoul says the North is getting Russian help with its missile programme.');
  assert.ok(help.some(([pair, cat]) => pair === 'RU>KP' && cat === 'technology'), JSON.stringify(help));
});

test('"handed to its navy": a possessive pronoun points back to the recipient', () => {
  const rows = flows("Indonesia's navy took its first Chinese submarine in 2021, and two frigates built in Chinese yards were handed to its navy in 2023.");
  assert.ok(rows.some(([pair, cat]) => pair === 'CN>ID' && cat === 'weapons'), JSON.stringify(rows));
});

test('a passive with no recipient goes on with the flow of its category stated just before', () => {
  const rows = flows('Washington sent Kyiv a first batch of ATACMS missiles in April. Officials said more of the missiles had already been sent by June.');
  assert.equal(rows.filter(([pair, cat]) => pair === 'US>UA' && cat === 'missiles').length, 2, JSON.stringify(rows));
});

test('"them", "more" and bare amounts after a verb stand for the item named before', () => {
  const t = extract('Canada plans to buy 50,000 rounds of 155mm ammunition from Korean makers and pass them on to Ukraine, officials said. Ottawa said it would later send more.').layers.transfers?.transfers ?? [];
  const passed = t.find((x) => x.from === 'CA' && x.to === 'UA' && x.category === 'munitions');
  assert.ok(passed, JSON.stringify(t));
  assert.equal(passed.quantity?.value, 50000);
});

test('flow nouns: a month before the noun is no item; a priced package and a delivery with no side follow the usual flow', () => {
  const rows = flows('India bought Russian oil in April. Customs data put May arrivals from Russia at 2.1 million bpd.');
  assert.equal(rows.filter(([pair, cat]) => pair === 'RU>IN' && cat === 'energy').length, 2, JSON.stringify(rows));
  const aid = flows('Britain sent Ukraine 14 Challenger tanks in January. The tanks came as part of a $200 million package approved in December.');
  assert.ok(aid.some(([pair, cat]) => pair === 'GB>UA' && cat === 'weapons'), JSON.stringify(aid));
  assert.equal(flows('Officials met in Geneva. A package of reforms was approved.').length, 0);
});

test('an amount said of each goes to every flow of the sentence before; a payment takes its amount later in the clause', () => {
  const t = extract('Russia and Ukraine fought.\n\nTwo ships carrying Russian wheat have left, one bound for Kenya and one for Chad. Each is carrying 30,000 tonnes.').layers.transfers?.transfers ?? [];
  assert.deepEqual(t.filter((x) => x.category === 'food').map((x) => [x.to, x.quantity?.value]), [['KE', 30000], ['TD', 30000]]);
  const pay = extract('Dhaka agreed in May to repay Russia in Chinese yuan, starting with about $300 million.').layers.transfers?.transfers ?? [];
  assert.equal(pay.find((x) => x.category === 'money')?.quantity?.value, 300000000, JSON.stringify(pay));
});

test("a body of no known state stands for its owner's state: \"the Revolutionary Guards' Quds Force\"", () => {
  const rows = flows("Israeli officials say the Revolutionary Guards' Quds Force sent commanders to Syria.");
  assert.ok(rows.some(([pair, cat]) => pair === 'IR>SY' && cat === 'troops'), JSON.stringify(rows));
});

test('a passive payment with neither side runs against the usual flow; the currency names no side', () => {
  const rows = flows('India bought Russian crude in May. Some cargoes have been paid for in UAE dirhams, traders say.');
  assert.ok(rows.some(([pair, cat]) => pair === 'IN>RU' && cat === 'money'), JSON.stringify(rows));
  assert.ok(!rows.some(([pair]) => pair.startsWith('AE>')), JSON.stringify(rows));
});

test('a person denies for the state of the body they lead', () => {
  const rows = flows("The White House said North Korea had delivered infantry rockets to the Wagner Group in Russia. Wagner's founder, Yevgeny Prigozhin, dismissed the report as gossip.");
  assert.ok(rows.some(([pair, cat, status]) => pair === 'KP>RU' && cat === 'munitions' && status === 'denied'), JSON.stringify(rows));
});

test('lists: neighbours of one category are one item; a list moving "from" a state goes to its owner', () => {
  const t = extract('Officials believe Iran is seeking fighter jets, attack helicopters, tanks and missile production equipment from Russia in return.').layers.transfers?.transfers ?? [];
  assert.deepEqual(t.map((x) => `${x.from}>${x.to}:${x.category}`).sort(), ['RU>IR:technology', 'RU>IR:weapons']);
  const rows = flows("The Houthis grew stronger. Their leader said in 2019 that the group's salaries, drones and rockets all came from Iran.");
  const houthis = rows.filter(([pair]) => pair.startsWith('IR>o_'));
  assert.deepEqual(houthis.map(([, cat]) => cat).sort(), ['money', 'munitions', 'weapons'], JSON.stringify(rows));
});

test('a scheduled handover with no recipient goes on with the flow of its category, even after a payment', () => {
  const text = 'Korea will sell Poland 212 howitzers, officials said on Monday. Poland will pay $2.4 billion for them. The first 24 guns are to be handed over by the end of the year.';
  const t = extract(text).layers.transfers?.transfers ?? [];
  assert.ok(t.some((x) => x.from === 'KR' && x.to === 'PL' && x.category === 'weapons' && x.quantity?.value === 24), JSON.stringify(t.map((x) => [x.from, x.to, x.category, x.quantity?.value])));
});

test('"send workers home" is a return, no flow between states', () => {
  assert.deepEqual(flows('UN sanctions required member states to send North Korean labourers home by the end of 2019.'), []);
});

test('people of one state said to be in another, and teaching or helping them, are flows', () => {
  const rows = flows('About 40 Moldovan soldiers are already in France, and French instructors will teach them to fly drones, Paris said.');
  assert.ok(rows.some(([pair, cat]) => pair === 'MD>FR' && cat === 'troops'), JSON.stringify(rows));
  assert.ok(rows.some(([pair, cat, status]) => pair === 'FR>MD' && cat === 'technology' && status === 'planned'), JSON.stringify(rows));
  const help = flows('Reporters asked whether Moscow would help Tehran build satellites.');
  assert.ok(help.some(([pair, cat]) => pair === 'RU>IR' && cat === 'technology'), JSON.stringify(help));
  assert.deepEqual(flows('Turkey finally helped Sweden join NATO in March.'), []);
  assert.deepEqual(flows('Ukraine and Russia are at war. Russian troops are in Ukraine.'), []);
});

test('"no evidence that any arms had been loaded" denies the flow; "Indian intake" is a flow to India', () => {
  const rows = flows('Russia sent arms to Mali in May. The panel found no evidence that any arms had been loaded for Mali.');
  assert.ok(rows.some(([pair, cat, status]) => pair === 'RU>ML' && cat === 'weapons' && status === 'denied'), JSON.stringify(rows));
  const intake = flows('India bought Russian crude in May. Analysts say Indian intake may fall below 1.8 million bpd.');
  assert.equal(intake.filter(([pair, cat]) => pair === 'RU>IN' && cat === 'energy').length, 2, JSON.stringify(intake));
});

test('a state called another\'s supplier sends to it', () => {
  const rows = flows('Russia has quietly become a grain supplier to Cuba again. Mexico, the island\'s other declared supplier, also reports its shipments.');
  assert.ok(rows.some(([pair, cat]) => pair === 'RU>CU' && cat === 'food'), JSON.stringify(rows));
  const named = flows('Russia sent wheat to Cuba in May. Mexico, Cuba\'s other supplier, sent less.');
  assert.ok(named.some(([pair, cat]) => pair === 'MX>CU' && cat === 'food'), JSON.stringify(named));
});

test('relative clauses with no "that": "the relief flights Iran sent", "weapons Israel had bought were being sent"', () => {
  const rows = flows('Iran sent oil to Syria in May. He suspects that some of the relief flights Iran sent after the earthquake carried weapons.');
  assert.ok(rows.some(([pair, cat]) => pair === 'IR>SY' && cat === 'goods'), JSON.stringify(rows));
  const bought = flows('Washington sent Israel bombs in May. Trump said that weapons Israel had bought were now being sent.');
  assert.equal(bought.filter(([pair]) => pair === 'US>IL').length, 2, JSON.stringify(bought));
});

test('gift verbs: the person given something receives for their state', () => {
  assert.deepEqual(flows('Vladimir Putin presented Kim Jong Un with a Russian-made limousine.').map((r) => r.slice(0, 2)), [['RU>KP', 'goods']]);
  assert.deepEqual(flows('Last year Putin gifted Kim Jong Un two cars.').map((r) => r.slice(0, 2)), [['RU>KP', 'goods']]);
  assert.deepEqual(flows('Officials in Kyiv said Berlin gave Zelensky 50 tanks.').map((r) => r.slice(0, 2)), [['DE>UA', 'weapons']]);
});

test('buying on behalf of a state: the state bought for receives', () => {
  assert.deepEqual(flows('Chinese brokers were procuring Russian oil for Pyongyang through ship-to-ship transfers.').map((r) => r.slice(0, 2)), [['RU>KP', 'energy']]);
  assert.deepEqual(flows('A trading firm in Dubai bought Iranian drones for Venezuela.').map((r) => r.slice(0, 2)), [['IR>VE', 'weapons']]);
});

test('refusing or blocking a flow is no flow', () => {
  assert.deepEqual(flows('Belarus refused to deliver fuel to Lithuania.'), []);
  assert.deepEqual(flows('Turkish banks had begun rejecting payments from Russia.'), []);
  assert.deepEqual(flows('Kazakhstan declined to sell grain to Afghanistan last year.'), []);
});

test('people present or fighting in a state of the report\'s flows have gone there', () => {
  const text = 'Pyongyang has sent shells to Moscow. About 11,000 North Korean troops were in Russia\'s Kursk region by December.';
  assert.ok(flows(text).some(([p, c]) => p === 'KP>RU' && c === 'troops'), JSON.stringify(flows(text)));
  const fought = 'North Korea has sold missiles to Russia. North Korean units had fought in Kursk next to Russian troops.';
  assert.ok(flows(fought).some(([p, c]) => p === 'KP>RU' && c === 'troops'), JSON.stringify(flows(fought)));
  // Armies of states the report shows in no exchange are at war, not sent.
  assert.deepEqual(flows('Russian troops are in Ukraine, officials said.'), []);
});

test('doubt that governs the clause of a flow hedges it', () => {
  const [row] = flows('A Ukrainian official said it was possible that North Korea had supplied missiles to Russia.');
  assert.deepEqual(row.slice(0, 3), ['KP>RU', 'missiles', 'hedged']);
  const [noun] = flows('Investigators said it is likely that the consignment of Iranian drones went to Russia.');
  assert.deepEqual(noun.slice(0, 3), ['IR>RU', 'weapons', 'hedged']);
});

test('lists of goods of several kinds: one flow per category', () => {
  const rows = flows('Russia imported machine tools, microelectronics and other components from China.').map((r) => r.slice(0, 2).join(' ')).sort();
  assert.deepEqual(rows, ['CN>RU goods', 'CN>RU technology']);
  const food = flows('Chinese importers have been buying North Korean seafood, textiles and wigs.').map((r) => r.slice(0, 2).join(' ')).sort();
  assert.deepEqual(food, ['KP>CN food', 'KP>CN goods']);
});

test('reduced relatives, places and purposes name the recipient', () => {
  assert.deepEqual(flows('Russian wheat flour sent to Rajin was unloaded in April.').map((r) => r.slice(0, 2)), [['RU>KP', 'food']]);
  assert.deepEqual(flows('Drones shipped by Iran to Russia were used against Kyiv.').map((r) => r.slice(0, 2)), [['IR>RU', 'weapons']]);
  assert.deepEqual(flows('Russian grain went to Nampo in May.').map((r) => r.slice(0, 2)), [['RU>KP', 'food']]);
  assert.deepEqual(flows('North Korean troops were sent to fight alongside Russian forces.').map((r) => r.slice(0, 2)), [['KP>RU', 'troops']]);
  assert.deepEqual(flows('Pyongyang dispatched soldiers to fight for Russia.').map((r) => r.slice(0, 2)), [['KP>RU', 'troops']]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../../test-support/extract.js';

const events = (text: string, published = '2024-06-20') => (extract(text, published).layers.events?.events ?? []).map((e) => [e.type, e.date, e.actors.join(',')]);
const typed = (text: string, published = '2024-06-20') => events(text, published).map((e) => [e[0], e[1]]);

test('a meeting with its actors and date, and a signed agreement', () => {
  const got = events('Vladimir Putin met Kim Jong Un in Pyongyang on Wednesday. Putin and Kim signed a defence treaty.');
  assert.deepEqual(got[0], ['meeting', '2024-06-19', 'p_putin,p_kim_ju,KP']);
  assert.deepEqual(got[1], ['agreement', '2024-06-19', 'p_putin,p_kim_ju']);
});

test('a veto and sanctions imposed, dated', () => {
  const got = events('Russia vetoed the resolution in March. Washington imposed new sanctions on Pyongyang in May.');
  assert.deepEqual(got.map((e) => [e[0], e[1]]), [['veto', '2024-03'], ['sanction', '2024-05']]);
});

test('no event from a noun used as a modifier or a word inside a quote', () => {
  assert.deepEqual(events('Moscow bought attack drones from Tehran. "We will sign nothing," Putin said.'), []);
});

test('dates joined by "and" give one happening each, also after a coarser date they refine', () => {
  assert.deepEqual(typed('Iran’s space agency has had three failed launches of its satellite rocket this year, in January and April.'), [['launch', '2024-01'], ['launch', '2024-04']]);
  assert.deepEqual(typed('Tehran’s attempts to put a spy satellite into orbit failed in February and May.'), [['launch', '2024-02'], ['launch', '2024-05']]);
});

test('a word that is both noun and verb reads as a noun after a numeral or determiner, as a verb after a name', () => {
  assert.deepEqual(typed('North Korea launches two missiles on Monday.'), [['launch', '2024-06-17']]);
  // "no sign", "a second sanctioned tanker": a noun and an adjective, no happening.
  assert.deepEqual(events('In May, officials saw no sign that Russia and Iran had made a deal.'), []);
  assert.deepEqual(events('A second sanctioned Iranian tanker docked in Syria last week.'), []);
});

test('a noun modifying the next one is no happening ("launch pad", "summit venue")', () => {
  assert.deepEqual(events('In April, Chinese engineers repaired the launch pad that North Korea uses for its missiles.'), []);
});

test('a trigger in a reported clause takes the reported clause’s date, and a noun needs a date of its own', () => {
  // "confirmed on Friday that talks were under way": Friday dates the confirming, not the talks.
  assert.deepEqual(events('Japan’s trade ministry confirmed on Friday that talks were under way between Japanese and Indian firms.'), []);
  // With no date in the reported clause, the report's date stands in for a verb.
  assert.deepEqual(typed('The State Department said in April that Washington had paused a shipment of rifles to Israel.'), [['other', '2024-04']]);
});

test('a conjecture is not a happening', () => {
  assert.deepEqual(events('Trucks were seen at the border in May, suggesting that Moscow and Tehran had agreed on the price.'), []);
});

test('a happening in an "after"/"since" clause with no date of its own is background', () => {
  assert.deepEqual(events('Grain was stranded in Turkish ports after sanctions were imposed on Russia. The ships left in May.'), []);
});

test('"hours before the two leaders met": the main happening takes the meeting’s day, the clause merges into it', () => {
  const got = events('On Tuesday, Xi Jinping met Vladimir Putin in Moscow. Hours before the two leaders met, North Korea fired a ballistic missile into the sea.');
  assert.deepEqual(got, [['meeting', '2024-06-18', 'p_xi,p_putin,RU'], ['launch', '2024-06-18', 'KP,p_putin,p_xi']]);
});

test('"two days after X approved": the clause’s happening counts back from the main date', () => {
  const got = typed('Norway pledged ten jets on June 16. The pledge came three days after Washington approved the transfer of the aircraft.');
  assert.deepEqual(got, [['other', '2024-06-13']]);
});

test('"the two governments" and "both ships" stand for the last two states or vessels named', () => {
  const got = events('Serbia and Hungary are neighbours. In March the two governments signed a gas pipeline deal.');
  assert.deepEqual(got, [['agreement', '2024-03', 'HU,RS']]);
});

test('a dated contract is an agreement made then, and a sentence naming nobody continues the one before', () => {
  assert.deepEqual(events('Egypt buys Russian wheat. The March 2021 contract covers two million tonnes.'), [['agreement', '2021-03', 'EG,RU']]);
  assert.deepEqual(events('Algeria ordered Russian fighter jets. The contract was signed in 2019.'), [['agreement', '2019', 'DZ,RU']]);
});

test('one actor alone does not meet or agree', () => {
  assert.deepEqual(events('Last year Iran said it had agreed to buy fighter jets.'), []);
});

test('state patterns: "under sanctions since", "in force since"', () => {
  assert.deepEqual(typed('The shipping firm has been under U.S. sanctions since 2021.'), [['sanction', '2021']]);
});

test('visits, joint appearances, a host receiving a guest', () => {
  assert.deepEqual(typed('Olaf Scholz received Emmanuel Macron at the presidential palace on Tuesday.'), [['meeting', '2024-06-18']]);
  assert.deepEqual(typed('On Monday, Chancellor Olaf Scholz spoke in Kyiv, standing beside President Volodymyr Zelensky.'), [['meeting', '2024-06-17']]);
  assert.deepEqual(typed('Sergei Lavrov, the Russian foreign minister, spent two days in Pyongyang in late May, where Kim Jong Un received him.'), [['meeting', '2024-05']]);
  assert.deepEqual(typed('Kim Jong Un travelled to meet Vladimir Putin in early May.'), [['meeting', '2024-05']]);
});

test('attacks told by other verbs, repeated attacks, and ship launches', () => {
  assert.deepEqual(typed('Since March, Russian drones have been used against power plants in Ukraine.'), [['attack', '2024-03']]);
  assert.deepEqual(typed('Syria’s Aleppo airport was knocked out twice in April by Israeli jets.'), [['attack', '2024-04'], ['attack', '2024-04']]);
  assert.deepEqual(typed('Indian officials said the second submarine was launched at Mumbai in January.'), [['other', '2024-01']]);
});

test('"at the same ceremony" takes the date of the event before it', () => {
  const got = typed('Vladimir Putin visited Kazakhstan on Monday and met Kassym-Jomart Tokayev. At the same ceremony the two governments signed a protocol amending their 2015 agreement on oil.');
  assert.deepEqual(got, [['meeting', '2024-06-17'], ['agreement', '2024-06-17'], ['agreement', '2015']]);
});

test('a deployment needs forces; "deployed its veto" is a veto', () => {
  assert.deepEqual(typed('When the council voted on new sanctions in March, Russia deployed its veto.'), [['sanction', '2024-03'], ['veto', '2024-03']]);
});

test('"both ships were sanctioned": one sanction for each vessel', () => {
  const got = events('The tanker Sea Breeze and the freighter Polar Star carried Iranian oil. Both ships were sanctioned by the United States in March.');
  assert.deepEqual(got.map((e) => e[0]), ['sanction', 'sanction']);
  assert.equal(new Set(got.map((e) => e[2])).size, 2);
});

test('a dash joining two words breaks no clause ("in July, at the Russia–Africa summit")', () => {
  assert.deepEqual(typed('Vladimir Putin offered the grain in July, at the Russia–Africa summit in Sochi, to six countries.'), [['meeting', '2023-07']]);
});

test('a fact box line labelled with a trigger ("Signed: Monday")', () => {
  const got = typed('DEAL IN BRIEF - Parties: Gazprom and Uzbekistan’s energy ministry - Signed: Monday, in Tashkent', '2024-06-20');
  assert.deepEqual(got, [['agreement', '2024-06-17']]);
});

test('a sentence naming nobody looks up to three sentences back for its actors', () => {
  const got = events('Q: What did Vietnam buy from Russia? A: Frigates. The 2019 contract covers two ships.');
  assert.deepEqual(got, [['agreement', '2019', 'VN,RU']]);
});

test('negations and modal perfects are no happenings, nor do they make a noun happen', () => {
  assert.deepEqual(events('Russia never signed the treaty, officials said in May.'), []);
  assert.deepEqual(events('Moscow could have signed a deal with Pyongyang in July, analysts say.'), []);
});

test('a trigger heading a sentence counts; plural agreement nouns; "hit" needs a weapon', () => {
  assert.deepEqual(typed('Talks between Iran and Saudi Arabia collapsed in May.'), [['meeting', '2024-05']]);
  assert.deepEqual(typed('Peru signed two contracts in April under the framework agreements reached with Chile on 3 March.'), [['agreement', '2024-04'], ['agreement', '2024-03-03']]);
  assert.deepEqual(typed('Russian missiles hit an apartment block in Ukraine on Saturday.'), [['attack', '2024-06-15']]);
  assert.deepEqual(events('Inflation hit Russia hard in May.'), []);
});

test('host verbs are meetings only before a person ("hosted the video" is none)', () => {
  assert.deepEqual(typed('Kim Jong Un hosted Vladimir Putin in Pyongyang in June 2023.'), [['meeting', '2023-06']]);
  assert.deepEqual(events('In May, Russia and China said they would keep hosting the exhibition.'), []);
});

test('"launched a missile barrage": the attack noun is the happening, not a launch', () => {
  assert.deepEqual(typed('Russia launched a large missile barrage against Ukraine on Friday.'), [['attack', '2024-06-14']]);
});

test('each coordinated clause keeps its own actors', () => {
  const got = events('In January, Pyongyang tested a cruise missile, and in March Seoul and Washington held joint drills.');
  assert.deepEqual(got, [['launch', '2024-01', 'KP'], ['exercise', '2024-03', 'KR,US']]);
  // One party agreeing to act alone is no agreement, whoever the other clause names.
  assert.deepEqual(events('Germany agreed in January to send tanks, and the United States announced aid in February.'), []);
});

test('a definite noun in a sentence naming nobody is the last happening of its type told again', () => {
  const got = events('On Monday, Japanese and Australian forces began joint drills near Darwin. The drills, which run until March 9, involve 2,000 troops.', '2024-03-05');
  assert.deepEqual(got, [['exercise', '2024-03-04', 'JP,AU']]);
});

test('a sentence opening on an undated "since"/"after" clause: its happening is kept without a date', () => {
  assert.deepEqual(events('Since Moscow left the deal, Russian missiles have hit Ukrainian ports.'), [['attack', null, 'RU,UA']]);
  // An apposition's "since the war began" dates nothing.
  assert.deepEqual(typed('During his visit to Damascus in May, the first since the war began, Iran’s president and Syria’s president signed a trade deal.'), [['meeting', '2024-05'], ['agreement', '2024-05']]);
});

test('ceasefires, nuclear tests, seizures, cutting ties, opening fire', () => {
  assert.deepEqual(typed('Israel and Hamas agreed a ceasefire on November 22.', '2023-11-30'), [['agreement', '2023-11-22']]);
  assert.deepEqual(typed('North Korea conducted its sixth nuclear test in September 2017.'), [['other', '2017-09']]);
  assert.deepEqual(typed('Iran seized a Greek tanker in the Gulf of Oman in May.'), [['other', '2024-05']]);
  assert.deepEqual(typed('Coast guards opened fire on a Chinese fishing boat on Monday, South Korea said.'), [['attack', '2024-06-17']]);
});

test('the rule says where a date came from when not from the trigger’s clause', () => {
  const got = extract('On Tuesday, Xi Jinping met Vladimir Putin in Moscow. China abstained.', '2024-06-20').layers.events?.events ?? [];
  assert.deepEqual(got.map((e) => e.rule), ['verb:met', 'verb:abstained@sentence-before']);
});

test('a planned happening is none: "is expected to be signed", and a verb of another clause does not make a noun happen', () => {
  assert.deepEqual(typed('In May the two sides agreed on a timetable, and a treaty is expected to be signed in October.'), []);
  assert.deepEqual(typed('Peru and Chile agreed in May to link their payment systems, and a defence treaty is due in October.'), [['agreement', '2024-05']]);
  // "is said to have met" happened.
  assert.deepEqual(typed('Kim Jong Un is said to have met Vladimir Putin in May.'), [['meeting', '2024-05']]);
});

test('"the second such attack" is a kind, not one more attack', () => {
  assert.deepEqual(typed('On Sunday, Ukrainian drones struck a depot in Russia, the second such attack this month.'), [['attack', '2024-06-16']]);
});

test('"He met Kim Jong Un": a personal pronoun stands for the last person named', () => {
  assert.deepEqual(events('Vladimir Putin arrived in Pyongyang on Tuesday. He met Kim Jong Un at the airport.'), [['meeting', '2024-06-18', 'p_kim_ju,p_putin']]);
});

test('"struck a deal" is an agreement, not an attack', () => {
  assert.deepEqual(typed('Moscow and Tehran struck a deal in May to build a railway.'), [['agreement', '2024-05']]);
});

test('a launch at a target is an attack; an asset freeze is a sanction; troops sent are a deployment', () => {
  assert.deepEqual(typed('On Friday Russia launched six missiles at Kharkiv, Ukrainian officials said.'), [['attack', '2024-06-14']]);
  assert.deepEqual(typed('North Korea fired two missiles into the sea on Friday.'), [['launch', '2024-06-14']]);
  assert.deepEqual(typed('In April, Canada froze the assets of three Iranian shipping firms.'), [['sanction', '2024-04']]);
  assert.deepEqual(typed('Belarus sent about 2,000 troops to its border with Poland in May.'), [['deployment', '2024-05']]);
});

test('sanctions worded as listings, blacklistings and designations', () => {
  assert.deepEqual(typed('In March, Washington blacklisted two Turkish traders that sold chips to Moscow.'), [['sanction', '2024-03']]);
  assert.deepEqual(typed('The Commerce Department added five Chinese suppliers to the entity list in April.'), [['sanction', '2024-04']]);
  assert.deepEqual(typed('London published new listings against Iranian drone makers on 3 May.'), [['sanction', '2024-05-03']]);
});

test('"each" after the parties gives one event per party; a plain list gives one event with all', () => {
  assert.deepEqual(events('Norway and Switzerland each imposed sanctions on the Syrian airline in February.'), [
    ['sanction', '2024-02', 'NO,SY'],
    ['sanction', '2024-02', 'CH,SY'],
  ]);
  assert.deepEqual(events('Japan, South Korea and the United States each announced sanctions on Iranian banks in January.'), [
    ['sanction', '2024-01', 'JP,IR'],
    ['sanction', '2024-01', 'KR,IR'],
    ['sanction', '2024-01', 'US,IR'],
  ]);
  assert.deepEqual(events('Canada, Britain and Australia announced sanctions on Belarus in March.'), [['sanction', '2024-03', 'CA,GB,AU,BY']]);
});

test('troops sent, arriving or sent by passive voice are deployments; weapons sent are not', () => {
  assert.deepEqual(typed('Pyongyang began sending special forces to the front in April.'), [['deployment', '2024-04']]);
  assert.deepEqual(typed('Some 900 Belarusian soldiers arrived in Mali in May.'), [['deployment', '2024-05']]);
  assert.deepEqual(typed('Russian engineers were sent to Syria in January.'), [['deployment', '2024-01']]);
  assert.deepEqual(typed('Iranian drones were sent to Russia in January.'), []);
  // A visitor arriving is no deployment.
  assert.deepEqual(typed('Lavrov arrived in Pyongyang in May.'), []);
});

test('taking ground and an incursion are attacks', () => {
  assert.deepEqual(typed('Russian units captured two villages near Pokrovsk in May.'), [['attack', '2024-05']]);
  assert.deepEqual(typed('Ukraine launched an incursion into the Belgorod region in March.'), [['attack', '2024-03']]);
});

test('a host verb with a title before the name, or a delegation, is a meeting', () => {
  assert.deepEqual(events('Kim Jong Un received Defence Minister Andrei Belousov in Pyongyang on 29 November.', '2024-12-01').map((e) => e[0]), ['meeting']);
  assert.deepEqual(typed('Tehran hosted a Belarusian delegation in February.'), [['meeting', '2024-02']]);
});

test('launch failures and suspending or leaving a pact', () => {
  assert.deepEqual(typed('Iran’s rocket programme suffered two failures, in January and March.'), [['launch', '2024-01'], ['launch', '2024-03']]);
  assert.deepEqual(typed('In April, Seoul announced it was partially suspending the military pact with Pyongyang.'), [['other', '2024-04']]);
  // A date naming the pact says it was made then.
  assert.deepEqual(typed('In April, Seoul announced it was partially suspending the 2019 pact with Pyongyang.'), [['other', '2024-04'], ['agreement', '2019']]);
});

test('a year written once holds for the bare months joined before it ("in May and August 2022")', () => {
  assert.deepEqual(typed('Tehran test-fired ballistic missiles in March and October 2022.'), [['launch', '2022-03'], ['launch', '2022-10']]);
});

test('"their own" after a row of parties gives one event per party', () => {
  assert.deepEqual(events('Norway and Switzerland imposed their own sanctions on the Syrian airline in February.'), [
    ['sanction', '2024-02', 'NO,SY'],
    ['sanction', '2024-02', 'CH,SY'],
  ]);
});

test('a ceiling set under sanctions is a sanction; other ceilings are not', () => {
  assert.deepEqual(typed('The cap on Iranian crude sales was set by the UN Security Council in 2010 under its sanctions resolution.'), [['sanction', '2010']]);
  assert.deepEqual(typed('Canada set a ceiling on its coal exports in 2019.'), []);
});

test('generic triggers take no date from the sentence before', () => {
  // "agreed" says too little to be dated by another sentence's date; a dated "agreed" is an agreement.
  assert.deepEqual(typed('Putin visited Ankara in May. He and Erdogan agreed to keep talking.').map((e) => e[0]), ['meeting']);
  assert.deepEqual(typed('Putin visited Ankara in May. In June, he and Erdogan agreed on a grain corridor.'), [['meeting', '2024-05'], ['agreement', '2024-06']]);
});

test('another party that follows suit does the same kind of thing, on its own date', () => {
  assert.deepEqual(events('Britain sanctioned the tanker’s owner on June 3. Canada followed suit on June 9.'), [['sanction', '2024-06-03', 'GB'], ['sanction', '2024-06-09', 'CA']]);
  assert.deepEqual(events('Seoul blacklisted four shipping firms on Tuesday, and Tokyo announced similar measures a day later.'), [['sanction', '2024-06-18', 'KR'], ['sanction', '2024-06-19', 'JP']]);
  assert.deepEqual(typed('Australia imposed new sanctions on Pyongyang in April; New Zealand followed in May.'), [['sanction', '2024-04'], ['sanction', '2024-05']]);
});

test('"followed" with an object, or after no event of a kind one party can repeat, is no event', () => {
  assert.deepEqual(events('Britain sanctioned the tanker’s owner on June 3. Canada followed the case closely.'), [['sanction', '2024-06-03', 'GB']]);
  assert.deepEqual(typed('Putin met Erdogan in Sochi on June 4. Aliyev followed suit on June 6.'), [['meeting', '2024-06-04']]);
});

test('names added to a sanctions list are a sanction', () => {
  assert.deepEqual(typed('The European Union added five Iranian drone makers to its sanctions list in May.'), [['sanction', '2024-05']]);
});

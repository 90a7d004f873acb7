import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../../test-support/extract.js';

const LEAD = 'Pyongyang has sent shells to Moscow, and Moscow sent oil to Pyongyang. ';
const flows = (text: string, lead = LEAD): string[] =>
  (extract(lead + text, '2024-06-01').layers.transfers?.transfers ?? []).filter((t) => !/^(?:shells|oil)$/.test(t.item))
    .map((t) => `${t.from}>${t.to}:${t.category} ${t.status}`);

test('know-how as a noun: the demonym before it or "from" after it gives, the subject or the partner gets', () => {
  assert.deepEqual(flows('The launch owed much to advice on the rocket engine from Russian specialists.'), ['RU>KP:technology asserted']);
  assert.deepEqual(flows('Officials say Russian help with reconnaissance satellites is likely.'), ['RU>KP:technology hedged']);
  assert.deepEqual(flows('Pyongyang wants Russian help with its space programme.'), ['RU>KP:technology planned']);
  assert.deepEqual(flows('Ukraine has relied on American help with air defence.'), ['US>UA:technology asserted']);
  assert.deepEqual(flows('Russian technical assistance to Pyongyang has grown.'), ['RU>KP:technology asserted']);
  // Help with no thing of know-how, and help with no giver, are none.
  assert.deepEqual(flows('With Russian help, the talks went ahead.'), []);
  assert.deepEqual(flows('The satellite needed help with its engines.'), []);
});

test('experts visiting a site of another state carry know-how there', () => {
  assert.deepEqual(flows('Visits by Russian engineers to the Sohae launch site rose in 2024.'), ['RU>KP:technology asserted']);
  assert.deepEqual(flows('A team of Russian specialists visited Sohae in May.'), ['RU>KP:technology asserted']);
  // Leaders visiting are no know-how.
  assert.deepEqual(flows('Russian officials visited Pyongyang in May.'), []);
});

test('military-technical cooperation: both ways unless the report says who helps whom; only agreed, it is planned', () => {
  const lead = 'Russia and North Korea signed a treaty in June. ';
  assert.deepEqual(flows('Moscow and Pyongyang signed an agreement on military-technical cooperation.', lead).sort(), ['KP>RU:technology planned', 'RU>KP:technology planned']);
  assert.deepEqual(flows('Military-technical cooperation between Russia and North Korea has deepened.', lead).sort(), ['KP>RU:technology asserted', 'RU>KP:technology asserted']);
  assert.deepEqual(flows('Russia shared missile technology with North Korea. Military-technical cooperation between Russia and North Korea has deepened.', lead), ['RU>KP:technology asserted']);
  // Cooperation of no technical or military kind is no flow.
  assert.deepEqual(flows('Cultural cooperation between Russia and North Korea has deepened.', lead), []);
});

test('know-how with its giver left to the report: the subject\'s partner helps, experts as subjects visit, "the two" are the main pair', () => {
  assert.deepEqual(flows('Pyongyang wants help with reconnaissance satellites.'), ['RU>KP:technology planned']);
  assert.deepEqual(flows('Seoul says Russian engineers have made repeated visits to the Sohae launch site.'), ['RU>KP:technology asserted']);
  assert.deepEqual(flows('The two leaders pledged military-technical cooperation.').sort(), ['KP>RU:technology planned', 'RU>KP:technology planned']);
  // Help with no thing of know-how is none.
  assert.deepEqual(flows('Ukraine needs help with the investigation.'), []);
});

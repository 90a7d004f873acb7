// Transfers: who sends what to whom, how much, when, as whose claim. Clause by clause around a
// verb of giving or getting ("North Korea has provided Russia with over 3 million artillery
// shells", "Russia bought drones from Iran", "were shipped to Russia") or a flow noun
// ("Russian wheat shipments", "deliveries of refined petroleum to Pyongyang"); lists split into
// one transfer per item; the quantity, period, status and source come from the layers before.
// This module runs the rules sentence by sentence; each rule lives in its own module (README).
import { requireLayer, withLayer, type AnnotatedDoc, type Span } from '../../doc.js';
import { wordSet } from '../../lexicons.js';
import { type Stage, type StageContext } from '../../pipeline.js';
import { Mentions } from '../mentions.js';
import { amountAfterFlow, measureInSentence } from './amount-after.js';
import { fromFollowed, eachAmount } from './amounts.js';
import { fromFieldBlocks, fromTallies, lineLabel } from './blocks.js';
import { Categorizer } from './categories.js';
import { STAGE, PASSIVE, type Ctx, mentionAtToken } from './context.js';
import { fromDenials } from './denials.js';
import { fromBuild } from './from-build.js';
import { fromMotion, fromBound } from './from-motion.js';
import { fromKnowhow, isKnowhowNoun } from './from-knowhow.js';
import { fromLabourNoun, isLabourNoun } from './from-labour.js';
import { fromNoun } from './from-noun.js';
import { fromMaker, isUse, fromUse } from './from-origin.js';
import { inclusionAt, fromInclusion } from './from-package.js';
import { isPresence, fromPresence, fromTeaching, isPeopleIn, fromPeopleIn } from './from-people.js';
import { fromSupplier } from './from-supplier.js';
import { fromPort, fromRollingStock, isHandling, isRollingStock } from './from-port.js';
import { fromReported, isReporting } from './from-reported.js';
import { fromShare, isShareNoun } from './from-share.js';
import { fromVerb, isRework, setAside } from './from-verb.js';
import { Makers } from './makers.js';
import { fromMoreMoney, moreMoneyAt } from './money.js';
import { fillPending, mainPair } from './pending.js';
import { startsLowercase } from '../../letter-case.js';

/** Verbs of teaching, training, helping and advising: the teaching rule reads them. */
const TEACHING = new Set(['teach', 'teaches', 'taught', 'teaching', 'train', 'trains', 'trained', 'training', 'help', 'helps', 'helped', 'helping', 'advise', 'advises', 'advised', 'advising']);



function run(doc: AnnotatedDoc, ctx: StageContext): AnnotatedDoc {
  const segs = requireLayer(doc, 'segments', STAGE);
  const actors = requireLayer(doc, 'actors', STAGE);
  const attributions = doc.layers.attributions?.attributions ?? [];
  const lex = ctx.lexicons.transfers;
  const mentions = new Mentions(actors.actors);
  const tokens = segs.tokens;
  const quoteMask = new Uint8Array(tokens.length);
  const direct = attributions.filter((a) => a.kind === 'direct');
  for (let i = 0, q = 0; i < tokens.length; i++) {
    while (q < direct.length && direct[q].end <= tokens[i].start) q++;
    if (q < direct.length && tokens[i].start >= direct[q].start - 1 && tokens[i].end <= direct[q].end + 1) quoteMask[i] = 1;
  }
  const c: Ctx = {
    doc, tokens, mentions, cat: Categorizer.for(lex), makers: Makers.for(ctx.lexicons), speakerStarts: new Set(attributions.flatMap((a) => (a.speaker ? [a.speaker.start] : []))), give: wordSet(lex.give), get: wordSet(lex.get), nouns: wordSet(lex.nouns), motion: wordSet(lex.motion), build: wordSet(lex.build),
    attributions, quoteMask, pair: mainPair(mentions, attributions, actors.places ?? []), nonState: wordSet(lex.nonStateBodies), placeAt: new Map((actors.places ?? []).map((p) => [p.start, { country: p.country, end: p.end }])), out: [], pending: [], counters: [], filled: new Map(), traded: new Set(),
    claims: attributions.filter((a) => a.kind !== 'direct').sort((x, y) => x.start - y.start),
    timeSpans: (doc.layers.times?.times ?? []).map((t) => ({ start: t.start, end: t.end })).sort((x, y) => x.start - y.start),
    countSpans: (doc.layers.quantities?.quantities ?? []).filter((q) => q.unit !== 'percent' && !/^[A-Z]{3}/.test(q.unit ?? '')).map((q) => ({ start: q.start, end: q.end })).sort((x, y) => x.start - y.start),
    trace: ctx.trace,
  };
  fromFieldBlocks(c);
  fromTallies(c);
  for (const s of segs.sentences) {
    c.label = lineLabel(c, s.start);
    // A question asserts no flow ("Could India pay in something other than rupees?").
    if (tokens[s.tokenEnd - 1]?.text === '?') continue;
    if (/^each$/i.test(tokens[s.tokenStart]?.text ?? '')) eachAmount(c, s);
    const found = c.out.length;
    const pending = c.pending.length;
    for (let v = s.tokenStart; v < s.tokenEnd; v++) {
      if (quoteMask[v]) continue;
      const w = tokens[v].text;
      if (!startsLowercase(w)) {
        // "Shipments for Eritrea … are to leave": a flow noun opening a sentence or a bulleted line.
        const opens = v === s.tokenStart || /^[-•*]$/.test(tokens[v - 1]?.text ?? '');
        if (opens && c.nouns.has(w.toLowerCase())) fromNoun(c, v, s.tokenStart, s.tokenEnd);
        continue;
      }
      // "China's exports of", "Trump's return": after a possessive the word is a noun, not a verb.
      const prevWord = tokens[v - 1]?.text ?? '';
      if (prevWord === "'s" || prevWord === '’s') {
        if (c.nouns.has(w)) fromNoun(c, v, s.tokenStart, s.tokenEnd);
        else if (c.build.has(w)) fromBuild(c, v, s.tokenStart, s.tokenEnd); // "Rosatom's construction of"
        continue;
      }
      const contents = inclusionAt(c, v);
      if (contents > 0) {
        fromInclusion(c, v, contents, s.tokenStart, s.tokenEnd);
        if (!c.give.has(w) && !c.get.has(w)) continue;
      }
      // "unloading at Rajin", "containers stacked at Najin": cargo handled at a place.
      if (isHandling(w) && fromPort(c, v, s.tokenStart, s.tokenEnd)) continue;
      if (isRollingStock(c, v) && fromRollingStock(c, v, s.tokenStart, s.tokenEnd)) continue;
      const gives = c.give.has(w);
      let relativePassive = false;
      let passiveBare = false;
      let reduced = false;
      // Only a verb of giving can be one of these passives: the word tests run only for those.
      if (gives) {
        const before2 = tokens[v - 2]?.text;
        relativePassive = (prevWord === 'were' || prevWord === 'was') && (before2 === 'that' || before2 === 'which');
        // "Long-range missiles were sent to Ukraine": a passive with no object after it has its item before.
        // "were reportedly sent to Russia": an adverb may stand between the auxiliary and the participle.
        const auxAt = /^\p{Ll}+ly$/u.test(prevWord) ? v - 2 : v - 1;
        passiveBare = /(?:ed|nt|ld|wn|en)$/.test(w) && PASSIVE.has(tokens[auxAt]?.text.toLowerCase() ?? '') && /^(?:to|into|onto|for|from|by|aboard|via|through|across|over|in|on|at|during|before|after|last|this|earlier|between|since|until|,|\.|;|and)$/.test(tokens[v + 1]?.text ?? '');
        // "wheat flour sent to Rajin was unloaded": a participle right after its noun is a reduced relative.
        reduced = /(?:ed|nt)$/.test(w) && (/^\p{Ll}{3,}$/u.test(prevWord) || (v - 1 === s.tokenStart && /^\p{Lu}\p{Ll}{2,}s$/u.test(prevWord) && !mentionAtToken(c, v - 1))) && !/(?:ly|ed)$/.test(prevWord) && !PASSIVE.has(prevWord) && !/^(?:has|have|had|that|which|who|and|or|but|then|also|not|never|they|it|we|he|she)$/.test(prevWord) && !c.give.has(prevWord) && !c.get.has(prevWord) && /^(?:to|into|by|from)$/.test(tokens[v + 1]?.text ?? '');
      }
      if (w === 'followed' && tokens[v + 1]?.text === 'by') fromFollowed(c, v, s.tokenStart, s.tokenEnd);
      else if (c.build.has(w)) fromBuild(c, v, s.tokenStart, s.tokenEnd);
      else if (w === 'bound' && tokens[v + 1]?.text === 'for') fromBound(c, v, s.tokenStart, s.tokenEnd);
      else if (isPresence(w) && !gives) fromPresence(c, v, s.tokenStart, s.tokenEnd);
      else if (isUse(w)) fromUse(c, v, s.tokenStart, s.tokenEnd);
      else if (w === 'supplier') fromSupplier(c, v, s.tokenStart, s.tokenEnd);
      else if (TEACHING.has(w)) fromTeaching(c, v, s.tokenStart, s.tokenEnd);
      else if (c.motion.has(w) || relativePassive || passiveBare || reduced) fromMotion(c, v, s.tokenStart, s.tokenEnd);
      else if (isShareNoun(w) && fromShare(c, v, s.tokenStart, s.tokenEnd)) continue; // "6.8 percent of Serbia's arms imports"
      else if (isReporting(w) && fromReported(c, v, s.tokenStart, s.tokenEnd)) continue; // "Russia reported 44,655 barrels for January"
      else if (moreMoneyAt(c, v)) fromMoreMoney(c, v, s.tokenStart, s.tokenEnd);
      else if (isPeopleIn(c, v)) fromPeopleIn(c, v, s.tokenStart, s.tokenEnd); // "North Korean troops in Kursk"
      else if (isLabourNoun(w)) fromLabourNoun(c, v, s.tokenStart, s.tokenEnd); // "work permits to North Korean workers", "the workers' earnings"
      else if (gives || c.get.has(w) || isRework(w) || setAside(c, v)) fromVerb(c, v, s.tokenStart, s.tokenEnd);
      else if (c.nouns.has(w)) fromNoun(c, v, s.tokenStart, s.tokenEnd);
    }
    // "The shipments totalled about 1.1 million barrels": a measure for the flow of the sentence before.
    if (c.out.length === found && c.pending.length === pending) amountAfterFlow(c, s);
    else measureInSentence(c, s, found);
    // Maker adjectives on items no flow of this sentence took in.
    // The spans taken are gathered only once a maker adjective turns up.
    let taken: Span[] | undefined;
    for (let v = s.tokenStart; v < s.tokenEnd; v++) {
      if (quoteMask[v] || !c.makers.at(tokens, v)) continue;
      taken ??= [...c.out.slice(found), ...c.pending.slice(pending)].flatMap((t) => t.spans);
      if (!taken.some((x) => x.start <= tokens[v].start && tokens[v].end <= x.end)) fromMaker(c, v, s.tokenStart, s.tokenEnd);
    }
    // Know-how named by a noun ("Russian help with satellites", "visits by Russian engineers"), where no flow took it in.
    let covered: Span[] | undefined;
    for (let v = s.tokenStart; v < s.tokenEnd; v++) {
      if (quoteMask[v] || !isKnowhowNoun(tokens[v].text.toLowerCase())) continue;
      covered ??= [...c.out.slice(found), ...c.pending.slice(pending)].flatMap((t) => t.spans);
      if (!covered.some((x) => x.start <= tokens[v].start && tokens[v].end <= x.end)) fromKnowhow(c, v, s.tokenStart, s.tokenEnd);
    }
  }
  fillPending(c);
  fromDenials(c);
  return withLayer(doc, 'transfers', { transfers: c.out });
}

export const transfersStage: Stage = { name: STAGE, run };

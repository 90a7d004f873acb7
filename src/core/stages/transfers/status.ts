// A flow's status from the words around its verb and the claim it sits in: denied (a denial
// or a negated verb), planned (anything still to come, even when hedged), hedged (past or
// ongoing flows stated with doubt), else asserted. FORMAT.md "Conventions: Status".
export interface StatusCues {
  verb: string;
  /** Lowercase words just before the verb in its clause. */
  before: string[];
  /** Lowercase words just after the verb. */
  after: string[];
  /** The claim holding the flow is a denial. */
  denial: boolean;
  /** The reporting verb of that claim ("believes", "suggests"). */
  cue?: string;
  /** The verb itself promises a flow ("offered", "pledged", "seeking"). */
  planned: boolean;
}

const NEGATION = new Set(['not', 'never', 'no', "n't", 'nothing', 'neither', 'nor']);
const MODALS = new Set(['could', 'may', 'might', 'would', 'will', 'should', 'must', 'can', 'shall']);
const FUTURE = new Set(['will', 'plans', 'planned', 'plan', 'intends', 'intend', 'expected', 'expects', 'agreed', 'set', 'due', 'going', 'shall', 'offer', 'offered', 'promised', 'pledged', 'seeking', 'sought', 'wants', 'hopes', 'aims', 'prepared', 'preparing', 'ready', 'considering', 'soon']);
const HEDGES = new Set(['likely', 'probably', 'possibly', 'suspected', 'believed', 'appears', 'appeared', 'apparently', 'reportedly', 'allegedly', 'thought', 'presumably', 'seems', 'seemed', 'perhaps']);
/** Reporting verbs that put the claim in the future: "Others expect Moscow to pay in grain". */
const EXPECT_CUES = new Set(['expect', 'expects', 'expected', 'predict', 'predicts', 'predicted', 'forecast', 'forecasts', 'anticipate', 'anticipates', 'warned', 'warns']);
const DOUBT_CUES = new Set(['believe', 'believes', 'believed', 'suspect', 'suspects', 'suspected', 'suggest', 'suggests', 'suggested', 'think', 'thinks', 'judge', 'judges', 'assess', 'assesses', 'fear', 'fears']);

export function statusOf(c: StatusCues): 'asserted' | 'denied' | 'planned' | 'hedged' {
  const near = c.before.slice(-4);
  if (c.denial || near.some((w) => NEGATION.has(w))) return 'denied';
  // "found no evidence that any arms had been loaded", "no sign that the purchase had been completed".
  if (c.before.some((w, i) => w === 'no' && /^(?:evidence|sign|signs|indication|indications|proof)$/.test(c.before[i + 1] ?? ''))) return 'denied';
  // "talks on exporting shells", "in the process of buying": a flow under way is still to come.
  if (/ing$/.test(c.verb) && (near[near.length - 1] === 'on' || near[near.length - 1] === 'about' || near.slice(-2).join(' ') === 'process of')) return 'planned';
  // "Islamabad is buying eight submarines": a purchase in progress is still to come.
  if (/^(?:buying|purchasing|acquiring|ordering|procuring)$/.test(c.verb) && /^(?:is|are)$/.test(near[near.length - 1] ?? '')) return 'planned';
  if (c.cue && EXPECT_CUES.has(c.cue)) return 'planned';
  const modalAt = near.findIndex((w) => MODALS.has(w));
  // "may be paying", "could be supplying": an ongoing flow stated with doubt.
  if (modalAt >= 0 && /^(?:may|might|could)$/.test(near[modalAt]) && near[modalAt + 1] === 'be' && /ing$/.test(c.verb)) return 'hedged';
  const perfect = modalAt >= 0 && near[modalAt + 1] === 'have';
  if (c.planned || near.some((w) => FUTURE.has(w)) || (modalAt >= 0 && !perfect && near[modalAt] !== 'could' && near[modalAt] !== 'may' && near[modalAt] !== 'might')) return 'planned';
  // "are to be handed over", "is to leave": a schedule.
  if (near.some((w, i) => w === 'to' && i > 0 && /^(?:is|are|was|were)$/.test(near[i - 1]))) return 'planned';
  if (near.includes('to') && /^(?:plans?|agreed|wants?|expects?|offered|promised|hopes?|seeks?|seeking|aims?|intends?|deals?|agreements?|contracts?|pacts?|accords?)$/.test(c.before[c.before.indexOf('to') - 1] ?? '')) return 'planned';
  // "signed a term deal with Indian Oil to supply crude": an agreement with a partner to give.
  if (c.before[c.before.length - 1] === 'to' && c.before.some((w, i) => /^(?:deals?|agreements?|contracts?|accords?|pacts?)$/.test(w) && c.before[i + 1] === 'with')) return 'planned';
  if (modalAt >= 0 && !perfect) return 'planned';
  if (perfect || c.before.some((w) => HEDGES.has(w)) || (c.cue && DOUBT_CUES.has(c.cue))) return 'hedged';
  return 'asserted';
}

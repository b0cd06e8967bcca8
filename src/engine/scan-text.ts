/** The whole engine in one call, for the command-line scanner, the tests and the benchmark. */
import { buildTriggerMatcher, findCandidates, type TriggerMatcher } from './find-candidates';
import { matchClaims } from './match-claims';
import type { Nlp } from './nlp';
import type { CompiledRuleSet, ScanResult } from './types';

const matchers = new WeakMap<CompiledRuleSet, TriggerMatcher>();

/** Finds the claims in `text`; block boundaries in the text are line breaks. */
export function scanText(nlp: Nlp, text: string, ruleSet: CompiledRuleSet): ScanResult {
  let matcher = matchers.get(ruleSet);
  if (!matcher) {
    matcher = buildTriggerMatcher(ruleSet.prefilter);
    matchers.set(ruleSet, matcher);
  }
  return matchClaims(nlp, findCandidates(text, matcher), ruleSet);
}

/** The whole engine in one call, for the command-line scanner, the tests and the benchmark. */
import { buildTriggerMatcher, findCandidates, type TriggerMatcher } from './find-candidates.ts';
import { matchClaims } from './match-claims.ts';
import type { Nlp } from './nlp.ts';
import type { CompiledRuleSet, ScanResult } from './types.ts';

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

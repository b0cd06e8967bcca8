/** The whole engine in one call, for the command-line scanner, the tests and the benchmark. */
import { buildTriggerMatcher, findCandidates, type TriggerMatcher } from './find-candidates.ts';
import { matchClaims } from './match-claims.ts';
import { pageVoice, voiceCues } from './page-voice.ts';
import type { Nlp } from '../nlp.ts';
import type { CompiledRuleSet, ScanResult } from '../types.ts';

const matchers = new WeakMap<CompiledRuleSet, TriggerMatcher>();

/** Finds the claims in `text`; block boundaries in the text are line breaks. The page's voice is read from the text. */
export function scanText(nlp: Nlp, text: string, ruleSet: CompiledRuleSet): ScanResult {
  let matcher = matchers.get(ruleSet);
  if (!matcher) {
    matcher = buildTriggerMatcher(ruleSet.prefilter);
    matchers.set(ruleSet, matcher);
  }
  const candidates = findCandidates(text, matcher);
  // The page's voice costs one more pass over the text: only worth it when something matched the prefilter.
  return matchClaims(nlp, candidates, ruleSet, candidates.length > 0 ? { voice: pageVoice(voiceCues(text)) } : {});
}

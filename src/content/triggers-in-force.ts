/**
 * The prefilter in force: the built-in trigger words, plus those of the shopper's own rules, which only the
 * background can compile (compromise never loads in the page). Shared by the eager first look and the full
 * script, so both wake on the same words.
 */
import { buildTriggerMatcher, type TriggerMatcher } from '../engine/claims/find-candidates.ts';
import { combinePrefilters } from '../engine/claims/combine-prefilters.ts';
import type { Prefilter } from '../engine/types.ts';
import type { UserPrefilterRequest, UserPrefilterResponse } from '../messages.ts';

export interface TriggersEnv {
  browser: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
  prefilter: Prefilter;
  version: string;
}

/**
 * The built-in matcher with its expression built at build time (`triggerPattern`) and its words' rules read
 * only when first asked for: the eager first look runs the expression on every page and frame, and needs the
 * rules behind a word only where its gate wakes.
 */
export function lazyTriggerMatcher(pattern: string, loadPrefilter: () => Prefilter): TriggerMatcher {
  const regex = new RegExp(pattern, 'gi');
  let rulesByWord: TriggerMatcher['rulesByWord'] | undefined;
  return {
    regex,
    get rulesByWord() {
      return (rulesByWord ??= buildTriggerMatcher(loadPrefilter(), pattern).rulesByWord);
    },
  };
}

/** The matcher and rules version for these user rules; the built-in ones when there are none or no answer. */
export async function triggersInForce(userRules: string, env: TriggersEnv, builtIn: TriggerMatcher): Promise<{ triggers: TriggerMatcher; version: string }> {
  if (userRules.trim() === '') return { triggers: builtIn, version: env.version };
  const request: UserPrefilterRequest = { type: 'claimlens:user-prefilter' };
  const answer = (await env.browser.runtime.sendMessage(request).catch(() => undefined)) as UserPrefilterResponse | undefined;
  if (!answer) return { triggers: builtIn, version: env.version };
  return { triggers: buildTriggerMatcher(combinePrefilters(env.prefilter, answer.prefilter)), version: answer.version };
}

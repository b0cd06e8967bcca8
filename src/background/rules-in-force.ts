/**
 * The rules the matcher runs: the built-in set plus the shopper's own from the settings, compiled once per
 * text of them. A user rule that stops compiling (an update added a built-in rule with its id, say) is left
 * out rather than breaking the built-in rules; the options page says why when it is next opened.
 */
import type { Browser } from 'webextension-polyfill';
import { combineRuleSets, compileUserRules, NO_USER_RULES } from '../engine/claims/compile-user-rules.ts';
import type { CompiledRuleSet } from '../engine/types.ts';
import { loadSettings } from '../settings/settings.ts';
import type { CardRule } from '../ui/ClaimCard.tsx';
import { toCardRule } from './card-rules.ts';

export interface BuiltInRules {
  ruleSet: CompiledRuleSet;
  sourceTitles: Readonly<Record<string, string>>;
  contextsFile: { file: string; text: string };
  vocabulary: Readonly<Record<string, readonly string[]>>;
}

export interface RulesInForce {
  /** Built-in and user rules together. */
  ruleSet: CompiledRuleSet;
  /** The user rules alone: their trigger words are what the content script adds to its prefilter. */
  userRules: CompiledRuleSet;
  cardRules: ReadonlyMap<string, CardRule>;
}

export function rulesInForce(builtIn: BuiltInRules): (browser: Pick<Browser, 'storage'>) => Promise<RulesInForce> {
  const builtInCards = new Map(builtIn.ruleSet.rules.map((r) => [r.id, toCardRule(r, builtIn.sourceTitles)]));
  let cached: { text: string; rules: RulesInForce } | undefined;
  return async (browser) => {
    const { settings } = await loadSettings(browser);
    if (cached?.text === settings.userRules) return cached.rules;
    const result = compileUserRules({ text: settings.userRules, contexts: builtIn.contextsFile, vocabulary: builtIn.vocabulary, builtIn: builtIn.ruleSet.rules });
    const userRules = result.ok ? result.ruleSet : NO_USER_RULES;
    const cardRules = new Map(builtInCards);
    for (const rule of userRules.rules) cardRules.set(rule.id, toCardRule(rule, builtIn.sourceTitles));
    const rules = { ruleSet: combineRuleSets(builtIn.ruleSet, userRules), userRules, cardRules };
    cached = { text: settings.userRules, rules };
    return rules;
  };
}

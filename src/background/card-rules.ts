/** What the claim card needs to know about a rule, sent with the findings so the content script stays small. */
import type { CompiledRule } from '../engine/types.ts';
import { USER_RULES_FILE } from '../engine/claims/compile-user-rules.ts';
import type { CardRule } from '../ui/ClaimCard.tsx';

/** How the card names the source of a rule the shopper wrote: their citation, if any, is the anchor. */
const USER_RULE_SOURCE_TITLE = 'Your rule';

export function toCardRule(rule: CompiledRule, sourceTitles: Readonly<Record<string, string>>): CardRule {
  if (rule.file === USER_RULES_FILE) {
    const citations = rule.sources.map((s) => ({ title: USER_RULE_SOURCE_TITLE, seed: '', anchor: s.anchor }));
    return { ...cardText(rule), sources: citations.length > 0 ? citations : [{ title: USER_RULE_SOURCE_TITLE, seed: '', anchor: '' }] };
  }
  return {
    ...cardText(rule),
    sources: rule.sources.map((s) => ({ title: sourceTitles[s.seed] ?? s.seed, seed: s.seed, anchor: s.anchor })),
  };
}

function cardText(rule: CompiledRule): Omit<CardRule, 'sources'> {
  return { id: rule.id, title: rule.title, severity: rule.severity, claim: rule.claim, explanation: rule.explanation, ask: rule.ask };
}

/** What the claim card needs to know about a rule, sent with the findings so the content script stays small. */
import type { CompiledRule } from '../engine/types.ts';
import type { CardRule } from '../ui/ClaimCard.tsx';

export function toCardRule(rule: CompiledRule, sourceTitles: Readonly<Record<string, string>>): CardRule {
  return {
    id: rule.id,
    title: rule.title,
    severity: rule.severity,
    claim: rule.claim,
    explanation: rule.explanation,
    ask: rule.ask,
    sources: rule.sources.map((s) => ({ title: sourceTitles[s.seed] ?? s.seed, seed: s.seed, anchor: s.anchor })),
  };
}

/**
 * Renders the compiled rule set as `docs/rules.md`, the human-readable catalogue of what Claimlens flags and
 * why. The output depends on the rules alone (no dates, no paths from the machine), so the same rules always
 * give the same bytes and a test can tell when the committed file is stale.
 */
import { SEVERITIES, type CompiledRule, type CompiledRuleSet, type Severity } from '../engine/types.ts';

export const RULES_DOC_PATH = 'docs/rules.md';
export const RULES_DOC_COMMAND = 'npm run docs:rules';

/** What each verdict means, in the shopper's words (DESIGN.md: misleading / unsupported / risky / context). */
const SEVERITY_MEANING: Record<Severity, string> = {
  misleading: 'a source contradicts the claim',
  unsupported: 'no evidence backs the claim, or a source calls it into question',
  risky: 'a source warns that what is claimed can do harm',
  context: 'an informational note, not a flag',
};

export function rulesDoc(ruleSet: CompiledRuleSet): string {
  const bySeverity = SEVERITIES.map((severity) => ({
    severity,
    rules: ruleSet.rules.filter((r) => r.severity === severity).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  })).filter((group) => group.rules.length > 0);

  const out: string[] = [
    '# Claimlens rules',
    '',
    `<!-- Generated from rules/*.yaml by \`${RULES_DOC_COMMAND}\`. Do not edit: change the rules and regenerate. -->`,
    '',
    'This file is generated from the rule files in `rules/`; do not edit it by hand. After changing a rule,',
    `regenerate it with \`${RULES_DOC_COMMAND}\` (a unit test fails while it is stale).`,
    '',
    `Rules version: \`${ruleSet.version}\` (${ruleSet.rules.length} ${ruleSet.rules.length === 1 ? 'rule' : 'rules'}). ` +
      'The same short hash appears in the popup and in every report, so a finding can be traced to these rules.',
    '',
    'Verdicts:',
    '',
    ...SEVERITIES.map((s) => `- **${s}**: ${SEVERITY_MEANING[s]}.`),
    '',
    'Each source names a seed document and a phrase that occurs verbatim in it, so the passage can be found.',
    '',
    '## Contents',
  ];
  for (const { severity, rules } of bySeverity) {
    out.push('', `### ${heading(severity)} (${rules.length})`, '');
    for (const rule of rules) out.push(`- [\`${rule.id}\`](#${rule.id}): ${inline(rule.title)}`);
  }
  for (const { severity, rules } of bySeverity) {
    out.push('', `## ${heading(severity)}`);
    for (const rule of rules) out.push('', ...ruleSection(rule));
  }
  return `${out.join('\n')}\n`;
}

function ruleSection(rule: CompiledRule): string[] {
  return [
    // An explicit anchor: heading slugs differ between Markdown renderers, rule ids do not.
    `<a id="${rule.id}"></a>`,
    '',
    `### ${inline(rule.title)}`,
    '',
    `- **Id:** \`${rule.id}\` (in \`${rule.file}\`)`,
    `- **Severity:** ${rule.severity}`,
    `- **The claim:** ${inline(rule.claim)}`,
    `- **Why it is doubtful:** ${inline(rule.explanation)}`,
    `- **Ask the seller:** ${inline(rule.ask)}`,
    '- **Sources:**',
    ...rule.sources.map((s) => `  - \`${s.seed}\`: “${inline(s.anchor)}”`),
  ];
}

function heading(severity: Severity): string {
  return severity.charAt(0).toUpperCase() + severity.slice(1);
}

/** Rule prose on one line, with the characters Markdown would read as markup escaped. */
function inline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
}

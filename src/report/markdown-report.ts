/** The page report as Markdown: for `claimlens scan --format md`, the popup's export and the printable report. */
import type { CompiledRule, RuleSource, Severity } from '../engine/types.ts';
import type { CytokineFacts } from '../engine/cytokine-facts.ts';
import { describeBalance, groupFindings, listedName, sentenceExcerpt, type PageReport } from './build-report.ts';

export const SEVERITY_LABELS: Record<Severity, string> = {
  misleading: 'Misleading',
  unsupported: 'Unsupported',
  risky: 'Risky',
  context: 'Context',
};

/**
 * What a report says of a rule: a compiled rule has it, and so does the card's copy of a rule that the popup
 * holds (whose sources carry their document titles).
 */
export type ReportRule = Pick<CompiledRule, 'title' | 'explanation' | 'ask'> & { sources: readonly (RuleSource & { title?: string })[] };

export function formatMarkdown(
  report: PageReport,
  rules: ReadonlyMap<string, ReportRule>,
  sourceTitles: Readonly<Record<string, string>> = {},
): string {
  const { summary } = report;
  const lines = [
    '# Claimlens report',
    '',
    `- **Page:** ${escapeMarkdown(report.input)}`,
    `- **Rules version:** \`${summary.rulesVersion}\``,
    `- **Claims flagged:** ${summary.flagged}${severityBreakdown(report)}`,
    `- **Context notes:** ${summary.bySeverity.context}`,
    `- **Mentioned, not flagged:** ${summary.quietMentions}`,
  ];
  if (report.crossChecks.length > 0) lines.push(`- **Ingredient-list cross-checks:** ${report.crossChecks.length}`);
  if (summary.cytokineFacts) {
    lines.push(`- **Cytokines named:** ${report.cytokines.length} (${summary.cytokineFacts.balance.verdict})`);
  }
  lines.push('');
  if (report.findings.length === 0) {
    lines.push('No claims found that the rules address.', '');
  }
  for (const group of groupFindings(report.findings)) {
    lines.push(`## ${SEVERITY_LABELS[group.severity]}`, '');
    for (const { ruleId, findings } of group.rules) {
      const rule = rules.get(ruleId);
      lines.push(`### ${escapeMarkdown(rule?.title ?? ruleId)} (\`${ruleId}\`)`, '');
      for (const f of findings) {
        const { before, claim, after } = sentenceExcerpt(f, 400);
        lines.push(`> ${escapeMarkdown(before)}**${escapeMarkdown(claim)}**${escapeMarkdown(after)}`, '');
      }
      if (rule) {
        lines.push(
          `**Why it is doubtful:** ${escapeMarkdown(rule.explanation)}`,
          '',
          `**Ask the seller:** ${escapeMarkdown(rule.ask)}`,
          '',
          `**Sources:** ${rule.sources.map((s) => `${escapeMarkdown(s.title ?? sourceTitles[s.seed] ?? s.seed)} (${s.seed}): “${escapeMarkdown(s.anchor)}”`).join('; ')}`,
          '',
        );
      }
    }
  }
  if (report.crossChecks.length > 0) lines.push(...crossCheckSection(report, rules));
  if (summary.cytokineFacts) lines.push(...cytokineSection(summary.cytokineFacts));
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The claims read against the page's own ingredient list: one item per mismatch, with the rule that claimed it. */
function crossCheckSection(report: PageReport, rules: ReadonlyMap<string, ReportRule>): string[] {
  return [
    '## Claims against the ingredient list',
    '',
    ...report.crossChecks.map((c) => {
      const rule = rules.get(c.ruleId);
      const names = c.ingredients.length > 0 ? ` Ingredients: ${c.ingredients.map(escapeMarkdown).join(', ')}.` : '';
      return `- **${escapeMarkdown(rule?.title ?? c.ruleId)}** (\`${c.ruleId}\`, \`${c.kind}\`): ${escapeMarkdown(c.message)}${names}`;
    }),
    '',
  ];
}

/** The label as a table: one row per class, then the balance and what a listing cannot tell. */
function cytokineSection(facts: CytokineFacts): string[] {
  return [
    '## Cytokine Facts',
    '',
    '| Class | Named on the page |',
    '| --- | --- |',
    ...facts.groups.map((g) => `| ${g.label} (${g.cytokines.length}) | ${g.cytokines.map((c) => escapeMarkdown(listedName(c))).join(', ')} |`),
    '',
    `**Balance:** ${describeBalance(facts.balance)}`,
    '',
    `*${facts.note}*`,
    '',
  ];
}

function severityBreakdown(report: PageReport): string {
  const parts = (['misleading', 'unsupported', 'risky'] as const)
    .filter((s) => report.summary.bySeverity[s] > 0)
    .map((s) => `${report.summary.bySeverity[s]} ${s}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** Page text is untrusted: it must read as text, never as Markdown or HTML. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([\\`*_{}[\]()<>#+!|~])/g, '\\$1');
}

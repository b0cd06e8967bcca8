/** The page report as Markdown: for `claimlens scan --format md` and the popup's export (report-document.ts). */
import type { CytokineFacts } from '../engine/cytokines/cytokine-facts.ts';
import { describeBalance, listedName, type PageReport } from './build-report.ts';
import { reportDocument, type DocumentSource, type ReportMeta, type ReportRule } from './report-document.ts';

export type { ReportRule } from './report-document.ts';

export function formatMarkdown(
  report: PageReport,
  rules: ReadonlyMap<string, ReportRule>,
  sourceTitles: Readonly<Record<string, string>> = {},
  meta: ReportMeta = {},
): string {
  const doc = reportDocument(report, rules, sourceTitles, meta);
  const lines = [`# ${doc.title}`, '', ...doc.facts.map((f) => `- **${f.label}:** ${f.kind === 'code' ? `\`${f.value}\`` : f.kind === 'page' ? escapeMarkdown(f.value) : f.value}`), ''];
  if (doc.empty) lines.push(doc.empty, '');
  for (const section of doc.sections) {
    lines.push(`## ${section.label}`, '');
    for (const rule of section.rules) {
      lines.push(`### ${escapeMarkdown(rule.title)} (\`${rule.ruleId}\`)`, '');
      for (const { before, claim, after } of rule.claims) {
        lines.push(`> ${escapeMarkdown(before)}**${escapeMarkdown(claim)}**${escapeMarkdown(after)}`, '');
      }
      if (rule.explanation !== null) {
        lines.push(
          `**Why it is doubtful:** ${escapeMarkdown(rule.explanation)}`,
          '',
          `**Ask the seller:** ${escapeMarkdown(rule.ask ?? '')}`,
          '',
          `**Sources:** ${rule.sources.map(sourceText).join('; ')}`,
          '',
        );
      }
    }
  }
  if (doc.crossChecks.length > 0) {
    lines.push('## Claims against the ingredient list', '');
    for (const c of doc.crossChecks) {
      const names = c.ingredients.length > 0 ? ` Ingredients: ${c.ingredients.map(escapeMarkdown).join(', ')}.` : '';
      lines.push(`- **${escapeMarkdown(c.title)}** (\`${c.ruleId}\`, \`${c.kind}\`): ${escapeMarkdown(c.message)}${names}`);
    }
    lines.push('');
  }
  if (doc.cytokineFacts) lines.push(...cytokineSection(doc.cytokineFacts));
  return `${lines.join('\n').trimEnd()}\n`;
}

/** "Title (seed): “anchor”"; a shopper's own rule has no seed, and maybe no anchor. */
function sourceText(s: DocumentSource): string {
  const where = s.seed ? ` (${s.seed})` : '';
  const anchor = s.anchor ? `: “${escapeMarkdown(s.anchor)}”` : '';
  return `${escapeMarkdown(s.title)}${where}${anchor}`;
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

/** Page text is untrusted: it must read as text, never as Markdown or HTML. */
function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([\\`*_{}[\]()<>#+!|~])/g, '\\$1');
}

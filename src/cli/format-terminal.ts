/** The scanner's default output: readable in a terminal, grouped by severity, one claim per line. */
import type { CompiledRule } from '../engine/types.ts';
import type { CytokineFacts } from '../engine/cytokines/cytokine-facts.ts';
import { describeBalance, groupFindings, listedName, sentenceExcerpt, type PageReport } from '../report/build-report.ts';

export interface Style {
  bold: (s: string) => string;
  dim: (s: string) => string;
  claim: (s: string) => string;
}

export const PLAIN: Style = { bold: (s) => s, dim: (s) => s, claim: (s) => `[${s}]` };

export const ANSI: Style = {
  bold: (s) => `\x1b[1m${s}\x1b[22m`,
  dim: (s) => `\x1b[2m${s}\x1b[22m`,
  claim: (s) => `\x1b[4m${s}\x1b[24m`,
};

export function formatTerminal(report: PageReport, rules: ReadonlyMap<string, CompiledRule>, style: Style): string {
  const { summary } = report;
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const lines = [
    `${style.bold(report.input)}: ${count(summary.flagged, 'claim', 'claims')} flagged, ${count(summary.bySeverity.context, 'context note', 'context notes')} ${style.dim(`(rules ${summary.rulesVersion})`)}`,
  ];
  for (const group of groupFindings(report.findings)) {
    lines.push('', `  ${style.bold(group.severity.toUpperCase())}`);
    for (const { ruleId, findings } of group.rules) {
      lines.push(`    ${rules.get(ruleId)?.title ?? ruleId} ${style.dim(`[${ruleId}]`)}`);
      for (const f of findings) {
        const { before, claim, after } = sentenceExcerpt(f);
        lines.push(`      › ${before}${style.claim(claim)}${after}`);
      }
    }
  }
  if (report.crossChecks.length > 0) lines.push('', ...crossCheckSection(report, rules, style));
  if (summary.cytokineFacts) lines.push('', ...cytokineSection(summary.cytokineFacts, report.cytokines.length, style));
  return `${lines.join('\n')}\n`;
}

/** Wrap width for the label's prose lines; names stay on one line per class. */
const WIDTH = 100;

/** Each mismatch between a claim and the page's ingredient list, its message wrapped under its rule. */
function crossCheckSection(report: PageReport, rules: ReadonlyMap<string, CompiledRule>, style: Style): string[] {
  const lines = [`  ${style.bold('INGREDIENT LIST')} ${style.dim(`(${report.crossChecks.length} ${report.crossChecks.length === 1 ? 'mismatch' : 'mismatches'})`)}`];
  for (const c of report.crossChecks) {
    lines.push(`    ${rules.get(c.ruleId)?.title ?? c.ruleId} ${style.dim(`[${c.ruleId}] ${c.kind}`)}`);
    lines.push(...wrap(c.message, WIDTH, '      '));
  }
  return lines;
}

function cytokineSection(facts: CytokineFacts, listed: number, style: Style): string[] {
  const heads = facts.groups.map((g) => `${g.label} (${g.cytokines.length})`);
  const pad = Math.max(...heads.map((h) => h.length));
  return [
    `  ${style.bold('CYTOKINE FACTS')} ${style.dim(`(${listed} listed)`)}`,
    ...facts.groups.map((g, i) => `    ${heads[i]!.padEnd(pad)}  ${g.cytokines.map(listedName).join(', ')}`),
    `    Balance: ${describeBalance(facts.balance)}`,
    ...wrap(facts.note, WIDTH, '    ').map(style.dim),
  ];
}

function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}

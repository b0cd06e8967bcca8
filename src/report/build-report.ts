/**
 * The page report: what the scanner prints with --json, what the popup exports, what the printable report
 * shows. One builder, so every surface tells the same story.
 */
import { SEVERITIES, type CompiledRuleSet, type CrossCheck, type Finding, type ScanResult, type Severity } from '../engine/types.ts';
import { cytokineFacts, type CytokineBalance, type CytokineFacts } from '../engine/cytokines/cytokine-facts.ts';
import type { ListedCytokine } from '../engine/cytokines/lexicon-types.ts';
import { NAMED_ACTIVES } from '../engine/ingredients/cross-check.ts';

/** The engine owns the cross-check's shape; re-exported for the report's readers. */
export type { CrossCheck } from '../engine/types.ts';

export interface ReportSummary {
  /** Hash of the rule set that produced the findings. */
  rulesVersion: string;
  /** Claims flagged: every finding except `context` notes. */
  flagged: number;
  /** Findings of each severity, `context` included. */
  bySeverity: Record<Severity, number>;
  /** Sentences that carried a rule's words but were left alone. */
  quietMentions: number;
  /** The worst severity flagged, or null when nothing was. */
  worst: Exclude<Severity, 'context'> | null;
  /** The "Cytokine Facts" label (seed 003): what the page lists, grouped, and its balance; null when it names none. */
  cytokineFacts: CytokineFacts | null;
}

export interface PageReport {
  input: string;
  findings: Finding[];
  /** The cytokines the page names, each once, in order of first mention. */
  cytokines: ListedCytokine[];
  /** Mismatches between the page's claims and its own ingredient list; empty without a list or a mismatch. */
  crossChecks: CrossCheck[];
  summary: ReportSummary;
}

export function buildReport(
  input: string,
  result: ScanResult,
  ruleSet: Pick<CompiledRuleSet, 'version'>,
  cytokines: readonly ListedCytokine[] = [],
  crossChecks: readonly CrossCheck[] = [],
): PageReport {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of result.findings) bySeverity[f.severity]++;
  return {
    input,
    findings: result.findings,
    cytokines: cytokines.map((c) => ({ ...c })),
    crossChecks: crossChecks.map((c) => ({ ...c, ingredients: [...c.ingredients] })),
    summary: {
      rulesVersion: ruleSet.version,
      flagged: result.findings.length - bySeverity.context,
      bySeverity,
      quietMentions: result.quiet.length,
      worst: worstSeverity(result.findings),
      cytokineFacts: cytokineFacts(cytokines),
    },
  };
}

/** The worst severity flagged (SEVERITIES is ordered worst first), or null when nothing is flagged. */
export function worstSeverity(findings: readonly Pick<Finding, 'severity'>[]): Exclude<Severity, 'context'> | null {
  const found = SEVERITIES.find((s) => s !== 'context' && findings.some((f) => f.severity === s));
  return (found as Exclude<Severity, 'context'> | undefined) ?? null;
}

/** The page in one line, as the popup's headline: how many claims were flagged and how they divide. */
export function verdictLine(summary: Pick<ReportSummary, 'flagged' | 'bySeverity'>): string {
  const notes = summary.bySeverity.context;
  const noteText = `${notes} context ${notes === 1 ? 'note' : 'notes'}`;
  if (summary.flagged === 0) return notes === 0 ? 'No claims found that the rules address.' : `No claims flagged; ${noteText}.`;
  const parts = (['misleading', 'unsupported', 'risky'] as const).filter((s) => summary.bySeverity[s] > 0).map((s) => `${summary.bySeverity[s]} ${s}`);
  const head = `${summary.flagged} ${summary.flagged === 1 ? 'claim' : 'claims'} flagged`;
  return `${head}: ${parts.join(', ')}${notes > 0 ? `; ${noteText}` : ''}.`;
}

/** Findings grouped by severity (in SEVERITIES order), then by rule in order of first appearance. */
export function groupFindings(findings: readonly Finding[]): { severity: Severity; rules: { ruleId: string; findings: Finding[] }[] }[] {
  return SEVERITIES.map((severity) => {
    const byRule = new Map<string, Finding[]>();
    for (const f of findings) {
      if (f.severity !== severity) continue;
      const list = byRule.get(f.ruleId) ?? [];
      list.push(f);
      byRule.set(f.ruleId, list);
    }
    return { severity, rules: [...byRule].map(([ruleId, list]) => ({ ruleId, findings: list })) };
  }).filter((g) => g.rules.length > 0);
}

/** The sentence cut to about `max` characters around the claim, with the claim's offsets inside the cut. */
export function sentenceExcerpt(f: Finding, max = 180): { before: string; claim: string; after: string } {
  // Findings carry no sentence offset (the contract keeps them lean); the claim's first occurrence is close enough for display.
  const sentenceStart = Math.max(0, f.sentence.indexOf(f.text));
  let before = f.sentence.slice(0, sentenceStart);
  let after = f.sentence.slice(sentenceStart + f.text.length);
  const room = Math.max(0, max - f.text.length);
  if (before.length + after.length > room) {
    const half = Math.floor(room / 2);
    const keepBefore = Math.min(before.length, Math.max(half, room - after.length));
    const keepAfter = Math.min(after.length, room - keepBefore);
    if (keepBefore < before.length) before = `…${before.slice(before.length - keepBefore).trimStart()}`;
    if (keepAfter < after.length) after = `${after.slice(0, keepAfter).trimEnd()}…`;
  }
  return { before, claim: f.text, after };
}

/** One cytokine on the label: its name, and how often the page named it when more than once. */
export function listedName(c: ListedCytokine): string {
  return c.mentions > 1 ? `${c.name} ×${c.mentions}` : c.name;
}

/** The balance in one phrase: "8 pro-inflammatory, 1 anti-inflammatory: net inflammatory (score +0.78 from -1 to +1)". */
export function describeBalance(b: CytokineBalance): string {
  const counts = `${b.proInflammatory} pro-inflammatory, ${b.antiInflammatory} anti-inflammatory`;
  if (b.verdict === 'no inflammatory signals listed') return `${counts}: ${b.verdict}`;
  const score = b.net > 0 ? `+${b.net.toFixed(2)}` : b.net.toFixed(2);
  return `${counts}: ${b.verdict} (score ${score} from -1 to +1)`;
}

/** What a cross-check is filed under: its rule's title or, with no rule behind it, the actives the page names. */
export function crossCheckTitle(ruleId: string, ruleTitle: string | undefined): string {
  return ruleTitle ?? (ruleId === NAMED_ACTIVES ? 'Actives the page names' : ruleId);
}

/**
 * The page report as a document: what the Markdown report (`claimlens scan --format md`, the popup's export)
 * and the printable report page both show, in the same order and the same words. Each surface only renders it,
 * so the printed report and the Markdown can never tell two stories.
 */
import type { CytokineFacts } from '../engine/cytokines/cytokine-facts.ts';
import type { CompiledRule, RuleSource, Severity } from '../engine/types.ts';
import { crossCheckTitle, groupFindings, sentenceExcerpt, type PageReport } from './build-report.ts';

const SEVERITY_LABELS: Record<Severity, string> = {
  misleading: 'Misleading',
  unsupported: 'Unsupported',
  risky: 'Risky',
  context: 'Context',
};

/**
 * What a report says of a rule: a compiled rule has it, and so does the card's copy of a rule that the popup
 * holds (whose sources carry their document titles; a shopper's own rule cites no seed).
 */
export type ReportRule = Pick<CompiledRule, 'title' | 'explanation' | 'ask'> & { sources: readonly (RuleSource & { title?: string })[] };

/** What the report knows of the page beyond its text. */
export interface ReportMeta {
  /** The page's own title. */
  title?: string | null;
  /** When the page was scanned. */
  scannedAt?: Date | null;
}

export interface DocumentFact {
  label: string;
  value: string;
  /** `code`: set in monospace (the rules version); `page`: the page's own words, untrusted. */
  kind?: 'code' | 'page';
}

export interface DocumentSource {
  /** The document's title, or "Your rule". */
  title: string;
  /** The seed file, or '' for a shopper's own citation. */
  seed: string;
  /** The phrase to look for in the document, or ''. */
  anchor: string;
}

export interface DocumentRule {
  ruleId: string;
  title: string;
  /** Each claim in its sentence. */
  claims: { before: string; claim: string; after: string }[];
  /** Null when the rule is unknown to the report (it cannot happen with a report's own rules). */
  explanation: string | null;
  ask: string | null;
  sources: DocumentSource[];
}

export interface DocumentSection {
  severity: Severity;
  label: string;
  rules: DocumentRule[];
}

export interface DocumentCrossCheck {
  ruleId: string;
  /** The title of the rule whose claim the list contradicts. */
  title: string;
  kind: string;
  message: string;
  ingredients: string[];
}

export interface ReportDocument {
  title: 'Claimlens report';
  facts: DocumentFact[];
  /** Said when nothing was found. */
  empty: string | null;
  sections: DocumentSection[];
  crossChecks: DocumentCrossCheck[];
  cytokineFacts: CytokineFacts | null;
}

const NOTHING_FOUND = 'No claims found that the rules address.';

export function reportDocument(
  report: PageReport,
  rules: ReadonlyMap<string, ReportRule>,
  sourceTitles: Readonly<Record<string, string>> = {},
  meta: ReportMeta = {},
): ReportDocument {
  const { summary } = report;
  const facts: DocumentFact[] = [{ label: 'Page', value: report.input, kind: 'page' }];
  if (meta.title) facts.push({ label: 'Title', value: meta.title, kind: 'page' });
  if (meta.scannedAt) facts.push({ label: 'Scanned', value: formatWhen(meta.scannedAt) });
  facts.push(
    { label: 'Rules version', value: summary.rulesVersion, kind: 'code' },
    { label: 'Claims flagged', value: `${summary.flagged}${severityBreakdown(report)}` },
    { label: 'Context notes', value: String(summary.bySeverity.context) },
    { label: 'Mentioned, not flagged', value: String(summary.quietMentions) },
  );
  if (report.crossChecks.length > 0) facts.push({ label: 'Ingredient-list cross-checks', value: String(report.crossChecks.length) });
  if (summary.cytokineFacts) facts.push({ label: 'Cytokines named', value: `${report.cytokines.length} (${summary.cytokineFacts.balance.verdict})` });

  const sections = groupFindings(report.findings).map((group) => ({
    severity: group.severity,
    label: SEVERITY_LABELS[group.severity],
    rules: group.rules.map(({ ruleId, findings }): DocumentRule => {
      const rule = rules.get(ruleId);
      return {
        ruleId,
        title: rule?.title ?? ruleId,
        claims: findings.map((f) => sentenceExcerpt(f, 400)),
        explanation: rule?.explanation ?? null,
        ask: rule?.ask ?? null,
        sources: (rule?.sources ?? []).map((s) => ({ title: s.title ?? sourceTitles[s.seed] ?? s.seed, seed: s.seed, anchor: s.anchor })),
      };
    }),
  }));
  return {
    title: 'Claimlens report',
    facts,
    empty: report.findings.length === 0 ? NOTHING_FOUND : null,
    sections,
    crossChecks: report.crossChecks.map((c) => ({ ...c, title: crossCheckTitle(c.ruleId, rules.get(c.ruleId)?.title), ingredients: [...c.ingredients] })),
    cytokineFacts: summary.cytokineFacts,
  };
}

/** "2026-12-01 10:56 UTC": one clock for every reader of a report, wherever it is printed. */
function formatWhen(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function severityBreakdown(report: PageReport): string {
  const parts = (['misleading', 'unsupported', 'risky'] as const)
    .filter((s) => report.summary.bySeverity[s] > 0)
    .map((s) => `${report.summary.bySeverity[s]} ${s}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

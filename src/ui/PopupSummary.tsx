/**
 * The shopper's third moment: the page at a glance. A one-line verdict, counts by severity, the claims
 * grouped by rule (a click shows the claim in the page), the Cytokine Facts label, export, and the switch that
 * pauses Claimlens on the site. Presentational: the state comes in as props, every action goes out as a
 * callback. Empty states say exactly what is true: nothing found, paused, not scannable, or still scanning.
 */
import type { ComponentChildren } from 'preact';
import { SEVERITIES, type QuietMention, type Severity } from '../engine/types.ts';
import { crossCheckTitle, groupFindings, sentenceExcerpt, verdictLine, type PageReport } from '../report/build-report.ts';
import { CytokineFactsLabel } from './CytokineFactsLabel.tsx';
import { VERDICTS, type CardRule } from './ClaimCard.tsx';
import { ReadingModeSwitch, type ReadingModeSwitchProps } from './ReadingModeSwitch.tsx';

export type PopupState =
  /** Asking the tab and storage. */
  | { kind: 'loading' }
  /** No content script answers in this tab: a browser page, an extension store, a PDF, or a tab open since before install. */
  | { kind: 'unavailable' }
  /** The content script is there, and has not filed its first report yet. */
  | { kind: 'scanning'; site: string | null }
  | { kind: 'paused'; site: string }
  | {
      kind: 'report';
      report: PageReport;
      rules: Readonly<Record<string, CardRule>>;
      /** Sentences with a rule's words that were left alone, and why. */
      quiet: readonly QuietMention[];
      title: string;
      site: string | null;
    };

export type ExportFormat = 'markdown' | 'json';

export interface PopupSummaryProps {
  state: PopupState;
  /** Where Claimlens may check pages (src/popup/site-access.tsx): `body` replaces the body, `footer` joins the footer. */
  siteAccess?: { body: ComponentChildren; footer: ComponentChildren };
  /** Whether Claimlens is paused on the page's site (the switch's position). */
  paused: boolean;
  /** Shown above everything, e.g. when stored settings could not be read. */
  notice: string | null;
  /** What the last export did, for the live region ("Copied the JSON report."). */
  exportStatus: string | null;
  onOpenClaim: (index: number) => void;
  onPausedChange: (paused: boolean) => void;
  onExport: (format: ExportFormat, how: 'copy' | 'download') => void;
  onOpenOptions: () => void;
  /** Opens the printable report of the page. */
  onOpenReport: () => void;
  /** Reading mode on this tab (highlights hidden); offered where the page is scanned. */
  readingMode?: ReadingModeSwitchProps;
}

export function PopupSummary(props: PopupSummaryProps) {
  const { state } = props;
  const site = state.kind === 'scanning' || state.kind === 'paused' || state.kind === 'report' ? state.site : null;
  return (
    <div class="popup">
      <header class="popup-header">
        <h1 class="brand">Claimlens</h1>
        {site && <span class="site" title={site}>{site}</span>}
      </header>
      {props.notice && (
        <p class="notice" role="alert">
          {props.notice}
        </p>
      )}
      <main class="popup-main">{props.siteAccess?.body ?? <Body {...props} />}</main>
      <footer class="popup-footer">
        {site && (
          <label class="pause">
            <input type="checkbox" role="switch" checked={props.paused} onChange={(e) => props.onPausedChange(e.currentTarget.checked)} />
            Pause on {site}
          </label>
        )}
        {props.siteAccess?.footer}
        <button type="button" class="link-button" onClick={props.onOpenOptions}>
          Settings
        </button>
        {props.readingMode && (state.kind === 'report' || state.kind === 'scanning') && <ReadingModeSwitch {...props.readingMode} />}
      </footer>
    </div>
  );
}

function Body(props: PopupSummaryProps) {
  const { state } = props;
  switch (state.kind) {
    case 'loading':
      return <p class="empty" aria-busy="true">Looking at this tab…</p>;
    case 'unavailable':
      return (
        <div class="empty">
          <p class="empty-title">This page cannot be scanned.</p>
          <p>
            Claimlens reads web pages (http and https). Browser pages, extension stores and PDFs are closed to
            extensions; a page that was open before Claimlens was installed needs a reload.
          </p>
        </div>
      );
    case 'scanning':
      return (
        <p class="empty" role="status" aria-busy="true">
          Still scanning this page…
        </p>
      );
    case 'paused':
      return (
        <div class="empty">
          <p class="empty-title">Paused on {state.site}.</p>
          <p>Claimlens is not reading this site. Switch the pause off below to scan it again.</p>
        </div>
      );
    case 'report':
      return <ReportView {...props} state={state} />;
  }
}

function ReportView(props: PopupSummaryProps & { state: Extract<PopupState, { kind: 'report' }> }) {
  const { report, rules } = props.state;
  const { summary } = report;
  // The popup's "open claim k" is the page's k-th claim: findings arrive in page order.
  const indexOf = new Map(report.findings.map((f, i) => [f, i]));
  const groups = groupFindings(report.findings);
  return (
    <>
      <p class={`verdict-line worst-${summary.worst ?? 'none'}`} role="status">
        {verdictLine(summary)}
      </p>
      <ul class="counts" aria-label="Claims by severity">
        {SEVERITIES.map((s) => (
          <li key={s} class={`count severity-${s}${summary.bySeverity[s] === 0 ? ' count-zero' : ''}`}>
            <span class="count-number">{summary.bySeverity[s]}</span> {countLabel(s)}
          </li>
        ))}
      </ul>
      {groups.length > 0 && (
        <section class="claims" aria-labelledby="claims-title">
          <h2 id="claims-title" class="section-title">
            Claims on this page
          </h2>
          {groups.flatMap((g) =>
            g.rules.map(({ ruleId, findings }) => {
              const rule = rules[ruleId];
              return (
                <section key={ruleId} class={`rule-group severity-${g.severity}`}>
                  <h3 class="rule-title">
                    <span class="verdict">{VERDICTS[g.severity]}</span>
                    <span class="rule-name">{rule?.title ?? ruleId}</span>
                    {findings.length > 1 && <span class="rule-count">×{findings.length}</span>}
                  </h3>
                  <ul class="snippets">
                    {findings.map((f) => {
                      const { before, claim, after } = sentenceExcerpt(f, 140);
                      const index = indexOf.get(f)!;
                      return (
                        <li key={index}>
                          <button type="button" class="snippet" onClick={() => props.onOpenClaim(index)} aria-label={`Show in the page: ${f.sentence}`}>
                            {before}
                            <mark>{claim}</mark>
                            {after}
                          </button>
                        </li>
                      );
                    })}
                  </ul>
                </section>
              );
            }),
          )}
        </section>
      )}
      {report.crossChecks.length > 0 && (
        <section class="cross-checks" aria-labelledby="cross-checks-title">
          <h2 id="cross-checks-title" class="section-title">
            Against the ingredient list
          </h2>
          <ul class="cross-check-list">
            {report.crossChecks.map((c) => (
              <li key={`${c.ruleId}:${c.kind}:${c.message}`} class="cross-check">
                <span class="cross-check-rule">{crossCheckTitle(c.ruleId, rules[c.ruleId]?.title)}</span>
                <span class="cross-check-message">{c.message}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {props.state.quiet.length > 0 && <QuietMentions quiet={props.state.quiet} rules={rules} />}
      {summary.cytokineFacts && <CytokineFactsLabel facts={summary.cytokineFacts} />}
      <section class="export" aria-labelledby="export-title">
        <h2 id="export-title" class="section-title">
          Export this report
        </h2>
        <div class="export-row">
          <span class="export-format">Markdown</span>
          <button type="button" onClick={() => props.onExport('markdown', 'copy')}>
            Copy
          </button>
          <button type="button" onClick={() => props.onExport('markdown', 'download')}>
            Download
          </button>
        </div>
        <div class="export-row">
          <span class="export-format">JSON</span>
          <button type="button" onClick={() => props.onExport('json', 'copy')}>
            Copy
          </button>
          <button type="button" onClick={() => props.onExport('json', 'download')}>
            Download
          </button>
        </div>
        <div class="export-row">
          <span class="export-format">Report</span>
          <button type="button" onClick={props.onOpenReport}>
            Open printable report
          </button>
        </div>
        <p class="export-status" role="status" aria-live="polite">
          {props.exportStatus ?? ''}
        </p>
      </section>
      <p class="rules-version">
        Rules version <code>{summary.rulesVersion}</code>
      </p>
    </>
  );
}

/**
 * Trust comes from seeing the reasoning: the sentences that carried a rule's words but were left alone,
 * each with the reason. Collapsed, since the claims come first.
 */
function QuietMentions({ quiet, rules }: { quiet: readonly QuietMention[]; rules: Readonly<Record<string, CardRule>> }) {
  return (
    <details class="quiet">
      <summary class="section-title">Mentioned, not flagged ({quiet.length})</summary>
      <ul class="quiet-list">
        {quiet.map((q, i) => (
          <li key={i} class="quiet-item">
            <q class="quiet-sentence">{excerpt(q.sentence, 160)}</q>
            <span class="quiet-reason">
              Left alone: {q.reason}
              {rules[q.ruleId] && ` (${rules[q.ruleId]!.title})`}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}

function excerpt(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function countLabel(severity: Severity): string {
  return severity === 'context' ? 'Context' : VERDICTS[severity];
}

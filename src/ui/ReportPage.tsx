/**
 * The printable report: the page's report document (report-document.ts, the same one the Markdown report is
 * written from) laid out for reading and for print, for a complaint to a regulator or a seller. Presentational:
 * the document comes in as a prop; page text renders as text.
 */
import type { ReportDocument } from '../report/report-document.ts';
import { CytokineFactsLabel } from './CytokineFactsLabel.tsx';

export interface ReportPageProps {
  doc: ReportDocument;
  onPrint: () => void;
}

export function ReportPage({ doc, onPrint }: ReportPageProps) {
  return (
    <article class="report">
      <header class="report-header">
        <h1>{doc.title}</h1>
        <button type="button" class="print-button" onClick={onPrint}>
          Print or save as PDF
        </button>
      </header>
      <dl class="report-facts">
        {doc.facts.map((f) => (
          <div key={f.label} class="report-fact">
            <dt>{f.label}</dt>
            <dd>{f.kind === 'code' ? <code>{f.value}</code> : f.value}</dd>
          </div>
        ))}
      </dl>
      {doc.empty && <p class="report-empty">{doc.empty}</p>}
      {doc.sections.map((section) => (
        <section key={section.severity} class={`report-section severity-${section.severity}`} aria-labelledby={`section-${section.severity}`}>
          <h2 id={`section-${section.severity}`}>{section.label}</h2>
          {section.rules.map((rule) => (
            <section key={rule.ruleId} class="report-rule" aria-labelledby={`rule-${rule.ruleId}`}>
              <h3 id={`rule-${rule.ruleId}`}>
                <span class="verdict">{section.label}</span> {rule.title} <code class="rule-id">{rule.ruleId}</code>
              </h3>
              {rule.claims.map((c, i) => (
                <blockquote key={i} class="report-claim">
                  {c.before}
                  <mark>{c.claim}</mark>
                  {c.after}
                </blockquote>
              ))}
              {rule.explanation !== null && (
                <dl class="report-reasoning">
                  <dt>Why it is doubtful</dt>
                  <dd>{rule.explanation}</dd>
                  <dt>Ask the seller</dt>
                  <dd>{rule.ask}</dd>
                  <dt>{rule.sources.length === 1 ? 'Source' : 'Sources'}</dt>
                  <dd>
                    <ul class="report-sources">
                      {rule.sources.map((s) => (
                        <li key={`${s.seed}:${s.anchor}`}>
                          <cite>{s.title}</cite>
                          {s.seed && <span class="seed"> ({s.seed})</span>}
                          {s.anchor && <>: “{s.anchor}”</>}
                        </li>
                      ))}
                    </ul>
                  </dd>
                </dl>
              )}
            </section>
          ))}
        </section>
      ))}
      {doc.crossChecks.length > 0 && (
        <section class="report-section report-cross-checks" aria-labelledby="section-cross-checks">
          <h2 id="section-cross-checks">Claims against the ingredient list</h2>
          <ul>
            {doc.crossChecks.map((c) => (
              <li key={`${c.ruleId}:${c.kind}:${c.message}`}>
                <strong>{c.title}</strong> <code class="rule-id">{c.ruleId}</code> <code class="rule-id">{c.kind}</code>: {c.message}
                {c.ingredients.length > 0 && <> Ingredients: {c.ingredients.join(', ')}.</>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {doc.cytokineFacts && <CytokineFactsLabel facts={doc.cytokineFacts} />}
      <footer class="report-footer">
        <p>
          Made by Claimlens on this computer from the page as it was scanned. The verdicts say what the cited
          sources say about each kind of claim; they are not a judgement of the product or the seller.
        </p>
      </footer>
    </article>
  );
}

/**
 * The "Cytokine Facts" label proposed in seed 003, laid out like a nutrition-facts panel: what the page lists,
 * by class, and which way the list tilts between inflammatory and anti-inflammatory signals, as a bar.
 * Presentational; the same data is in every export.
 */
import type { CytokineFacts } from '../engine/cytokines/cytokine-facts.ts';
import { describeBalance, listedName } from '../report/build-report.ts';

export interface CytokineFactsLabelProps {
  facts: CytokineFacts;
  /** The heading level the label's title takes in the surrounding page. */
  headingLevel?: 2 | 3;
}

export function CytokineFactsLabel({ facts, headingLevel = 2 }: CytokineFactsLabelProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const total = facts.groups.reduce((n, g) => n + g.cytokines.length, 0);
  const { proInflammatory: pro, antiInflammatory: anti } = facts.balance;
  const counted = pro + anti;
  const balance = describeBalance(facts.balance);
  return (
    <section class="facts-label" aria-labelledby="cytokine-facts-title">
      <Heading class="facts-title" id="cytokine-facts-title">
        Cytokine Facts
      </Heading>
      <p class="facts-serving">
        Named on this page: <strong>{total}</strong> {total === 1 ? 'cytokine' : 'cytokines'}
      </p>
      <table class="facts-table">
        <caption class="visually-hidden">Cytokines named on the page, by class</caption>
        <thead>
          <tr>
            <th scope="col">Class</th>
            <th scope="col" class="facts-count">Listed</th>
          </tr>
        </thead>
        <tbody>
          {facts.groups.map((g) => (
            <tr key={g.class} class={`facts-class facts-${g.class}`}>
              <th scope="row">
                <span class="facts-class-name">{g.label}</span>
                <span class="facts-names">{g.cytokines.map(listedName).join(', ')}</span>
              </th>
              <td class="facts-count">{g.cytokines.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="facts-balance">
        <p class="facts-balance-title">Inflammatory balance</p>
        <div class="balance-bar" role="img" aria-label={balance}>
          {counted === 0 ? (
            <span class="balance-none" style={{ width: '100%' }} />
          ) : (
            <>
              <span class="balance-anti" style={{ width: `${(anti / counted) * 100}%` }} />
              <span class="balance-pro" style={{ width: `${(pro / counted) * 100}%` }} />
            </>
          )}
        </div>
        <p class="balance-legend" aria-hidden="true">
          <span>Anti-inflammatory {anti}</span>
          <span>Pro-inflammatory {pro}</span>
        </p>
        <p class="balance-verdict">{balance}</p>
      </div>
      <p class="facts-note">{facts.note}</p>
    </section>
  );
}

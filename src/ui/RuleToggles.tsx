/** Every built-in rule with a switch, grouped by family and filterable by words of its title or id. */
import { useState } from 'preact/hooks';
import type { Severity } from '../engine/types.ts';
import { VERDICTS } from './ClaimCard.tsx';

export interface ToggleRule {
  id: string;
  title: string;
  severity: Severity;
  /** The family it belongs to, e.g. "Living cells". */
  family: string;
}

export interface RuleTogglesProps {
  rules: readonly ToggleRule[];
  disabled: readonly string[];
  onToggle: (ruleId: string, enabled: boolean) => void;
}

export function RuleToggles({ rules, disabled, onToggle }: RuleTogglesProps) {
  const [filter, setFilter] = useState('');
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const visible = rules.filter((r) => words.every((w) => `${r.title} ${r.id} ${r.family} ${r.severity}`.toLowerCase().includes(w)));
  const families = [...new Set(visible.map((r) => r.family))];
  const off = rules.filter((r) => disabled.includes(r.id)).length;

  return (
    <section class="panel" aria-labelledby="rules-heading">
      <h2 id="rules-heading">Rules</h2>
      <p class="hint">
        Switch off a rule to stop its findings showing. {off === 0 ? 'All rules are on.' : `${off} of ${rules.length} switched off.`}
      </p>
      <label for="rule-filter">Find a rule</label>
      <input
        id="rule-filter"
        type="search"
        autoComplete="off"
        placeholder="e.g. exosomes, misleading"
        value={filter}
        onInput={(e) => setFilter(e.currentTarget.value)}
      />
      {visible.length === 0 && <p class="empty">No rule matches “{filter}”.</p>}
      {families.map((family) => (
        <fieldset key={family} class="rule-family">
          <legend>{family}</legend>
          <ul class="rule-list">
            {visible
              .filter((r) => r.family === family)
              .map((rule) => (
                <li key={rule.id}>
                  <label class="rule-toggle">
                    <input type="checkbox" checked={!disabled.includes(rule.id)} onChange={(e) => onToggle(rule.id, e.currentTarget.checked)} />
                    <span class="rule-title">{rule.title}</span>
                    <span class={`tag severity-${rule.severity}`}>{VERDICTS[rule.severity]}</span>
                    <code class="rule-id">{rule.id}</code>
                  </label>
                </li>
              ))}
          </ul>
        </fieldset>
      ))}
    </section>
  );
}

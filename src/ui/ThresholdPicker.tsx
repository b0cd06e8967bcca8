/** The lowest severity shown, as a radio group; each level says what choosing it shows. */
import { SEVERITIES, type Severity } from '../engine/types.ts';

export interface ThresholdPickerProps {
  threshold: Severity;
  onChange: (threshold: Severity) => void;
}

/** Each threshold's name. SEVERITIES is ordered worst first, so each level shows itself and those above it. */
export const THRESHOLD_NAMES: Record<Severity, string> = {
  misleading: 'Misleading only',
  unsupported: 'Unsupported and worse',
  risky: 'Risky and worse',
  context: 'Everything',
};

/** What each threshold shows, in the shopper's words. */
const THRESHOLD_HELP: Record<Severity, string> = {
  misleading: 'Only claims that contradict what is known, such as living stem cells in a jar.',
  unsupported: 'Also claims with no good evidence behind them.',
  risky: 'Also claims that suggest a risk to your health, such as injecting or needling a product.',
  context: 'Everything, including notes that add context but are not flags.',
};

export function ThresholdPicker({ threshold, onChange }: ThresholdPickerProps) {
  return (
    <section class="panel">
      <fieldset>
        <legend>
          <h2>What to show</h2>
        </legend>
        <p class="hint" id="threshold-hint">
          Less severe findings are hidden from the page, the badge and the summary.
        </p>
        <div class="choices">
          {SEVERITIES.map((severity) => (
            <label key={severity} class={`choice severity-${severity}`}>
              <input
                type="radio"
                name="threshold"
                value={severity}
                checked={threshold === severity}
                aria-describedby={`threshold-${severity}-help`}
                onChange={() => onChange(severity)}
              />
              <span class="choice-text">
                <span class="choice-name">{THRESHOLD_NAMES[severity]}</span>
                <span class="choice-help" id={`threshold-${severity}-help`}>
                  {THRESHOLD_HELP[severity]}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
    </section>
  );
}

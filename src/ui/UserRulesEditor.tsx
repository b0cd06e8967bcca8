/**
 * The shopper's own rules as YAML in the rules schema: a text area, Save (the container compiles and either
 * saves or hands back the problems, naming line, rule and field), and an example to start from.
 */
import { useState } from 'preact/hooks';

export interface UserRulesProblems {
  /** E.g. "Not saved. Fix these and save again:". */
  title: string;
  /** One problem each, naming line, rule and field. */
  lines: string[];
}

export interface UserRulesEditorProps {
  /** The rules in force, as saved. */
  saved: string;
  /** How many of the shopper's rules are in force. */
  inForce: number;
  /** The compiler's problems with the last text saved (or with the saved text), with a line saying which; null when none. */
  problems: UserRulesProblems | null;
  example: string;
  onSave: (text: string) => void;
}

export function UserRulesEditor({ saved, inForce, problems, example, onSave }: UserRulesEditorProps) {
  const [draft, setDraft] = useState(saved);
  const changed = draft !== saved;
  const useExample = () => setDraft(draft.trim() === '' ? example : `${draft.replace(/\s*$/, '')}\n\n${example}`);

  return (
    <section class="panel" aria-labelledby="user-rules-heading">
      <h2 id="user-rules-heading">Your own rules</h2>
      <p class="hint" id="user-rules-hint">
        Rules in the same YAML schema as Claimlens's own. Sources are optional and can cite anything (the card shows them as
        your rule); examples, when given, are checked. A rule with a problem is not saved, and the rules in force stay as
        they were.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSave(draft);
        }}
      >
        <label for="user-rules-text">Rules (YAML)</label>
        <textarea
          id="user-rules-text"
          rows={16}
          spellcheck={false}
          autoComplete="off"
          value={draft}
          aria-invalid={problems !== null}
          aria-describedby={problems ? 'user-rules-problems user-rules-hint' : 'user-rules-hint'}
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
        {problems && (
          <div class="problems" id="user-rules-problems">
            <p class="problem-title">{problems.title}</p>
            <ul>
              {problems.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        )}
        <div class="row actions">
          <button type="submit">Save rules</button>
          <span class="state">
            {changed ? 'Unsaved changes.' : inForce === 0 ? 'No rules of yours are in force.' : `${inForce} ${inForce === 1 ? 'rule' : 'rules'} of yours in force.`}
          </span>
        </div>
      </form>
      <details class="example">
        <summary>An example to start from</summary>
        <pre>
          <code>{example}</code>
        </pre>
        <button type="button" class="secondary" onClick={useExample}>
          Copy the example into your rules
        </button>
      </details>
    </section>
  );
}

/**
 * The options page: paused sites, what to show, rules switched off, and the shopper's own rules. Presentational:
 * settings in, new settings out through `onChange`; the container saves them and says so in `status`, which a
 * polite live region reads out ("Saved", or what went wrong).
 */
import type { ComponentChildren } from 'preact';
import type { Settings } from '../settings/settings.ts';
import { PausedSites } from './PausedSites.tsx';
import { RuleToggles, type ToggleRule } from './RuleToggles.tsx';
import { SettingsNotice } from './SettingsNotice.tsx';
import { ThresholdPicker } from './ThresholdPicker.tsx';
import { UserRulesEditor, type UserRulesProblems } from './UserRulesEditor.tsx';

export interface OptionsPageProps {
  settings: Settings;
  /** Why the defaults are in force, when stored settings were unreadable. */
  notice: string | null;
  rules: readonly ToggleRule[];
  userRules: { inForce: number; problems: UserRulesProblems | null; example: string };
  /** The last outcome, announced politely: "Saved.", or an error. */
  status: string;
  onChange: (settings: Settings) => void;
  onSaveUserRules: (text: string) => void;
  /** Sections kept by their own containers, shown first (where Claimlens checks pages, src/options/site-access-section.tsx). */
  first?: ComponentChildren;
  /** Further sections, after the rules (the settings file). */
  children?: ComponentChildren;
}

export function OptionsPage(props: OptionsPageProps) {
  const { settings, onChange } = props;
  return (
    <main class="options">
      <header class="page-header">
        <h1>Claimlens settings</h1>
        <p class="hint">Changes apply at once, to open pages too. Everything stays on this computer.</p>
      </header>
      {props.notice && <SettingsNotice notice={props.notice} />}
      <p class="status" role="status" aria-live="polite">
        {props.status}
      </p>
      {props.first}
      <PausedSites
        sites={settings.pausedSites}
        onAdd={(site) => onChange({ ...settings, pausedSites: [...settings.pausedSites, site].sort() })}
        onRemove={(site) => onChange({ ...settings, pausedSites: settings.pausedSites.filter((s) => s !== site) })}
      />
      <ThresholdPicker threshold={settings.threshold} onChange={(threshold) => onChange({ ...settings, threshold })} />
      <RuleToggles
        rules={props.rules}
        disabled={settings.disabledRules}
        onToggle={(id, enabled) =>
          onChange({ ...settings, disabledRules: enabled ? settings.disabledRules.filter((r) => r !== id) : [...settings.disabledRules, id].sort() })
        }
      />
      <UserRulesEditor
        key={settings.userRules}
        saved={settings.userRules}
        inForce={props.userRules.inForce}
        problems={props.userRules.problems}
        example={props.userRules.example}
        onSave={props.onSaveUserRules}
      />
      {props.children}
    </main>
  );
}

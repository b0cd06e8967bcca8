/**
 * The options page's container: loads and saves the settings, compiles the shopper's rules before they are
 * saved, follows changes made elsewhere (the popup's pause switch), and renders the presentational page.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Browser } from 'webextension-polyfill';
import { compileUserRules, type UserRulesInput } from '../engine/claims/compile-user-rules.ts';
import type { Nlp } from '../engine/nlp.ts';
import type { CompiledRule } from '../engine/types.ts';
import { EXAMPLE_USER_RULE } from '../settings/example-user-rule.ts';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, watchSettings, type Settings } from '../settings/settings.ts';
import { OptionsPage } from '../ui/OptionsPage.tsx';
import { SiteAccessSection } from './site-access-section.tsx';
import type { ToggleRule } from '../ui/RuleToggles.tsx';
import type { UserRulesProblems } from '../ui/UserRulesEditor.tsx';
import type { PermissionsApi } from '../settings/host-access.ts';
import { SettingsFileControls } from './settings-file.tsx';

export interface OptionsDeps {
  browser: Pick<Browser, 'storage' | 'permissions'>;
  builtIn: readonly CompiledRule[];
  contextsFile: UserRulesInput['contexts'];
  vocabulary: UserRulesInput['vocabulary'];
  nlp: Nlp;
  /** The browser's permissions API, for the allowed sites in the settings file. */
  permissions?: PermissionsApi;
}

export function mountOptions(root: Element, deps: OptionsDeps): void {
  render(<OptionsApp {...deps} />, root);
}

/** "rules/living-cells.yaml" → "Living cells"; a word without vowels is an acronym: "prp.yaml" → "PRP". */
export function familyOf(file: string): string {
  const words = file.replace(/^.*\//, '').replace(/\.ya?ml$/, '').split('-');
  const name = words.map((w) => (/[aeiouy]/.test(w) ? w : w.toUpperCase())).join(' ');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The family a shopper's own rules are listed under among the rule switches. */
const USER_RULES_FAMILY = 'Your rules';

function OptionsApp({ browser, builtIn, contextsFile, vocabulary, nlp, permissions }: OptionsDeps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [problems, setProblems] = useState<UserRulesProblems | null>(null);
  const [inForce, setInForce] = useState(0);
  // The shopper's rules in force get switches too: "Don't show claims like this" in a card can switch one off.
  const [ownRules, setOwnRules] = useState<ToggleRule[]>([]);
  const compile = (text: string) => compileUserRules({ text, contexts: contextsFile, vocabulary, builtIn, nlp });
  const takeInForce = (compiled: readonly CompiledRule[]) => {
    setInForce(compiled.length);
    setOwnRules(compiled.map((r) => ({ id: r.id, title: r.title, severity: r.severity, family: USER_RULES_FAMILY })));
  };

  useEffect(() => {
    let live = true;
    void loadSettings(browser).then((loaded) => {
      if (!live) return;
      setSettings(loaded.settings);
      setNotice(loaded.notice);
      const result = compile(loaded.settings.userRules);
      // Saved rules that no longer compile (an update took one's id, say) are not in force: say why.
      if (result.ok) takeInForce(result.ruleSet.rules);
      else setProblems({ title: 'Your saved rules are not in force. Fix these and save again:', lines: result.message.split('\n') });
    });
    const stop = watchSettings(browser, (next) => live && setSettings(next));
    return () => {
      live = false;
      stop();
    };
  }, []);

  if (!settings) return <p class="loading">Loading settings…</p>;

  // A live region announces a change of text only, so each outcome carries the time it happened.
  const stamp = () => new Date().toLocaleTimeString();
  const save = async (next: Settings, message: string): Promise<boolean> => {
    try {
      await saveSettings(browser, next);
      setSettings(next);
      setNotice(null);
      setStatus(`${message} (${stamp()})`);
      return true;
    } catch (err) {
      setStatus(`Not saved: ${err instanceof Error ? err.message : String(err)} (${stamp()})`);
      return false;
    }
  };

  const rules: ToggleRule[] = [...builtIn.map((r) => ({ id: r.id, title: r.title, severity: r.severity, family: familyOf(r.file) })), ...ownRules];

  return (
    <OptionsPage
      settings={settings ?? DEFAULT_SETTINGS}
      notice={notice}
      first={<SiteAccessSection browser={browser} />}
      rules={rules}
      userRules={{ inForce, problems, example: EXAMPLE_USER_RULE }}
      status={status}
      onChange={(next) => void save(next, 'Saved.')}
      onSaveUserRules={(text) => {
        const result = compile(text);
        if (!result.ok) {
          setProblems({ title: 'Not saved. Fix these and save again:', lines: result.message.split('\n') });
          const n = result.problems.length;
          setStatus(`Your rules were not saved: ${n} ${n === 1 ? 'problem' : 'problems'}. The rules in force are unchanged. (${stamp()})`);
          return;
        }
        const count = result.ruleSet.rules.length;
        void save({ ...settings, userRules: text }, `Saved. ${count} ${count === 1 ? 'rule' : 'rules'} of yours in force.`).then((ok) => {
          if (!ok) return;
          setProblems(null);
          takeInForce(result.ruleSet.rules);
        });
      }}
    >
      <SettingsFileControls
        browser={browser}
        permissions={permissions}
        settings={settings}
        userRuleProblems={(text) => {
          const result = compile(text);
          return result.ok ? [] : result.message.split('\n');
        }}
        onImported={(file) => {
          const result = compile(file.userRules);
          setSettings({ pausedSites: file.pausedSites, threshold: file.threshold, disabledRules: file.disabledRules, userRules: file.userRules });
          setNotice(null);
          setProblems(null);
          if (result.ok) takeInForce(result.ruleSet.rules);
        }}
      />
    </OptionsPage>
  );
}

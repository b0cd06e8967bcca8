/** Switches one rule on or off in the stored settings, as the options page's rule switches do. */
import type { Browser } from 'webextension-polyfill';
import { loadSettings, saveSettings, type Settings } from './settings.ts';

/** The settings with `ruleId` switched on or off. */
function withRule(settings: Settings, ruleId: string, on: boolean): Settings {
  const others = settings.disabledRules.filter((id) => id !== ruleId);
  return { ...settings, disabledRules: on ? others : [...others, ruleId].sort() };
}

/** Reads the settings in force, switches the rule, saves; returns what was saved. */
export async function switchRule(browser: Pick<Browser, 'storage'>, ruleId: string, on: boolean): Promise<Settings> {
  const next = withRule((await loadSettings(browser)).settings, ruleId, on);
  await saveSettings(browser, next);
  return next;
}

/**
 * The settings file's container on the options page: builds the file from what is in force, reads a chosen
 * file (refusing a bad one with every problem, writing nothing), writes a good one in one go, and asks the
 * browser for the sites the file allows that this browser has not.
 */
import { useState } from 'preact/hooks';
import type { Browser } from 'webextension-polyfill';
import { allowedSites, type PermissionsApi } from '../settings/host-access.ts';
import { applySettingsFile, currentSettingsFile, readSettingsFile, settingsFileName, type SettingsFile } from '../settings/settings-file.ts';
import type { Settings } from '../settings/settings.ts';
import { downloadFile } from '../popup/export-report.ts';
import { SettingsFileSection, type SettingsFileOutcome } from '../ui/SettingsFileSection.tsx';
import { THRESHOLD_NAMES } from '../ui/ThresholdPicker.tsx';

export interface SettingsFileControlsProps {
  browser: Pick<Browser, 'storage'>;
  /** The browser's permissions API; absent where there is none to ask (then no site is listed as allowed). */
  permissions?: PermissionsApi;
  settings: Settings;
  /** The shopper's rules compiled as the options page compiles them: their problems, or none. */
  userRuleProblems: (text: string) => string[];
  /** A file was put in force. */
  onImported: (file: SettingsFile) => void;
}

export function SettingsFileControls({ browser, permissions, settings, userRuleProblems, onImported }: SettingsFileControlsProps) {
  const [outcome, setOutcome] = useState<SettingsFileOutcome | null>(null);
  const [status, setStatus] = useState('');
  // A live region announces a change of text only, so each outcome carries the time it happened.
  const stamp = () => new Date().toLocaleTimeString();

  const onExport = async () => {
    const sites = permissions ? await allowedSites({ permissions }) : [];
    const file = await currentSettingsFile(browser, settings, sites);
    const filename = settingsFileName();
    downloadFile({ text: `${JSON.stringify(file, null, 2)}\n`, filename, mime: 'application/json' }, document);
    setStatus(`Saved ${filename}. (${stamp()})`);
  };

  const onImport = async (chosen: File) => {
    const result = readSettingsFile(await chosen.text(), { userRuleProblems });
    if (!result.ok) {
      setOutcome({ kind: 'refused', fileName: chosen.name, problems: result.problems });
      setStatus(`Not imported; your settings are unchanged. (${stamp()})`);
      return;
    }
    await applySettingsFile(browser, result.file);
    onImported(result.file);
    const sitesToAllow = await notYetAllowed(permissions, result.file.allowedSites);
    setOutcome({ kind: 'imported', fileName: chosen.name, summary: summarise(result.file), sitesToAllow });
    setStatus(`Imported ${chosen.name}: ${summarise(result.file)}${sitesToAllow.length > 0 ? ` ${plural(sitesToAllow.length, 'site')} to allow below.` : ''} (${stamp()})`);
  };

  const onAllowSites = () => {
    if (outcome?.kind !== 'imported' || !permissions) return;
    const origins = [...outcome.sitesToAllow];
    // Called in the click itself: the browser asks the shopper only from a user gesture.
    permissions.request({ origins }).then(
      async (granted) => {
        const left = await notYetAllowed(permissions, origins);
        setOutcome({ ...outcome, sitesToAllow: left });
        setStatus(granted ? `Allowed ${plural(origins.length, 'site')}. (${stamp()})` : `The sites were not allowed. (${stamp()})`);
      },
      (err: unknown) => setStatus(`The browser did not ask: ${err instanceof Error ? err.message : String(err)} (${stamp()})`),
    );
  };

  return (
    <SettingsFileSection
      outcome={outcome}
      status={status}
      onExport={() => void onExport().catch((err: unknown) => setStatus(`Not exported: ${String(err)} (${stamp()})`))}
      onImport={(file) => void onImport(file).catch((err: unknown) => setStatus(`Not imported: ${err instanceof Error ? err.message : String(err)} (${stamp()})`))}
      onAllowSites={onAllowSites}
    />
  );
}

async function notYetAllowed(permissions: PermissionsApi | undefined, sites: readonly string[]): Promise<string[]> {
  if (!permissions) return [];
  const allowed = await Promise.all(sites.map((origin) => permissions.contains({ origins: [origin] }).catch(() => false)));
  return sites.filter((_, i) => !allowed[i]);
}

function summarise(file: SettingsFile): string {
  const pages = Object.keys(file.hiddenClaims).length;
  const ownRules = (file.userRules.match(/^- id:/gm) ?? []).length;
  return [
    plural(file.pausedSites.length, 'paused site'),
    `${plural(file.disabledRules.length, 'rule')} switched off`,
    `showing ${THRESHOLD_NAMES[file.threshold].toLowerCase()}`,
    `${plural(ownRules, 'rule')} of yours`,
    `hidden claims on ${plural(pages, 'page')}`,
  ].join(', ') + '.';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

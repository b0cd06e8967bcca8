/**
 * The shopper's settings: where Claimlens is paused, how severe a finding must be to show, which rules are off,
 * and their own rules. Kept in storage.local under one key with a schema version; older shapes are migrated,
 * and a stored value that cannot be read is kept aside under a backup key rather than overwritten or dropped.
 * No DOM, no compromise: the content script loads this at every page start.
 */
import * as v from 'valibot';
import type { Browser } from 'webextension-polyfill';
import { SEVERITIES, type Severity } from '../engine/types.ts';
import { HOSTNAME, SETTINGS_KEY, isPaused, siteOf } from './pause-settings.ts';

// The first look (the eager content script) reads these without valibot; they live with its reader.
export { SETTINGS_KEY, isPaused, siteOf };

export interface Settings {
  /** Hostnames where Claimlens is paused, e.g. "shop.example.com". */
  pausedSites: string[];
  /**
   * Lowest severity shown; less severe findings are hidden. SEVERITIES (src/engine/types.ts) is ordered worst
   * first: misleading, unsupported, risky, context; 'context' shows everything.
   */
  threshold: Severity;
  /** Rule ids switched off. */
  disabledRules: string[];
  /** The shopper's own rules: YAML in the rules schema ('' when none). Only a valid text is ever saved. */
  userRules: string;
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  pausedSites: [],
  threshold: 'context',
  disabledRules: [],
  userRules: '',
});

export interface LoadedSettings {
  settings: Settings;
  /** Shown to the user when stored settings were unreadable and defaults are in force. */
  notice: string | null;
}

type StorageBrowser = Pick<Browser, 'storage'>;

/** Where an unreadable stored value is kept, untouched, so nothing the shopper set is silently lost. */
export const BACKUP_KEY = 'settings-unreadable';
/** The schema version this code writes. */
const SETTINGS_VERSION = 2;


const stringList = v.array(v.string());

/** Version 2, the current shape: the settings and their version, side by side. */
const StoredV2Schema = v.strictObject({
  version: v.literal(2),
  pausedSites: v.array(v.pipe(v.string(), v.regex(HOSTNAME, 'must be a hostname'))),
  threshold: v.picklist(SEVERITIES),
  disabledRules: stringList,
  userRules: v.string(),
});

/**
 * Version 1, as the first release stored it: paused origins ("https://shop.example.com"), a switch for
 * context notes, and rules switched off. It had neither a threshold nor user rules.
 */
const StoredV1Schema = v.strictObject({
  version: v.literal(1),
  pausedOrigins: v.array(v.pipe(v.string(), v.check((o) => siteOf(o) !== null, 'must be an http(s) origin'))),
  showContext: v.boolean(),
  disabledRules: stringList,
});

type StoredV1 = v.InferOutput<typeof StoredV1Schema>;
type StoredV2 = v.InferOutput<typeof StoredV2Schema>;

/** Each step takes one version's shape to the next; a new version adds a schema and a step here. */
function migrateV1(old: StoredV1): StoredV2 {
  return {
    version: 2,
    pausedSites: [...new Set(old.pausedOrigins.map((o) => siteOf(o)!))],
    // Hiding context notes meant showing the three flag severities: the threshold at 'risky'.
    threshold: old.showContext ? 'context' : 'risky',
    disabledRules: old.disabledRules,
    userRules: '',
  };
}

type Parsed = { ok: true; settings: Settings; migrated: boolean } | { ok: false; reason: string };

/** Reads a stored value of any version, or says in a few words why it cannot be read. */
function parseStored(raw: unknown): Parsed {
  const version = typeof raw === 'object' && raw !== null && 'version' in raw ? raw.version : undefined;
  if (typeof version === 'number' && version > SETTINGS_VERSION) {
    return { ok: false, reason: `they were saved by a newer version of Claimlens (settings version ${version})` };
  }
  if (version === 1) {
    const v1 = v.safeParse(StoredV1Schema, raw);
    if (v1.success) return { ok: true, settings: fromStored(migrateV1(v1.output)), migrated: true };
    return { ok: false, reason: `they are not in the expected form (${describeIssue(v1.issues[0])})` };
  }
  const v2 = v.safeParse(StoredV2Schema, raw);
  if (v2.success) return { ok: true, settings: fromStored(v2.output), migrated: false };
  return { ok: false, reason: `they are not in the expected form (${describeIssue(v2.issues[0])})` };
}

function describeIssue(issue: v.BaseIssue<unknown> | undefined): string {
  if (!issue) return 'unknown problem';
  const path = issue.path?.map((p) => String(p.key)).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

function fromStored(stored: StoredV2): Settings {
  const { pausedSites, threshold, disabledRules, userRules } = stored;
  return { pausedSites: [...pausedSites], threshold, disabledRules: [...disabledRules], userRules };
}

function toStored(settings: Settings): StoredV2 {
  return { version: SETTINGS_VERSION, ...fromStored(settings as StoredV2) };
}

/**
 * The settings in force. Missing settings are the defaults; an older version is migrated and written back; an
 * unreadable value leaves the defaults in force, is copied to BACKUP_KEY, and the notice says so. The stored
 * value itself stays as it was until the shopper saves.
 */
export async function loadSettings(browser: StorageBrowser): Promise<LoadedSettings> {
  let raw: unknown;
  let backup: unknown;
  try {
    const stored = await browser.storage.local.get([SETTINGS_KEY, BACKUP_KEY]);
    raw = stored[SETTINGS_KEY];
    backup = stored[BACKUP_KEY];
  } catch {
    return { settings: defaults(), notice: 'Claimlens could not read its saved settings from the browser, so the defaults are in force for now.' };
  }
  if (raw === undefined || raw === null) return { settings: defaults(), notice: null };
  const parsed = parseStored(raw);
  if (parsed.ok) {
    if (parsed.migrated) await browser.storage.local.set({ [SETTINGS_KEY]: toStored(parsed.settings) }).catch(() => undefined);
    return { settings: parsed.settings, notice: null };
  }
  let kept = true;
  // Every page and the background load the settings: the copy is written once, not on every load.
  const alreadyKept = typeof backup === 'object' && backup !== null && JSON.stringify((backup as { value?: unknown }).value) === JSON.stringify(raw);
  if (!alreadyKept) {
    try {
      await browser.storage.local.set({ [BACKUP_KEY]: { keptAt: new Date().toISOString(), reason: parsed.reason, value: raw } });
    } catch {
      kept = false;
    }
  }
  const where = kept
    ? `A copy of what was stored is kept under "${BACKUP_KEY}" in Claimlens's local storage`
    : 'The stored value is left as it was';
  return {
    settings: defaults(),
    notice: `Your saved settings could not be read: ${parsed.reason}. The defaults are in force. ${where}; saving here replaces the unreadable settings.`,
  };
}

/** Saves the settings in the current version's shape. @throws when the settings are not well formed. */
export async function saveSettings(browser: StorageBrowser, settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: storedForm(settings) });
}

/**
 * The settings as they are stored (the current version's shape), for a caller that writes them together with
 * other keys in one `storage.local.set`. @throws when the settings are not well formed.
 */
export function storedForm(settings: Settings): unknown {
  return v.parse(StoredV2Schema, toStored(settings));
}

/** Calls `onChange` with the new settings whenever they change in storage (from any page); returns an unsubscribe. */
export function watchSettings(browser: StorageBrowser, onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    const raw = changes[SETTINGS_KEY]?.newValue;
    const parsed = raw === undefined || raw === null ? undefined : parseStored(raw);
    // Unreadable new settings mean the defaults are in force, as loadSettings would say.
    onChange(parsed?.ok ? parsed.settings : defaults());
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** A site typed by the shopper, as a hostname ("shop.example.com") or a page address; null when it is neither. */
export function siteFromInput(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '' || /\s/.test(trimmed)) return null;
  const site = siteOf(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  return site !== null && HOSTNAME.test(site) ? site : null;
}

/** The settings with the URL's site paused or resumed; unchanged for URLs that are not web pages. */
export function withSitePaused(settings: Settings, url: string, paused: boolean): Settings {
  const site = siteOf(url);
  if (site === null) return settings;
  const others = settings.pausedSites.filter((s) => s !== site);
  return { ...settings, pausedSites: paused ? [...others, site].sort() : others };
}

/** Whether a finding shows: severe enough for the threshold, and from a rule that is switched on. */
export function isShown(finding: { ruleId: string; severity: Severity }, settings: Settings): boolean {
  return SEVERITIES.indexOf(finding.severity) <= SEVERITIES.indexOf(settings.threshold) && !settings.disabledRules.includes(finding.ruleId);
}

function defaults(): Settings {
  return { ...DEFAULT_SETTINGS, pausedSites: [], disabledRules: [] };
}

/**
 * The shopper's settings as one file they can keep or move to another browser: paused sites, allowed sites,
 * rules switched off, the severity threshold, their own rules and the claims they hid. The file is versioned
 * JSON (`{"format": "claimlens-settings", "version": 1, ...}`). Reading one checks everything first (the
 * shape, each field, the shopper's rules compiled as the options page compiles them) and says what is wrong
 * by field path; only a file with no problem is written, in one storage write, so a bad file changes nothing.
 */
import * as v from 'valibot';
import type { Browser } from 'webextension-polyfill';
import { SEVERITIES } from '../engine/types.ts';
import { HOSTNAME } from './pause-settings.ts';
import { SETTINGS_KEY, storedForm, type Settings } from './settings.ts';
import { HIDDEN_PREFIX, hiddenClaimsPage, readAllHiddenClaims, type HiddenClaimsByPage } from './hidden-claims-store.ts';

export const SETTINGS_FILE_FORMAT = 'claimlens-settings';
/** The file version this code writes and reads; a newer one is refused rather than half understood. */
export const SETTINGS_FILE_VERSION = 1;

export interface SettingsFile extends Settings {
  format: typeof SETTINGS_FILE_FORMAT;
  version: typeof SETTINGS_FILE_VERSION;
  /** When it was written (ISO 8601); information only. */
  exportedAt?: string;
  /** Sites the shopper allowed Claimlens to check, as host permission patterns ("https://shop.example.com/*"). */
  allowedSites: string[];
  /** Hidden claim keys by page address (origin and path). */
  hiddenClaims: HiddenClaimsByPage;
}

/** A host permission pattern for one site (or its subdomains): scheme, host, optional port, a path. */
const SITE_PATTERN = /^(https?|\*):\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?\/\S*$/;
const RULE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const list = <T extends v.GenericSchema<string, string>>(item: T, what: string) => v.array(item, `must be a list of ${what}`);

const SettingsFileSchema = v.strictObject({
  format: v.literal(SETTINGS_FILE_FORMAT, `must be "${SETTINGS_FILE_FORMAT}"`),
  version: v.literal(SETTINGS_FILE_VERSION, `must be ${SETTINGS_FILE_VERSION}`),
  exportedAt: v.optional(v.pipe(v.string('must be a date as text'), v.isoTimestamp('must be a date and time (ISO 8601)'))),
  pausedSites: list(v.pipe(v.string('must be a hostname'), v.regex(HOSTNAME, 'must be a hostname, e.g. shop.example.com')), 'hostnames'),
  allowedSites: list(v.pipe(v.string('must be a site pattern'), v.regex(SITE_PATTERN, 'must be a site pattern (scheme://host/path), e.g. *://shop.example.com/*')), 'site patterns'),
  threshold: v.picklist(SEVERITIES, `must be one of ${SEVERITIES.join(', ')}`),
  disabledRules: list(v.pipe(v.string('must be a rule id'), v.regex(RULE_ID, 'must be a rule id (lower-case words joined by hyphens)')), 'rule ids'),
  userRules: v.string('must be text (your rules as YAML)'),
  hiddenClaims: v.record(
    v.pipe(v.string(), v.check((page) => hiddenClaimsPage(page) !== null, 'must be a page address (http or https, no query)')),
    list(v.string('must be text'), 'hidden claims'),
    'must be an object of page addresses and their hidden claims',
  ),
}, 'must be an object');

export type ReadResult = { ok: true; file: SettingsFile } | { ok: false; problems: string[] };

export interface ReadOptions {
  /** Compiles the shopper's rules as the options page does: their problems, or none. */
  userRuleProblems: (text: string) => string[];
}

/** Reads a settings file's text; every problem it has, each naming its field, or the file when it has none. */
export function readSettingsFile(text: string, options: ReadOptions): ReadResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return refuse(`The file is not JSON (${err instanceof Error ? err.message : String(err)}).`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return refuse('The file holds no settings: it is not a JSON object.');
  const { format, version } = raw as Record<string, unknown>;
  if (format !== SETTINGS_FILE_FORMAT) {
    return refuse(`format: ${format === undefined ? 'missing' : JSON.stringify(format)}: this is not a Claimlens settings file (it would say "format": "${SETTINGS_FILE_FORMAT}").`);
  }
  if (typeof version === 'number' && Number.isInteger(version) && version > SETTINGS_FILE_VERSION) {
    return refuse(`version: ${version}: the file was written by a newer version of Claimlens; this one reads settings files up to version ${SETTINGS_FILE_VERSION}. Update Claimlens and try again.`);
  }
  const parsed = v.safeParse(SettingsFileSchema, raw);
  if (!parsed.success) return { ok: false, problems: parsed.issues.map(describe) };
  const file = parsed.output;
  const ruleProblems = options.userRuleProblems(file.userRules).map((p) => `userRules: ${p}`);
  return ruleProblems.length > 0 ? { ok: false, problems: ruleProblems } : { ok: true, file };
}

/** The settings in force, the allowed sites and every hidden claim, as a file. */
function settingsFile(settings: Settings, allowedSites: readonly string[], hiddenClaims: HiddenClaimsByPage, now = new Date()): SettingsFile {
  return {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_FILE_VERSION,
    exportedAt: now.toISOString(),
    pausedSites: [...settings.pausedSites],
    allowedSites: [...allowedSites],
    threshold: settings.threshold,
    disabledRules: [...settings.disabledRules],
    userRules: settings.userRules,
    hiddenClaims,
  };
}

export function settingsFileName(now = new Date()): string {
  return `claimlens-settings-${now.toISOString().slice(0, 10)}.json`;
}

/**
 * Puts a read file's settings and hidden claims in force: one `storage.local.set` holds them all, so the
 * settings never change half-way; pages whose hidden claims the file does not list lose theirs afterwards.
 * Allowed sites are the browser's to grant (the shopper is asked separately); they are not written here.
 */
export async function applySettingsFile(browser: Pick<Browser, 'storage'>, file: SettingsFile): Promise<void> {
  const settings: Settings = { pausedSites: file.pausedSites, threshold: file.threshold, disabledRules: file.disabledRules, userRules: file.userRules };
  const items: Record<string, unknown> = { [SETTINGS_KEY]: storedForm(settings) };
  for (const [page, keys] of Object.entries(file.hiddenClaims)) items[HIDDEN_PREFIX + page] = [...new Set(keys)];
  const before = Object.keys(await readAllHiddenClaims(browser)).map((page) => HIDDEN_PREFIX + page);
  await browser.storage.local.set(items);
  const stale = before.filter((key) => !(key in items));
  if (stale.length > 0) await browser.storage.local.remove(stale);
}

/** Reads what is in force now, as a file. */
export async function currentSettingsFile(browser: Pick<Browser, 'storage'>, settings: Settings, allowedSites: readonly string[]): Promise<SettingsFile> {
  return settingsFile(settings, allowedSites, await readAllHiddenClaims(browser));
}

function refuse(problem: string): ReadResult {
  return { ok: false, problems: [problem] };
}

/** "pausedSites[1]: must be a hostname, e.g. shop.example.com", with the path as a shopper would write it. */
function describe(issue: v.BaseIssue<unknown>): string {
  const path = (issue.path ?? []).reduce((out, item) => {
    const key = item.key;
    if (typeof key === 'number') return `${out}[${key}]`;
    const name = String(key);
    return out === '' ? name : /^[A-Za-z_$][\w$]*$/.test(name) ? `${out}.${name}` : `${out}[${JSON.stringify(name)}]`;
  }, '');
  let message = issue.message;
  if (issue.expected === 'never') message = 'is not a field of a Claimlens settings file';
  else if (issue.received === 'undefined' && issue.kind === 'schema') message = 'is missing';
  return path ? `${path}: ${message}` : message;
}

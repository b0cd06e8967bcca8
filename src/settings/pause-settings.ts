/**
 * What the eager content script needs of the settings, read without valibot (whose schemas would be a quarter
 * of its 12 KiB budget): whether this site is paused, and whether the shopper has rules of their own. The
 * checks are the same as settings.ts's schemas (tests/unit/settings/pause-settings.test.ts holds both to the
 * same answers), so a value settings.ts cannot read leaves the defaults in force here too: nothing paused.
 * Migrating and keeping an unreadable value aside stay with settings.ts (the options page, the popup, the
 * background and the full content script all load it).
 */

/** The part of the settings the first look acts on. */
export interface PauseSettings {
  pausedSites: string[];
  userRules: string;
}

export const SETTINGS_KEY = 'settings';

export const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$|^\[[0-9a-f:.]+\]$/;
const SEVERITY_NAMES = ['misleading', 'unsupported', 'risky', 'context'];

const defaults = (): PauseSettings => ({ pausedSites: [], userRules: '' });

/** A stored settings value (any version) as the first look needs it; the defaults when it cannot be read. */
export function readPauseSettings(raw: unknown): PauseSettings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return defaults();
  const r = raw as Record<string, unknown>;
  const has = (keys: string[]) => Object.keys(r).length === keys.length && keys.every((k) => k in r);
  const strings = (value: unknown): value is string[] => Array.isArray(value) && value.every((s) => typeof s === 'string');
  if (r.version === 2 && has(['version', 'pausedSites', 'threshold', 'disabledRules', 'userRules'])) {
    const ok =
      strings(r.pausedSites) && r.pausedSites.every((s) => HOSTNAME.test(s)) && SEVERITY_NAMES.includes(r.threshold as string) &&
      strings(r.disabledRules) && typeof r.userRules === 'string';
    return ok ? { pausedSites: [...(r.pausedSites as string[])], userRules: r.userRules as string } : defaults();
  }
  if (r.version === 1 && has(['version', 'pausedOrigins', 'showContext', 'disabledRules'])) {
    const sites = strings(r.pausedOrigins) ? r.pausedOrigins.map(siteOf) : [null];
    const ok = !sites.includes(null) && typeof r.showContext === 'boolean' && strings(r.disabledRules);
    return ok ? { pausedSites: [...new Set(sites as string[])], userRules: '' } : defaults();
  }
  return defaults();
}

/** The hostname of an http(s) URL, lower-case; null for any other URL or for text that is not a URL. */
export function siteOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  // "shop.example.com." is the same site as "shop.example.com".
  const host = parsed.hostname.replace(/\.$/, '');
  return host === '' ? null : host;
}

export function isPaused(settings: Pick<PauseSettings, 'pausedSites'>, url: string): boolean {
  const site = siteOf(url);
  return site !== null && settings.pausedSites.includes(site);
}

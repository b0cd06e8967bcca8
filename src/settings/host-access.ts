/**
 * Where Claimlens may check pages (issue 15). It installs holding no host permission; the shopper chooses
 * "every site" (one grant for all http and https pages) or "only where I allow" (one grant per site, or a single
 * check of the tab in front of them through activeTab). The browser's own permissions are the record of what
 * is allowed, since the shopper can also withdraw them in the browser's extension settings; storage.local only
 * remembers that a choice was made, so the popup stops asking.
 *
 * Every function that asks the browser for a grant calls permissions.request first and synchronously: both
 * browsers refuse a request that does not run inside the click that caused it.
 */
import type { Browser } from 'webextension-polyfill';

/** All http and https pages: the optional host permissions in the manifest, and "Check every site". */
export const ALL_SITES: readonly string[] = ['http://*/*', 'https://*/*'];

/** storage.local key that says the shopper has chosen (the grants themselves are the browser's). */
const CHOICE_KEY = 'site-access-choice';

export type SiteAccessMode =
  /** Nothing chosen yet: Claimlens checks no page, and the popup says how to choose. */
  | 'undecided'
  /** All http and https pages are granted. */
  | 'every-site'
  /** Only the granted sites, plus "Check this page" once. */
  | 'where-allowed';

export interface SiteAccess {
  mode: SiteAccessMode;
  /** Sites granted one by one, as hostnames ("shop.example.com"), sorted. */
  sites: string[];
}

type PermissionsBrowser = Pick<Browser, 'permissions'>;
type AccessBrowser = Pick<Browser, 'permissions' | 'storage'>;

/** The host permissions held: http(s) origin patterns, the all-sites ones included. */
export async function grantedOrigins(browser: PermissionsBrowser): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  return origins.filter((o) => /^(https?|\*):\/\//.test(o));
}

/** The permissions API as the settings file uses it: what is granted, and asking for more. */
export type PermissionsApi = Pick<Browser['permissions'], 'getAll' | 'contains' | 'request'>;

/** Grants that mean every site rather than one (a browser may report the all-sites grant either way). */
const EVERY_SITE = new Set([...ALL_SITES, '*://*/*']);

/** Origin patterns the shopper allowed site by site (all but the all-sites ones), for the settings export. */
export async function allowedSites(browser: { permissions: Pick<PermissionsApi, 'getAll'> }): Promise<string[]> {
  return (await grantedOrigins(browser as PermissionsBrowser)).filter((o) => !EVERY_SITE.has(o)).sort();
}

/** The mode in force and the sites allowed one by one. */
export async function loadSiteAccess(browser: AccessBrowser): Promise<SiteAccess> {
  const origins = await grantedOrigins(browser);
  const sites = hostsOf(origins.filter((o) => !ALL_SITES.includes(o)));
  if (ALL_SITES.every((o) => origins.includes(o))) return { mode: 'every-site', sites };
  const stored = (await browser.storage.local.get(CHOICE_KEY))[CHOICE_KEY];
  return { mode: stored === undefined ? 'undecided' : 'where-allowed', sites };
}

/** Calls `onChange` when a grant is added or withdrawn (here, in another Claimlens page or in the browser's settings). */
export function watchSiteAccess(browser: Pick<Browser, 'permissions' | 'storage'>, onChange: () => void): () => void {
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && CHOICE_KEY in changes) onChange();
  };
  browser.permissions.onAdded.addListener(onChange);
  browser.permissions.onRemoved.addListener(onChange);
  browser.storage.onChanged.addListener(onStorage);
  return () => {
    browser.permissions.onAdded.removeListener(onChange);
    browser.permissions.onRemoved.removeListener(onChange);
    browser.storage.onChanged.removeListener(onStorage);
  };
}

/** "Check every site": asks for all http and https pages. Resolves to whether the browser granted them. */
export function askForEverySite(browser: AccessBrowser): Promise<boolean> {
  const asked = browser.permissions.request({ origins: [...ALL_SITES] });
  return asked.then(async (granted) => {
    if (granted) await remember(browser, 'every-site');
    return granted;
  });
}

/**
 * "Only where I allow": withdraws the all-sites grant if held (the sites allowed one by one stay) and
 * remembers the choice. Needs no user gesture.
 */
export async function chooseWhereAllowed(browser: AccessBrowser): Promise<void> {
  await remember(browser, 'where-allowed');
  const origins = await grantedOrigins(browser);
  const held = ALL_SITES.filter((o) => origins.includes(o));
  if (held.length > 0) await browser.permissions.remove({ origins: held });
}

/** "Always check <site>": asks for the site's http and https pages. Resolves to whether the browser granted them. */
export function askForSite(browser: AccessBrowser, host: string): Promise<boolean> {
  const asked = browser.permissions.request({ origins: sitePatterns(host) });
  return asked.then(async (granted) => {
    // Allowing one site is choosing "only where I allow", if the shopper had not chosen yet.
    if (granted && (await browser.storage.local.get(CHOICE_KEY))[CHOICE_KEY] === undefined) await remember(browser, 'where-allowed');
    return granted;
  });
}

/** Withdraws a site allowed one by one (both schemes). Resolves to whether anything was withdrawn. */
export function revokeSite(browser: PermissionsBrowser, host: string): Promise<boolean> {
  return browser.permissions.remove({ origins: sitePatterns(host) });
}

/**
 * The match patterns for one site: http and https, any port (match patterns ignore ports). Two patterns, not
 * `*://host/*`: Chrome grants only what the manifest's optional patterns contain, one scheme each.
 */
export function sitePatterns(host: string): string[] {
  return [`http://${host}/*`, `https://${host}/*`];
}

/** The hostnames in origin patterns ("https://shop.example.com/*" → "shop.example.com"), unique and sorted. */
export function hostsOf(origins: readonly string[]): string[] {
  const hosts = origins.map((o) => /^[a-z*]+:\/\/([^/]+)\//.exec(o)?.[1]).filter((h): h is string => h !== undefined && h !== '*');
  return [...new Set(hosts)].sort();
}

async function remember(browser: AccessBrowser, choice: Exclude<SiteAccessMode, 'undecided'>): Promise<void> {
  await browser.storage.local.set({ [CHOICE_KEY]: choice });
}

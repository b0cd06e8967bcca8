/**
 * The sites the shopper has allowed Claimlens to check, as the browser's granted host permissions say
 * ("https://shop.example.com/*"). The all-sites grants are not "sites": they are the "check every site" choice.
 * Stand-in until the site-access work exports its own `allowedSites()` from src/settings/; the settings file
 * only needs this one function, so the swap is one import.
 */
import type { Permissions } from 'webextension-polyfill';

/** Grants that mean every site rather than one. */
const ALL_SITES = new Set(['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*']);

export type PermissionsApi = Pick<Permissions.Static, 'getAll' | 'contains' | 'request'>;

export async function allowedSites(permissions: Pick<PermissionsApi, 'getAll'>): Promise<string[]> {
  const { origins = [] } = await permissions.getAll();
  return origins.filter((o) => !ALL_SITES.has(o)).sort();
}

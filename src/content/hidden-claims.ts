/** Claims the shopper hid ("not a claim? hide it"), remembered per page in local storage. */
import type { Browser } from 'webextension-polyfill';

type Storage = Pick<Browser, 'storage'>;

/** Hidden claims belong to a page, not to its query string or fragment. */
function pageKey(url: string): string {
  const u = new URL(url);
  return `hidden:${u.origin}${u.pathname}`;
}

export async function loadHiddenClaims(browser: Storage, url: string): Promise<Set<string>> {
  try {
    const key = pageKey(url);
    const stored = (await browser.storage.local.get(key))[key];
    return new Set(Array.isArray(stored) ? stored.filter((k): k is string => typeof k === 'string') : []);
  } catch {
    return new Set(); // Unreadable storage hides nothing; the claims simply show.
  }
}

export async function saveHiddenClaims(browser: Storage, url: string, keys: ReadonlySet<string>): Promise<void> {
  await browser.storage.local.set({ [pageKey(url)]: [...keys] });
}

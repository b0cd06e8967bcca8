/** Where the shopper put the findings navigator, remembered per site in local storage. */
import type { Browser } from 'webextension-polyfill';
import { CORNERS, type Corner } from '../ui/FindingsNavigator.tsx';

type Storage = Pick<Browser, 'storage'>;

/** A site, not a page: a shop's pages share their layout, so a corner clear of its controls is clear on each. */
const siteKey = (url: string) => `corner:${new URL(url).host}`;

export async function loadCorner(browser: Storage, url: string): Promise<Corner | null> {
  try {
    const key = siteKey(url);
    const stored = (await browser.storage.local.get(key))[key];
    return CORNERS.find((c) => c === stored) ?? null;
  } catch {
    return null; // Unreadable storage: the navigator finds its own corner.
  }
}

export async function saveCorner(browser: Storage, url: string, corner: Corner): Promise<void> {
  await browser.storage.local.set({ [siteKey(url)]: corner });
}

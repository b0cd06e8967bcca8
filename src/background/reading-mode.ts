/**
 * Each tab's reading mode (highlights hidden), kept in storage.session like the tab's report: the background
 * is stopped when idle, and the popup reads the same entry. Changing it tells every frame of the tab at once.
 */
import type { Browser } from 'webextension-polyfill';
import type { ReadingModeChange } from '../reading-mode-messages.ts';

type StorageBrowser = Pick<Browser, 'storage'>;
type TabsBrowser = Pick<Browser, 'storage' | 'tabs'>;

export const readingModeKey = (tabId: number) => `reading:${tabId}`;

export async function isReadingMode(browser: StorageBrowser, tabId: number): Promise<boolean> {
  const key = readingModeKey(tabId);
  return (await browser.storage.session.get(key))[key] === true;
}

/** Hides or shows the tab's highlights; `announce`: the page's live region says so. */
export async function setReadingMode(browser: TabsBrowser, tabId: number, hidden: boolean, announce = true): Promise<void> {
  if (hidden) await browser.storage.session.set({ [readingModeKey(tabId)]: true });
  else await browser.storage.session.remove(readingModeKey(tabId));
  const change: ReadingModeChange = { type: 'claimlens:reading-mode', hidden, announce };
  // No frameId: every frame of the tab paints its own claims. A tab without our script has no one to tell.
  await browser.tabs.sendMessage(tabId, change).catch(() => undefined);
}

export async function toggleReadingMode(browser: TabsBrowser, tabId: number): Promise<void> {
  await setReadingMode(browser, tabId, !(await isReadingMode(browser, tabId)));
}

/** The tab navigated: reading mode ends there, silently (the new page starts with its highlights). */
export async function endReadingMode(browser: TabsBrowser, tabId: number): Promise<void> {
  if (await isReadingMode(browser, tabId)) await setReadingMode(browser, tabId, false, false);
}

/** The tab closed. */
export async function forgetReadingMode(browser: StorageBrowser, tabId: number): Promise<void> {
  await browser.storage.session.remove(readingModeKey(tabId));
}

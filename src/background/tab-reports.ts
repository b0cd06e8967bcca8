/**
 * Each tab's latest scan, kept in storage.session: an MV3 service worker is stopped when idle and loses its
 * memory, but session storage lives as long as the browser and never touches the disk.
 */
import type { Browser as FullBrowser } from 'webextension-polyfill';

type Browser = Pick<FullBrowser, 'storage'>;
import type { Finding } from '../engine/types.ts';

export interface TabReport {
  url: string;
  version: string;
  /** 'paused' when Claimlens is paused on the page's site: then there are no findings. */
  status: 'done' | 'paused';
  findings: Finding[];
  /** Epoch milliseconds. */
  scannedAt: number;
}

const key = (tabId: number) => `tab:${tabId}`;

export async function saveTabReport(browser: Browser, tabId: number, report: TabReport): Promise<void> {
  await browser.storage.session.set({ [key(tabId)]: report });
}

export async function readTabReport(browser: Browser, tabId: number): Promise<TabReport | undefined> {
  const stored = await browser.storage.session.get(key(tabId));
  return stored[key(tabId)] as TabReport | undefined;
}

export async function forgetTab(browser: Browser, tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}

/** The badge counts flagged claims; context notes are information, not flags. */
export function badgeText(findings: readonly Finding[]): string {
  const flagged = findings.filter((f) => f.severity !== 'context').length;
  return flagged === 0 ? '' : flagged > 999 ? '999+' : String(flagged);
}

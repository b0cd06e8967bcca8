/**
 * Each tab's latest scan, kept in storage.session: an MV3 service worker is stopped when idle and loses its
 * memory, but session storage lives as long as the browser and never touches the disk. The popup reads the
 * same entries, and watches them to follow a scan that is still running.
 */
import type { Browser as FullBrowser } from 'webextension-polyfill';
import type { CrossCheck, Finding, QuietMention, Severity } from '../engine/types.ts';
import type { ListedCytokine } from '../engine/cytokines/lexicon-types.ts';
import type { CardRule } from '../ui/ClaimCard.tsx';

type Browser = Pick<FullBrowser, 'storage'>;

/** What the popup, the exports and the badge know of one tab. */
export interface TabReport {
  url: string;
  title: string;
  /** Hash of the rule set that produced the findings. */
  version: string;
  /** `paused`: the shopper paused Claimlens on this site, so nothing was scanned. */
  status: 'done' | 'paused';
  /** In page order: the popup's "open claim k" is the page's k-th claim. */
  findings: Finding[];
  /** The rules behind the findings, as the card shows them. */
  rules: Record<string, CardRule>;
  quiet: QuietMention[];
  /** The cytokines the page names, each once, in order of first mention. */
  cytokines: ListedCytokine[];
  /** The claims read against the page's own ingredient list. */
  crossChecks: CrossCheck[];
  /** Epoch milliseconds. */
  scannedAt: number;
}

export const tabReportKey = (tabId: number) => `tab:${tabId}`;

export async function saveTabReport(browser: Browser, tabId: number, report: TabReport): Promise<void> {
  await browser.storage.session.set({ [tabReportKey(tabId)]: report });
}

export async function readTabReport(browser: Browser, tabId: number): Promise<TabReport | undefined> {
  const stored = await browser.storage.session.get(tabReportKey(tabId));
  return stored[tabReportKey(tabId)] as TabReport | undefined;
}

export async function forgetTab(browser: Browser, tabId: number): Promise<void> {
  await browser.storage.session.remove(tabReportKey(tabId));
}

/** The badge counts flagged claims; context notes are information, not flags. */
export function badgeText(findings: readonly Pick<Finding, 'severity'>[]): string {
  const flagged = findings.filter((f) => f.severity !== 'context').length;
  return flagged === 0 ? '' : flagged > 999 ? '999+' : String(flagged);
}

/**
 * The badge's colour for the worst severity flagged: the card's accent colours, darkened where white badge
 * text needs it to reach 4.5:1 contrast.
 */
export const BADGE_COLOURS: Record<Exclude<Severity, 'context'>, string> = {
  misleading: '#b3261e',
  unsupported: '#8a5a00',
  risky: '#6639ba',
};

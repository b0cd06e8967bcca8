/** Files a tab's scan and keeps its toolbar badge in step: the count of flagged claims, coloured by the worst. */
import type { Browser as FullBrowser } from 'webextension-polyfill';
import { listCytokines } from '../engine/cytokine-facts.ts';
import type { CompiledLexicon } from '../engine/lexicon-types.ts';
import type { PageScanned } from '../messages.ts';
import { worstSeverity } from '../report/build-report.ts';
import { BADGE_COLOURS, badgeText, forgetTab, saveTabReport } from './tab-reports.ts';

type Browser = Pick<FullBrowser, 'storage' | 'action'>;

export async function fileTabReport(
  browser: Browser,
  tabId: number,
  scan: PageScanned,
  lexicon: Pick<CompiledLexicon, 'entries'>,
): Promise<void> {
  const { url, title, version, status, findings, rules, quiet } = scan;
  const cytokines = listCytokines(scan.cytokines.map((id) => ({ id })), lexicon);
  const worst = worstSeverity(findings);
  await Promise.all([
    saveTabReport(browser, tabId, { url, title, version, status, findings, rules, quiet, cytokines, scannedAt: Date.now() }),
    browser.action.setBadgeText({ tabId, text: badgeText(findings) }),
    worst ? browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOURS[worst] }) : undefined,
    // Firefox only: Chrome picks white or black itself.
    worst && 'setBadgeTextColor' in browser.action ? browser.action.setBadgeTextColor({ tabId, color: '#ffffff' }) : undefined,
  ]);
}

/** Navigation: the badge and the report go until the new page is scanned. */
export async function clearTab(browser: Browser, tabId: number): Promise<void> {
  await Promise.all([forgetTab(browser, tabId), browser.action.setBadgeText({ tabId, text: '' }).catch(() => undefined)]);
}

/** Files a tab's scan and keeps its toolbar badge in step: the count of flagged claims, coloured by the worst. */
import type { Browser as FullBrowser } from 'webextension-polyfill';
import { listCytokines } from '../engine/cytokines/cytokine-facts.ts';
import { crossCheckList } from '../engine/ingredients/cross-check.ts';
import type { CompiledInciLexicon } from '../engine/ingredients/inci-types.ts';
import type { CompiledLexicon } from '../engine/cytokines/lexicon-types.ts';
import type { PageScanned, PageScannedAnswer } from '../messages.ts';
import { worstSeverity } from '../report/build-report.ts';
import { BADGE_COLOURS, badgeText, forgetTab, saveTabReport } from './tab-reports.ts';

type Browser = Pick<FullBrowser, 'storage' | 'action'>;

export interface Lexicons {
  cytokines: Pick<CompiledLexicon, 'entries' | 'matcher'>;
  inci: CompiledInciLexicon;
}

/** Files the scan (with its claims read against the page's ingredient list), sets the badge, and answers the cross-checks. */
export async function fileTabReport(browser: Browser, tabId: number, scan: PageScanned, lexicons: Lexicons): Promise<PageScannedAnswer> {
  const { url, title, version, status, findings, rules, quiet } = scan;
  const cytokines = listCytokines(scan.cytokines.map((id) => ({ id })), lexicons.cytokines);
  // The list's offsets index the page's text, which stays in the page: the claims inside it are named instead.
  const list = scan.ingredientList && { ...scan.ingredientList, start: -1, end: -1 };
  const claims = findings.filter((_, i) => !scan.inList.includes(i));
  const crossChecks = crossCheckList(list, claims, lexicons.inci, lexicons.cytokines, scan.named);
  const worst = worstSeverity(findings);
  await Promise.all([
    saveTabReport(browser, tabId, { url, title, version, status, findings, rules, quiet, cytokines, crossChecks, scannedAt: Date.now() }),
    browser.action.setBadgeText({ tabId, text: badgeText(findings) }),
    worst ? browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOURS[worst] }) : undefined,
    // Firefox only: Chrome picks white or black itself.
    worst && 'setBadgeTextColor' in browser.action ? browser.action.setBadgeTextColor({ tabId, color: '#ffffff' }) : undefined,
  ]);
  return { crossChecks };
}

/** Navigation: the badge and the report go until the new page is scanned. */
export async function clearTab(browser: Browser, tabId: number): Promise<void> {
  await Promise.all([forgetTab(browser, tabId), browser.action.setBadgeText({ tabId, text: '' }).catch(() => undefined)]);
}

/**
 * What the popup shows for a tab: its filed report, or the honest reason there is none yet. A tab without
 * our content script (a browser page, an extension store, a PDF viewer, a tab open since before install)
 * cannot answer a ping; one that answers but has filed nothing is still scanning.
 */
import type { Browser } from 'webextension-polyfill';
import { buildReport, type PageReport } from '../report/build-report.ts';
import type { PingRequest } from '../messages.ts';
import { readTabReport, tabReportKey, type TabReport } from '../background/tab-reports.ts';
import { siteOf } from '../settings/settings.ts';
import type { PopupState } from '../ui/PopupSummary.tsx';

type PopupBrowser = Pick<Browser, 'storage' | 'tabs'>;

/** The popup's state for `tabId`, from its report in session storage, or a ping when there is none. */
export async function loadPopupState(browser: PopupBrowser, tabId: number): Promise<PopupState> {
  const report = await readTabReport(browser, tabId);
  if (report) return stateOf(report);
  const ping: PingRequest = { type: 'claimlens:ping' };
  const answered = await browser.tabs.sendMessage(tabId, ping, { frameId: 0 }).then(
    (answer) => answer === true,
    () => false,
  );
  if (answered) return { kind: 'scanning', site: null };
  // A tab still loading has no content script yet; it will, once the document is idle.
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  return tab?.status === 'loading' ? { kind: 'scanning', site: null } : { kind: 'unavailable' };
}

function stateOf(report: TabReport): PopupState {
  const site = siteOf(report.url);
  if (report.status === 'paused' && site) return { kind: 'paused', site };
  return {
    kind: 'report',
    report: pageReportOf(report),
    rules: report.rules,
    quiet: report.quiet,
    title: report.title,
    site,
  };
}

/** The tab's filed scan as the page report every export and the printable report are made from. */
export function pageReportOf(report: TabReport): PageReport {
  return buildReport(report.url, { findings: report.findings, quiet: report.quiet }, { version: report.version }, report.cytokines, report.crossChecks);
}

/** Calls `onChange` whenever the tab's report is filed, replaced or cleared, or the tab finishes loading. */
export function watchTab(browser: PopupBrowser, tabId: number, onChange: () => void): () => void {
  const key = tabReportKey(tabId);
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area === 'session' && key in changes) onChange();
  };
  const onUpdated = (id: number, change: { status?: string }) => {
    if (id === tabId && change.status === 'complete') onChange();
  };
  browser.storage.onChanged.addListener(onStorage);
  browser.tabs.onUpdated.addListener(onUpdated);
  return () => {
    browser.storage.onChanged.removeListener(onStorage);
    browser.tabs.onUpdated.removeListener(onUpdated);
  };
}

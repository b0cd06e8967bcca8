/**
 * The popup's container: finds the tab (the active one, or `?tabId=N` when the popup is opened as a page),
 * keeps its state in step with the tab's report and the settings, and carries out what the summary asks.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Browser } from 'webextension-polyfill';
import type { NavigateRequest } from '../messages.ts';
import { loadSettings, saveSettings, watchSettings, withSitePaused, type Settings } from '../settings/settings.ts';
import { PopupSummary, type ExportFormat, type PopupState } from '../ui/PopupSummary.tsx';
import { readTabReport } from '../background/tab-reports.ts';
import { loadPopupState, watchTab } from './popup-state.ts';
import { downloadFile, exportFile } from './export-report.ts';
import { useReadingMode } from './reading-mode.ts';
import { useSiteAccessView } from './site-access.tsx';

type PopupBrowser = Pick<Browser, 'storage' | 'tabs' | 'runtime' | 'permissions' | 'scripting'> & Partial<Pick<Browser, 'commands'>>;

export interface PopupAppProps {
  browser: PopupBrowser;
  tabId: number;
  /** Opened as a page (`?tabId=`) rather than from the toolbar: it stays open after showing a claim. */
  asPage: boolean;
  /** Closes the toolbar popup. */
  close: () => void;
}

export function PopupApp({ browser, tabId, asPage, close }: PopupAppProps) {
  const [state, setState] = useState<PopupState>({ kind: 'loading' });
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [exportStatus, setExportStatus] = useState<string | null>(null);
  const readingMode = useReadingMode(browser, tabId, setNotice);

  const refresh = useCallback(() => {
    loadPopupState(browser, tabId).then(setState, () => setState({ kind: 'unavailable' }));
  }, [browser, tabId]);

  useEffect(() => {
    refresh();
    return watchTab(browser, tabId, refresh);
  }, [refresh]);

  useEffect(() => {
    loadSettings(browser).then(
      (loaded) => {
        setSettings(loaded.settings);
        setNotice(loaded.notice);
      },
      () => setNotice('Claimlens could not read its settings; the defaults are in force.'),
    );
    return watchSettings(browser, setSettings);
  }, [browser]);

  const access = useSiteAccessView(browser, tabId, state);

  const site = state.kind === 'report' || state.kind === 'paused' || state.kind === 'scanning' ? state.site : null;
  const paused = Boolean(site && settings?.pausedSites.includes(site));

  const onOpenClaim = (index: number) => {
    const request: NavigateRequest = { type: 'claimlens:navigate', direction: 'index', index };
    void browser.tabs
      .sendMessage(tabId, request, { frameId: 0 })
      .then(async () => {
        if (!asPage) close();
        else await browser.tabs.update(tabId, { active: true });
      })
      .catch(() => setExportStatus('The page did not answer; reload it and try again.'));
  };

  const onPausedChange = async (pause: boolean) => {
    const report = await readTabReport(browser, tabId);
    if (!report) return;
    const current = (await loadSettings(browser)).settings;
    await saveSettings(browser, withSitePaused(current, report.url, pause));
  };

  const onExport = async (format: ExportFormat, how: 'copy' | 'download') => {
    if (state.kind !== 'report') return;
    const file = exportFile(format, state.report, state.rules);
    const name = format === 'json' ? 'JSON' : 'Markdown';
    if (how === 'download') {
      downloadFile(file, document);
      setExportStatus(`Saved ${file.filename}.`);
      return;
    }
    try {
      await navigator.clipboard.writeText(file.text);
      setExportStatus(`Copied the ${name} report to the clipboard.`);
    } catch {
      setExportStatus(`The browser refused the clipboard; use Download for the ${name} report.`);
    }
  };

  return (
    <PopupSummary
      state={state}
      siteAccess={access}
      paused={paused}
      notice={notice}
      exportStatus={exportStatus}
      onOpenClaim={onOpenClaim}
      onPausedChange={(p) => void onPausedChange(p).catch(() => setNotice('Claimlens could not save the pause; try again.'))}
      onExport={(format, how) => void onExport(format, how)}
      readingMode={readingMode}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      onOpenReport={() => void browser.tabs.create({ url: browser.runtime.getURL(`/report.html?tabId=${tabId}` as '/report.html') }).then(() => (asPage ? undefined : close()))}
    />
  );
}

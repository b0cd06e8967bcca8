/** The printable report's container: the tab's filed report as a report document, kept in step while open. */
import { useEffect, useState } from 'preact/hooks';
import type { Browser } from 'webextension-polyfill';
import { readTabReport, type TabReport } from '../background/tab-reports.ts';
import { reportDocument, type ReportDocument } from '../report/report-document.ts';
import { ReportPage } from '../ui/ReportPage.tsx';
import { pageReportOf, watchTab } from './popup-state.ts';

export interface ReportAppProps {
  browser: Pick<Browser, 'storage' | 'tabs'>;
  tabId: number;
  print: () => void;
}

export function ReportApp({ browser, tabId, print }: ReportAppProps) {
  const [doc, setDoc] = useState<ReportDocument | null | undefined>(undefined);
  useEffect(() => {
    const load = () => void readTabReport(browser, tabId).then((r) => setDoc(r ? documentOf(r) : null), () => setDoc(null));
    load();
    return watchTab(browser, tabId, load);
  }, [browser, tabId]);
  useEffect(() => {
    if (doc) document.title = `Claimlens report: ${doc.facts.find((f) => f.label === 'Title')?.value ?? doc.facts[0]!.value}`;
  }, [doc]);
  if (doc === undefined) return <p class="report-empty" aria-busy="true">Reading the report…</p>;
  if (doc === null) return <p class="report-empty">There is no report for this tab: it has not been scanned, or it has navigated since.</p>;
  return <ReportPage doc={doc} onPrint={print} />;
}

function documentOf(report: TabReport): ReportDocument {
  return reportDocument(pageReportOf(report), new Map(Object.entries(report.rules)), {}, { title: report.title || null, scannedAt: new Date(report.scannedAt) });
}

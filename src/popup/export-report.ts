/**
 * The popup's exports: the page report as Markdown or as JSON (the scanner's `--json` contract), saved as a
 * file or copied to the clipboard. Downloads go through an object URL and a link click, so no `downloads`
 * permission is needed.
 */
import type { PageReport } from '../report/build-report.ts';
import { formatMarkdown, type ReportRule } from '../report/markdown-report.ts';
import type { ExportFormat } from '../ui/PopupSummary.tsx';

export interface ExportFile {
  text: string;
  filename: string;
  mime: string;
}

export function exportFile(format: ExportFormat, report: PageReport, rules: Readonly<Record<string, ReportRule>>, now = new Date()): ExportFile {
  const stem = `claimlens-${fileSlug(report.input)}-${now.toISOString().slice(0, 10)}`;
  if (format === 'json') return { text: `${JSON.stringify(report, null, 2)}\n`, filename: `${stem}.json`, mime: 'application/json' };
  return { text: formatMarkdown(report, new Map(Object.entries(rules))), filename: `${stem}.md`, mime: 'text/markdown' };
}

/** Saves the file through the browser's download flow. */
export function downloadFile(file: ExportFile, doc: Document): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: `${file.mime};charset=utf-8` }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.filename;
  doc.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; free ours a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A filename-safe name for a page: its host and path, lower-case, at most 60 characters. */
export function fileSlug(address: string): string {
  let text = address;
  try {
    const url = new URL(address);
    text = `${url.hostname}${url.pathname}`;
  } catch {
    // Not a URL (a file name from the scanner): use it as it is.
  }
  const slug = text.toLowerCase().replace(/\.html?$/, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  return slug || 'page';
}

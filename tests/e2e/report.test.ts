// Issue 7: the printable report, opened from the popup, says what `claimlens scan --format md` says for the
// same page, and prints to a clean PDF (looked at as PNG pages under tests/screenshots/).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { collectPageErrors, openPopup, seriousViolations, useExtensionBrowser, waitForHighlights, waitForTabReport } from './harness.ts';

const env = useExtensionBrowser();
beforeAll(() => mkdirSync('tests/screenshots', { recursive: true }));

/** The Markdown report's pieces a reader must find in the printed one, its markup and escapes taken off. */
function markdownPieces(markdown: string): string[] {
  const plain = (s: string) => s.replace(/\\(.)/g, '$1').replace(/\*\*|`/g, '').replace(/\s+/g, ' ').trim();
  const pieces: string[] = [];
  for (const line of markdown.split('\n')) {
    if (line.startsWith('> ')) pieces.push(plain(line.slice(2)));
    else if (line.startsWith('### ')) pieces.push(plain(line.slice(4).replace(/ \(`[^`]+`\)$/, '')));
    else if (line.startsWith('## ')) pieces.push(plain(line.slice(3)));
    else if (/^\*\*(Why it is doubtful|Ask the seller):\*\* /.test(line)) pieces.push(plain(line.replace(/^\*\*[^*]+:\*\* /, '')));
    else if (line.startsWith('**Sources:** ')) pieces.push(...line.slice(13).split('; ').map((s) => plain(s)));
    else if (/^- \*\*(Title|Rules version|Claims flagged|Context notes|Mentioned, not flagged|Ingredient-list cross-checks|Cytokines named):\*\* /.test(line)) {
      pieces.push(plain(line.replace(/^- \*\*[^*]+:\*\* /, '')));
    } else if (/^- \*\*.+\(`[^`]+`, `[^`]+`\): /.test(line)) pieces.push(plain(line.replace(/^- \*\*.+?\*\* \(`[^`]+`, `[^`]+`\): /, '')));
    else if (line.startsWith('| ') && !line.startsWith('| Class') && !line.startsWith('| ---')) pieces.push(...line.split('|').slice(1, -1).map((c) => plain(c).replace(/ \(\d+\)$/, '')));
    else if (line.startsWith('**Balance:** ')) pieces.push(plain(line.slice(13)));
  }
  return pieces.filter((p) => p.length > 0);
}

async function openReport(fixture: string): Promise<{ page: Page; report: Page; errors: string[] }> {
  const page = await env.browser().newPage();
  await page.goto(env.server().url(fixture));
  await waitForHighlights(page);
  const { tabId } = await waitForTabReport(env.browser(), env.server().url(fixture));
  const popup = await openPopup(env.browser(), tabId);
  const opened = env.browser().waitForTarget((t) => t.url().includes(`/report.html?tabId=${tabId}`));
  await popup.click('xpath/.//button[text()="Open printable report"]');
  const report = (await (await opened).page())!;
  const errors = collectPageErrors(report);
  await report.waitForSelector('.report');
  await popup.close();
  return { page, report, errors };
}

describe('printable report', () => {
  it.each(['apple-cell-culture-serum.html', 'cytokine-serum.html'])('for %s says what the Markdown report says', async (fixture) => {
    const markdown = execFileSync(process.execPath, ['bin/claimlens.mjs', 'scan', '--format', 'md', join('tests/fixtures', fixture)], { encoding: 'utf8' });
    const { page, report, errors } = await openReport(fixture);
    const text = (await report.$eval('.report', (el) => (el as HTMLElement).innerText)).replace(/\s+/g, ' ');
    const pieces = markdownPieces(markdown);
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.filter((p) => !text.includes(p))).toEqual([]);
    // As many claims, sections and cross-checks as the Markdown has: nothing added either.
    expect(await report.$$eval('.report-claim', (els) => els.length)).toBe(markdown.split('\n').filter((l) => l.startsWith('> ')).length);
    expect(await report.$$eval('.report-cross-checks li', (els) => els.length)).toBe(markdown.split('\n').filter((l) => /^- \*\*.+\(`[^`]+`, `[^`]+`\): /.test(l)).length);
    // The page's own address and the time of the scan head the report.
    expect(text).toContain(env.server().url(fixture));
    expect(text).toMatch(/Scanned \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(await seriousViolations(report)).toEqual([]);
    expect(errors).toEqual([]);
    await report.close();
    await page.close();
  });

  it('prints to a clean PDF: the report without its button, with the label', async () => {
    const { page, report } = await openReport('cytokine-serum.html');
    await report.emulateMediaType('print');
    expect(await report.$eval('.print-button', (el) => getComputedStyle(el).display)).toBe('none');
    expect(await report.$eval('.facts-label', (el) => getComputedStyle(el).display)).not.toBe('none');
    const pdf = await report.pdf({ format: 'A4', printBackground: true });
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const out = 'tests/screenshots/report';
    for (const n of [1, 2, 3, 4]) rmSync(`${out}-${n}.png`, { force: true });
    writeFileSync(`${out}.pdf`, pdf);
    // pdftoppm (poppler-utils) turns the pages into PNGs for a person to look at; without it, say so.
    const converted = spawnSync('pdftoppm', ['-png', '-r', '70', `${out}.pdf`, out]);
    if (converted.error) console.warn(`pdftoppm is not installed (apt-get install poppler-utils): ${out}.pdf was written, no PNG pages`);
    else expect(existsSync(`${out}-1.png`)).toBe(true);
    await report.close();
    await page.close();
  });
});

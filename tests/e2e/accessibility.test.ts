// Accessibility, measured: axe-core audits every surface Claimlens draws (the popup in each state, a page with
// an open claim card in its shadow root) on light and dark schemes, contrast included; and a shopper who
// uses only the keyboard can walk a page's claims, open and close cards and work the popup.
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  cardText,
  claimPoint,
  focusInCard,
  openPopup,
  scannerFindings,
  seriousViolations,
  useExtensionBrowser,
  waitForCard,
  waitForHighlights,
  waitForTabReport,
} from './harness.ts';

const env = useExtensionBrowser();
const SCHEMES = ['light', 'dark'] as const;

async function fixtureTab(name: string, scheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; tabId: number }> {
  const page = await env.browser().newPage();
  await page.setViewport({ width: 1000, height: 700 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await page.goto(env.server().url(name));
  const { tabId } = await waitForTabReport(env.browser(), env.server().url(name));
  return { page, tabId };
}

describe.each(SCHEMES)('axe, %s scheme', (scheme) => {
  it('the popup with claims and a Cytokine Facts label has no serious or critical violation', async () => {
    const { page, tabId } = await fixtureTab('cytokine-serum.html', scheme);
    const popup = await openPopup(env.browser(), tabId);
    await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    expect(await popup.$('.facts-label')).not.toBeNull();
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('the popup\'s empty states have no serious or critical violation', async () => {
    const { page, tabId } = await fixtureTab('plain-moisturiser.html', scheme);
    const popup = await openPopup(env.browser(), tabId);
    await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    expect(await popup.$eval('.verdict-line', (el) => el.textContent)).toBe('No claims found that the rules address.');
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('a page with an open claim card in its shadow root has no serious or critical violation in the card', async () => {
    const fixture = scheme === 'dark' ? 'variant/dark/stem-cell-serum.html' : 'stem-cell-serum.html';
    const { page } = await fixtureTab(fixture, scheme);
    await waitForHighlights(page);
    const { x, y } = await claimPoint(page, 'live stem cells');
    await page.mouse.click(x, y);
    await waitForCard(page);
    expect(await seriousViolations(page, 'claimlens-host')).toEqual([]);
    await page.close();
  });
});

describe('keyboard only', () => {
  it('works the popup, opens a claim\'s card, walks every claim and closes the card', async () => {
    const { page, tabId } = await fixtureTab('stem-cell-serum.html');
    await waitForHighlights(page);
    const popup = await openPopup(env.browser(), tabId);
    // Tab from the top of the popup to the first claim's snippet, and press Enter.
    let focused = '';
    for (let i = 0; i < 20 && focused !== 'snippet'; i++) {
      await popup.keyboard.press('Tab');
      focused = await popup.evaluate(() => document.activeElement?.className ?? '');
    }
    expect(focused).toBe('snippet');
    const first = await popup.evaluate(() => document.activeElement?.querySelector('mark')?.textContent ?? '');
    await popup.keyboard.press('Enter');
    await waitForCard(page);
    expect(await cardText(page)).toContain(`“${first}`);
    expect(await focusInCard(page)).toBe(true);

    // N walks the page's claims in page order and wraps round to where it started; P goes back one.
    const total = scannerFindings('stem-cell-serum.html').length;
    const position = async () => Number(/(\d+) \/ \d+/.exec((await cardText(page))!)![1]);
    const showing = (n: number) =>
      page.waitForFunction(
        (label: string) => document.querySelector('claimlens-host')?.shadowRoot?.querySelector('[role="dialog"]')?.textContent?.includes(label),
        {},
        `${n} / ${total}`,
      );
    const start = await position();
    const seen = new Set<string>();
    for (let i = 0, at = start; i < total; i++) {
      seen.add(/“([^”]*)”/.exec((await cardText(page))!)![1]!);
      await page.keyboard.press('n');
      at = (at % total) + 1;
      await showing(at);
    }
    expect(seen.size).toBe(total);
    expect(await position()).toBe(start);
    await page.keyboard.press('p');
    await showing(start === 1 ? total : start - 1);

    // Esc closes the card.
    await page.keyboard.press('Escape');
    await waitForCard(page, false);
    await popup.close();
    await page.close();
  });

  it('the export buttons answer the keyboard', async () => {
    const { page, tabId } = await fixtureTab('stem-cell-serum.html');
    const popup = await openPopup(env.browser(), tabId);
    await env.browser().defaultBrowserContext().overridePermissions(`chrome-extension://${new URL(popup.url()).host}`, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    let label = '';
    for (let i = 0; i < 40 && label !== 'Copy'; i++) {
      await popup.keyboard.press('Tab');
      label = await popup.evaluate(() => (document.activeElement?.closest('.export-row') ? document.activeElement.textContent ?? '' : ''));
    }
    expect(label).toBe('Copy');
    await popup.keyboard.press('Space');
    await popup.waitForFunction(() => document.querySelector('.export-status')?.textContent !== '');
    expect(await popup.$eval('.export-status', (el) => el.textContent)).toBe('Copied the Markdown report to the clipboard.');
    await popup.close();
    await page.close();
  });
});

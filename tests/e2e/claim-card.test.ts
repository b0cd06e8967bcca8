// The shopper's second moment: click a highlighted claim, read why it is doubtful, close the card.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  cardText,
  claimPoint,
  openPage,
  EXTENSION_DIR,
  extensionWorker,
  waitForFocusInCard,
  scannerFindings,
  useExtensionBrowser,
  waitForTabReport,
  waitForCard,
  waitForHighlights,
} from './harness.ts';

const env = useExtensionBrowser();

async function openFixture(name: string): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(env, name);
  await waitForHighlights(opened.page);
  return opened;
}

describe('claim card', () => {
  it('opens on a click with verdict, rule title, explanation, source and question; Esc closes it', async () => {
    const { page, errors } = await openFixture('stem-cell-serum.html');
    const { x, y } = await claimPoint(page, 'live stem cells');
    await page.mouse.click(x, y);
    await waitForCard(page);
    const text = (await cardText(page))!;
    expect(text).toContain('MISLEADING');
    expect(text).toContain('Living stem cells in the product');
    expect(text).toMatch(/“[^”]*live stem cells[^”]*”/);
    expect(text).toContain('Why it is doubtful');
    expect(text).toMatch(/Words that triggered it\s+contains live stem cells/);
    expect(text).toContain('Ask the seller');
    expect(text).toContain('“there are no cells in the cream”');
    await waitForFocusInCard(page);
    await page.keyboard.press('Escape');
    await waitForCard(page, false);
    expect(await cardText(page)).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('closes on a click elsewhere, and leaves ordinary text clicks to the page', async () => {
    const { page } = await openFixture('stem-cell-serum.html');
    const { x, y } = await claimPoint(page, 'live stem cells');
    await page.mouse.click(x, y);
    await waitForCard(page);
    await page.evaluate(() => {
      (window as unknown as { clicks: number }).clicks = 0;
      document.querySelector('h1')!.addEventListener('click', () => (window as unknown as { clicks: number }).clicks++);
    });
    await page.click('h1');
    await waitForCard(page, false);
    expect(await page.evaluate(() => (window as unknown as { clicks: number }).clicks)).toBe(1);
    await page.close();
  });

  it('moves to the next and previous claim from the keyboard inside the card', async () => {
    const { page } = await openFixture('stem-cell-serum.html');
    const { x, y } = await claimPoint(page, 'live stem cells');
    await page.mouse.click(x, y);
    await waitForCard(page);
    const findings = scannerFindings('stem-cell-serum.html', { pageOrder: true });
    const total = findings.length;
    const showing = (n: number) =>
      page.waitForFunction(
        (label: string) => document.querySelector('claimlens-host')?.shadowRoot?.querySelector('[role="dialog"]')?.textContent?.includes(label),
        {},
        `${n} / ${total}`,
      );
    // The card says where the clicked claim stands among the page's claims, in page order.
    const first = findings.findIndex(([, t]) => t.includes('live stem cells')) + 1;
    await showing(first);
    await page.keyboard.press('n');
    await showing(first + 1);
    expect(await cardText(page)).toContain(findings[first]![1]);
    await page.keyboard.press('p');
    await page.keyboard.press('p');
    // Two steps back from the claim after the clicked one, wrapping round the page's ends.
    const back = ((first - 2 + total) % total) + 1;
    await showing(back);
    expect(await cardText(page)).toContain(findings[back - 1]![1]);
    await page.close();
  });

  it('registers Alt+Shift+N / Alt+Shift+P, and their command opens the next claim with focus in the card and back on Esc', async () => {
    const { page } = await openFixture('stem-cell-serum.html');
    const worker = await extensionWorker(env.browser());
    const commands = await worker.evaluate(() => chrome.commands.getAll());
    expect(commands.map((c) => c.name)).toEqual(expect.arrayContaining(['next-claim', 'previous-claim']));
    // Headless Chromium has no browser UI to bind keys in (getAll reports no shortcut); the manifest suggests them.
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
      commands: Record<string, { suggested_key: { default: string } }>;
    };
    expect(manifest.commands['next-claim']!.suggested_key.default).toBe('Alt+Shift+N');
    expect(manifest.commands['previous-claim']!.suggested_key.default).toBe('Alt+Shift+P');
    // Focus sits on a link of the page when the shopper asks for the next claim.
    await page.focus('nav a');
    // No browser UI to press the shortcut in, so send what the background's command handler sends.
    const { tabId } = await waitForTabReport(env.browser(), page.url());
    await worker.evaluate(async (tabId: number) => {
      await chrome.tabs.sendMessage(tabId, { type: 'claimlens:navigate', direction: 'next' }, { frameId: 0 });
    }, tabId);
    await waitForCard(page);
    expect(await cardText(page)).toContain(`1 / ${scannerFindings('stem-cell-serum.html').length}`);
    await waitForFocusInCard(page);
    await page.keyboard.press('Escape');
    await waitForCard(page, false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Lumière Labs');
    await page.close();
  });
});

// Issue 7: a page's claims read against its own ingredient list, in the card and in the popup, as the scanner
// reads them; a page whose list bears its claims out shows none.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { cardText, claimPoint, openPage, openPopup, useExtensionBrowser, waitForCard, waitForHighlights, waitForTabReport } from './harness.ts';

const env = useExtensionBrowser();

interface ScannedCheck {
  ruleId: string;
  kind: string;
  message: string;
}
function scannerCrossChecks(fixture: string): ScannedCheck[] {
  const out = execFileSync(process.execPath, ['bin/claimlens.mjs', 'scan', '--json', join('tests/fixtures', fixture)], { encoding: 'utf8' });
  return (JSON.parse(out) as { crossChecks: ScannedCheck[] }).crossChecks;
}

async function open(fixture: string): Promise<{ page: Page; tabId: number; errors: string[] }> {
  const { page, errors } = await openPage(env, fixture, { width: 1000, height: 800 });
  await waitForHighlights(page);
  const { tabId } = await waitForTabReport(env.browser(), env.server().url(fixture));
  return { page, tabId, errors };
}

describe('ingredient-list cross-checks', () => {
  it('a stem-cell claim on a page listing only a plant cell culture extract: the card and the popup say so', async () => {
    const expected = scannerCrossChecks('apple-cell-culture-serum.html');
    expect(expected.map((c) => c.kind)).toContain('stem-cells-only-plant-culture');
    const { page, tabId, errors } = await open('apple-cell-culture-serum.html');
    const popup = await openPopup(env.browser(), tabId);
    const listed = await popup.$$eval('.cross-check-message', (els) => els.map((e) => e.textContent));
    expect(listed).toEqual(expected.map((c) => c.message));
    await popup.close();

    const { x, y } = await claimPoint(page, 'live stem cells');
    await page.mouse.click(x, y);
    await waitForCard(page);
    const card = (await cardText(page))!;
    expect(card).toContain('Against the ingredient list');
    for (const check of expected.filter((c) => c.ruleId === 'living-stem-cells')) expect(card).toContain(check.message);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a page whose list bears its claims out shows no cross-check', async () => {
    expect(scannerCrossChecks('egf-serum.html')).toEqual([]);
    const { page, tabId } = await open('egf-serum.html');
    const popup = await openPopup(env.browser(), tabId);
    expect(await popup.$('.cross-checks')).toBeNull();
    await popup.close();
    const { x, y } = await claimPoint(page, 'stay stable at room temperature');
    await page.mouse.click(x, y);
    await waitForCard(page);
    expect(await cardText(page)).not.toContain('Against the ingredient list');
    await page.close();
  });
});

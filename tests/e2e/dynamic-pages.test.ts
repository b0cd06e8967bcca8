// Pages change after load: accordions open, reviews arrive, frameworks re-render, routers push new URLs.
// Highlights must follow, without duplicates and without stale ranges.
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  collectPageErrors,
  useExtensionBrowser,
  waitForHighlights,
  waitForTabReport,
} from './harness.ts';

const env = useExtensionBrowser();

/** Highlighted ranges inside the element matching `selector`: their text and whether they are painted on screen. */
function highlightsIn(page: Page, selector: string) {
  return page.evaluate((selector: string) => {
    const root = document.querySelector(selector);
    const out: { text: string; visible: boolean }[] = [];
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('claimlens-')) continue;
      for (const r of h) {
        if (r instanceof Range && root?.contains(r.commonAncestorContainer)) {
          out.push({ text: r.toString(), visible: r.getClientRects().length > 0 });
        }
      }
    }
    return out;
  }, selector);
}

/** Every highlighted range still sits in the document and still reads a non-empty text. */
function allRangesLive(page: Page) {
  return page.evaluate(() =>
    [...CSS.highlights]
      .filter(([name]) => name.startsWith('claimlens-'))
      .every(([, h]) => [...h].every((r) => r instanceof Range && r.startContainer.isConnected && !r.collapsed)),
  );
}

describe('dynamic pages', () => {
  it('scans a closed accordion at load and shows its highlight once opened', async () => {
    const page = await env.browser().newPage();
    await page.goto(env.server().url('dynamic-page.html'));
    await waitForHighlights(page);
    const hidden = await highlightsIn(page, '#more');
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.every((h) => !h.visible)).toBe(true);
    await page.click('#toggle');
    await page.waitForFunction(() => !document.getElementById('more')!.hidden);
    const shown = await highlightsIn(page, '#more');
    expect(shown.map((h) => h.text)).toEqual(hidden.map((h) => h.text));
    expect(shown.every((h) => h.visible)).toBe(true);
    await page.close();
  });

  it('highlights a review added two seconds after load, once', async () => {
    const page = await env.browser().newPage();
    const errors = collectPageErrors(page);
    await page.goto(env.server().url('dynamic-page.html'));
    await page.waitForFunction(
      () => [...CSS.highlights].some(([n, h]) => n.startsWith('claimlens-') && [...h].some((r) => r instanceof Range && document.querySelector('.review')?.contains(r.startContainer))),
      { timeout: 15_000 },
    );
    const review = await highlightsIn(page, '.review');
    expect(review).toHaveLength(1);
    expect(review[0]).toMatchObject({ visible: true });
    expect(review[0]!.text).toContain('grow new tissue');
    expect(await highlightsIn(page, '#tagline')).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows re-rendered text: the old claim goes, the new one comes, nothing stale stays', async () => {
    const page = await env.browser().newPage();
    await page.goto(env.server().url('dynamic-page.html'));
    await waitForHighlights(page);
    const before = await highlightsIn(page, '#tagline');
    expect(before).toHaveLength(1);
    expect(before[0]!.text).toContain('live stem cells');
    await page.evaluate(() => (window as unknown as { rerenderTagline: () => void }).rerenderTagline());
    await page.waitForFunction(
      () => [...CSS.highlights].some(([n, h]) => n.startsWith('claimlens-') && [...h].some((r) => r instanceof Range && r.toString().includes('living cells'))),
      { timeout: 15_000 },
    );
    const after = await highlightsIn(page, '#tagline');
    expect(after).toHaveLength(1);
    expect(after[0]!.text).toContain('living cells in every bottle');
    expect(await allRangesLive(page)).toBe(true);
    await page.close();
  });

  it('starts over after pushState navigation: new claims, none from the old view', async () => {
    const page = await env.browser().newPage();
    await page.goto(env.server().url('dynamic-page.html'));
    await waitForHighlights(page);
    await page.click('#next');
    await page.waitForFunction(() => location.pathname === '/other-product');
    await page.waitForFunction(
      () => [...CSS.highlights].some(([n, h]) => n.startsWith('claimlens-') && [...h].some((r) => r instanceof Range && document.getElementById('other')?.contains(r.startContainer))),
      { timeout: 15_000 },
    );
    expect(await allRangesLive(page)).toBe(true);
    const texts = (await highlightsIn(page, 'body')).map((h) => h.text);
    expect(texts.some((t) => t.includes('stem cells stay alive'))).toBe(true);
    expect(texts.some((t) => t.includes('live stem cells'))).toBe(false);
    const report = await waitForTabReport(env.browser(), env.server().url('other-product'));
    expect(report.findings.length).toBe(texts.length);
    await page.close();
  });
});

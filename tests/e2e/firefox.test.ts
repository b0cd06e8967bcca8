// The shopper's story in Firefox: the built Firefox add-on (.output/firefox-mv3), installed into Debian's
// Firefox ESR over WebDriver BiDi. Firefox runs the MV3 background as an event page rather than a service
// worker, and has its own caret hit-testing and its own extension sandbox, so this is not the Chrome run again.
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import {
  cardText,
  claimPoint,
  openPage,
  firefoxTabReport,
  waitForFocusInCard,
  highlightedTexts,
  pressFirefoxShortcut,
  recordFirefoxRequests,
  scannerFindings,
  useFirefoxBrowser,
  waitForCard,
  waitForHighlights,
} from './harness.ts';

const env = useFirefoxBrowser();

const openFixture = (name: string): Promise<{ page: Page; errors: string[] }> => openPage(env, name);

/** The card's "n / total" position label, once it reads `label`. */
function cardShows(page: Page, label: string) {
  return page.waitForFunction(
    (label: string) => document.querySelector('claimlens-host')?.shadowRoot?.querySelector('[role="dialog"]')?.textContent?.includes(label),
    {},
    label,
  );
}

describe('Firefox', () => {
  it('highlights exactly what the scanner finds, opens a card on a click, walks claims with N, and Esc closes it', async () => {
    const { page, errors } = await openFixture('stem-cell-serum.html');
    await waitForHighlights(page);
    // The background event page matched these: the content script only prefilters.
    const expected = scannerFindings('stem-cell-serum.html');
    expect(expected.length).toBeGreaterThanOrEqual(4);
    expect(await highlightedTexts(page)).toEqual(expected);
    // The event page filed the tab's report in storage.session and set the badge, for the popup.
    const report = await firefoxTabReport(env.browser(), page.url());
    expect(report.findings).toHaveLength(expected.length);
    expect(report.badge).toBe(String(expected.filter(([name]) => name !== 'claimlens-context').length));

    const { x, y } = await claimPoint(page, 'live stem cells');
    await page.mouse.click(x, y);
    await waitForCard(page);
    const text = (await cardText(page))!;
    expect(text).toContain('MISLEADING');
    expect(text).toContain('Living stem cells in the product');
    expect(text).toContain('Why it is doubtful');
    expect(text).toContain('Ask the seller');
    expect(text).toContain('“there are no cells in the cream”');
    await waitForFocusInCard(page);

    const inPageOrder = scannerFindings('stem-cell-serum.html', { pageOrder: true });
    const clicked = inPageOrder.findIndex(([, t]) => t.includes('live stem cells'));
    await page.keyboard.press('n');
    await cardShows(page, `${clicked + 2} / ${inPageOrder.length}`);
    expect(await cardText(page)).toContain(inPageOrder[clicked + 1]![1]);

    await page.keyboard.press('Escape');
    await waitForCard(page, false);
    expect(await cardText(page)).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Alt+Shift+N / Alt+Shift+P, Firefox\'s own shortcuts, show the first and then the last claim with focus in the card', async () => {
    const { page, errors } = await openFixture('stem-cell-serum.html');
    await waitForHighlights(page);
    await page.bringToFront();
    const inPageOrder = scannerFindings('stem-cell-serum.html', { pageOrder: true });
    const total = inPageOrder.length;
    // The command goes to the background event page, which sends it to the active tab's top frame.
    await pressFirefoxShortcut(env.browser(), 'Alt+Shift+N');
    await cardShows(page, `1 / ${total}`);
    expect(await cardText(page)).toContain(inPageOrder[0]![1]);
    await waitForFocusInCard(page);
    await pressFirefoxShortcut(env.browser(), 'Alt+Shift+P');
    await cardShows(page, `${total} / ${total}`);
    expect(await cardText(page)).toContain(inPageOrder[total - 1]![1]);
    await page.keyboard.press('Escape');
    await waitForCard(page, false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds claims in an open shadow root (caret hit-testing through it) and in a same-origin iframe', async () => {
    const { page, errors } = await openFixture('shadow-and-frame.html');
    await page.waitForFunction(() =>
      [...CSS.highlights].some(([n, h]) => n.startsWith('claimlens-') && [...h].some((r) => r instanceof Range && r.startContainer.getRootNode() instanceof ShadowRoot)),
    );
    const shadow = await page.evaluate(() => {
      const root = document.querySelector('product-details')!.shadowRoot!;
      const range = [...CSS.highlights].flatMap(([, h]) => [...h]).find((r) => r instanceof Range && r.startContainer.getRootNode() === root) as Range;
      const rect = range.getClientRects()[0]!;
      const painted = root.adoptedStyleSheets.some((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.includes('::highlight(claimlens-')));
      return { text: range.toString(), painted, x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    expect(shadow.text).toContain('living cells');
    expect(shadow.painted).toBe(true);
    await page.mouse.click(shadow.x, shadow.y);
    await waitForCard(page);
    expect(await cardText(page)).toContain('Living stem cells in the product');

    const frame = await new Promise<Frame>((resolve) => {
      const find = () => page.frames().find((f) => f.url().endsWith('/frame-reviews.html'));
      const found = find();
      if (found) resolve(found);
      else page.on('framenavigated', () => find() && resolve(find()!));
    });
    await frame.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('claimlens-')));
    const texts = await frame.evaluate(() => [...CSS.highlights].flatMap(([, h]) => [...h].map((r) => (r as Range).toString())));
    expect(texts.some((t) => t.includes('grow new tissue'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows a page that changes: late reviews are highlighted, and pushState navigation starts over', async () => {
    const { page, errors } = await openFixture('dynamic-page.html');
    await waitForHighlights(page);
    // The review arrives two seconds after load; the MutationObserver queues it and only it is rescanned.
    await page.waitForFunction(
      () => [...CSS.highlights].some(([n, h]) => n.startsWith('claimlens-') && [...h].some((r) => r instanceof Range && document.querySelector('.review')?.contains(r.startContainer))),
      { timeout: 15_000 },
    );
    await page.click('#next');
    await page.waitForFunction(() => location.pathname === '/other-product');
    await page.waitForFunction(
      () => [...CSS.highlights].some(([n, h]) => n.startsWith('claimlens-') && [...h].some((r) => r instanceof Range && document.getElementById('other')?.contains(r.startContainer))),
      { timeout: 15_000 },
    );
    const stale = await page.evaluate(() =>
      [...CSS.highlights].filter(([n]) => n.startsWith('claimlens-')).flatMap(([, h]) => [...h]).filter((r) => !(r instanceof Range) || !r.startContainer.isConnected).length,
    );
    expect(stale).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('files an empty report and no badge for a page without claims', async () => {
    const { page, errors } = await openFixture('plain-moisturiser.html');
    expect(await firefoxTabReport(env.browser(), page.url())).toMatchObject({ findings: [], badge: '' });
    expect(await highlightedTexts(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  // Firefox's MV3 content scripts fetch as the page (its principal, its CORS), so a content script's request
  // to the page's own server cannot be told from the page's; that case is covered in Chrome
  // (network.test.ts attributes by isolated world) and by the bundle check there, which both builds share.
  it('makes no request of its own while scanning and carding the fixture pages: none as the add-on, none but the pages\' own', async () => {
    const recorder = await recordFirefoxRequests(env.browser());
    const origin = new URL(env.server().url('')).origin;
    for (const fixture of ['stem-cell-serum.html', 'cytokine-serum.html', 'plain-moisturiser.html', 'shadow-and-frame.html']) {
      const { page, errors } = await openFixture(fixture);
      await firefoxTabReport(env.browser(), page.url());
      if (fixture !== 'plain-moisturiser.html') {
        await waitForHighlights(page);
        const [first] = await highlightedTexts(page);
        const { x, y } = await claimPoint(page, first![1]);
        await page.mouse.click(x, y);
        await waitForCard(page);
      }
      expect(errors).toEqual([]);
      await page.close();
    }
    const seen = await recorder.read();
    // The recorder did listen: the fixture pages' own loads are there, triggered by the pages.
    expect(seen.filter((r) => r.url.startsWith(origin) && !r.ours).length).toBeGreaterThanOrEqual(4);
    expect(seen.filter((r) => r.ours)).toEqual([]);
    // Firefox's own housekeeping (remote settings) runs as the system; everything a page, frame or script
    // in one started went to the fixture server.
    expect(seen.filter((r) => !r.triggeredBy.includes('[System Principal]') && !r.url.startsWith(origin))).toEqual([]);
    // And it would have seen ours: a request opened as the add-on is attributed to it.
    await recorder.probe(`${origin}/favicon.ico?probe`);
    expect((await recorder.read()).filter((r) => r.ours).map((r) => r.url)).toEqual([`${origin}/favicon.ico?probe`]);
    await recorder.stop();
  });

  it('remembers "not a claim? hide it" across a reload (Firefox\'s storage.local)', async () => {
    const { page, errors } = await openFixture('stem-cell-serum.html');
    await waitForHighlights(page);
    const before = await highlightedTexts(page);
    const { x, y } = await claimPoint(page, 'live stem cells');
    await page.mouse.click(x, y);
    await waitForCard(page);
    await page.evaluate(() => {
      const root = document.querySelector('claimlens-host')!.shadowRoot!;
      [...root.querySelectorAll('button')].find((b) => b.textContent?.includes('Hide it'))!.click();
    });
    await waitForCard(page, false);
    const gone = before.filter(([, t]) => !t.includes('live stem cells'));
    expect(gone.length).toBe(before.length - 1);
    expect(await highlightedTexts(page)).toEqual(gone);
    await page.reload();
    await waitForHighlights(page);
    expect(await highlightedTexts(page)).toEqual(gone);
    expect(errors).toEqual([]);
    await page.close();
  });
});

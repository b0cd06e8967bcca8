// The store listing's screenshots, 1280×800 as the Chrome Web Store and Mozilla's add-ons site take them, made
// from the built extension on a fixture shop page (tests/fixtures/store-demo.html) and written to
// docs/store/screenshots/. The popup is a 400 px page the browser hangs under its toolbar: it is captured on its
// own and laid over the page's screenshot where the browser would show it. Each PNG is checked to be 1280×800.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngSize } from '../support/png.ts';
import {
  claimPoint,
  collectPageErrors,
  extensionId,
  openPopup,
  useExtensionBrowser,
  waitForCard,
  waitForHighlights,
  waitForTabReport,
} from './harness.ts';

const env = useExtensionBrowser();
const OUT = 'docs/store/screenshots';
const WIDTH = 1280;
const HEIGHT = 800;
/** Chrome caps an extension popup at 600 px tall; the pictures show it at the height a shopper gets. */
const POPUP_HEIGHT = 600;

let shop: Page;
let shopShot: Buffer;
let tabId = 0;
const errors: string[] = [];

/**
 * The shop page under a shop-like host name: Chromium resolves every *.localhost name to the loopback address
 * the fixture server listens on, so the popup names a site rather than an IP address.
 */
function shopUrl(): string {
  const url = new URL(env.server().url('store-demo.html'));
  url.hostname = 'maison-verre.localhost';
  return url.href;
}

async function save(name: string, png: Uint8Array): Promise<void> {
  writeFileSync(join(OUT, name), png);
  expect(pngSize(readFileSync(join(OUT, name)))).toEqual({ width: WIDTH, height: HEIGHT });
}

/** Waits until no animation is running in our shadow root (the card's short fade-in), so a picture shows it settled. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    (document.querySelector('claimlens-host')?.shadowRoot?.getAnimations() ?? []).every((a) => a.playState === 'finished'),
  );
}

/**
 * The popup's picture laid over the page's, at the top right where Chrome opens it under the toolbar button, on a
 * 1280×800 canvas, drawn by the browser itself (page.setContent with both pictures as data: URLs).
 */
async function overPage(popupShot: Uint8Array): Promise<Uint8Array> {
  const canvas = await env.browser().newPage();
  await canvas.setViewport({ width: WIDTH, height: HEIGHT });
  const url = (png: Uint8Array) => `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
  await canvas.setContent(`<!doctype html><html><body style="margin:0;width:${WIDTH}px;height:${HEIGHT}px;overflow:hidden;position:relative">
    <img alt="" src="${url(shopShot)}" style="position:absolute;left:0;top:0;width:${WIDTH}px;height:${HEIGHT}px">
    <img alt="" src="${url(popupShot)}" style="position:absolute;right:12px;top:0;width:400px;height:${POPUP_HEIGHT}px;border:1px solid #c7ccd1;border-top:0;border-radius:0 0 8px 8px;box-shadow:0 12px 32px rgb(0 0 0 / 0.28)">
  </body></html>`);
  await canvas.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));
  const png = await canvas.screenshot({ type: 'png' });
  await canvas.close();
  return png;
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  shop = await env.browser().newPage();
  const mine = collectPageErrors(shop);
  shop.once('close', () => errors.push(...mine));
  await shop.setViewport({ width: WIDTH, height: HEIGHT });
  await shop.goto(shopUrl());
  await waitForHighlights(shop);
  tabId = (await waitForTabReport(env.browser(), shopUrl())).tabId;
});

afterAll(async () => {
  await shop.close();
  expect(errors).toEqual([]);
});

describe('store screenshots, 1280×800', () => {
  it('1: a product page with its claims highlighted by severity', async () => {
    const severities = await shop.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('claimlens-')).sort());
    expect(severities).toEqual(['claimlens-context', 'claimlens-misleading', 'claimlens-risky', 'claimlens-unsupported']);
    // Every highlighted claim is inside the picture.
    const offscreen = await shop.evaluate((height: number) =>
      [...CSS.highlights]
        .filter(([name]) => name.startsWith('claimlens-'))
        .flatMap(([, h]) => [...h].filter((r): r is Range => r instanceof Range))
        .filter((r) => [...r.getClientRects()].some((box) => box.bottom > height))
        .map((r) => r.toString()),
    HEIGHT);
    expect(offscreen).toEqual([]);
    shopShot = Buffer.from(await shop.screenshot({ type: 'png' }));
    await save('1-highlighted-page.png', shopShot);
  });

  it('2: the same page with a claim\'s card open', async () => {
    // Scrolled as a shopper reading on would, the claim at the top, so the card (about 725 px) shows whole below it.
    const before = await claimPoint(shop, 'live stem cells');
    await shop.evaluate((by: number) => window.scrollBy(0, by), before.y - 36);
    await shop.waitForFunction(() => window.scrollY > 0);
    const { x, y } = await claimPoint(shop, 'live stem cells');
    await shop.mouse.click(x, y);
    await waitForCard(shop);
    await settled(shop);
    const card = await shop.evaluate(() => {
      const el = document.querySelector('claimlens-host')!.shadowRoot!.querySelector<HTMLElement>('[role="dialog"]')!;
      const box = el.getBoundingClientRect();
      return { text: el.innerText, bottom: box.bottom, right: box.right, scrollable: el.scrollHeight > el.clientHeight };
    });
    await save('2-claim-card.png', await shop.screenshot({ type: 'png' }));
    expect(card.text).toContain('contains live stem cells');
    // The whole card is in the picture, none of it scrolled away.
    expect(card.bottom).toBeLessThanOrEqual(HEIGHT);
    expect(card.right).toBeLessThanOrEqual(WIDTH);
    expect(card.scrollable).toBe(false);
    await shop.keyboard.press('Escape');
    await waitForCard(shop, false);
  });

  it('3: the popup\'s summary of the page over the page', async () => {
    const popup = await openPopup(env.browser(), tabId, { width: 400, height: POPUP_HEIGHT });
    expect(await popup.$eval('.site', (el) => el.textContent)).toBe('maison-verre.localhost');
    expect(await popup.$eval('.verdict-line', (el) => el.textContent)).toMatch(/^\d+ claims flagged/);
    const shot = await popup.screenshot({ type: 'png' });
    await popup.close();
    await save('3-popup-summary.png', await overPage(shot));
  });

  it('4: the popup scrolled to the page\'s Cytokine Facts label', async () => {
    const popup = await openPopup(env.browser(), tabId, { width: 400, height: POPUP_HEIGHT });
    const label = await popup.waitForSelector('.facts-label');
    // Scrolled as a shopper would, until the whole label shows at the bottom of the popup.
    await label!.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    // Then on a little, so the top of the popup starts with a whole rule's group rather than half of one.
    await popup.evaluate(() => {
      const next = [...document.querySelectorAll('.rule-group')].find((g) => g.getBoundingClientRect().top >= 0);
      if (next) window.scrollBy(0, next.getBoundingClientRect().top - 10);
    });
    const box = await label!.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, title: el.querySelector('.facts-title')?.textContent, footer: document.querySelector('.popup-footer')!.getBoundingClientRect().top };
    });
    expect(box.title).toBe('Cytokine Facts');
    expect(box.top).toBeGreaterThanOrEqual(0);
    // Wholly above the popup's sticky footer (its pause and reading-mode switches), which stays in view.
    expect(box.bottom).toBeLessThanOrEqual(box.footer);
    expect(box.footer).toBeLessThanOrEqual(POPUP_HEIGHT);
    const shot = await popup.screenshot({ type: 'png' });
    await popup.close();
    await save('4-popup-cytokine-facts.png', await overPage(shot));
  });

  it('5: the options page', async () => {
    const options = await env.browser().newPage();
    const mine = collectPageErrors(options);
    await options.setViewport({ width: WIDTH, height: HEIGHT });
    await options.goto(`chrome-extension://${await extensionId(env.browser())}/options.html`);
    await options.waitForSelector('.rule-toggle');
    await save('5-options.png', await options.screenshot({ type: 'png' }));
    await options.close();
    expect(mine).toEqual([]);
  });
});

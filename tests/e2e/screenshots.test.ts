// Screenshots of the card on a light and a dark page, for a person to look at (tests/screenshots/).
// The assertions check what can be checked mechanically: the card is on screen and follows the colour scheme.
import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  claimPoint,
  useExtensionBrowser,
  waitForCard,
  waitForHighlights,
} from './harness.ts';

const env = useExtensionBrowser();

beforeAll(() => {
  mkdirSync('tests/screenshots', { recursive: true });
});

describe.each([
  { scheme: 'light' as const, fixture: 'stem-cell-serum.html', cardBackground: 'rgb(255, 255, 255)' },
  { scheme: 'dark' as const, fixture: 'variant/dark/stem-cell-serum.html', cardBackground: 'rgb(28, 33, 40)' },
])('card on a $scheme page', ({ scheme, fixture, cardBackground }) => {
  it('is inside the viewport, beside its claim, in the page\'s colour scheme', async () => {
    const page = await env.browser().newPage();
    await page.setViewport({ width: 1000, height: 720 });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await page.goto(env.server().url(fixture));
    await waitForHighlights(page);
    const { x, y } = await claimPoint(page, 'stable at room temperature');
    await page.mouse.click(x, y);
    await waitForCard(page);
    // Wait out the card's short fade-in so the picture shows it as a shopper reads it.
    await page.waitForFunction(() =>
      document.querySelector('claimlens-host')!.shadowRoot!.getAnimations().every((a) => a.playState === 'finished'),
    );
    const box = await page.evaluate(() => {
      const card = document.querySelector('claimlens-host')!.shadowRoot!.querySelector<HTMLElement>('[role="dialog"]')!;
      const r = card.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, background: getComputedStyle(card).backgroundColor };
    });
    await page.screenshot({ path: `tests/screenshots/card-${scheme}.png` });
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(1000);
    expect(box.bottom).toBeLessThanOrEqual(720);
    // The card opens just below the claim's line, where the eye is.
    expect(box.top).toBeGreaterThan(y);
    expect(box.top - y).toBeLessThan(40);
    expect(box.background).toBe(cardBackground);
    await page.close();
  });
});

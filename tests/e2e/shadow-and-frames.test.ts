// Product copy inside a web component's open shadow root, and reviews in a same-origin iframe.
import { describe, expect, it } from 'vitest';
import type { Frame } from 'puppeteer-core';
import {
  cardText,
  collectPageErrors,
  useExtensionBrowser,
  waitForCard,
} from './harness.ts';

const env = useExtensionBrowser();

describe('shadow roots and frames', () => {
  it('highlights and paints a claim inside an open shadow root, and opens its card on click', async () => {
    const page = await env.browser().newPage();
    const errors = collectPageErrors(page);
    await page.goto(env.server().url('shadow-and-frame.html'));
    await page.waitForFunction(() =>
      [...CSS.highlights].some(([n, h]) => n.startsWith('claimlens-') && [...h].some((r) => r instanceof Range && r.startContainer.getRootNode() instanceof ShadowRoot)),
    );
    const shadow = await page.evaluate(() => {
      const root = document.querySelector('product-details')!.shadowRoot!;
      const range = [...CSS.highlights].flatMap(([, h]) => [...h]).find((r) => r instanceof Range && r.startContainer.getRootNode() === root) as Range;
      const rect = range.getClientRects()[0]!;
      // Our colours must be in the shadow tree's own sheets, or the highlight is registered but unpainted.
      const painted = root.adoptedStyleSheets.some((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.includes('::highlight(claimlens-')));
      return { text: range.toString(), painted, x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    expect(shadow.text).toContain('living cells');
    expect(shadow.painted).toBe(true);
    await page.mouse.click(shadow.x, shadow.y);
    await waitForCard(page);
    expect(await cardText(page)).toContain('Living stem cells in the product');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('highlights a claim inside a same-origin iframe, in that frame', async () => {
    const page = await env.browser().newPage();
    await page.goto(env.server().url('shadow-and-frame.html'));
    const frame = await new Promise<Frame>((resolve) => {
      const find = () => page.frames().find((f) => f.url().endsWith('/frame-reviews.html'));
      const found = find();
      if (found) resolve(found);
      else page.on('framenavigated', () => find() && resolve(find()!));
    });
    await frame.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('claimlens-')));
    const texts = await frame.evaluate(() => [...CSS.highlights].flatMap(([, h]) => [...h].map((r) => (r as Range).toString())));
    expect(texts.some((t) => t.includes('grow new tissue'))).toBe(true);
    await page.close();
  });
});

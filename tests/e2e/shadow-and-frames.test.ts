// Product copy inside a web component's open shadow root, and reviews in a same-origin iframe.
import { describe, expect, it } from 'vitest';
import type { Frame } from 'puppeteer-core';
import {
  cardText,
  collectPageErrors,
  useExtensionBrowser,
  waitForCard,
  waitForTabReport,
} from './harness.ts';

const env = useExtensionBrowser();

// The page's own text and its script hold no trigger word: the claim lives only in a shadow root inside a shadow
// root, filled from templates (whose content `textContent` does not read either).
const NESTED_SHADOW_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Nested shadow roots</title></head>
<body>
  <h1>Glow Ampoule</h1>
  <p>A light ampoule for daily use.</p>
  <shop-card></shop-card>
  <template id="outer"><p>Gentle on skin.</p><shop-text></shop-text></template>
  <template id="inner"><p id="nested-claim">Each drop holds millions of living cells in every bottle.</p></template>
  <script>
    const shade = (host, id) => host.attachShadow({ mode: 'open' }).append(document.getElementById(id).content.cloneNode(true));
    customElements.define('shop-text', class extends HTMLElement { connectedCallback() { shade(this, 'inner'); } });
    customElements.define('shop-card', class extends HTMLElement { connectedCallback() { shade(this, 'outer'); } });
  </script>
</body></html>`;

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

  // The eager script's quick look reads the page's textContent, which leaves shadow roots out: it reads every
  // open shadow root itself (src/content/quick-look.ts), or this page would get no highlight at all.
  it('loads Claimlens for a claim that only a nested open shadow root holds', async () => {
    const page = await env.browser().newPage();
    const errors = collectPageErrors(page);
    const url = env.server().url('nested-shadow.html');
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.url() === url) void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: NESTED_SHADOW_PAGE });
      else void request.continue();
    });
    await page.goto(url);
    expect(await page.evaluate(() => document.body.textContent?.includes('cells'))).toBe(false);
    const report = await waitForTabReport(env.browser(), url);
    expect(report.findings.length).toBeGreaterThan(0);
    await page.waitForFunction(() => {
      const inner = document.querySelector('shop-card')?.shadowRoot?.querySelector('shop-text')?.shadowRoot;
      return [...CSS.highlights].some(([n, h]) => n.startsWith('claimlens-') && [...h].some((r) => r instanceof Range && r.startContainer.getRootNode() === inner));
    });
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

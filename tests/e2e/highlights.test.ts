// The shopper's first moment: open a product page and see its claims underlined, and nothing else.
import { describe, expect, it } from 'vitest';
import {
  collectPageErrors,
  highlightedTexts,
  scannerFindings,
  useExtensionBrowser,
  waitForHighlights,
  waitForTabReport,
} from './harness.ts';

const env = useExtensionBrowser();

describe('highlights on a product page', () => {
  it('underlines every claim, across inline markup, under claimlens- names', async () => {
    const page = await env.browser().newPage();
    const errors = collectPageErrors(page);
    await page.goto(env.server().url('stem-cell-serum.html'));
    await waitForHighlights(page);
    const texts = await highlightedTexts(page);
    // The scanner reads the same file with the same engine: the page must show exactly what it finds.
    const expected = scannerFindings('stem-cell-serum.html');
    expect(expected.length).toBeGreaterThanOrEqual(4);
    expect(texts).toEqual(expected);
    // Claims split by <b>, <em> and <a> are highlighted whole.
    for (const split of ['live stem cells', 'active for years', 'grow new tissue']) {
      expect(texts.some(([, t]) => t.includes(split))).toBe(true);
    }
    expect(errors).toEqual([]);
    const flagged = expected.filter(([name]) => name !== 'claimlens-context').length;
    expect((await waitForTabReport(env.browser(), page.url())).badge).toBe(String(flagged));
    await page.close();
  });

  it('leaves the FAQ question, the review box and the page markup alone', async () => {
    const page = await env.browser().newPage();
    await page.goto(env.server().url('stem-cell-serum.html'));
    const before = await page.evaluate(() => document.body.innerHTML);
    await waitForHighlights(page);
    const texts = (await highlightedTexts(page)).map(([, t]) => t);
    // "Does this serum contain live stem cells?" is a question; the textarea is the shopper's own text.
    expect(texts.filter((t) => t.includes('live stem cells'))).toHaveLength(1);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
    await page.close();
  });

  it('paints nothing on a page without claims', async () => {
    const page = await env.browser().newPage();
    const errors = collectPageErrors(page);
    const url = env.server().url('plain-moisturiser.html');
    await page.goto(url);
    // The scan's report reaching the background is the state that says the content script is done.
    const report = await waitForTabReport(env.browser(), url);
    expect(report).toMatchObject({ findings: [], badge: '' });
    expect(await highlightedTexts(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

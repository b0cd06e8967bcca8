// Every page pays for the eager content script only; the rest of Claimlens is injected where the first look
// finds a candidate or a cytokine name. Structural, from the trace: which of our scripts a page ran, never how long.
import { describe, expect, it } from 'vitest';
import { extensionScriptsRun, useExtensionBrowser, waitForHighlights, waitForTabReport } from './harness.ts';

const env = useExtensionBrowser();
const EAGER = '/content-scripts/content.js';
const FULL = '/claimlens-full.js';

describe('light footprint', () => {
  it('runs only the eager script on a page with no claim and no cytokine name', async () => {
    const page = await env.browser().newPage();
    const url = env.server().url('plain-moisturiser.html');
    const scripts = await extensionScriptsRun(page, async () => {
      await page.goto(url);
      const report = await waitForTabReport(env.browser(), url);
      expect(report.findings).toEqual([]);
      // Time for anything that would load late to show up in the trace.
      await new Promise((ok) => setTimeout(ok, 500));
    });
    expect(scripts).toEqual([EAGER]);
    await page.close();
  });

  it('injects the full script into a page with claims, and its frame with a claim', async () => {
    const page = await env.browser().newPage();
    const scripts = await extensionScriptsRun(page, async () => {
      await page.goto(env.server().url('shadow-and-frame.html'));
      await waitForHighlights(page);
      const frame = page.frames().find((f) => f !== page.mainFrame());
      await frame?.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('claimlens-')), { timeout: 20_000 });
    });
    expect(scripts).toEqual([FULL, EAGER].sort());
    await page.close();
  });

  // The eager script follows a single-page shop's new views itself (first-look.ts), without WXT's watcher.
  it('reports the new address of a page without claims when a single-page shop shows a new view, and stays alone', async () => {
    const page = await env.browser().newPage();
    const url = env.server().url('plain-spa.html');
    const scripts = await extensionScriptsRun(page, async () => {
      await page.goto(url);
      expect((await waitForTabReport(env.browser(), url)).findings).toEqual([]);
      // A jump within the page changes nothing in it: only the address, which the tab's report follows.
      await page.evaluate(() => {
        location.hash = 'sizes';
      });
      expect((await waitForTabReport(env.browser(), `${url}#sizes`)).findings).toEqual([]);
      await page.click('#sizes');
      expect((await waitForTabReport(env.browser(), `${url}?view=sizes`)).findings).toEqual([]);
      await new Promise((ok) => setTimeout(ok, 500));
    });
    expect(scripts).toEqual([EAGER]);
    await page.close();
  });

  it('loads the rest of Claimlens when a page without claims shows a new view that has one', async () => {
    const page = await env.browser().newPage();
    await page.goto(env.server().url('plain-spa.html'));
    await waitForTabReport(env.browser(), env.server().url('plain-spa.html'));
    await page.click('#next');
    await page.waitForFunction(
      () => [...CSS.highlights].some(([n, h]) => n.startsWith('claimlens-') && [...h].some((r) => r instanceof Range && document.getElementById('claim')?.contains(r.startContainer))),
      { timeout: 20_000 },
    );
    const report = await waitForTabReport(env.browser(), env.server().url('plain-spa-serum'));
    expect(report.findings.length).toBeGreaterThan(0);
    await page.close();
  });
});

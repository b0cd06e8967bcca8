// "Check only where I ask" (issue 15) in Chromium, from a fresh install: no host permission until the shopper
// grants one, then each mode checks exactly the pages it should. Chrome's own permission prompt cannot be
// clicked by a test: each grant is first made on chrome://extensions (the extension's site access, through that
// page's own API: harness.ts, grantOnExtensionsPage), after which Chrome answers the request our button makes
// without a prompt. The toolbar button is pressed with puppeteer's triggerExtensionAction, which grants activeTab
// as a click does; the popup is then opened as a page for that tab (harness.ts, pressToolbarButton, says why). Two sites: 127.0.0.1 and localhost, one server (match patterns ignore ports).
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ALL_SITES, sitePatterns } from '../../src/settings/host-access.ts';
import {
  clickButton,
  extensionId,
  extensionWorker,
  grantOnExtensionsPage,
  openPopup,
  pressButtonWithKeyboard,
  pressToolbarButton,
  seriousViolations,
  useExtensionBrowser,
  waitForHighlights,
  waitForRegistration,
  waitForTabReport,
  welcomePage,
} from './harness.ts';

const env = useExtensionBrowser({ startAs: 'fresh' });
const SCHEMES = ['light', 'dark'] as const;
const FIXTURE = 'stem-cell-serum.html';

/** The fixture's address on one of the two sites. */
function urlOn(site: '127.0.0.1' | 'localhost', name = FIXTURE): string {
  return env.server().url(name).replace('//127.0.0.1:', `//${site}:`);
}

/**
 * Opens `url` in a new tab, counting the extension worlds created in it from before the first byte: a page
 * Claimlens checks gets one (the eager script's isolated world); a page it does not, none.
 */
async function openCounted(url: string): Promise<{ page: Page; worlds: () => number; errors: string[] }> {
  const page = await env.browser().newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push((err as Error).message));
  const session = await page.createCDPSession();
  let worlds = 0;
  session.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.origin.startsWith('chrome-extension://')) worlds++;
  });
  await session.send('Runtime.enable');
  await page.goto(url);
  return { page, worlds: () => worlds, errors };
}

/** Whether the tab's eager content script is there to answer, as the popup asks it. */
async function answersPing(tabId: number): Promise<boolean> {
  const worker = await extensionWorker(env.browser());
  return worker.evaluate(
    (tabId: number) => chrome.tabs.sendMessage(tabId, { type: 'claimlens:ping' }, { frameId: 0 }).then((answer) => answer === true, () => false),
    tabId,
  );
}

async function highlightCount(page: Page): Promise<number> {
  return page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('claimlens-')).length);
}

async function grantedOrigins(): Promise<string[]> {
  const worker = await extensionWorker(env.browser());
  return ((await worker.evaluate(() => chrome.permissions.getAll())).origins ?? []).sort();
}

async function axeBothSchemes(page: Page): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const scheme of SCHEMES) {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    found[scheme] = await seriousViolations(page);
  }
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  return found;
}

describe('check only where I ask (Chromium)', () => {
  it('installs holding no host permission: none in the installed manifest, none granted, no page checked; the first-run page asks', async () => {
    const browser = env.browser();
    const worker = await extensionWorker(browser);
    const manifest = (await worker.evaluate(() => chrome.runtime.getManifest())) as chrome.runtime.ManifestV3;
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.optional_host_permissions).toEqual([...ALL_SITES]);
    expect(manifest.permissions).toEqual(['storage', 'scripting', 'activeTab']);
    expect(await grantedOrigins()).toEqual([]);
    expect(await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).toEqual([]);
    // Chrome's install prompt lists the manifest's warnings: none now (it said "Read and change all your data on
    // all websites" before issue 15); granting every site gives exactly that warning, when the shopper chooses it.
    const warnings = (m: object) => worker.evaluate((m: string) => chrome.management.getPermissionWarningsByManifest(m), JSON.stringify(m));
    expect(await warnings(manifest)).toEqual([]);
    const { optional_host_permissions: _, ...granted } = { ...manifest, host_permissions: [...ALL_SITES] };
    expect(await warnings(granted)).toEqual(['Read and change all your data on all websites']);

    const welcome = await welcomePage(browser);
    const text = await welcome.evaluate(() => document.body.innerText);
    expect(text).toContain('Welcome to Claimlens');
    expect(text).toContain('It has no access to any website yet.');
    expect(text).toContain('Claimlens checks no page until you choose.');
    expect(await axeBothSchemes(welcome)).toEqual({ light: [], dark: [] });

    const { page, worlds, errors } = await openCounted(urlOn('127.0.0.1'));
    await page.waitForFunction(() => document.readyState === 'complete');
    expect(worlds()).toBe(0);
    expect(await highlightCount(page)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('until the shopper chooses, the popup says what to do; "Check this page" checks that tab once', async () => {
    const browser = env.browser();
    const { page, worlds } = await openCounted(urlOn('127.0.0.1'));
    const tabId = await pressToolbarButton(browser, page);
    const popup = await openPopup(browser, tabId);
    const said = await popup.$eval('.popup-main', (m) => m.textContent ?? '');
    expect(said).toContain('Claimlens is not checking 127.0.0.1.');
    expect(said).toContain('Choose where Claimlens checks pages');
    expect(await axeBothSchemes(popup)).toEqual({ light: [], dark: [] });

    await clickButton(popup, 'Check this page');
    await waitForHighlights(page);
    expect((await waitForTabReport(browser, urlOn('127.0.0.1'))).findings.length).toBeGreaterThan(0);
    expect(worlds()).toBeGreaterThan(0);
    // Checked, once: the popup now shows the page's report, and offers to check the site always.
    await popup.waitForFunction(() => document.querySelector('.verdict-line') !== null);
    expect(await popup.$eval('.popup-footer', (f) => (f as HTMLElement).innerText)).toContain('Always check 127.0.0.1');
    await popup.close();

    // Nothing was granted: the same page, reloaded, is not checked again (Chrome keeps an empty isolated world
    // for the extension across a same-origin reload, so the test asks whether the eager script answers instead).
    expect(await grantedOrigins()).toEqual([]);
    expect(await answersPing(tabId)).toBe(true);
    await page.reload();
    await page.waitForFunction(() => document.readyState === 'complete');
    expect(await answersPing(tabId)).toBe(false);
    expect(await highlightCount(page)).toBe(0);
    await page.close();
  });

  it('"Only where I allow", then "Always check 127.0.0.1" in the popup: that site\'s pages are checked as they load, localhost\'s are not', async () => {
    const browser = env.browser();
    const welcome = await welcomePage(browser);
    await clickButton(welcome, 'Only where I allow');
    await welcome.waitForFunction(() => document.querySelector('.access-status')?.textContent?.includes('only the sites you allow'));
    expect(await welcome.$eval('.access-mode', (p) => p.textContent)).toBe('Now: Claimlens checks only the sites you allow, and a page when you ask.');
    expect(await axeBothSchemes(welcome)).toEqual({ light: [], dark: [] });

    const { page } = await openCounted(urlOn('127.0.0.1'));
    const popup = await openPopup(browser, await pressToolbarButton(browser, page));
    const said = await popup.$eval('.popup-main', (m) => m.textContent ?? '');
    expect(said).toContain('Claimlens is not checking 127.0.0.1.');
    expect(said).not.toContain('Choose where');
    expect(await axeBothSchemes(popup)).toEqual({ light: [], dark: [] });
    await grantOnExtensionsPage(browser, sitePatterns('127.0.0.1'));
    await clickButton(popup, 'Always check 127.0.0.1');
    // The page in front is checked at once; the grant is the site's, both schemes, and the eager script follows it.
    await waitForHighlights(page);
    expect(await grantedOrigins()).toEqual(sitePatterns('127.0.0.1').sort());
    await waitForRegistration(browser, sitePatterns('127.0.0.1'));
    await popup.close();
    await page.close();

    // Another site first, then the allowed one: only the allowed one is checked.
    const other = await openCounted(urlOn('localhost'));
    const allowed = await openCounted(urlOn('127.0.0.1'));
    await waitForHighlights(allowed.page);
    await waitForTabReport(browser, urlOn('127.0.0.1'));
    await other.page.waitForFunction(() => document.readyState === 'complete');
    expect(allowed.worlds()).toBeGreaterThan(0);
    expect(other.worlds()).toBe(0);
    expect(await highlightCount(other.page)).toBe(0);
    const otherPopup = await openPopup(browser, await pressToolbarButton(browser, other.page));
    expect(await otherPopup.$eval('.popup-main', (m) => m.textContent ?? '')).toContain('Claimlens is not checking localhost.');
    await otherPopup.close();
    expect([...allowed.errors, ...other.errors]).toEqual([]);
    await other.page.close();
    await allowed.page.close();
  });

  it('the options page lists the allowed site and withdraws it: its pages are no longer checked', async () => {
    const browser = env.browser();
    const options = await browser.newPage();
    await options.goto(`chrome-extension://${await extensionId(browser)}/options.html`);
    await options.waitForSelector('.allowed-sites li');
    expect(await options.$$eval('.allowed-sites .site', (s) => s.map((e) => e.textContent))).toEqual(['127.0.0.1']);
    expect(await axeBothSchemes(options)).toEqual({ light: [], dark: [] });

    await options.click('button[aria-label="Stop checking 127.0.0.1"]');
    await options.waitForFunction(() => document.querySelector('.site-access .access-status')?.textContent === 'Claimlens no longer checks 127.0.0.1.');
    expect(await options.$eval('.allowed-sites', (s) => (s as HTMLElement).innerText)).toContain('No site yet.');
    expect(await grantedOrigins()).toEqual([]);
    await waitForRegistration(browser, []);

    const { page, worlds } = await openCounted(urlOn('127.0.0.1'));
    await page.waitForFunction(() => document.readyState === 'complete');
    expect(worlds()).toBe(0);
    await page.close();
    await options.close();
  });

  it('"Check every site" from the options page, by keyboard alone, checks pages on both sites', async () => {
    const browser = env.browser();
    const options = await browser.newPage();
    await options.goto(`chrome-extension://${await extensionId(browser)}/options.html`);
    await grantOnExtensionsPage(browser, ALL_SITES);
    await pressButtonWithKeyboard(options, 'Check every site');
    await options.waitForFunction(() => document.querySelector('.access-mode')?.textContent === 'Now: Claimlens checks every site.');
    expect(await grantedOrigins()).toEqual([...ALL_SITES].sort());
    await waitForRegistration(browser, ALL_SITES);
    expect(await axeBothSchemes(options)).toEqual({ light: [], dark: [] });

    for (const site of ['127.0.0.1', 'localhost'] as const) {
      const { page } = await openCounted(urlOn(site));
      await waitForHighlights(page);
      await page.close();
    }
    await options.close();
  });
});

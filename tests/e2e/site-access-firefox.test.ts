// "Check only where I ask" (issue 15) in Firefox, from a fresh install: no host permission until the shopper
// grants one, then each mode checks exactly the pages it should. A test cannot click Firefox's own permission
// prompt: the profile preference extensions.webextOptionalPermissionPrompts = false (harness.ts) makes Firefox
// grant what the add-on's permissions.request asks for, the request still made by a click in our page. The
// toolbar button is pressed through Firefox's own triggerAction, which grants activeTab as a click does; the popup
// is then opened as a page for that tab. WebDriver BiDi cannot open moz-extension:// pages, so the tests drive the
// first-run tab the add-on opened itself and send it to the add-on's other pages. Two sites: 127.0.0.1 and localhost.
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ALL_SITES, sitePatterns } from '../../src/settings/host-access.ts';
import {
  clickButton,
  firefoxInstalled,
  firefoxRegistration,
  firefoxTabId,
  firefoxWelcomePage,
  pressButtonWithKeyboard,
  pressFirefoxToolbarButton,
  useFirefoxBrowser,
  waitForHighlights,
} from './harness.ts';

const env = useFirefoxBrowser({ startAs: 'fresh' });
const FIXTURE = 'stem-cell-serum.html';

function urlOn(site: '127.0.0.1' | 'localhost'): string {
  return env.server().url(FIXTURE).replace('//127.0.0.1:', `//${site}:`);
}

/** The add-on's own tab (the first-run page it opened), sent to one of its pages. */
async function extensionPage(path: string, ready: string): Promise<Page> {
  // The first-run tab, found once; afterwards it shows whichever page of the add-on a test sent it to.
  ours ??= await firefoxWelcomePage(env.browser());
  const page = ours;
  await page.evaluate((path: string) => {
    location.href = path;
  }, path);
  await page.waitForSelector(ready, { timeout: 20_000 });
  return page;
}
let ours: Page | undefined;

async function openShop(url: string): Promise<Page> {
  const page = await env.browser().newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.readyState === 'complete');
  return page;
}

/** Whether the tab's eager content script answers, asked from the add-on's page as the popup asks it. */
async function answersPing(page: Page, tabId: number): Promise<boolean> {
  return page.evaluate(
    (tabId: number) => browser.tabs.sendMessage(tabId, { type: 'claimlens:ping' }, { frameId: 0 }).then((a: unknown) => a === true, () => false),
    tabId,
  );
}

async function granted(page: Page): Promise<string[]> {
  return page.evaluate(async () => ((await browser.permissions.getAll()).origins ?? []).sort());
}

async function highlightCount(page: Page): Promise<number> {
  return page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('claimlens-')).length);
}

describe('check only where I ask (Firefox)', () => {
  it('installs holding no host permission: none in the installed manifest, none granted, no page checked; the first-run page asks', async () => {
    const firefox = env.browser();
    const installed = await firefoxInstalled(firefox);
    // Firefox fills the lists the manifest leaves out with empty ones.
    expect(installed.manifest.host_permissions ?? []).toEqual([]);
    expect(installed.manifest.content_scripts ?? []).toEqual([]);
    expect(installed.manifest.optional_host_permissions).toEqual([...ALL_SITES]);
    expect(installed.manifest.permissions).toEqual(['storage', 'scripting', 'activeTab']);
    expect(installed.granted).toEqual([]);
    // Firefox's install prompt lists no permission at all (it said "Access your data for all websites" before
    // issue 15); "Check every site" asks for exactly that, when the shopper chooses it.
    expect(installed.installPrompt).toEqual({ msgs: [], dataCollection: 'The developer says this extension doesn’t require data collection.' });
    expect(installed.everySitePrompt).toEqual(['Access your data for all websites']);
    expect(installed.origins.filter((o) => /^(https?|\*):/.test(o))).toEqual([]);

    const welcome = await firefoxWelcomePage(firefox);
    ours = welcome;
    const text = await welcome.evaluate(() => document.body.innerText);
    expect(text).toContain('Welcome to Claimlens');
    expect(text).toContain('It has no access to any website yet.');
    expect(await granted(welcome)).toEqual([]);
    expect(await welcome.evaluate(() => browser.scripting.getRegisteredContentScripts())).toEqual([]);

    const shop = await openShop(urlOn('127.0.0.1'));
    expect(await answersPing(welcome, await firefoxTabId(firefox, urlOn('127.0.0.1')))).toBe(false);
    expect(await highlightCount(shop)).toBe(0);
    await shop.close();
  });

  it('until the shopper chooses, the popup says what to do; "Check this page", by keyboard alone, checks that tab once', async () => {
    const firefox = env.browser();
    const shop = await openShop(urlOn('127.0.0.1'));
    const tabId = await pressFirefoxToolbarButton(firefox, shop);
    const popup = await extensionPage(`/popup.html?tabId=${tabId}`, '.access-popup');
    const said = await popup.$eval('.popup-main', (m) => m.textContent ?? '');
    expect(said).toContain('Claimlens is not checking 127.0.0.1.');
    expect(said).toContain('Choose where Claimlens checks pages');

    // Keys go to the tab in front: the popup's page comes forward (the activeTab grant stays with the shop's tab).
    await popup.bringToFront();
    await pressButtonWithKeyboard(popup, 'Check this page');
    await waitForHighlights(shop);
    expect(await answersPing(popup, tabId)).toBe(true);
    expect(await granted(popup)).toEqual([]);

    await shop.reload();
    await shop.waitForFunction(() => document.readyState === 'complete');
    expect(await answersPing(popup, tabId)).toBe(false);
    expect(await highlightCount(shop)).toBe(0);
    await shop.close();
  });

  it('"Only where I allow", then "Always check 127.0.0.1": that site\'s pages are checked as they load, localhost\'s are not', async () => {
    const firefox = env.browser();
    const options = await extensionPage('/options.html', '.site-access .access-button');
    await clickButton(options, 'Only where I allow');
    await options.waitForFunction(() => document.querySelector('.access-mode')?.textContent?.includes('only the sites you allow'));

    const shop = await openShop(urlOn('127.0.0.1'));
    const tabId = await pressFirefoxToolbarButton(firefox, shop);
    const popup = await extensionPage(`/popup.html?tabId=${tabId}`, '.access-popup');
    expect(await popup.$eval('.popup-main', (m) => m.textContent ?? '')).not.toContain('Choose where');
    await clickButton(popup, 'Always check 127.0.0.1');
    await waitForHighlights(shop);
    expect(await granted(popup)).toEqual(sitePatterns('127.0.0.1').sort());
    await firefoxRegistration(popup, sitePatterns('127.0.0.1'));
    await shop.close();

    // Another site first, then the allowed one: only the allowed one is checked.
    const other = await openShop(urlOn('localhost'));
    const allowed = await openShop(urlOn('127.0.0.1'));
    await waitForHighlights(allowed);
    expect(await answersPing(popup, await firefoxTabId(firefox, urlOn('127.0.0.1')))).toBe(true);
    expect(await answersPing(popup, await firefoxTabId(firefox, urlOn('localhost')))).toBe(false);
    expect(await highlightCount(other)).toBe(0);
    await other.close();
    await allowed.close();
  });

  it('the options page lists the allowed site and withdraws it: its pages are no longer checked', async () => {
    const firefox = env.browser();
    const options = await extensionPage('/options.html', '.allowed-sites li');
    expect(await options.$$eval('.allowed-sites .site', (s) => s.map((e) => e.textContent))).toEqual(['127.0.0.1']);
    await options.click('button[aria-label="Stop checking 127.0.0.1"]');
    await options.waitForFunction(() => document.querySelector('.site-access .access-status')?.textContent === 'Claimlens no longer checks 127.0.0.1.');
    expect(await granted(options)).toEqual([]);
    await firefoxRegistration(options, []);

    const shop = await openShop(urlOn('127.0.0.1'));
    expect(await answersPing(options, await firefoxTabId(firefox, urlOn('127.0.0.1')))).toBe(false);
    await shop.close();
  });

  it('"Check every site" from the options page checks pages on both sites', async () => {
    const options = await extensionPage('/options.html', '.site-access .access-button');
    await clickButton(options, 'Check every site');
    await options.waitForFunction(() => document.querySelector('.access-mode')?.textContent === 'Now: Claimlens checks every site.');
    expect(await granted(options)).toEqual([...ALL_SITES].sort());
    await firefoxRegistration(options, ALL_SITES);
    for (const site of ['127.0.0.1', 'localhost'] as const) {
      const shop = await openShop(urlOn(site));
      await waitForHighlights(shop);
      await shop.close();
    }
  });
});

// The shopper decides, in Firefox (the built add-on in Debian's Firefox ESR over WebDriver BiDi): reading mode
// by Firefox's own Alt+Shift+H shortcut and by the popup's switch, keyboard only; "Don't show claims like this"
// and Undo by keyboard, seen in the options page; and the settings file's round trip and refusals, with the
// add-on's storage read in its own options page before and after.
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  claimPoint,
  firefoxTabReport,
  openFirefoxExtensionPage,
  openPage,
  pressFirefoxShortcut,
  useFirefoxBrowser,
  waitForCard,
  waitForHighlights,
} from './harness.ts';

const env = useFirefoxBrowser();
let dir: string;
let run = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimlens-firefox-settings-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function openFixture(): Promise<{ page: Page; errors: string[]; tabId: number; badge: string; findings: { ruleId: string; text: string }[] }> {
  run += 1;
  const { page, errors } = await openPage(env, `stem-cell-serum.html?firefox=${run}`);
  await waitForHighlights(page);
  // The badge is set just after the report is filed: the page's claims are counted once it shows.
  let report = await firefoxTabReport(env.browser(), page.url());
  for (let tries = 0; report.badge === '' && tries < 100; tries++) {
    await new Promise((ok) => setTimeout(ok, 100));
    report = await firefoxTabReport(env.browser(), page.url());
  }
  const { tabId, badge, findings } = report;
  expect(badge).not.toBe('');
  return { page, errors, tabId, badge, findings: findings as { ruleId: string; text: string }[] };
}

const paintedCount = (page: Page) =>
  page.evaluate(() => [...CSS.highlights].filter(([n]) => n.startsWith('claimlens-')).reduce((sum, [, h]) => sum + h.size, 0));
const until = (page: Page, fn: string) => page.waitForFunction(fn, { polling: 100, timeout: 20_000 });
const NONE_PAINTED = `[...CSS.highlights.keys()].every((k) => !k.startsWith('claimlens-'))`;
const NAVIGATOR_SHOWN = `Boolean(document.querySelector('claimlens-host')?.shadowRoot?.querySelector('.navigator'))`;
const LIVE_SAYS = (text: string) =>
  `[...(document.querySelector('claimlens-host')?.shadowRoot?.querySelectorAll('[role="status"]') ?? [])].some((el) => el.textContent === ${JSON.stringify(text)})`;
const focusedInHost = (page: Page) =>
  page.evaluate(() => {
    const active = document.querySelector('claimlens-host')?.shadowRoot?.activeElement;
    return active ? (active.getAttribute('aria-label') ?? active.textContent) : null;
  });

/** The add-on's storage.local, read in one of its own pages. */
const storageIn = (extensionPage: Page) =>
  extensionPage.evaluate(() => (globalThis as unknown as { browser: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } }).browser.storage.local.get(null));

describe('Firefox: the shopper decides', () => {
  it('Alt+Shift+H, Firefox\'s own shortcut, hides and shows every highlight and the navigator, says so, and the badge still counts', async () => {
    const { page, errors, tabId, badge } = await openFixture();
    const before = await paintedCount(page);
    await until(page, NAVIGATOR_SHOWN);
    await page.bringToFront();
    await pressFirefoxShortcut(env.browser(), 'Alt+Shift+H');
    await until(page, NONE_PAINTED);
    await until(page, `!${NAVIGATOR_SHOWN}`);
    await until(page, LIVE_SAYS('Claimlens highlights hidden'));
    expect((await firefoxTabReport(env.browser(), page.url())).badge).toBe(badge);
    await pressFirefoxShortcut(env.browser(), 'Alt+Shift+H');
    await until(page, `[...CSS.highlights].filter(([n]) => n.startsWith('claimlens-')).reduce((s, [, h]) => s + h.size, 0) === ${before}`);
    await until(page, NAVIGATOR_SHOWN);
    await until(page, LIVE_SAYS('Claimlens highlights shown'));

    // Hidden, then Alt+Shift+N asks for the next claim: the highlights come back and its card opens.
    await pressFirefoxShortcut(env.browser(), 'Alt+Shift+H');
    await until(page, NONE_PAINTED);
    await until(page, LIVE_SAYS('Claimlens highlights hidden'));
    await pressFirefoxShortcut(env.browser(), 'Alt+Shift+N');
    await waitForCard(page);
    await until(page, `[...CSS.highlights].filter(([n]) => n.startsWith('claimlens-')).reduce((s, [, h]) => s + h.size, 0) === ${before}`);
    await until(page, LIVE_SAYS('Claimlens highlights shown'));
    await page.keyboard.press('Escape');
    await waitForCard(page, false);

    // Hidden again, then the tab navigates: the new page shows its highlights.
    await pressFirefoxShortcut(env.browser(), 'Alt+Shift+H');
    await until(page, NONE_PAINTED);
    await page.reload();
    await waitForHighlights(page);
    expect(await paintedCount(page)).toBe(before);
    expect((await firefoxTabReport(env.browser(), page.url())).tabId).toBe(tabId);
    await page.close();
    expect(errors).toEqual([]);
  });

  it('the popup\'s switch, reached and pressed by keyboard, hides the tab\'s highlights', async () => {
    const { page, errors, tabId } = await openFixture();
    const popup = await openFirefoxExtensionPage(env.browser(), `popup.html?tabId=${tabId}`, '.reading-mode input');
    let reached = false;
    for (let presses = 0; presses < 60 && !reached; presses++) {
      await popup.keyboard.press('Tab');
      reached = await popup.evaluate(() => document.activeElement?.closest('.reading-mode') !== null && document.activeElement?.getAttribute('role') === 'switch');
    }
    expect(reached).toBe(true);
    await popup.keyboard.press(' ');
    await until(page, NONE_PAINTED);
    expect(await popup.$eval('.reading-mode input', (el) => (el).checked)).toBe(true);
    await popup.keyboard.press(' ');
    await until(page, `!(${NONE_PAINTED})`);
    await popup.close();
    await page.close();
    expect(errors).toEqual([]);
  });

  it('"Don\'t show claims like this" by keyboard: the rule goes off, Undo has focus and brings it back; the options page shows it off', async () => {
    const { page, errors, findings } = await openFixture();
    const all = findings.length;
    const kept = findings.filter((f) => f.ruleId !== 'living-stem-cells').length;
    await page.bringToFront();
    const { x, y } = await claimPoint(page, 'live stem cells');
    await page.mouse.click(x, y);
    await waitForCard(page);
    let reached = false;
    for (let presses = 0; presses < 30 && !reached; presses++) {
      await page.keyboard.press('Tab');
      reached = (await focusedInHost(page)) === "Don't show claims like this";
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await until(page, `document.querySelector('claimlens-host')?.shadowRoot?.activeElement?.textContent === 'Undo'`);
    await until(page, `[...CSS.highlights].filter(([n]) => n.startsWith('claimlens-')).reduce((s, [, h]) => s + h.size, 0) === ${kept}`);

    const options = await openFirefoxExtensionPage(env.browser(), 'options.html', '.rule-toggle');
    expect(
      await options.evaluate(() => [...document.querySelectorAll('.rule-toggle')].find((l) => l.querySelector('code')?.textContent === 'living-stem-cells')!.querySelector('input')!.checked),
    ).toBe(false);

    await page.bringToFront();
    await page.keyboard.press('Enter');
    await waitForCard(page);
    await until(page, `[...CSS.highlights].filter(([n]) => n.startsWith('claimlens-')).reduce((s, [, h]) => s + h.size, 0) === ${all}`);
    await options.waitForFunction(
      () => [...document.querySelectorAll('.rule-toggle')].find((l) => l.querySelector('code')?.textContent === 'living-stem-cells')!.querySelector('input')!.checked,
      { polling: 100 },
    );
    expect(await storageIn(options)).toMatchObject({ settings: { disabledRules: [] } });
    await options.close();
    await page.close();
    expect(errors).toEqual([]);
  });

  it('the settings file: a bad one changes nothing, an exported one imports back to exactly what was stored', async () => {
    const options = await openFirefoxExtensionPage(env.browser(), 'options.html', '#settings-file-input');
    const stored = {
      settings: { version: 2, pausedSites: ['paused.example.com'], threshold: 'risky', disabledRules: ['living-stem-cells'], userRules: '' },
      'hidden:https://shop.example.com/cream': ['a'],
    };
    await options.evaluate(async (items) => {
      const { local } = (globalThis as unknown as { browser: { storage: { local: { clear(): Promise<void>; set(i: object): Promise<void> } } } }).browser.storage;
      await local.clear();
      await local.set(items);
    }, stored);
    // The exported file's text, kept as the page hands it to the download (Firefox's own download UI is not for tests).
    await options.evaluate(() => {
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob) => {
        void blob.text().then((text) => ((window as unknown as { __exported: string }).__exported = text));
        return create(blob);
      };
    });
    await options.focus('.settings-file button');
    await options.keyboard.press('Enter');
    const exported = (await (await options.waitForFunction(() => (window as unknown as { __exported?: string }).__exported, { polling: 100 })).jsonValue()) as string;
    expect(JSON.parse(exported)).toMatchObject({ format: 'claimlens-settings', version: 1, pausedSites: ['paused.example.com'], threshold: 'risky', hiddenClaims: { 'https://shop.example.com/cream': ['a'] } });

    // A bad file: storage before and after are the same.
    const before = await storageIn(options);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...JSON.parse(exported), threshold: 'dire' }));
    await (await options.$('input#settings-file-input'))!.uploadFile(bad);
    await options.waitForSelector('#settings-file-problems');
    expect(await options.$$eval('#settings-file-problems li', (els) => els.map((e) => e.textContent))).toEqual(['threshold: must be one of misleading, unsupported, risky, context']);
    expect(await storageIn(options)).toEqual(before);

    // Another profile's settings, then the exported file: everything is back.
    await options.evaluate(async () => {
      const { local } = (globalThis as unknown as { browser: { storage: { local: { clear(): Promise<void>; set(i: object): Promise<void> } } } }).browser.storage;
      await local.clear();
      await local.set({ settings: { version: 2, pausedSites: [], threshold: 'context', disabledRules: [], userRules: '' }, 'hidden:https://x.example/p': ['x'] });
    });
    const good = join(dir, 'claimlens-settings.json');
    writeFileSync(good, exported);
    await (await options.$('input#settings-file-input'))!.uploadFile(good);
    await options.waitForFunction(() => document.querySelector('.settings-file [role="status"]')?.textContent?.startsWith('Imported claimlens-settings.json'), { polling: 100 });
    expect(await storageIn(options)).toEqual(stored);
    await options.close();
  });
});

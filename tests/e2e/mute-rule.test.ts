// "Don't show claims like this" in Chromium: the card's button switches the claim's rule off in the settings
// at once, so this page and every other open page drop its claims; the card's place says so with Undo, which
// has focus and puts the rule back; the options page shows the rule switched off and can switch it back on.
// By keyboard and by mouse; axe audits the notice in light and dark.
import type { Page } from 'puppeteer-core';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  cardText,
  claimPoint,
  collectPageErrors,
  extensionWorker,
  waitForFocusInCard,
  seriousViolations,
  useExtensionBrowser,
  waitForCard,
  waitForHighlights,
  waitForTabReport,
} from './harness.ts';

const env = useExtensionBrowser();
const MUTED_RULE = 'living-stem-cells';
let run = 0;

beforeEach(async () => {
  await (await extensionWorker(env.browser())).evaluate(() => chrome.storage.local.clear());
});

interface Opened {
  page: Page;
  tabId: number;
  badge: string;
  findings: { ruleId: string; text: string; severity: string }[];
  errors: string[];
}

async function openFixture(scheme: 'light' | 'dark' = 'light'): Promise<Opened> {
  const page = await env.browser().newPage();
  const errors = collectPageErrors(page);
  await page.setViewport({ width: 1000, height: 720 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  run += 1;
  const url = `${env.server().url(scheme === 'dark' ? 'variant/dark/stem-cell-serum.html' : 'stem-cell-serum.html')}?mute=${run}`;
  await page.goto(url);
  await waitForHighlights(page);
  const { tabId, badge, findings } = await waitForTabReport(env.browser(), url);
  return { page, tabId, badge, findings: findings as Opened['findings'], errors };
}

const texts = (page: Page) =>
  page.evaluate(() => [...CSS.highlights].filter(([n]) => n.startsWith('claimlens-')).flatMap(([, h]) => [...h].map((r) => (r as Range).toString())).sort());

/** Waits, on a timer (background tabs get no frames), until the page paints exactly `expected`. */
async function paints(page: Page, expected: string[]): Promise<void> {
  await page.waitForFunction(
    (expected: string[]) =>
      JSON.stringify([...CSS.highlights].filter(([n]) => n.startsWith('claimlens-')).flatMap(([, h]) => [...h].map((r) => (r as Range).toString())).sort()) ===
      JSON.stringify(expected),
    { polling: 100, timeout: 20_000 },
    [...expected].sort(),
  );
}

const disabledRules = async () =>
  (await extensionWorker(env.browser())).evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { disabledRules: string[] } | undefined)?.disabledRules ?? []);

async function badgeBecomes(tabId: number, text: string): Promise<void> {
  const worker = await extensionWorker(env.browser());
  await worker.evaluate(
    async (tabId: number, text: string) => {
      while ((await chrome.action.getBadgeText({ tabId })) !== text) await new Promise((ok) => setTimeout(ok, 50));
    },
    tabId,
    text,
  );
}

/** The focused element inside our shadow root: its text or label. */
const focusedInHost = (page: Page) =>
  page.evaluate(() => {
    const active = document.querySelector('claimlens-host')?.shadowRoot?.activeElement;
    return active ? (active.getAttribute('aria-label') ?? active.textContent) : null;
  });

async function tabTo(page: Page, label: string): Promise<void> {
  for (let presses = 0; presses < 30; presses++) {
    await page.keyboard.press('Tab');
    if ((await focusedInHost(page)) === label) return;
  }
  throw new Error(`Tab never reached "${label}" in the card`);
}

/** Clicks the card's "Don't show claims like this" with the mouse. */
async function clickMute(page: Page): Promise<void> {
  const button = await page.evaluateHandle(
    (): HTMLButtonElement => [...document.querySelector('claimlens-host')!.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === "Don't show claims like this")!,
  );
  await button.click();
}

async function openOptions(): Promise<Page> {
  const worker = await extensionWorker(env.browser());
  const options = await env.browser().newPage();
  await options.setViewport({ width: 900, height: 900 });
  await options.goto(new URL('/options.html', worker.url()).href);
  await options.waitForSelector('.rule-toggle');
  return options;
}

const ruleSwitch = (options: Page) =>
  options.waitForSelector(`xpath/.//label[contains(@class, "rule-toggle")][.//code[normalize-space()="${MUTED_RULE}"]]//input`);

describe('mute a rule from its card', () => {
  it('by keyboard: the rule goes off on this page and another open one, Undo has focus and puts it back', async () => {
    const a = await openFixture();
    const b = await openFixture();
    const all = a.findings.map((f) => f.text);
    const kept = a.findings.filter((f) => f.ruleId !== MUTED_RULE).map((f) => f.text);
    expect(kept.length).toBeLessThan(all.length);

    await a.page.bringToFront();
    const { x, y } = await claimPoint(a.page, 'live stem cells');
    await a.page.mouse.click(x, y);
    await waitForCard(a.page);
    await waitForFocusInCard(a.page);
    await tabTo(a.page, "Don't show claims like this");
    await a.page.keyboard.press('Enter');

    await a.page.waitForFunction(() => document.querySelector('claimlens-host')?.shadowRoot?.querySelector('.muted-notice')?.textContent?.includes('Claims like this are hidden.'));
    expect(await focusedInHost(a.page)).toBe('Undo');
    expect(await cardText(a.page)).toBeNull();
    await paints(a.page, kept);
    await paints(b.page, kept);
    expect(await disabledRules()).toEqual([MUTED_RULE]);
    // The badges count what is shown: the muted rule's claims are gone from both.
    const flaggedKept = a.findings.filter((f) => f.ruleId !== MUTED_RULE && f.severity !== 'context').length;
    expect(String(flaggedKept)).not.toBe(b.badge);
    await badgeBecomes(a.tabId, String(flaggedKept));
    await badgeBecomes(b.tabId, String(flaggedKept));

    // The options page shows the rule switched off.
    const options = await openOptions();
    await options.type('#rule-filter', MUTED_RULE);
    expect(await (await ruleSwitch(options))!.evaluate((el) => (el as HTMLInputElement).checked)).toBe(false);
    await options.close();

    // Undo, by keyboard: the rule is back on everywhere and the card opens again on the same claim.
    await a.page.bringToFront();
    expect(await focusedInHost(a.page)).toBe('Undo');
    await a.page.keyboard.press('Enter');
    await waitForCard(a.page);
    expect(await cardText(a.page)).toContain('contains live stem cells');
    await waitForFocusInCard(a.page);
    await paints(a.page, all);
    await paints(b.page, all);
    expect(await disabledRules()).toEqual([]);
    await a.page.keyboard.press('Escape');
    await waitForCard(a.page, false);
    for (const { page } of [a, b]) await page.close();
    expect([...a.errors, ...b.errors]).toEqual([]);
  });

  it('by mouse, then the options page switches the rule back on and the page shows its claims again', async () => {
    const a = await openFixture();
    const all = a.findings.map((f) => f.text);
    const kept = a.findings.filter((f) => f.ruleId !== MUTED_RULE).map((f) => f.text);
    const { x, y } = await claimPoint(a.page, 'live stem cells');
    await a.page.mouse.click(x, y);
    await waitForCard(a.page);
    await clickMute(a.page);
    await paints(a.page, kept);
    expect(await disabledRules()).toEqual([MUTED_RULE]);
    // A click elsewhere dismisses the notice; the rule stays off.
    await a.page.mouse.click(5, 690);
    await a.page.waitForFunction(() => !document.querySelector('claimlens-host')?.shadowRoot?.querySelector('.muted-notice'));
    expect(await texts(a.page)).toEqual([...kept].sort());

    const options = await openOptions();
    await options.type('#rule-filter', MUTED_RULE);
    const toggle = await ruleSwitch(options);
    expect(await toggle!.evaluate((el) => (el as HTMLInputElement).checked)).toBe(false);
    await toggle!.click();
    await options.waitForFunction(() => document.querySelector('[role="status"]')?.textContent?.includes('Saved.'));
    expect(await disabledRules()).toEqual([]);
    await a.page.bringToFront();
    await paints(a.page, all);
    await options.close();
    await a.page.close();
    expect(a.errors).toEqual([]);
  });

  it.each(['light', 'dark'] as const)('the notice in the card\'s place has no serious or critical violation, %s scheme', async (scheme) => {
    const a = await openFixture(scheme);
    const { x, y } = await claimPoint(a.page, 'live stem cells');
    await a.page.mouse.click(x, y);
    await waitForCard(a.page);
    await clickMute(a.page);
    await a.page.waitForFunction(() => document.querySelector('claimlens-host')?.shadowRoot?.querySelector('.muted-notice'));
    // Settled: the notice is drawn and the rule saved, before the audit.
    await a.page.waitForFunction(() => document.querySelector('claimlens-host')?.shadowRoot?.activeElement?.textContent === 'Undo');
    expect(await seriousViolations(a.page, 'claimlens-host')).toEqual([]);
    await a.page.screenshot({ path: `tests/screenshots/muted-notice-${scheme}.png` });
    await a.page.close();
  });
});

// The options page with the built-in extension, as a shopper uses it: pause a site, switch a rule off, raise the
// threshold, add a rule of their own (and get a bad one refused), and see every page obey, open ones included.
import { mkdirSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  cardText,
  claimPoint,
  collectPageErrors,
  extensionWorker,
  highlightedTexts,
  scannerFindings,
  useExtensionBrowser,
  waitForCard,
  waitForHighlights,
} from './harness.ts';

const env = useExtensionBrowser();
const FIXTURE = 'stem-cell-serum.html';
let optionsUrl = '';
let run = 0;
let errors: string[] = [];

beforeAll(async () => {
  const worker = await extensionWorker(env.browser());
  optionsUrl = new URL('/options.html', worker.url()).href;
  mkdirSync('tests/screenshots', { recursive: true });
});

beforeEach(async () => {
  errors = [];
  const worker = await extensionWorker(env.browser());
  await worker.evaluate(() => chrome.storage.local.clear());
});

async function track(page: Page): Promise<Page> {
  const mine = collectPageErrors(page);
  page.once('close', () => errors.push(...mine));
  return page;
}

async function openOptions(): Promise<Page> {
  const page = await track(await env.browser().newPage());
  await page.setViewport({ width: 900, height: 900 });
  await page.goto(optionsUrl);
  await page.waitForSelector('h1');
  await page.waitForSelector('#user-rules-text');
  return page;
}

/** A fresh address for the fixture each time, so each load files a report of its own. */
function fixtureUrl(): string {
  run += 1;
  return `${env.server().url(FIXTURE)}?run=${run}`;
}

async function openFixture(url = fixtureUrl()): Promise<Page> {
  const page = await track(await env.browser().newPage());
  await page.setViewport({ width: 1000, height: 720 });
  await page.goto(url);
  return page;
}

/** The background's report for `url`: status and findings, once the page has filed it. */
async function reportFor(url: string): Promise<{ status: string; findings: { ruleId: string; severity: string; text: string }[] }> {
  const worker = await extensionWorker(env.browser());
  // Polled from here, one short evaluate at a time, so a missing report fails on the test's timeout.
  for (;;) {
    const report = await worker.evaluate(async (url: string) => {
      const all = await chrome.storage.session.get<Record<string, { url: string; status: string; findings: never[] }>>(null);
      const found = Object.values(all).find((r) => r.url === url);
      return found ? { status: found.status, findings: found.findings } : null;
    }, url);
    if (report) return report;
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

const texts = async (page: Page) => (await highlightedTexts(page)).map(([, text]) => text);

async function waitForHighlightCount(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (count: number) => [...CSS.highlights].filter(([n]) => n.startsWith('claimlens-')).reduce((sum, [, h]) => sum + h.size, 0) === count,
    // Polled on a timer, not on animation frames: the page may be a background tab.
    { timeout: 20_000, polling: 100 },
    count,
  );
}

/** Replaces the rules text the way a shopper does: select all, type. */
async function typeRules(options: Page, text: string): Promise<void> {
  await options.click('#user-rules-text');
  await options.keyboard.down('Control');
  await options.keyboard.press('KeyA');
  await options.keyboard.up('Control');
  await options.keyboard.press('Backspace');
  await options.type('#user-rules-text', text);
}

async function saveRules(options: Page): Promise<void> {
  const [button] = await options.$$('xpath/.//button[normalize-space()="Save rules"]');
  await button!.click();
}

async function statusText(options: Page, includes: string): Promise<string> {
  const handle = await options.waitForFunction(
    (includes: string) => {
      const text = document.querySelector('[role="status"]')?.textContent ?? '';
      return text.includes(includes) ? text : false;
    },
    {},
    includes,
  );
  return (await handle.jsonValue()) as string;
}

const LIGHTWEIGHT_RULE = `- id: my-lightweight
  title: Lightweight texture
  severity: unsupported
  claim: The texture is lightweight.
  match:
    - lightweight
  explanation: Texture words are a matter of taste.
  ask: Lightweight compared with what?
  sources: ["My own note"]
`;

const CAPSULE_RULE = `- id: my-patented-capsule
  title: Patented capsule
  severity: dire
  claim: A patent proves the capsule works.
  match:
    - patented capsule
  explanation: A patent says nothing about whether it works.
  ask: Which study tested the capsule?
`;

describe('options page', () => {
  it('pausing a site leaves its pages without highlights, open ones at once; resuming brings them back', async () => {
    const before = await openFixture();
    await waitForHighlights(before);
    const expected = scannerFindings(FIXTURE).map(([, text]) => text);
    expect(await texts(before)).toEqual(expected);

    const options = await openOptions();
    await options.type('#add-site-input', '127.0.0.1');
    await options.click('.add-site button[type="submit"]');
    await statusText(options, 'Saved.');
    expect(await options.$$eval('.site', (els) => els.map((e) => e.textContent))).toEqual(['127.0.0.1']);

    // The open page clears without a reload; the next load scans nothing and reports the pause.
    await waitForHighlightCount(before, 0);
    const url = fixtureUrl();
    const paused = await openFixture(url);
    expect(await reportFor(url)).toEqual({ status: 'paused', findings: [] });
    expect(await texts(paused)).toEqual([]);
    expect(await paused.$('claimlens-host')).toBeNull();

    // The shopper goes back to the options tab (a click needs the tab in front to land).
    await options.bringToFront();
    await options.click('button[aria-label="Resume Claimlens on 127.0.0.1"]');
    await options.waitForFunction(() => document.body.textContent.includes('Claimlens is on everywhere.'));
    // Back on the paused tab: its claims are underlined again without a reload.
    await paused.bringToFront();
    await waitForHighlights(paused);
    expect(await texts(paused)).toEqual(expected);
    const again = fixtureUrl();
    const resumed = await openFixture(again);
    await waitForHighlights(resumed);
    expect(await texts(resumed)).toEqual(expected);
    expect((await reportFor(again)).status).toBe('done');
    for (const p of [before, paused, resumed, options]) await p.close();
    expect(errors).toEqual([]);
  });

  it('a rule switched off loses its highlights, on the open page and the next', async () => {
    const page = await openFixture();
    await waitForHighlights(page);
    expect(await texts(page)).toContain('contains live stem cells');
    const options = await openOptions();
    await options.type('#rule-filter', 'living-stem-cells');
    const toggle = await options.waitForSelector('xpath/.//label[contains(@class, "rule-toggle")][.//code[normalize-space()="living-stem-cells"]]//input');
    expect(await toggle!.evaluate((el) => (el as HTMLInputElement).checked)).toBe(true);
    await toggle!.click();
    await statusText(options, 'Saved.');
    const remaining = scannerFindings(FIXTURE).map(([, t]) => t).filter((t) => t !== 'contains live stem cells');
    await waitForHighlightCount(page, remaining.length);
    expect(await texts(page)).toEqual(remaining);
    const url = fixtureUrl();
    const next = await openFixture(url);
    const report = await reportFor(url);
    expect(report.findings.map((f) => f.ruleId)).not.toContain('living-stem-cells');
    expect(report.findings.length).toBe(remaining.length);
    expect(await texts(next)).toEqual(remaining);
    for (const p of [page, next, options]) await p.close();
    expect(errors).toEqual([]);
  });

  it('the threshold hides less severe findings', async () => {
    const page = await openFixture();
    await waitForHighlights(page);
    const all = await highlightedTexts(page);
    expect(all.map(([name]) => name)).toContain('claimlens-risky');
    const options = await openOptions();
    await options.click('input[name="threshold"][value="unsupported"]');
    await statusText(options, 'Saved.');
    const kept = all.filter(([name]) => name === 'claimlens-misleading' || name === 'claimlens-unsupported');
    await waitForHighlightCount(page, kept.length);
    expect(await highlightedTexts(page)).toEqual(kept);
    const url = fixtureUrl();
    const next = await openFixture(url);
    const report = await reportFor(url);
    expect(new Set(report.findings.map((f) => f.severity))).toEqual(new Set(['misleading', 'unsupported']));
    expect(await highlightedTexts(next)).toEqual(kept);
    for (const p of [page, next, options]) await p.close();
    expect(errors).toEqual([]);
  });

  it('a valid rule of the shopper\'s flags a sentence, and its card calls it theirs', async () => {
    const options = await openOptions();
    await typeRules(options, LIGHTWEIGHT_RULE);
    await saveRules(options);
    expect(await statusText(options, 'Saved.')).toContain('1 rule of yours in force');
    const page = await openFixture();
    await page.waitForFunction(() => [...CSS.highlights].some(([n, h]) => n.startsWith('claimlens-') && [...h].some((r) => (r as Range).toString() === 'Lightweight')));
    expect(await highlightedTexts(page)).toContainEqual(['claimlens-unsupported', 'Lightweight']);
    const { x, y } = await claimPoint(page, 'Lightweight');
    await page.mouse.click(x, y);
    await waitForCard(page);
    const card = (await cardText(page))!;
    expect(card).toContain('Lightweight texture');
    expect(card).toContain('Your rule: “My own note”');
    for (const p of [page, options]) await p.close();
    expect(errors).toEqual([]);
  });

  it('an invalid rule is refused naming line and field, and the rules in force stay as they were', async () => {
    const options = await openOptions();
    await typeRules(options, LIGHTWEIGHT_RULE);
    await saveRules(options);
    await statusText(options, '1 rule of yours in force');
    // The shopper replaces their rule with one that has a bad severity.
    await typeRules(options, CAPSULE_RULE);
    await saveRules(options);
    await statusText(options, 'were not saved');
    const problems = await options.$$eval('.problems li', (els) => els.map((e) => e.textContent));
    expect(problems).toEqual(['line 3: rule "my-patented-capsule", field "severity": must be one of misleading, unsupported, risky, context']);
    expect(await options.$eval('#user-rules-text', (el) => (el as HTMLTextAreaElement).value)).toBe(CAPSULE_RULE);

    const page = await openFixture();
    await page.waitForFunction(() => [...CSS.highlights].some(([n, h]) => n.startsWith('claimlens-') && [...h].some((r) => (r as Range).toString() === 'Lightweight')));
    const shown = await texts(page);
    expect(shown).toContain('contains live stem cells');
    expect(shown).not.toContain('patented capsule');
    const worker = await extensionWorker(env.browser());
    expect(await worker.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { userRules: string }).userRules)).toBe(LIGHTWEIGHT_RULE);
    for (const p of [page, options]) await p.close();
    expect(errors).toEqual([]);
  });

  it('says so when stored settings are unreadable, keeps them aside, and looks right in light and dark', async () => {
    const worker = await extensionWorker(env.browser());
    await worker.evaluate(() => chrome.storage.local.set({ settings: { version: 2, pausedSites: 'everywhere' } }));
    const options = await openOptions();
    const notice = await options.waitForSelector('[role="alert"]');
    expect(await notice!.evaluate((el) => el.textContent)).toContain('could not be read');
    expect(await worker.evaluate(async () => (await chrome.storage.local.get('settings-unreadable'))['settings-unreadable'])).toMatchObject({
      value: { version: 2, pausedSites: 'everywhere' },
    });
    // A refused rule saves nothing, so the notice stays, and the picture shows both.
    await typeRules(options, CAPSULE_RULE);
    await saveRules(options);
    await statusText(options, 'were not saved');
    expect(await options.$('[role="alert"]')).not.toBeNull();
    const backgrounds: Record<string, string> = {};
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      backgrounds[scheme] = await options.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await options.screenshot({ path: `tests/screenshots/options-${scheme}.png`, fullPage: true });
    }
    expect(backgrounds).toEqual({ light: 'rgb(246, 248, 250)', dark: 'rgb(13, 17, 23)' });
    await options.close();
    expect(errors).toEqual([]);
  });
});

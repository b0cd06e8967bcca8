// The shopper's third moment: the badge counts the page's claims, the popup sums the page up, shows a claim in
// the page on a click, and exports the report; its empty states say what is true.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  cardText,
  collectPageErrors,
  openPage,
  extensionWorker,
  highlightedTexts,
  openPopup,
  scannerFindings,
  useExtensionBrowser,
  waitForCard,
  waitForHighlights,
  waitForTabReport,
} from './harness.ts';
import { BADGE_COLOURS } from '../../src/background/tab-reports.ts';

const env = useExtensionBrowser();
let downloads: string;

beforeAll(() => {
  mkdirSync('tests/screenshots', { recursive: true });
  downloads = mkdtempSync(join(tmpdir(), 'claimlens-downloads-'));
});
afterAll(() => rmSync(downloads, { recursive: true, force: true }));

/** The scanner's whole JSON report for a fixture: the contract the popup's export must match. */
function scannerReport(fixture: string): Record<string, unknown> {
  return <Record<string, unknown>>JSON.parse(execFileSync(process.execPath, ['bin/claimlens.mjs', 'scan', '--json', join('tests/fixtures', fixture)], { encoding: 'utf8' }));
}

async function openFixture(name: string, viewport = { width: 1000, height: 700 }): Promise<{ page: Page; errors: string[]; tabId: number; badge: string }> {
  const { page, errors } = await openPage(env, name, viewport);
  await waitForHighlights(page);
  const { tabId, badge } = await waitForTabReport(env.browser(), env.server().url(name));
  return { page, errors, tabId, badge };
}

/** The claim words the popup lists, in its order. */
const popupClaims = (popup: Page) => popup.$$eval('.snippet mark', (marks) => marks.map((m) => m.textContent ?? ''));

describe('badge', () => {
  it('counts the flagged claims (context notes not counted), coloured by the worst severity, and clears on navigation', async () => {
    const { page, tabId, badge } = await openFixture('stem-cell-serum.html');
    const flagged = scannerFindings('stem-cell-serum.html').filter(([name]) => name !== 'claimlens-context');
    expect(flagged.length).toBeGreaterThan(0);
    expect(badge).toBe(String(flagged.length));
    const worker = await extensionWorker(env.browser());
    const colour = await worker.evaluate((tabId: number) => chrome.action.getBadgeBackgroundColor({ tabId }), tabId);
    // stem-cell-serum.html holds a misleading claim: the worst severity colours the badge.
    const hex = BADGE_COLOURS.misleading;
    expect(colour.slice(0, 3)).toEqual([1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));

    await page.goto(env.server().url('plain-moisturiser.html'));
    const after = await waitForTabReport(env.browser(), env.server().url('plain-moisturiser.html'));
    expect(after.tabId).toBe(tabId);
    expect(after.findings).toEqual([]);
    expect(after.badge).toBe('');
    await page.close();
  });
});

describe('popup', () => {
  it('lists the claims the page highlights, grouped by rule, with the verdict and counts', async () => {
    const { page, tabId, errors } = await openFixture('stem-cell-serum.html');
    const popup = await openPopup(env.browser(), tabId);
    const popupErrors = collectPageErrors(popup);
    const highlighted = (await highlightedTexts(page)).map(([, text]) => text).sort();
    expect((await popupClaims(popup)).sort()).toEqual(highlighted);
    const flagged = scannerFindings('stem-cell-serum.html').filter(([name]) => name !== 'claimlens-context').length;
    const verdict = await popup.$eval('.verdict-line', (el) => el.textContent ?? '');
    expect(verdict).toMatch(new RegExp(`^${flagged} claims flagged: 1 misleading`));
    // One group per rule, each headed by the rule's title.
    const groups = await popup.$$eval('.rule-group .rule-name', (els) => els.map((e) => e.textContent));
    expect(groups).toContain('Living stem cells in the product');
    expect(new Set(groups).size).toBe(groups.length);
    // The mentions left alone are listed with their reasons, as many as the scanner counts.
    const { quietMentions } = scannerReport('stem-cell-serum.html').summary as { quietMentions: number };
    expect(quietMentions).toBeGreaterThan(0);
    expect(await popup.$eval('.quiet summary', (el) => el.textContent)).toBe(`Mentioned, not flagged (${quietMentions})`);
    expect(await popup.$$eval('.quiet-reason', (els) => els.every((e) => /^Left alone: .+/.test(e.textContent ?? '')))).toBe(true);
    // No Cytokine Facts label on a page that names no cytokine.
    expect(await popup.$('.facts-label')).toBeNull();
    const { rulesVersion } = scannerReport('stem-cell-serum.html').summary as { rulesVersion: string };
    expect(await popup.$eval('.rules-version code', (el) => el.textContent)).toBe(rulesVersion);
    await popup.screenshot({ path: 'tests/screenshots/popup-claims.png', fullPage: true });
    expect(errors).toEqual([]);
    expect(popupErrors).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('shows a claim in the page when clicked: the page scrolls to it and opens its card', async () => {
    // A short viewport, so the last claim starts out of view.
    const { page, tabId } = await openFixture('cytokine-serum.html', { width: 900, height: 360 });
    const popup = await openPopup(env.browser(), tabId);
    const claims = await popupClaims(popup);
    const inPageOrder = scannerFindings('cytokine-serum.html', { pageOrder: true }).map(([, text]) => text);
    const last = inPageOrder[inPageOrder.length - 1]!;
    expect(claims).toContain(last);
    expect(await page.evaluate(() => scrollY)).toBe(0);
    const snippets = await popup.$$('.snippet');
    const target = snippets[claims.indexOf(last)]!;
    await target.click();
    await waitForCard(page);
    expect(await cardText(page)).toContain(`“${last}`);
    // The claim is now on screen.
    const onScreen = await page.evaluate((text: string) => {
      for (const [name, h] of CSS.highlights) {
        if (!name.startsWith('claimlens-')) continue;
        for (const r of h) {
          if (!(r instanceof Range) || r.toString() !== text) continue;
          const rect = r.getBoundingClientRect();
          return rect.top >= 0 && rect.bottom <= innerHeight;
        }
      }
      return false;
    }, last);
    expect(onScreen).toBe(true);
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0);
    await popup.close();
    await page.close();
  });

  it('shows the Cytokine Facts label for a page that names cytokines, by class, with the balance', async () => {
    const { page, tabId } = await openFixture('cytokine-serum.html');
    const popup = await openPopup(env.browser(), tabId);
    const facts = (scannerReport('cytokine-serum.html').summary as { cytokineFacts: { groups: { label: string; cytokines: unknown[] }[]; balance: { verdict: string } } }).cytokineFacts;
    expect(facts).not.toBeNull();
    const rows = await popup.$$eval('.facts-table tbody tr', (trs) =>
      trs.map((tr) => ({ label: tr.querySelector('.facts-class-name')?.textContent, count: Number(tr.querySelector('.facts-count')?.textContent) })),
    );
    expect(rows).toEqual(facts.groups.map((g) => ({ label: g.label, count: g.cytokines.length })));
    const bar = await popup.$eval('.balance-bar', (el) => el.getAttribute('aria-label') ?? '');
    expect(bar).toContain(facts.balance.verdict);
    expect(await popup.$eval('.facts-note', (el) => el.textContent)).toContain('A listing is not a measurement');
    await popup.screenshot({ path: 'tests/screenshots/popup-cytokine-facts.png', fullPage: true });
    await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await popup.screenshot({ path: 'tests/screenshots/popup-cytokine-facts-dark.png', fullPage: true });
    await popup.close();
    await page.close();
  });

  it('exports the report: the JSON download matches the scanner\'s contract and findings, the Markdown download is the report', async () => {
    const { page, tabId } = await openFixture('cytokine-serum.html');
    const popup = await openPopup(env.browser(), tabId);
    const cdp = await popup.createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads, eventsEnabled: true });
    const saved = (ext: string) =>
      new Promise<string>((resolve) => {
        const poll = setInterval(() => {
          const file = readdirSync(downloads).find((f) => f.endsWith(ext));
          if (file) {
            clearInterval(poll);
            resolve(readFileSync(join(downloads, file), 'utf8'));
          }
        }, 50);
      });
    const [jsonButton, mdButton] = await Promise.all([
      popup.$('xpath/.//div[@class="export-row"][span="JSON"]/button[text()="Download"]'),
      popup.$('xpath/.//div[@class="export-row"][span="Markdown"]/button[text()="Download"]'),
    ]);
    await jsonButton!.click();
    const exported = JSON.parse(await saved('.json')) as Record<string, unknown>;
    const scanned = scannerReport('cytokine-serum.html');
    expect(Object.keys(exported).sort()).toEqual(Object.keys(scanned).sort());
    expect(exported.input).toBe(env.server().url('cytokine-serum.html'));
    // The same engine and extraction: the same findings, cytokines and summary as the scanner's.
    expect(exported.findings).toEqual(scanned.findings);
    expect(exported.cytokines).toEqual(scanned.cytokines);
    expect(exported.crossChecks).toEqual([]);
    expect(exported.summary).toEqual(scanned.summary);
    expect(await popup.$eval('.export-status', (el) => el.textContent)).toMatch(/^Saved claimlens-127-0-0-1-cytokine-serum-\d{4}-\d\d-\d\d\.json\.$/);

    await mdButton!.click();
    const markdown = await saved('.md');
    expect(markdown.startsWith('# Claimlens report\n')).toBe(true);
    expect(markdown).toContain('## Cytokine Facts');
    expect(markdown).toContain(`**Rules version:** \`${(scanned.summary as { rulesVersion: string }).rulesVersion}\``);
    await popup.close();
    await page.close();
  });

  it('copies the JSON report to the clipboard', async () => {
    const { page, tabId } = await openFixture('stem-cell-serum.html');
    const popup = await openPopup(env.browser(), tabId);
    await env.browser().defaultBrowserContext().overridePermissions(`chrome-extension://${new URL(popup.url()).host}`, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    await popup.bringToFront();
    const copy = await popup.$('xpath/.//div[@class="export-row"][span="JSON"]/button[text()="Copy"]');
    await copy!.click();
    await popup.waitForFunction(() => document.querySelector('.export-status')?.textContent !== '');
    expect(await popup.$eval('.export-status', (el) => el.textContent)).toBe('Copied the JSON report to the clipboard.');
    const copied = JSON.parse(await popup.evaluate(() => navigator.clipboard.readText())) as { findings: unknown[] };
    expect(copied.findings).toEqual(scannerReport('stem-cell-serum.html').findings);
    await popup.close();
    await page.close();
  });

  it('pauses the site from its switch: the highlights go, the popup says so, and switching back brings them back', async () => {
    const { page, tabId } = await openFixture('stem-cell-serum.html');
    const popup = await openPopup(env.browser(), tabId);
    const count = () => page.evaluate(() => [...CSS.highlights].filter(([n]) => n.startsWith('claimlens-')).reduce((n, [, h]) => n + h.size, 0));
    const before = await count();
    expect(before).toBeGreaterThan(0);
    await popup.click('input[role="switch"]');
    await popup.waitForSelector('.empty-title');
    expect(await popup.$eval('.empty-title', (el) => el.textContent)).toBe('Paused on 127.0.0.1.');
    // The page is a background tab behind the popup: poll on a timer, not on animation frames it may not get.
    await page.waitForFunction(() => [...CSS.highlights].filter(([n]) => n.startsWith('claimlens-')).every(([, h]) => h.size === 0), { polling: 100 });
    expect(await popup.$eval('input[role="switch"]', (el) => el.checked)).toBe(true);

    await popup.click('input[role="switch"]');
    await popup.waitForSelector('.verdict-line');
    await page.waitForFunction((n: number) => [...CSS.highlights].filter(([k]) => k.startsWith('claimlens-')).reduce((sum, [, h]) => sum + h.size, 0) === n, { polling: 100 }, before);
    await popup.close();
    await page.close();
  });

  it('says when a page has no claims, and when a page cannot be scanned', async () => {
    const { page, tabId } = await openFixture2('plain-moisturiser.html');
    const popup = await openPopup(env.browser(), tabId);
    expect(await popup.$eval('.verdict-line', (el) => el.textContent)).toBe('No claims found that the rules address.');
    await popup.screenshot({ path: 'tests/screenshots/popup-no-claims.png', fullPage: true });
    await popup.close();
    await page.close();

    // A data: URL is no web page: no content script runs there, so nothing can answer the popup.
    const blank = await env.browser().newPage();
    await blank.goto('data:text/html,<p>Our serum contains live stem cells.</p>');
    const worker = await extensionWorker(env.browser());
    // Tab ids only grow, and no tab has been opened since this one.
    const blankId = await worker.evaluate(async () => Math.max(...(await chrome.tabs.query({})).map((t) => t.id!)));
    const unavailable = await openPopup(env.browser(), blankId);
    expect(await unavailable.$eval('.empty-title', (el) => el.textContent)).toBe('This page cannot be scanned.');
    await unavailable.close();
    await blank.close();
  });
});

/** A fixture without highlights to wait for: waits for the background's report instead. */
async function openFixture2(name: string): Promise<{ page: Page; tabId: number }> {
  const page = await env.browser().newPage();
  await page.goto(env.server().url(name));
  const { tabId } = await waitForTabReport(env.browser(), env.server().url(name));
  return { page, tabId };
}

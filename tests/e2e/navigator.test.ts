// The findings navigator, as a shopper uses it: a launcher in a corner lists every claim in page order, and
// choosing one inside a closed <details>, an inactive ARIA tab or a collapsed accordion opens it, scrolls to the
// claim and opens its card; a claim hidden with no standard control is said to be in a hidden section.
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { AxePuppeteer } from '@axe-core/puppeteer';
import { cardText, openPage, openPopup, scannerFindings, useExtensionBrowser, waitForTabReport } from './harness.ts';

const env = useExtensionBrowser();
const FIXTURE = 'hidden-sections.html';

async function openFixture(name = FIXTURE): Promise<{ page: Page; errors: string[]; tabId: number }> {
  const { page, errors } = await openPage(env, name);
  const { tabId } = await waitForTabReport(env.browser(), env.server().url(name));
  return { page, errors, tabId };
}

/** Waits until `body` (run with `root`, our shadow root, and `arg`) returns true in the page. */
function inRoot(page: Page, body: string, arg: unknown = null) {
  const expression = `(() => { const arg = ${JSON.stringify(arg)}; const root = document.querySelector('claimlens-host')?.shadowRoot; if (!root) return false; ${body} })()`;
  // Polled on a timer: animation frames stop while the popup's tab is in front.
  return page.waitForFunction(expression, { timeout: 10_000, polling: 50 });
}

/** Resolves once the claim card is open (or closed), polled on a timer like every wait here. */
const waitForCard = (page: Page, open = true) => inRoot(page, `return Boolean(root.querySelector('[role="dialog"]')) === arg;`, open);
/** Resolves once keyboard focus is inside the card (it moves there once the card has painted). */
const focusInCard = (page: Page) => inRoot(page, `return Boolean(root.activeElement?.closest('[role="dialog"]'));`);

const launcherShown = (page: Page) => inRoot(page, `return Boolean(root.querySelector('.navigator-launcher'));`);

/** The listed claims as [severity class, snippet, note]. */
function listed(page: Page): Promise<{ severity: string; snippet: string; note: string }[]> {
  return page.evaluate(() =>
    [...document.querySelector('claimlens-host')!.shadowRoot!.querySelectorAll<HTMLElement>('.navigator-item')].map((b) => ({
      severity: /severity-(\w+)/.exec(b.className)![1]!,
      snippet: b.querySelector('.navigator-snippet')!.textContent,
      note: b.querySelector('.navigator-note')?.textContent ?? '',
    })),
  );
}

/** Opens the list with the keyboard and moves focus to the item whose snippet reads `text`, then presses Enter. */
async function chooseByKeyboard(page: Page, text: string): Promise<void> {
  const items = await listed(page);
  const index = items.findIndex((i) => i.snippet.includes(text));
  expect(index).toBeGreaterThanOrEqual(0);
  // Opening the list puts focus on its first item; arrows walk it.
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  const focused = await page.evaluate(() => document.querySelector('claimlens-host')!.shadowRoot!.activeElement?.querySelector('.navigator-snippet')?.textContent ?? '');
  expect(focused).toContain(text);
  await page.keyboard.press('Enter');
}

/** Tabs through the page until our launcher has focus, and presses Enter on it. */
async function openWithKeyboard(page: Page): Promise<void> {
  let onLauncher = false;
  for (let i = 0; i < 30 && !onLauncher; i++) {
    await page.keyboard.press('Tab');
    onLauncher = await page.evaluate(() => document.querySelector('claimlens-host')?.shadowRoot?.activeElement?.classList.contains('navigator-launcher') ?? false);
  }
  expect(onLauncher).toBe(true);
  await page.keyboard.press('Enter');
  await inRoot(page, `return root.querySelectorAll('.navigator-item').length > 0 && root.activeElement?.classList.contains('navigator-item');`);
}

/** Whether the claim reading `text` is inside the viewport. */
function claimInView(page: Page, text: string): Promise<boolean> {
  return page.evaluate((text: string) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent!.indexOf(text);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + text.length);
      const r = range.getBoundingClientRect();
      return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
    }
    return false;
  }, text);
}

describe('findings navigator', () => {
  it('appears on a page with claims, collapsed, and not at all on a page without', async () => {
    const { page, errors } = await openFixture();
    await launcherShown(page);
    const state = await page.evaluate(() => {
      const root = document.querySelector('claimlens-host')!.shadowRoot!;
      const launcher = root.querySelector<HTMLButtonElement>('.navigator-launcher')!;
      const box = root.querySelector('.navigator')!.getBoundingClientRect();
      return { text: launcher.textContent, expanded: launcher.getAttribute('aria-expanded'), items: root.querySelectorAll('.navigator-item').length, right: box.right, bottom: box.bottom };
    });
    const total = scannerFindings(FIXTURE).length;
    expect(state).toMatchObject({ text: `Claimlens · ${total} claims`, expanded: 'false', items: 0 });
    // In the bottom-right corner, small.
    expect(1000 - state.right).toBeLessThan(20);
    expect(700 - state.bottom).toBeLessThan(20);
    expect(errors).toEqual([]);
    await page.close();

    const plain = await openFixture('plain-moisturiser.html');
    expect(await plain.page.evaluate(() => document.querySelector('claimlens-host'))).toBeNull();
    expect(plain.errors).toEqual([]);
    await plain.page.close();
  });

  it('settles in a corner where it covers none of the page\'s fixed controls', async () => {
    const { page, errors } = await openFixture('fixed-controls.html');
    await launcherShown(page);
    const boxes = await page.evaluate(() => {
      const box = (el: Element) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      };
      return { chat: box(document.getElementById('chat')!), navigator: box(document.querySelector('claimlens-host')!.shadowRoot!.querySelector('.navigator')!) };
    });
    const overlaps = (a: typeof boxes.chat, b: typeof boxes.chat) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    expect(overlaps(boxes.chat, boxes.navigator)).toBe(false);
    // The next corner along: bottom-left.
    expect(boxes.navigator.left).toBeLessThan(20);
    expect(700 - boxes.navigator.bottom).toBeLessThan(20);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens from the keyboard and lists every claim in page order, marking those in hidden sections', async () => {
    const { page, errors } = await openFixture();
    await launcherShown(page);
    await openWithKeyboard(page);
    const items = await listed(page);
    const expected = scannerFindings(FIXTURE, { pageOrder: true });
    expect(items.map((i) => `claimlens-${i.severity}`)).toEqual(expected.map(([name]) => name));
    items.forEach((item, i) => expect(item.snippet).toContain(expected[i]![1]));
    // Only the opening claim is on show; the others sit in a closed details, a tab, an accordion, a hidden div.
    expect(items.map((i) => i.note)).toEqual(['', ...Array<string>(items.length - 1).fill('In a hidden section')]);
    expect(await page.evaluate(() => document.querySelector('claimlens-host')!.shadowRoot!.querySelector('.navigator-panel')!.getAttribute('aria-labelledby'))).toBe('claimlens-navigator-title');

    // Click-through beside the small bar, though the open panel makes the navigator's box wider.
    const beside = await page.evaluate(() => {
      const root = document.querySelector('claimlens-host')!.shadowRoot!;
      const bar = root.querySelector('.navigator-bar')!.getBoundingClientRect();
      const panel = root.querySelector('.navigator-panel')!.getBoundingClientRect();
      const x = (panel.left + bar.left) / 2;
      return { inside: x > root.querySelector('.navigator')!.getBoundingClientRect().left, hit: document.elementFromPoint(x, bar.top + bar.height / 2)?.localName };
    });
    expect(beside.inside).toBe(true);
    expect(beside.hit).toBe('main');

    // Esc closes the list and gives focus back to the launcher.
    await page.keyboard.press('Escape');
    await inRoot(page, `return !root.querySelector('.navigator-panel') && root.activeElement?.classList.contains('navigator-launcher');`);
    expect(await page.evaluate(() => document.querySelector('claimlens-host')!.shadowRoot!.querySelector('.navigator-launcher')!.getAttribute('aria-expanded'))).toBe('false');

    expect(errors).toEqual([]);
    await page.close();
  });

  it('moves to the next corner from its move control, and keeps that corner for the site', async () => {
    const { page, errors } = await openFixture();
    await launcherShown(page);
    const move = () => page.evaluate(() => document.querySelector('claimlens-host')!.shadowRoot!.querySelector<HTMLButtonElement>('.navigator-move')!.click());
    const inCorner = (corner: string) => inRoot(page, `return root.querySelector('.navigator')?.classList.contains(arg);`, `corner-${corner}`);
    await move();
    await inCorner('bottom-left');
    await page.reload();
    await launcherShown(page);
    await inCorner('bottom-left');
    // Round the other three corners, back where the other tests expect it.
    for (const corner of ['top-left', 'top-right', 'bottom-right']) {
      await move();
      await inCorner(corner);
    }
    await page.reload();
    await inCorner('bottom-right');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a closed <details> to show its claim, scrolls to it and opens its card', async () => {
    const { page, errors } = await openFixture();
    await launcherShown(page);
    await openWithKeyboard(page);
    expect(await page.evaluate(() => document.querySelector<HTMLDetailsElement>('#science')!.open)).toBe(false);
    await chooseByKeyboard(page, 'exosomes reprogram');
    await waitForCard(page);
    expect(await page.evaluate(() => document.querySelector<HTMLDetailsElement>('#science')!.open)).toBe(true);
    expect(await cardText(page)).toContain('“Our exosomes reprogram your skin cells to act years younger”');
    expect(await claimInView(page, 'exosomes reprogram')).toBe(true);
    await inRoot(page, `return root.querySelector('.navigator [role="status"]').textContent === arg;`, 'Opened the section “The science” to show the claim.');

    // Esc closes the card and focus returns to the claim's line in the list.
    await focusInCard(page);
    await page.keyboard.press('Escape');
    await waitForCard(page, false);
    expect(await page.evaluate(() => document.querySelector('claimlens-host')!.shadowRoot!.activeElement?.querySelector('.navigator-snippet')?.textContent ?? '')).toContain('exosomes reprogram');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('activates the ARIA tab whose panel holds the claim, and opens its card', async () => {
    const { page, errors } = await openFixture();
    await launcherShown(page);
    await openWithKeyboard(page);
    await chooseByKeyboard(page, 'after microneedling');
    await waitForCard(page);
    const tabs = await page.evaluate(() => ({
      use: document.querySelector('#tab-use')!.getAttribute('aria-selected'),
      benefits: document.querySelector('#tab-benefits')!.getAttribute('aria-selected'),
      panelHidden: document.querySelector<HTMLElement>('#panel-use')!.hidden,
    }));
    expect(tabs).toEqual({ use: 'true', benefits: 'false', panelHidden: false });
    expect(await cardText(page)).toContain('“after microneedling”');
    expect(await claimInView(page, 'after microneedling')).toBe(true);
    await inRoot(page, `return root.querySelector('.navigator [role="status"]').textContent === arg;`, 'Opened the tab “How to use” to show the claim.');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('expands a collapsed accordion (aria-expanded, aria-controls) to show its claim', async () => {
    const { page, errors } = await openFixture();
    await launcherShown(page);
    await openWithKeyboard(page);
    await chooseByKeyboard(page, 'Zero side effects');
    await waitForCard(page);
    expect(await page.evaluate(() => document.querySelector('#safety-toggle')!.getAttribute('aria-expanded'))).toBe('true');
    expect(await cardText(page)).toContain('“Zero side effects”');
    expect(await claimInView(page, 'Zero side effects')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says a claim hidden with no standard control is in a hidden section, and changes nothing', async () => {
    const { page, errors } = await openFixture();
    await launcherShown(page);
    await openWithKeyboard(page);
    await chooseByKeyboard(page, 'nano cytokines');
    await inRoot(page, `return root.querySelector('.navigator [role="status"]').textContent === arg;`, 'This claim is in a hidden section. Claimlens cannot open it.');
    const items = await listed(page);
    expect(items.find((i) => i.snippet.includes('nano cytokines'))!.note).toBe('In a hidden section — Claimlens cannot open it');
    expect(await page.evaluate(() => document.querySelector<HTMLElement>('.legacy-copy')!.hidden)).toBe(true);
    expect(await cardText(page)).toBeNull();
    await inRoot(page, `return root.getAnimations().every((a) => a.playState === 'finished');`);
    await page.screenshot({ path: 'tests/screenshots/navigator.png' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each(['light', 'dark'] as const)('has no serious or critical axe violation, open beside a card, in the %s scheme', async (scheme) => {
    const { page, errors } = await openFixture();
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await launcherShown(page);
    await openWithKeyboard(page);
    await chooseByKeyboard(page, 'exosomes reprogram');
    await waitForCard(page);
    // Let the fade-ins finish so contrast is measured on the final colours.
    await inRoot(page, `return root.getAnimations().every((a) => a.playState === 'finished');`);
    await page.screenshot({ path: `tests/screenshots/navigator-with-card-${scheme}.png` });
    // @axe-core/puppeteer is typed against puppeteer, which we drive through puppeteer-core: the same API.
    const results = await new AxePuppeteer(page as never).include('claimlens-host').analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('goes when the site is paused and comes back when it is resumed', async () => {
    const { page, errors, tabId } = await openFixture();
    await launcherShown(page);
    const popup = await openPopup(env.browser(), tabId);
    await popup.click('input[role="switch"]');
    await popup.waitForSelector('.empty-title');
    await inRoot(page, `return !root.querySelector('.navigator');`);
    await popup.click('input[role="switch"]');
    await popup.waitForSelector('.verdict-line');
    await launcherShown(page);
    await popup.close();
    expect(errors).toEqual([]);
    await page.close();
  });
});

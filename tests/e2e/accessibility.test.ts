// Accessibility, measured: axe-core audits every surface Claimlens draws (the popup in each state, the options
// page in each state, a page with an open claim card in its shadow root) on light and dark schemes, contrast
// included; the highlights keep the page's text readable and their underlines visible on light and dark pages;
// motion stops when the shopper asks for less; and a shopper who uses only the keyboard can walk a page's
// claims, open and close cards and work the popup.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { contrastRatio, over, parseColour } from '../support/contrast.ts';
import {
  cardText,
  claimPoint,
  collectPageErrors,
  extensionId,
  extensionWorker,
  waitForFocusInCard,
  openPopup,
  scannerFindings,
  seriousViolations,
  useExtensionBrowser,
  waitForCard,
  waitForHighlights,
  waitForTabReport,
} from './harness.ts';

const env = useExtensionBrowser();
const SCHEMES = ['light', 'dark'] as const;

async function fixtureTab(name: string, scheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; tabId: number }> {
  const page = await env.browser().newPage();
  await page.setViewport({ width: 1000, height: 700 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await page.goto(env.server().url(name));
  const { tabId } = await waitForTabReport(env.browser(), env.server().url(name));
  return { page, tabId };
}

describe.each(SCHEMES)('axe, %s scheme', (scheme) => {
  it('the popup with claims and a Cytokine Facts label has no serious or critical violation', async () => {
    const { page, tabId } = await fixtureTab('cytokine-serum.html', scheme);
    const popup = await openPopup(env.browser(), tabId);
    await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    expect(await popup.$('.facts-label')).not.toBeNull();
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('the popup\'s empty states have no serious or critical violation', async () => {
    const { page, tabId } = await fixtureTab('plain-moisturiser.html', scheme);
    const popup = await openPopup(env.browser(), tabId);
    await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    expect(await popup.$eval('.verdict-line', (el) => el.textContent)).toBe('No claims found that the rules address.');
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('a page with an open claim card in its shadow root has no serious or critical violation in the card', async () => {
    const fixture = scheme === 'dark' ? 'variant/dark/stem-cell-serum.html' : 'stem-cell-serum.html';
    const { page } = await fixtureTab(fixture, scheme);
    await waitForHighlights(page);
    const { x, y } = await claimPoint(page, 'live stem cells');
    await page.mouse.click(x, y);
    await waitForCard(page);
    expect(await seriousViolations(page, 'claimlens-host')).toEqual([]);
    await page.close();
  });
});

describe.each(SCHEMES)('axe on the popup\'s paused and notice states, %s scheme', (scheme) => {
  afterEach(async () => {
    await (await extensionWorker(env.browser())).evaluate(() => chrome.storage.local.clear());
  });

  it('the popup of a paused site has no serious or critical violation', async () => {
    await (await extensionWorker(env.browser())).evaluate(() =>
      chrome.storage.local.set({ settings: { version: 2, pausedSites: ['127.0.0.1'], threshold: 'context', disabledRules: [], userRules: '' } }),
    );
    const { page, tabId } = await fixtureTab(`stem-cell-serum.html?paused=${scheme}`, scheme);
    const popup = await openPopup(env.browser(), tabId);
    await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    expect(await popup.$eval('.empty-title', (el) => el.textContent)).toBe('Paused on 127.0.0.1.');
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('the popup saying the settings were unreadable has no serious or critical violation', async () => {
    await (await extensionWorker(env.browser())).evaluate(() => chrome.storage.local.set({ settings: { version: 2, pausedSites: 'everywhere' } }));
    const { page, tabId } = await fixtureTab(`stem-cell-serum.html?notice=${scheme}`, scheme);
    const popup = await openPopup(env.browser(), tabId);
    await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    const notice = await popup.waitForSelector('.notice[role="alert"]');
    expect(await notice!.evaluate((el) => el.textContent)).toMatch(/\S/);
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();
    await page.close();
  });
});

/** The options page in `scheme`, once its rules editor is there; page errors fail the test that opened it. */
async function openOptions(scheme: 'light' | 'dark', errors: string[]): Promise<Page> {
  const options = await env.browser().newPage();
  const mine = collectPageErrors(options);
  options.once('close', () => errors.push(...mine));
  await options.setViewport({ width: 900, height: 900 });
  await options.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await options.goto(`chrome-extension://${await extensionId(env.browser())}/options.html`);
  await options.waitForSelector('#user-rules-text');
  return options;
}

/** Types a rule with a severity no rule may have into the user-rules editor and presses Save, as a shopper would. */
async function saveInvalidRule(options: Page): Promise<void> {
  await options.click('#user-rules-text');
  await options.type('#user-rules-text', '- id: my-rule\n  title: Mine\n  severity: dire\n  claim: A claim.\n  match:\n    - patented capsule\n  explanation: Why.\n  ask: What?\n');
  const [save] = await options.$$('xpath/.//button[normalize-space()="Save rules"]');
  await save!.click();
  await options.waitForSelector('.problems li');
}

describe.each(SCHEMES)('axe on the options page, %s scheme', (scheme) => {
  const errors: string[] = [];
  afterEach(async () => {
    await (await extensionWorker(env.browser())).evaluate(() => chrome.storage.local.clear());
    expect(errors.splice(0)).toEqual([]);
  });

  it('as it opens, has no serious or critical violation', async () => {
    const options = await openOptions(scheme, errors);
    expect(await options.$$('.rule-toggle')).not.toHaveLength(0);
    expect(await seriousViolations(options)).toEqual([]);
    await options.close();
  });

  it('with a refused user rule and its problems listed, has no serious or critical violation', async () => {
    const options = await openOptions(scheme, errors);
    await saveInvalidRule(options);
    expect(await options.$eval('.problems', (el) => el.textContent)).toContain('field "severity"');
    expect(await options.$eval('#user-rules-text', (el) => el.getAttribute('aria-invalid'))).toBe('true');
    expect(await seriousViolations(options)).toEqual([]);
    await options.close();
  });

  it('with the unreadable-settings notice, has no serious or critical violation', async () => {
    await (await extensionWorker(env.browser())).evaluate(() => chrome.storage.local.set({ settings: { version: 2, pausedSites: 'everywhere' } }));
    const options = await openOptions(scheme, errors);
    const notice = await options.waitForSelector('.notice[role="alert"]');
    expect(await notice!.evaluate((el) => el.textContent)).toContain('could not be read');
    expect(await seriousViolations(options)).toEqual([]);
    await options.close();
  });
});

const SEVERITIES = ['misleading', 'unsupported', 'risky', 'context'] as const;

/**
 * What a highlight of each severity paints over each element holding claim text on the page: the element's
 * text colour, the tint and underline our ::highlight() rules give it, and the backgrounds beneath it from
 * the element up to the canvas (translucent ones included, to be composited).
 */
async function highlightPaint(page: Page) {
  return page.evaluate((severities: readonly string[]) => {
    const elements = new Set<Element>();
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('claimlens-')) continue;
      for (const range of highlight) {
        if (!(range instanceof Range)) continue;
        const walker = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
        for (let node = walker.currentNode; node; node = walker.nextNode()!) {
          if (node.nodeType === Node.TEXT_NODE && range.intersectsNode(node) && node.textContent!.trim() && node.parentElement) elements.add(node.parentElement);
        }
      }
    }
    // The canvas colour in the root's colour scheme, read from a system colour on a throwaway element.
    const probe = document.createElement('div');
    probe.style.background = 'Canvas';
    document.documentElement.append(probe);
    const canvas = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return [...elements].flatMap((el) => {
      const backgrounds: string[] = [];
      for (let at: Element | null = el; at; at = at.parentElement) backgrounds.push(getComputedStyle(at).backgroundColor);
      backgrounds.push(canvas);
      return severities.map((severity) => {
        const paint = getComputedStyle(el, `::highlight(claimlens-${severity})`);
        return {
          severity,
          element: `${el.nodeName.toLowerCase()} "${el.textContent.trim().slice(0, 30)}"`,
          text: paint.color,
          tint: paint.backgroundColor,
          underline: paint.textDecorationColor,
          backgrounds,
        };
      });
    });
  }, SEVERITIES);
}

describe.each([
  { page: 'light', fixtures: ['stem-cell-serum.html', 'cytokine-serum.html'] },
  { page: 'dark', fixtures: ['variant/dark/stem-cell-serum.html', 'variant/dark/cytokine-serum.html'] },
])('highlight contrast on a $page page', ({ fixtures }) => {
  it.each(fixtures)('%s: text over every severity\'s tint reaches 4.5:1, the underline 3:1 against page and tint', async (fixture) => {
    const { page } = await fixtureTab(fixture);
    await waitForHighlights(page);
    const paints = await highlightPaint(page);
    expect(new Set(paints.map((p) => p.severity))).toEqual(new Set(SEVERITIES));
    const failures: string[] = [];
    for (const p of paints) {
      // The page beneath the claim: its backgrounds composited from the canvas up.
      const pageBackground = p.backgrounds.reduceRight((below, colour) => over(parseColour(colour), below), { r: 0, g: 0, b: 0, a: 1 });
      const tinted = over(parseColour(p.tint), pageBackground);
      const text = over(parseColour(p.text), tinted);
      const underline = over(parseColour(p.underline), pageBackground);
      const ratios = {
        'text on tint': [contrastRatio(text, tinted), 4.5],
        'underline on page': [contrastRatio(underline, pageBackground), 3],
        'underline on tint': [contrastRatio(over(parseColour(p.underline), tinted), tinted), 3],
      } as const;
      for (const [what, [ratio, least]] of Object.entries(ratios)) {
        if (ratio < least) failures.push(`${p.severity} on ${p.element}: ${what} ${ratio.toFixed(2)}:1 < ${least} (text ${p.text}, tint ${p.tint}, underline ${p.underline})`);
      }
    }
    expect(failures).toEqual([]);
    await page.close();
  });
});

describe('motion and colour scheme', () => {
  /**
   * Opens a claim's card on a fresh page with prefers-reduced-motion as given, with the page's animation clock
   * stopped (DevTools' Animation domain), so an animation, if the card has one, is still there to be seen.
   */
  async function openCard(motion: 'reduce' | 'no-preference') {
    const { page } = await fixtureTab(`stem-cell-serum.html?motion=${motion}`);
    await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: motion }]);
    await waitForHighlights(page);
    const devtools = await page.createCDPSession();
    await devtools.send('Animation.enable');
    await devtools.send('Animation.setPlaybackRate', { playbackRate: 0 });
    const { x, y } = await claimPoint(page, 'live stem cells');
    await page.mouse.click(x, y);
    await waitForCard(page);
    const motionSeen = await page.evaluate(() => {
      const root = document.querySelector('claimlens-host')!.shadowRoot!;
      const card = root.querySelector<HTMLElement>('[role="dialog"]')!;
      const style = getComputedStyle(card);
      return {
        animationName: style.animationName,
        transition: style.transitionDuration,
        running: card.getAnimations().map((a) => (a as CSSAnimation).animationName ?? a.constructor.name),
        inShadowRoot: root.getAnimations().length,
      };
    });
    await devtools.detach();
    await page.close();
    return motionSeen;
  }

  it('the card fades in when motion is welcome', async () => {
    expect(await openCard('no-preference')).toEqual({ animationName: 'claimlens-in', transition: '0s', running: ['claimlens-in'], inShadowRoot: 1 });
  });

  it('the card opens without any animation under prefers-reduced-motion: reduce', async () => {
    expect(await openCard('reduce')).toEqual({ animationName: 'none', transition: '0s', running: [], inShadowRoot: 0 });
  });

  /** Every element's animation and transition on an extension page, as "selector: what" for those that move. */
  const moving = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll('*')].flatMap((el) => {
        const s = getComputedStyle(el);
        const transitions = s.transitionDuration.split(',').some((d) => parseFloat(d) > 0);
        return s.animationName !== 'none' || transitions ? [`${el.nodeName.toLowerCase()}.${el.className}: ${s.animationName} / ${s.transitionDuration}`] : [];
      }),
    );

  it('the popup and the options page follow prefers-color-scheme and hold nothing that animates', async () => {
    const { page, tabId } = await fixtureTab('cytokine-serum.html');
    const popup = await openPopup(env.browser(), tabId);
    const errors: string[] = [];
    const options = await openOptions('light', errors);
    const backgrounds: Record<string, string[]> = { popup: [], options: [] };
    for (const scheme of SCHEMES) {
      for (const [name, surface] of [['popup', popup], ['options', options]] as const) {
        await surface.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }, { name: 'prefers-reduced-motion', value: 'no-preference' }]);
        backgrounds[name]!.push(await surface.evaluate(() => getComputedStyle(document.body).backgroundColor));
        expect(await moving(surface), `${name}, ${scheme}`).toEqual([]);
      }
    }
    // Light then dark: each surface's background changes with the scheme, and the dark one is the darker.
    for (const [name, [light, dark]] of Object.entries(backgrounds)) {
      expect(light, name).not.toBe(dark);
      const white = parseColour('#ffffff');
      expect(contrastRatio(parseColour(light!), white), name).toBeLessThan(contrastRatio(parseColour(dark!), white));
    }
    for (const p of [options, popup, page]) await p.close();
    expect(errors).toEqual([]);
  });
});

describe('keyboard only', () => {
  it('works the popup, opens a claim\'s card, walks every claim and closes the card', async () => {
    const { page, tabId } = await fixtureTab('stem-cell-serum.html');
    await waitForHighlights(page);
    const popup = await openPopup(env.browser(), tabId);
    // Tab from the top of the popup to the first claim's snippet, and press Enter.
    let focused = '';
    for (let i = 0; i < 20 && focused !== 'snippet'; i++) {
      await popup.keyboard.press('Tab');
      focused = await popup.evaluate(() => document.activeElement?.className ?? '');
    }
    expect(focused).toBe('snippet');
    const first = await popup.evaluate(() => document.activeElement?.querySelector('mark')?.textContent ?? '');
    await popup.keyboard.press('Enter');
    await waitForCard(page);
    expect(await cardText(page)).toContain(`“${first}`);
    await waitForFocusInCard(page);

    // N walks the page's claims in page order and wraps round to where it started; P goes back one.
    const total = scannerFindings('stem-cell-serum.html').length;
    const position = async () => Number(/(\d+) \/ \d+/.exec((await cardText(page))!)![1]);
    const showing = (n: number) =>
      page.waitForFunction(
        (label: string) => document.querySelector('claimlens-host')?.shadowRoot?.querySelector('[role="dialog"]')?.textContent?.includes(label),
        {},
        `${n} / ${total}`,
      );
    const start = await position();
    const seen = new Set<string>();
    for (let i = 0, at = start; i < total; i++) {
      seen.add(/“([^”]*)”/.exec((await cardText(page))!)![1]!);
      await page.keyboard.press('n');
      at = (at % total) + 1;
      await showing(at);
    }
    expect(seen.size).toBe(total);
    expect(await position()).toBe(start);
    await page.keyboard.press('p');
    await showing(start === 1 ? total : start - 1);

    // Esc closes the card.
    await page.keyboard.press('Escape');
    await waitForCard(page, false);
    await popup.close();
    await page.close();
  });

  it('the export buttons answer the keyboard', async () => {
    const { page, tabId } = await fixtureTab('stem-cell-serum.html');
    const popup = await openPopup(env.browser(), tabId);
    await env.browser().defaultBrowserContext().overridePermissions(`chrome-extension://${new URL(popup.url()).host}`, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    let label = '';
    for (let i = 0; i < 40 && label !== 'Copy'; i++) {
      await popup.keyboard.press('Tab');
      label = await popup.evaluate(() => (document.activeElement?.closest('.export-row') ? document.activeElement.textContent ?? '' : ''));
    }
    expect(label).toBe('Copy');
    await popup.keyboard.press('Space');
    await popup.waitForFunction(() => document.querySelector('.export-status')?.textContent !== '');
    expect(await popup.$eval('.export-status', (el) => el.textContent)).toBe('Copied the Markdown report to the clipboard.');
    await popup.close();
    await page.close();
  });
});

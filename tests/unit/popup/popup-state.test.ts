// How the popup decides what to say for a tab, and how the background files a scan and sets the badge.
import { describe, expect, it, vi } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { loadPopupState } from '../../../src/popup/popup-state.ts';
import { clearTab, fileTabReport } from '../../../src/background/tab-badge.ts';
import { BADGE_COLOURS, readTabReport } from '../../../src/background/tab-reports.ts';
import type { PageScanned } from '../../../src/messages.ts';
import { cytokineLexicon, inciLexicon } from 'virtual:claimlens/rules';

function fakeBrowser(options: { answers?: boolean; status?: string } = {}) {
  const session = new Map<string, unknown>();
  const badge = { text: new Map<number, string>(), colour: new Map<number, string>() };
  const browser = {
    storage: {
      session: {
        get: async (key: string) => (session.has(key) ? { [key]: structuredClone(session.get(key)) } : {}),
        set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => session.set(k, structuredClone(v))),
        remove: async (key: string) => void session.delete(key),
      },
    },
    tabs: {
      sendMessage: vi.fn(async () => {
        if (!options.answers) throw new Error('Could not establish connection. Receiving end does not exist.');
        return true;
      }),
      get: vi.fn(async (id: number) => ({ id, status: options.status ?? 'complete' })),
    },
    action: {
      setBadgeText: vi.fn(async ({ tabId, text }: { tabId: number; text: string }) => void badge.text.set(tabId, text)),
      setBadgeBackgroundColor: vi.fn(async ({ tabId, color }: { tabId: number; color: string }) => void badge.colour.set(tabId, color)),
    },
  };
  return { browser: browser as unknown as Browser, badge };
}

const scan = (overrides: Partial<PageScanned> = {}): PageScanned => ({
  type: 'claimlens:page-scanned',
  url: 'https://shop.example/serum',
  title: 'Serum',
  status: 'done',
  version: 'v1',
  findings: [
    { ruleId: 'a', severity: 'unsupported', text: 'x', start: 0, end: 1, sentence: 'x', why: 'x' },
    { ruleId: 'b', severity: 'risky', text: 'y', start: 2, end: 3, sentence: 'y', why: 'y' },
    { ruleId: 'c', severity: 'context', text: 'z', start: 4, end: 5, sentence: 'z', why: 'z' },
  ],
  rules: {},
  quiet: [],
  cytokines: ['il-6', 'egf', 'il-6'],
  ingredientList: null,
  inList: [],
  named: [],
  ...overrides,
});
// The built-in lexicons: the cytokine names and the INCI classes the extension ships with.
const LEXICONS = { cytokines: cytokineLexicon, inci: inciLexicon };

describe('fileTabReport', () => {
  it('keeps the report with the cytokines listed once each, and badges the flagged count in the worst colour', async () => {
    const { browser, badge } = fakeBrowser();
    await fileTabReport(browser, 7, scan(), LEXICONS);
    const report = await readTabReport(browser, 7);
    expect(report?.cytokines).toEqual([
      { id: 'il-6', name: 'IL-6', class: 'pro-inflammatory', mentions: 2 },
      { id: 'egf', name: 'EGF', class: 'growth-factor', mentions: 1 },
    ]);
    expect(badge.text.get(7)).toBe('2');
    expect(badge.colour.get(7)).toBe(BADGE_COLOURS.unsupported);
    expect(report?.crossChecks).toEqual([]);
  });

  it('reads the claims against the ingredient list, leaving out the claims the list itself makes', async () => {
    const { browser } = fakeBrowser();
    const claim = { ruleId: 'living-stem-cells', severity: 'misleading' as const, text: 'live stem cells', start: 0, end: 15, sentence: 'Packed with live stem cells.', why: 'live stem cells' };
    const list = {
      start: 100,
      end: 160,
      heading: 'Ingredients:',
      ingredients: [
        { position: 1, name: 'Aqua', start: 100, end: 104, normalised: 'aqua', mayContain: false },
        { position: 2, name: 'Malus Domestica Fruit Cell Culture Extract', start: 106, end: 148, normalised: 'malus domestica fruit cell culture extract', mayContain: false },
      ],
    };
    const answer = await fileTabReport(browser, 8, scan({ findings: [claim], ingredientList: list, inList: [] }), LEXICONS);
    expect(answer.crossChecks.map((c) => c.kind)).toEqual(['stem-cells-only-plant-culture']);
    expect((await readTabReport(browser, 8))?.crossChecks).toEqual(answer.crossChecks);
    // The same words inside the list itself are the list naming its actives: nothing to check.
    const inside = await fileTabReport(browser, 8, scan({ findings: [claim], ingredientList: list, inList: [0] }), LEXICONS);
    expect(inside.crossChecks).toEqual([]);
  });

  it('reads the growth factors the page names outside its list against the list, with no claim behind them', async () => {
    const { browser } = fakeBrowser();
    const list = {
      start: 100,
      end: 130,
      heading: 'Ingredients:',
      ingredients: [
        { position: 1, name: 'Aqua', start: 100, end: 104, normalised: 'aqua', mayContain: false },
        { position: 2, name: 'Glycerin', start: 106, end: 114, normalised: 'glycerin', mayContain: false },
      ],
    };
    const answer = await fileTabReport(browser, 9, scan({ ingredientList: list, named: ['vegf'] }), LEXICONS);
    expect(answer.crossChecks.map((c) => [c.ruleId, c.kind])).toEqual([['named-actives', 'named-factor-not-listed']]);
    expect(answer.crossChecks[0]!.message).toMatch(/^The page names VEGF, but no ingredient on its list is VEGF/);
  });

  it('clears the badge when nothing is flagged, and on navigation', async () => {
    const { browser, badge } = fakeBrowser();
    await fileTabReport(browser, 7, scan({ findings: [] }), LEXICONS);
    expect(badge.text.get(7)).toBe('');
    await fileTabReport(browser, 7, scan(), LEXICONS);
    await clearTab(browser, 7);
    expect(badge.text.get(7)).toBe('');
    expect(await readTabReport(browser, 7)).toBeUndefined();
  });
});

describe('loadPopupState', () => {
  it('shows the filed report', async () => {
    const { browser } = fakeBrowser();
    await fileTabReport(browser, 3, scan(), LEXICONS);
    const state = await loadPopupState(browser, 3);
    expect(state.kind).toBe('report');
    if (state.kind !== 'report') return;
    expect(state.site).toBe('shop.example');
    expect(state.report.summary.flagged).toBe(2);
    expect(state.report.summary.cytokineFacts?.balance.proInflammatory).toBe(1);
  });

  it('is paused when the page said so', async () => {
    const { browser } = fakeBrowser();
    await fileTabReport(browser, 3, scan({ status: 'paused', findings: [] }), LEXICONS);
    expect(await loadPopupState(browser, 3)).toEqual({ kind: 'paused', site: 'shop.example' });
  });

  it('is still scanning when the content script answers but has filed nothing', async () => {
    const { browser } = fakeBrowser({ answers: true });
    expect(await loadPopupState(browser, 3)).toEqual({ kind: 'scanning', site: null });
  });

  it('is still scanning while the tab loads, and unavailable once a loaded tab cannot answer', async () => {
    expect(await loadPopupState(fakeBrowser({ status: 'loading' }).browser, 3)).toEqual({ kind: 'scanning', site: null });
    expect(await loadPopupState(fakeBrowser().browser, 3)).toEqual({ kind: 'unavailable' });
  });
});

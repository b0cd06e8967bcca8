// Settings as the shopper keeps them: defaults, a round trip, the v1 → v2 migration, and unreadable values
// that fall back to the defaults with a notice while the stored value is kept.
import { describe, expect, it, test, vi } from 'vitest';
import {
  BACKUP_KEY,
  DEFAULT_SETTINGS,
  isPaused,
  isShown,
  loadSettings,
  saveSettings,
  SETTINGS_KEY,
  siteFromInput,
  siteOf,
  watchSettings,
  withSitePaused,
  type Settings,
} from '../../../src/settings/settings.ts';
import { fakeStorage } from './fake-storage.ts';

const CUSTOM: Settings = {
  pausedSites: ['shop.example.com'],
  threshold: 'unsupported',
  disabledRules: ['living-stem-cells'],
  userRules: '- id: my-rule\n',
};

describe('loadSettings', () => {
  it('gives the defaults, and no notice, when nothing is stored', async () => {
    const { browser } = fakeStorage();
    expect(await loadSettings(browser)).toEqual({ settings: DEFAULT_SETTINGS, notice: null });
    expect(DEFAULT_SETTINGS).toEqual({ pausedSites: [], threshold: 'context', disabledRules: [], userRules: '' });
  });

  it('reads back what was saved, with the schema version stored beside it', async () => {
    const { browser, data } = fakeStorage();
    await saveSettings(browser, CUSTOM);
    expect(data.get(SETTINGS_KEY)).toEqual({ version: 2, ...CUSTOM });
    expect(await loadSettings(browser)).toEqual({ settings: CUSTOM, notice: null });
  });

  it('never hands out the shared defaults for callers to mutate', async () => {
    const { browser } = fakeStorage();
    const { settings } = await loadSettings(browser);
    settings.pausedSites.push('a.example');
    expect(DEFAULT_SETTINGS.pausedSites).toEqual([]);
  });

  it('migrates the first release\'s shape (v1) and writes the result back', async () => {
    const v1 = {
      version: 1,
      pausedOrigins: ['https://shop.example.com', 'http://Shop.Example.com:8080', 'https://beauty.example.org'],
      showContext: false,
      disabledRules: ['prp-at-home'],
    };
    const { browser, data } = fakeStorage({ [SETTINGS_KEY]: v1 });
    const loaded = await loadSettings(browser);
    const expected: Settings = {
      pausedSites: ['shop.example.com', 'beauty.example.org'],
      threshold: 'risky',
      disabledRules: ['prp-at-home'],
      userRules: '',
    };
    expect(loaded).toEqual({ settings: expected, notice: null });
    expect(data.get(SETTINGS_KEY)).toEqual({ version: 2, ...expected });
    expect(data.has(BACKUP_KEY)).toBe(false);
  });

  it('maps v1 showContext: true to a threshold that shows everything', async () => {
    const { browser } = fakeStorage({ [SETTINGS_KEY]: { version: 1, pausedOrigins: [], showContext: true, disabledRules: [] } });
    expect((await loadSettings(browser)).settings.threshold).toBe('context');
  });

  test.each([
    ['a string', 'garbage'],
    ['a number', 42],
    ['a list', ['shop.example.com']],
    ['wrong types', { version: 2, pausedSites: 'shop.example.com', threshold: 'context', disabledRules: [], userRules: '' }],
    ['an unknown severity', { version: 2, pausedSites: [], threshold: 'dire', disabledRules: [], userRules: '' }],
    ['a v1 value with a bad origin', { version: 1, pausedOrigins: ['ftp://x'], showContext: true, disabledRules: [] }],
    ['no version', { pausedSites: [], threshold: 'context', disabledRules: [], userRules: '' }],
    ['a future version', { version: 3, pausedSites: [], threshold: 'context', disabledRules: [], userRules: '', sync: true }],
  ])('falls back to the defaults for %s, with a notice, keeping the value under the backup key', async (_, raw) => {
    const { browser, data } = fakeStorage({ [SETTINGS_KEY]: raw });
    const loaded = await loadSettings(browser);
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.notice).toContain('could not be read');
    expect(loaded.notice).toContain(BACKUP_KEY);
    expect((data.get(BACKUP_KEY) as { value: unknown }).value).toEqual(raw);
    // The stored value itself is not overwritten by a load.
    expect(data.get(SETTINGS_KEY)).toEqual(raw);
  });

  it('writes the backup once, however often the unreadable settings are loaded', async () => {
    const { browser, data } = fakeStorage({ [SETTINGS_KEY]: 'garbage' });
    const set = vi.spyOn(browser.storage.local, 'set');
    await loadSettings(browser);
    const first = data.get(BACKUP_KEY);
    await loadSettings(browser);
    expect(set).toHaveBeenCalledTimes(1);
    expect(data.get(BACKUP_KEY)).toEqual(first);
  });

  it('says a newer version wrote the settings when it did', async () => {
    const { browser } = fakeStorage({ [SETTINGS_KEY]: { version: 7 } });
    expect((await loadSettings(browser)).notice).toContain('newer version of Claimlens (settings version 7)');
  });

  it('names the field that is wrong', async () => {
    const { browser } = fakeStorage({ [SETTINGS_KEY]: { version: 2, pausedSites: [], threshold: 'dire', disabledRules: [], userRules: '' } });
    expect((await loadSettings(browser)).notice).toContain('threshold');
  });

  it('still gives the defaults, with a notice, when storage itself fails', async () => {
    const { browser } = fakeStorage();
    vi.spyOn(browser.storage.local, 'get').mockRejectedValue(new Error('IO error'));
    const loaded = await loadSettings(browser);
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.notice).toMatch(/could not read/);
  });

  it('replaces unreadable settings once the shopper saves, leaving the backup', async () => {
    const { browser, data } = fakeStorage({ [SETTINGS_KEY]: 'garbage' });
    await loadSettings(browser);
    await saveSettings(browser, CUSTOM);
    expect(await loadSettings(browser)).toEqual({ settings: CUSTOM, notice: null });
    expect((data.get(BACKUP_KEY) as { value: unknown }).value).toBe('garbage');
  });
});

describe('saveSettings', () => {
  it('refuses malformed settings and stores nothing', async () => {
    const { browser, data } = fakeStorage();
    await expect(saveSettings(browser, { ...CUSTOM, pausedSites: ['not a host name'] })).rejects.toThrow();
    expect(data.has(SETTINGS_KEY)).toBe(false);
  });
});

describe('watchSettings', () => {
  it('reports each change until unsubscribed', async () => {
    const { browser, listeners } = fakeStorage();
    const seen: Settings[] = [];
    const stop = watchSettings(browser, (s) => seen.push(s));
    await saveSettings(browser, CUSTOM);
    await browser.storage.local.set({ unrelated: 1 });
    stop();
    await saveSettings(browser, DEFAULT_SETTINGS);
    expect(seen).toEqual([CUSTOM]);
    expect(listeners.size).toBe(0);
  });

  it('reports the defaults when the settings are removed or become unreadable', async () => {
    const { browser } = fakeStorage({ [SETTINGS_KEY]: { version: 2, ...CUSTOM } });
    const seen: Settings[] = [];
    watchSettings(browser, (s) => seen.push(s));
    await browser.storage.local.set({ [SETTINGS_KEY]: 'garbage' });
    await browser.storage.local.remove(SETTINGS_KEY);
    expect(seen).toEqual([DEFAULT_SETTINGS, DEFAULT_SETTINGS]);
  });
});

describe('siteOf', () => {
  test.each([
    ['https://shop.example.com/serum?x=1#top', 'shop.example.com'],
    ['HTTP://Shop.Example.COM:8080/', 'shop.example.com'],
    ['https://shop.example.com./p', 'shop.example.com'],
    ['https://user:pw@shop.example.com/', 'shop.example.com'],
    ['http://127.0.0.1:5173/fixture.html', '127.0.0.1'],
    ['http://[::1]:8080/', '[::1]'],
    ['https://bücher.example/', 'xn--bcher-kva.example'],
    ['  https://shop.example.com  ', 'shop.example.com'],
  ])('%s → %s', (url, site) => {
    expect(siteOf(url)).toBe(site);
  });

  test.each(['about:blank', 'chrome://extensions', 'chrome-extension://abc/options.html', 'file:///home/me/page.html', 'data:text/html,hi', 'javascript:alert(1)', 'shop.example.com', '', 'not a url'])(
    '%s → null',
    (url) => {
      expect(siteOf(url)).toBeNull();
    },
  );
});

describe('siteFromInput', () => {
  test.each([
    ['shop.example.com', 'shop.example.com'],
    [' Shop.Example.com ', 'shop.example.com'],
    ['https://shop.example.com/serum?x=1', 'shop.example.com'],
    ['shop.example.com/serum', 'shop.example.com'],
    ['localhost:8080', 'localhost'],
    ['shop example', null],
    ['', null],
    ['ftp://shop.example.com', null],
    ['chrome://extensions', null],
    ['-bad-.example', null],
  ])('%j → %j', (input, site) => {
    expect(siteFromInput(input)).toBe(site);
  });
});

describe('isPaused and withSitePaused', () => {
  const paused = withSitePaused(DEFAULT_SETTINGS, 'https://shop.example.com/serum', true);

  it('pauses the page\'s site, whatever the path', () => {
    expect(paused.pausedSites).toEqual(['shop.example.com']);
    expect(isPaused(paused, 'http://shop.example.com/other')).toBe(true);
    expect(isPaused(paused, 'https://www.example.com/')).toBe(false);
    expect(isPaused(paused, 'about:blank')).toBe(false);
  });

  it('is pure: the settings passed in are unchanged', () => {
    expect(DEFAULT_SETTINGS.pausedSites).toEqual([]);
  });

  it('does not list a site twice, and resumes it', () => {
    const twice = withSitePaused(paused, 'https://shop.example.com/again', true);
    expect(twice.pausedSites).toEqual(['shop.example.com']);
    const resumed = withSitePaused(twice, 'https://shop.example.com/', false);
    expect(resumed.pausedSites).toEqual([]);
    expect(isPaused(resumed, 'https://shop.example.com/')).toBe(false);
  });

  it('leaves the settings as they are for pages that are not on the web', () => {
    expect(withSitePaused(paused, 'chrome://extensions', true)).toBe(paused);
  });
});

describe('isShown', () => {
  const finding = (severity: Settings['threshold'], ruleId = 'some-rule') => ({ ruleId, severity });

  test.each([
    ['context', ['misleading', 'unsupported', 'risky', 'context']],
    ['risky', ['misleading', 'unsupported', 'risky']],
    ['unsupported', ['misleading', 'unsupported']],
    ['misleading', ['misleading']],
  ] as const)('threshold %s shows %j', (threshold, shown) => {
    const settings = { ...DEFAULT_SETTINGS, threshold };
    const all = ['misleading', 'unsupported', 'risky', 'context'] as const;
    expect(all.filter((s) => isShown(finding(s), settings))).toEqual(shown);
  });

  it('hides the findings of a rule switched off, whatever their severity', () => {
    const settings = { ...DEFAULT_SETTINGS, disabledRules: ['off-rule'] };
    expect(isShown(finding('misleading', 'off-rule'), settings)).toBe(false);
    expect(isShown(finding('misleading', 'on-rule'), settings)).toBe(true);
  });
});

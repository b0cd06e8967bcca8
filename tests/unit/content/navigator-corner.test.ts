// The navigator's corner, remembered per site: read back as saved, shared by a site's pages, and nothing
// stored that is not a corner is believed.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { loadCorner, saveCorner } from '../../../src/content/navigator-corner.ts';
import { fakeStorage } from '../settings/fake-storage.ts';

describe('navigator corner', () => {
  it('reads back the corner saved for the site, on any of its pages', async () => {
    const { browser } = fakeStorage();
    await saveCorner(browser, 'https://shop.example.com/serum?x=1', 'top-left');
    expect(await loadCorner(browser, 'https://shop.example.com/cream#reviews')).toBe('top-left');
  });

  it('keeps sites apart', async () => {
    const { browser } = fakeStorage();
    await saveCorner(browser, 'https://shop.example.com/serum', 'top-left');
    expect(await loadCorner(browser, 'https://other.example.com/serum')).toBeNull();
  });

  it('ignores a stored value that is not a corner', async () => {
    const { browser } = fakeStorage({ 'corner:shop.example.com': 'middle' });
    expect(await loadCorner(browser, 'https://shop.example.com/')).toBeNull();
  });

  it('finds no corner when storage cannot be read', async () => {
    const broken = { storage: { local: { get: () => Promise.reject(new Error('gone')) } } } as unknown as Pick<Browser, 'storage'>;
    expect(await loadCorner(broken, 'https://shop.example.com/')).toBeNull();
  });
});

// Where Claimlens may check pages: the mode follows the browser's grants, and each choice asks for exactly its sites.
import { describe, expect, it } from 'vitest';
import {
  ALL_SITES,
  allowedSites,
  askForEverySite,
  askForSite,
  chooseWhereAllowed,
  hostsOf,
  loadSiteAccess,
  revokeSite,
  sitePatterns,
  watchSiteAccess,
} from '../../../src/settings/host-access.ts';
import { fakeStorage } from './fake-storage.ts';
import { fakePermissions } from './fake-permissions.ts';

function setUp(granted: string[] = [], answer = () => true) {
  const storage = fakeStorage();
  const permissions = fakePermissions(granted, answer);
  return { browser: { ...storage.browser, ...permissions.browser }, permissions, storage };
}

describe('site access', () => {
  it('is undecided on a fresh install, with no site allowed', async () => {
    const { browser } = setUp();
    expect(await loadSiteAccess(browser)).toEqual({ mode: 'undecided', sites: [] });
    expect(await allowedSites(browser)).toEqual([]);
  });

  it('"Check every site" asks for all http and https pages before anything else, then is in force', async () => {
    const { browser, permissions } = setUp();
    const asked = askForEverySite(browser);
    // Asked in the click's own synchronous step, as both browsers require.
    expect(permissions.requests).toEqual([[...ALL_SITES]]);
    expect(await asked).toBe(true);
    expect(await loadSiteAccess(browser)).toEqual({ mode: 'every-site', sites: [] });
  });

  it('a refused prompt changes nothing', async () => {
    const { browser, storage } = setUp([], () => false);
    expect(await askForEverySite(browser)).toBe(false);
    expect(await askForSite(browser, 'shop.example')).toBe(false);
    expect(await loadSiteAccess(browser)).toEqual({ mode: 'undecided', sites: [] });
    expect([...storage.data.keys()]).toEqual([]);
  });

  it('"Only where I allow" withdraws the all-sites grant and keeps the sites allowed one by one', async () => {
    const { browser, permissions } = setUp([...ALL_SITES, ...sitePatterns('shop.example')]);
    await chooseWhereAllowed(browser);
    expect([...permissions.origins].sort()).toEqual(sitePatterns('shop.example').sort());
    expect(await loadSiteAccess(browser)).toEqual({ mode: 'where-allowed', sites: ['shop.example'] });
  });

  it('"Always check <site>" asks for that site\'s http and https pages only, and counts as choosing', async () => {
    const { browser, permissions } = setUp();
    const asked = askForSite(browser, 'shop.example');
    expect(permissions.requests).toEqual([['http://shop.example/*', 'https://shop.example/*']]);
    expect(await asked).toBe(true);
    expect(await loadSiteAccess(browser)).toEqual({ mode: 'where-allowed', sites: ['shop.example'] });
    expect(await allowedSites(browser)).toEqual(['http://shop.example/*', 'https://shop.example/*']);
  });

  it('revoking a site withdraws both its patterns, and the watchers hear of it', async () => {
    const { browser, permissions } = setUp([...sitePatterns('a.example'), ...sitePatterns('b.example')]);
    let heard = 0;
    const stop = watchSiteAccess(browser, () => heard++);
    expect(await revokeSite(browser, 'a.example')).toBe(true);
    expect([...permissions.origins]).toEqual(sitePatterns('b.example'));
    expect(heard).toBe(1);
    stop();
    await revokeSite(browser, 'b.example');
    expect(heard).toBe(1);
  });

  it('names the hosts of origin patterns once each, leaving out the all-sites ones', () => {
    expect(hostsOf(['https://b.example/*', 'http://a.example/*', 'https://a.example/*', ...ALL_SITES, '*://c.example/*'])).toEqual([
      'a.example',
      'b.example',
      'c.example',
    ]);
  });
});

// The eager content script is registered for exactly the granted sites, kept in step, and gone when none is left.
import { describe, expect, it } from 'vitest';
import type { Browser, Scripting } from 'webextension-polyfill';
import { syncEagerScript } from '../../../src/background/eager-script.ts';
import { ALL_SITES, sitePatterns } from '../../../src/settings/host-access.ts';
import { fakePermissions } from '../settings/fake-permissions.ts';

function fakeScripting() {
  const scripts = new Map<string, Scripting.RegisteredContentScript>();
  const scripting = {
    getRegisteredContentScripts: async ({ ids }: { ids: string[] }) => [...scripts.values()].filter((s) => ids.includes(s.id)),
    registerContentScripts: async (list: Scripting.RegisteredContentScript[]) => {
      for (const s of list) {
        if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        scripts.set(s.id, s);
      }
    },
    updateContentScripts: async (list: Scripting.RegisteredContentScript[]) => list.forEach((s) => scripts.set(s.id, { ...scripts.get(s.id)!, ...s })),
    unregisterContentScripts: async ({ ids }: { ids: string[] }) => ids.forEach((id) => scripts.delete(id)),
  };
  return { scripting: scripting as unknown as Browser['scripting'], scripts };
}

describe('eager script registration', () => {
  it('registers nothing while no site is granted', async () => {
    const { scripting, scripts } = fakeScripting();
    await syncEagerScript({ ...fakePermissions().browser, scripting });
    expect([...scripts.values()]).toEqual([]);
  });

  it('follows the grants: registered for them, updated, then unregistered', async () => {
    const permissions = fakePermissions(sitePatterns('shop.example'));
    const { scripting, scripts } = fakeScripting();
    const browser = { ...permissions.browser, scripting };
    await syncEagerScript(browser);
    expect([...scripts.values()]).toEqual([
      {
        id: 'claimlens-eager',
        js: ['content-scripts/content.js'],
        css: ['content-scripts/content.css'],
        matches: sitePatterns('shop.example'),
        allFrames: true,
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
    ALL_SITES.forEach((o) => permissions.origins.add(o));
    await syncEagerScript(browser);
    expect(scripts.get('claimlens-eager')?.matches).toEqual([...sitePatterns('shop.example'), ...ALL_SITES]);
    permissions.origins.clear();
    await syncEagerScript(browser);
    expect(scripts.size).toBe(0);
  });

  it('runs calls one after another, so a start-up and a grant arriving together register once', async () => {
    const { scripting, scripts } = fakeScripting();
    const browser = { ...fakePermissions([...ALL_SITES]).browser, scripting };
    await Promise.all([syncEagerScript(browser), syncEagerScript(browser), syncEagerScript(browser)]);
    expect(scripts.size).toBe(1);
  });
});

/**
 * The eager content script (entrypoints/content) is in no manifest entry, which would ask for every site at
 * install (issue 15). It is registered for exactly the sites the shopper granted, kept in step with the grants,
 * and injected once into a tab for "Check this page".
 */
import type { Browser, Scripting } from 'webextension-polyfill';
import { grantedOrigins } from '../settings/host-access.ts';

/** What WXT builds from entrypoints/content (its script and its highlight stylesheet). */
const EAGER_JS = 'content-scripts/content.js';
const EAGER_CSS = 'content-scripts/content.css';
const SCRIPT_ID = 'claimlens-eager';

type RegistrationBrowser = Pick<Browser, 'permissions' | 'scripting'>;

/**
 * Registers the eager script for the granted http(s) origins, updates it when they changed, or unregisters it
 * when none is left. Calls run one after another: a grant and a start-up arriving together must not both
 * register (the second would fail on the taken id).
 */
export function syncEagerScript(browser: RegistrationBrowser): Promise<string[]> {
  queue = queue.catch(() => undefined).then(() => sync(browser));
  return queue;
}
let queue: Promise<string[]> = Promise.resolve([]);

async function sync(browser: RegistrationBrowser): Promise<string[]> {
  const matches = await grantedOrigins(browser);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (matches.length === 0) {
    if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    return [];
  }
  const script: Scripting.RegisteredContentScript = {
    id: SCRIPT_ID,
    js: [EAGER_JS],
    css: [EAGER_CSS],
    matches,
    // As the manifest entry was: frames scan themselves, once the page is idle.
    allFrames: true,
    runAt: 'document_idle',
    persistAcrossSessions: true,
  };
  if (registered.length > 0) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
  return matches;
}

/**
 * "Check this page": the eager script and its stylesheet into the tab's frames, once. Needs the activeTab grant
 * the toolbar button gave (or a host grant); frames of other origins are left out by the browser.
 */
export async function checkTabOnce(browser: Pick<Browser, 'scripting'>, tabId: number): Promise<void> {
  await browser.scripting.insertCSS({ target: { tabId, allFrames: true }, files: [EAGER_CSS] });
  await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [EAGER_JS] });
}

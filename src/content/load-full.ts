/**
 * Loads the rest of Claimlens (entrypoints/claimlens-full.ts) into this frame: the background injects it with
 * scripting.executeScript into this content script's isolated world, where it leaves its starter (full-handoff.ts).
 *
 * Why the background injects it rather than the page importing a web-accessible chunk: an injected file needs
 * no web_accessible_resources, so no page can fetch it or probe for it (use_dynamic_url only blurs that in
 * Chrome); it makes no request in the page at all (a dynamic import is a chrome-extension:// load that the
 * page's network log shows); and it works alike in Chrome and Firefox, where a content script runs the
 * injected file in the same sandbox. The cost is one message round trip to the background, off the page's
 * main thread. The file is the extension's own, from its package: no remote code.
 */
import type { LoadFullRequest } from '../messages.ts';
import type { EagerBrowser } from './eager-browser.ts';
import { takeStarter, type StartFull } from './full-handoff.ts';

export async function loadFull(browser: EagerBrowser): Promise<StartFull> {
  let start = takeStarter();
  if (!start) {
    const request: LoadFullRequest = { type: 'claimlens:load-full' };
    await browser.runtime.sendMessage(request);
    start = takeStarter();
  }
  if (!start) throw new Error('The full content script did not load');
  return start;
}

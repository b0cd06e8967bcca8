/** Injects the full content script into one frame, for its eager first look (src/content/load-full.ts says why). */
import type { Browser } from 'webextension-polyfill';

/** The unlisted script WXT builds from entrypoints/claimlens-full.ts. */
const FULL_SCRIPT_FILE = '/claimlens-full.js';

export async function injectFullScript(browser: Pick<Browser, 'scripting'>, tabId: number, frameId: number): Promise<true> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [FULL_SCRIPT_FILE] });
  return true;
}

// "Nothing leaves the machine", measured: every request the extension makes while a shopper browses the
// fixture pages is recorded, from the pages (requests our content script would start) and from every
// extension target (the background service worker, and any extension page that opens), and must be none.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, CDPSession, Page, Target } from 'puppeteer-core';
import {
  claimPoint,
  collectPageErrors,
  EXTENSION_DIR,
  extensionWorker,
  useExtensionBrowser,
  waitForCard,
  waitForHighlights,
  waitForTabReport,
} from './harness.ts';

const env = useExtensionBrowser();

const OURS = 'chrome-extension://';

interface Seen {
  /** Where the request went. */
  url: string;
  /** Who asked: the extension target's URL, or the page's request initiator (script URLs on its stack). */
  by: string[];
}

/** Network requests of every chrome-extension:// target (service worker, extension pages), from now on. */
async function recordExtensionTargets(browser: Browser): Promise<{ seen: Seen[]; attached: string[]; stop: () => Promise<void> }> {
  const seen: Seen[] = [];
  const attached: string[] = [];
  const sessions: CDPSession[] = [];
  const attach = async (target: Target) => {
    if (!target.url().startsWith(OURS)) return;
    const session = await target.createCDPSession();
    sessions.push(session);
    session.on('Network.requestWillBeSent', (e) => seen.push({ url: e.request.url, by: [target.url()] }));
    await session.send('Network.enable');
    attached.push(`${target.type()} ${target.url()}`);
  };
  const onCreated = (t: Target) => void attach(t).catch(() => undefined);
  browser.on('targetcreated', onCreated);
  for (const target of browser.targets()) await attach(target);
  const stop = async () => {
    browser.off('targetcreated', onCreated);
    await Promise.all(sessions.map((s) => s.detach().catch(() => undefined)));
  };
  return { seen, attached, stop };
}

/**
 * Every request a page makes, each attributed: a request is ours when a script on its initiator stack was
 * parsed in one of our content script's isolated worlds (whatever its URL, even code without one), or when
 * it targets the extension. The fixture's own loads (document, frame, favicon) start from the page.
 */
async function recordPage(page: Page): Promise<{ seen: Seen[]; ourWorlds: () => number[] }> {
  const seen: Seen[] = [];
  const session = await page.createCDPSession();
  const ourContexts = new Set<number>();
  const ourScripts = new Set<string>();
  session.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.origin.startsWith(OURS)) ourContexts.add(context.id);
  });
  session.on('Debugger.scriptParsed', (e) => {
    if (ourContexts.has(e.executionContextId) || e.url.startsWith(OURS)) ourScripts.add(e.scriptId);
  });
  session.on('Network.requestWillBeSent', (e) => {
    const by: string[] = [];
    if (e.initiator.url) by.push(e.initiator.url);
    for (let stack = e.initiator.stack; stack; stack = stack.parent) {
      for (const f of stack.callFrames) by.push(ourScripts.has(f.scriptId) ? `${OURS}(content script world) ${f.url}` : f.url);
    }
    seen.push({ url: e.request.url, by });
  });
  await Promise.all([session.send('Runtime.enable'), session.send('Debugger.enable'), session.send('Network.enable')]);
  return { seen, ourWorlds: () => [...ourContexts] };
}

/** What the page did that was ours, or went anywhere but the fixture server. */
function notThePagesOwn(seen: readonly Seen[], origin: string): Seen[] {
  return seen.filter((s) => s.by.some((u) => u.startsWith(OURS)) || s.url.startsWith(OURS) || !s.url.startsWith(origin));
}

describe('network', () => {
  it('makes no request at all while scanning, carding, hiding and following every fixture page', async () => {
    const browser = env.browser();
    const origin = new URL(env.server().url('')).origin;
    // The worker must be up before we attach, or there would be nothing to listen to. (What it could do
    // before we attach is covered by the bundle check below: no network API in its code at all.)
    await extensionWorker(browser);
    const extension = await recordExtensionTargets(browser);
    expect(extension.attached.some((t) => t.startsWith('service_worker chrome-extension://'))).toBe(true);

    const pageSeens: Seen[][] = [];
    const errors: string[] = [];
    const visit = async (fixture: string, act?: (page: Page) => Promise<void>) => {
      const page = await browser.newPage();
      errors.push(...collectPageErrors(page));
      const recorder = await recordPage(page);
      pageSeens.push(recorder.seen);
      await page.setViewport({ width: 1000, height: 700 });
      const url = env.server().url(fixture);
      await page.goto(url);
      // The report reaching the background says the scan, claims or none, is done.
      await waitForTabReport(browser, url);
      await act?.(page);
      return page;
    };

    const pages = [
      await visit('stem-cell-serum.html', async (page) => {
        await waitForHighlights(page);
        const { x, y } = await claimPoint(page, 'live stem cells');
        await page.mouse.click(x, y);
        await waitForCard(page);
        await page.evaluate(() => {
          const root = document.querySelector('claimlens-host')!.shadowRoot!;
          [...root.querySelectorAll('button')].find((b) => b.textContent?.includes('Hide it'))!.click();
        });
        await waitForCard(page, false);
        await page.reload();
        await waitForHighlights(page);
      }),
      await visit('cytokine-serum.html', waitForHighlights),
      await visit('plain-moisturiser.html'),
      await visit('shadow-and-frame.html', waitForHighlights),
      await visit('dynamic-page.html', async (page) => {
        await waitForHighlights(page);
        await page.click('#toggle');
        await page.click('#next');
        await waitForTabReport(browser, env.server().url('other-product'));
      }),
    ];

    // The recorders did listen: the pages' own loads are there, from the pages.
    const pageSeen = pageSeens.flat();
    expect(pageSeen.filter((s) => s.url.startsWith(origin)).length).toBeGreaterThanOrEqual(pages.length);
    expect(notThePagesOwn(pageSeen, origin)).toEqual([]);
    expect(extension.seen).toEqual([]);
    expect(errors).toEqual([]);
    await extension.stop();
    for (const page of pages) await page.close();
  });

  it('would see a request from our content script, even to the page\'s own server: the page recorder is not blind', async () => {
    const page = await env.browser().newPage();
    const recorder = await recordPage(page);
    const origin = new URL(env.server().url('')).origin;
    await page.goto(env.server().url('stem-cell-serum.html'));
    await waitForHighlights(page);
    const [world] = recorder.ourWorlds();
    expect(world).toBeDefined();
    // Run a fetch inside Claimlens's own isolated world, as a content script that phoned home would.
    const session = await page.createCDPSession();
    await session.send('Runtime.evaluate', { contextId: world!, expression: `fetch(location.origin + '/favicon.ico?probe').then((r) => r.status)`, awaitPromise: true });
    await expect.poll(() => notThePagesOwn(recorder.seen, origin).map((s) => s.url)).toEqual([`${origin}/favicon.ico?probe`]);
    await page.close();
  });

  it('would see a request from the background: the worker recorder is not blind', async () => {
    const browser = env.browser();
    const worker = await extensionWorker(browser);
    const extension = await recordExtensionTargets(browser);
    const url = env.server().url('favicon.ico');
    await worker.evaluate(async (url: string) => void (await fetch(url)), url);
    await expect.poll(() => extension.seen.map((s) => s.url)).toContain(url);
    await extension.stop();
  });

  it('ships no network call, no remote address and no code built from strings in any built script, style or page, for Chrome or Firefox', () => {
    // Names, not addresses: the XML namespaces Preact creates SVG and MathML elements with, and the all-sites
    // match patterns the background, popup and settings pages ask the browser for (src/settings/host-access.ts).
    const NAMES = new Set([
      'http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xhtml', 'http://www.w3.org/1998/Math/MathML', 'http://*/*', 'https://*/*',
    ]);
    const NETWORK = /\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|importScripts|RTCPeerConnection|WebTransport|\beval\(|new Function\b/g;
    const found: string[] = [];
    for (const dir of [EXTENSION_DIR, resolve('.output/firefox-mv3')]) {
      const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(js|css|html)$/.test(f));
      expect(files.some((f) => f === 'background.js')).toBe(true);
      for (const file of files) {
        const code = readFileSync(join(dir, file), 'utf8');
        for (const m of code.matchAll(NETWORK)) found.push(`${file}: ${m[0]}`);
        // A scheme before an interpolated host (`https://${typed}`, how the options page reads a typed site name
        // as a URL) names no address; every literal host is still caught.
        for (const m of code.matchAll(/https?:\/\/(?!\$\{)[^\s"'`)<>]*/g)) if (!NAMES.has(m[0])) found.push(`${file}: ${m[0]}`);
      }
    }
    expect(found).toEqual([]);
  });

  // The manifest changed with issue 15: it asks for no host permission at install. http and https are optional
  // host permissions the shopper grants (all sites, or site by site); the eager content script is registered at
  // runtime for exactly the granted ones (src/background/eager-script.ts), so no manifest entry matches all sites.
  // activeTab lets "Check this page" check the tab in front once. No file may become reachable by pages.
  it('asks for storage, scripting and activeTab, and for hosts only as optional http/https; exposes no file to pages', async () => {
    const browser = env.browser();
    const manifest = (await (await extensionWorker(browser)).evaluate(() => chrome.runtime.getManifest())) as chrome.runtime.ManifestV3;
    expect(manifest.permissions).toEqual(['storage', 'scripting', 'activeTab']);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
  });
});

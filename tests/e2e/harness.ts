/**
 * Shared end-to-end set-up: a static server for tests/fixtures on 127.0.0.1 and Debian's Chromium with the
 * built extension loaded. Page errors and console errors are collected so a test can fail on them.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
const FIXTURES = resolve('tests/fixtures');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript' };

export interface FixtureServer {
  url: (path: string) => string;
  close: () => Promise<void>;
}

/** Serves tests/fixtures on a free port of 127.0.0.1 only. */
export async function serveFixtures(): Promise<FixtureServer> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    // Browsers ask for a favicon; answering 404 would log a console error that is not ours.
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const file = join(FIXTURES, path);
    if (!file.startsWith(FIXTURES) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}/${path}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** Chromium with the built extension, headless. CHROMIUM_PATH overrides the browser. */
export async function launchWithExtension(): Promise<Browser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  return puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    pipe: true,
    enableExtensions: [EXTENSION_DIR],
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Errors a page raised or logged, including our content script's (which would surface there too). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${(err as Error).message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  return errors;
}

/** Every Claimlens highlight as [name, text], read from the page's own world. */
export async function highlightedTexts(page: Page): Promise<[string, string][]> {
  return page.evaluate(() =>
    [...CSS.highlights.entries()]
      .filter(([name]) => name.startsWith('claimlens-'))
      .flatMap(([name, h]) => [...h].map((r) => [name, r.toString()] as [string, string]))
      .sort((a, b) => (a[1] < b[1] ? -1 : 1)),
  );
}

/** Resolves once the content script has painted at least one Claimlens highlight. */
export async function waitForHighlights(page: Page): Promise<void> {
  await page.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('claimlens-')), { timeout: 20_000 });
}

/** The extension's service worker, to read what the background knows (storage, badge) as the popup would. */
export async function extensionWorker(browser: Browser) {
  const target = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
    { timeout: 20_000 },
  );
  const worker = await target.worker();
  if (!worker) throw new Error('The extension service worker did not start.');
  return worker;
}

/** Waits until the background holds a scan report for `url`; returns its findings and the tab's badge text. */
export async function waitForTabReport(browser: Browser, url: string): Promise<{ findings: unknown[]; badge: string }> {
  const worker = await extensionWorker(browser);
  return worker.evaluate(async (url: string) => {
    for (;;) {
      const all = (await chrome.storage.session.get(null)) as Record<string, { url: string; findings: unknown[] }>;
      const entry = Object.entries(all).find(([, r]) => r.url === url);
      if (entry) {
        const tabId = Number(entry[0].slice('tab:'.length));
        return { findings: entry[1].findings, badge: await chrome.action.getBadgeText({ tabId }) };
      }
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }, url);
}

/** Viewport centre of the first highlighted range whose text is `text`. */
export async function claimPoint(page: Page, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((text: string) => {
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('claimlens-')) continue;
      for (const r of h) {
        if (!(r instanceof Range) || r.toString() !== text) continue;
        const rect = r.getClientRects()[0];
        if (rect) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
    }
    return null;
  }, text);
  if (!point) throw new Error(`No visible highlight reads "${text}"`);
  return point;
}

/** The open claim card's text, or null when no card is open. */
export async function cardText(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const card = document.querySelector('claimlens-host')?.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]');
    return card ? card.innerText : null;
  });
}

/** Whether keyboard focus is inside the claim card. */
export async function focusInCard(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const root = document.querySelector('claimlens-host')?.shadowRoot;
    return Boolean(root?.activeElement?.closest('[role="dialog"]'));
  });
}

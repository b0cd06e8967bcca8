/**
 * Shared end-to-end set-up: a static server for tests/fixtures on 127.0.0.1 and Debian's Chromium with the
 * built extension loaded. Page errors and console errors are collected so a test can fail on them.
 */
import { createServer, type Server } from 'node:http';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import puppeteer, { TargetType, type Browser, type Page } from 'puppeteer-core';
import { AxePuppeteer } from '@axe-core/puppeteer';
import { afterAll, beforeAll } from 'vitest';
import { ALL_SITES } from '../../src/settings/host-access.ts';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
const FIXTURES = resolve('tests/fixtures');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript' };

/** The page's own watchers, installed before any extension runs, from DOMContentLoaded on (the parser's own insertions are nobody's change). */
const PAGE_OBSERVERS = `<script>
  window.__pageGlobals = Object.getOwnPropertyNames(window);
  window.__mutations = [];
  addEventListener('DOMContentLoaded', () => new MutationObserver((records) => {
    for (const r of records) {
      window.__mutations.push({ type: r.type, target: r.target.nodeName, added: [...r.addedNodes].map((n) => n.nodeName), removed: [...r.removedNodes].map((n) => n.nodeName) });
    }
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true }));
</script>`;

const DARK_THEME = `<style>:root{color-scheme:dark} body{background:#14161a;color:#e8e6e3;font:16px/1.5 Georgia,serif;max-width:760px;margin:24px auto;padding:0 16px} a{color:#8ab4f8}</style>`;

/** Ways to serve one fixture differently, so each page variant is not a copy to keep in step. */
const VARIANTS: Record<string, { transform: (html: string) => string; headers?: Record<string, string> }> = {
  dark: { transform: (html) => html.replace('</head>', `${DARK_THEME}\n</head>`) },
  observed: { transform: (html) => html.replace('</head>', `${PAGE_OBSERVERS}\n</head>`) },
  // The strictest policy a shop could send; the page's own inline <style> and <script> go, as they would.
  csp: {
    transform: (html) => html.replace(/<style>[\s\S]*?<\/style>|<script>[\s\S]*?<\/script>/g, ''),
    headers: { 'content-security-policy': "default-src 'none'; style-src 'none'; script-src 'none'; img-src 'none'" },
  },
};

export interface FixtureServer {
  url: (path: string) => string;
  close: () => Promise<void>;
}

/** Serves tests/fixtures on a free port of 127.0.0.1 only. */
async function serveFixtures(): Promise<FixtureServer> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    // Browsers ask for a favicon; answering 404 would log a console error that is not ours.
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    // A client-side route of the dynamic fixture, reloaded directly: serve the same page.
    if (path === '/other-product') {
      res.writeHead(200, { 'content-type': TYPES['.html']! }).end(readFileSync(join(FIXTURES, 'dynamic-page.html')));
      return;
    }
    if (path === '/frame-reviews.html') {
      res.writeHead(200, { 'content-type': TYPES['.html']! }).end(readFileSync(join(FIXTURES, 'frame-reviews.html')));
      return;
    }
    if (path === '/large.html') {
      res.writeHead(200, { 'content-type': TYPES['.html']! }).end(largePage());
      return;
    }
    // /variant/NAME/FIXTURE serves a fixture transformed (dark theme, the page's own observers, a strict CSP).
    const variant = /^\/variant\/([a-z]+)\/(.+)$/.exec(path);
    if (variant && VARIANTS[variant[1]!] && existsSync(join(FIXTURES, variant[2]!))) {
      const { transform, headers } = VARIANTS[variant[1]!]!;
      res.writeHead(200, { 'content-type': TYPES['.html']!, ...headers }).end(transform(readFileSync(join(FIXTURES, variant[2]!), 'utf8')));
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

/**
 * About 1.5 MB of product copy in 6,000 paragraphs, 1% of them claims, with a long-task observer installed
 * before anything else runs, so a test can tell whether any task after load took 50 ms or more.
 */
function largePage(): string {
  const plain = [
    'A light, fast-absorbing lotion that leaves skin soft and smooth all day long without any greasy feel at all.',
    'Formulated with glycerin, squalane and shea butter to support the moisture barrier through the seasons.',
    'Dermatologist tested and suitable for sensitive skin, this fragrance-free formula is gentle enough for daily use.',
  ];
  const claim = 'Our serum contains live stem cells that renew your skin overnight.';
  const paragraphs: string[] = [];
  for (let i = 0; i < 6000; i++) {
    paragraphs.push(`<p>${i % 100 === 7 ? claim : `${plain[i % 3]} ${plain[(i + 1) % 3]}`}</p>`);
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>Large page</title></head><body><main>${paragraphs.join('\n')}</main></body></html>`;
}

/** Chromium with the built extension, headless. CHROMIUM_PATH overrides the browser. */
async function launchWithExtension(): Promise<Browser> {
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

/**
 * A fixture in a new tab at a fixed viewport, with its errors recorded from the first script on; each test then
 * waits for what it needs (highlights, the tab's report).
 */
export async function openPage(
  env: { browser: () => Browser; server: () => FixtureServer },
  name: string,
  viewport = { width: 1000, height: 700 },
): Promise<{ page: Page; errors: string[] }> {
  const page = await env.browser().newPage();
  const errors = collectPageErrors(page);
  await page.setViewport(viewport);
  await page.goto(env.server().url(name));
  return { page, errors };
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
      // A Highlight is typed as a set of AbstractRange; ours are all live Ranges, whose toString() is their text.
      .flatMap(([name, h]) => [...h].map((r) => [name, (r as Range).toString()] as [string, string]))
      .sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] < b[0] ? -1 : 1)),
  );
}

/**
 * Poll interval for page waits: a tab behind the popup may get no animation frames, which puppeteer's default
 * polling waits on, so waits on timers instead.
 */
const BACKGROUND_SAFE = 100;

/** Resolves once the content script has painted at least one Claimlens highlight. */
export async function waitForHighlights(page: Page): Promise<void> {
  await page.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('claimlens-')), { timeout: 20_000, polling: BACKGROUND_SAFE });
}

/** The extension's service worker, to read what the background knows (storage, badge) as the popup would. */
export async function extensionWorker(browser: Browser) {
  const target = await browser.waitForTarget(
    (t) => t.type() === TargetType.SERVICE_WORKER && t.url().startsWith('chrome-extension://'),
    { timeout: 20_000 },
  );
  const worker = await target.worker();
  if (!worker) throw new Error('The extension service worker did not start.');
  // A worker caught as it starts may answer before the extension's bindings are in its global scope (seen on a
  // quiet machine: "chrome is not defined"): wait for them, as every test needs them.
  // Its timers are missing then too, so the waiting happens here.
  for (let tries = 0; !(await worker.evaluate(() => typeof chrome !== 'undefined' && typeof setTimeout === 'function')); tries++) {
    if (tries > 200) throw new Error('The extension service worker never got its extension bindings.');
    await new Promise((ok) => setTimeout(ok, 25));
  }
  return worker;
}

/** The extension's id, from its service worker's URL. */
export async function extensionId(browser: Browser): Promise<string> {
  return new URL((await extensionWorker(browser)).url()).host;
}

/** The popup opened as a page for `tabId` (the design's `popup.html?tabId=N`), once it shows a state. */
export async function openPopup(browser: Browser, tabId: number, options: { width?: number; height?: number } = {}): Promise<Page> {
  const popup = await browser.newPage();
  await popup.setViewport({ width: options.width ?? 400, height: options.height ?? 600 });
  await popup.goto(`chrome-extension://${await extensionId(browser)}/popup.html?tabId=${tabId}`);
  await popup.waitForSelector('.popup-main > :not([aria-busy="true"])', { timeout: 20_000 });
  return popup;
}

/**
 * Waits until the background has filed a scan report for `url` in session storage; returns the tab id it is
 * filed under (the extension has no `tabs` permission to query URLs), its findings and the tab's badge text.
 */
export async function waitForTabReport(browser: Browser, url: string): Promise<{ tabId: number; findings: unknown[]; badge: string }> {
  const worker = await extensionWorker(browser);
  return worker.evaluate(async (url: string) => {
    for (;;) {
      const all = await chrome.storage.session.get<Record<string, { url: string; findings: unknown[] }>>(null);
      const entry = Object.entries(all).find(([, r]) => r.url === url);
      if (entry) {
        const tabId = Number(entry[0].slice('tab:'.length));
        return { tabId, findings: entry[1].findings, badge: await chrome.action.getBadgeText({ tabId }) };
      }
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }, url);
}

/** Viewport centre of the first line of the first highlighted range whose text includes `text`, scrolled into view if off screen. */
export async function claimPoint(page: Page, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((text: string) => {
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('claimlens-')) continue;
      for (const r of h) {
        if (!(r instanceof Range) || !r.toString().includes(text)) continue;
        let rect = r.getClientRects()[0];
        // A claim below the fold is scrolled to first, as a shopper would (Firefox refuses clicks outside the viewport).
        if (rect && (rect.bottom > innerHeight || rect.top < 0)) {
          r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
          rect = r.getClientRects()[0];
        }
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
/**
 * Waits until focus is inside the open card: the card takes focus in an effect that runs after it is drawn, a
 * moment after the dialog is in the page (later still in a tab without animation frames).
 */
export async function waitForFocusInCard(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean(document.querySelector('claimlens-host')?.shadowRoot?.activeElement?.closest('[role="dialog"]')), {
    polling: BACKGROUND_SAFE,
  });
}

/**
 * What the command-line scanner finds in a fixture: the same engine and extraction as the extension, so the
 * page's highlights must read exactly these texts with these severities.
 */
export function scannerFindings(fixture: string, options: { pageOrder?: boolean } = {}): [string, string][] {
  const out = execFileSync(process.execPath, ['bin/claimlens.mjs', 'scan', '--json', join(FIXTURES, fixture)], { encoding: 'utf8' });
  const report = JSON.parse(out) as { findings: { severity: string; text: string; start: number }[] };
  const pairs = [...report.findings]
    .sort((a, b) => a.start - b.start)
    .map((f) => [`claimlens-${f.severity}`, f.text] as [string, string]);
  return options.pageOrder ? pairs : pairs.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] < b[0] ? -1 : 1));
}

/** A main-thread task that ran Claimlens code, from a Chromium trace. */
export interface OurTask {
  /** What our code was doing in it: the trace event names that carry our script's URL. */
  kinds: string[];
}

/**
 * Runs `act` under a Chromium trace and returns the page's main-thread tasks in which our content script's
 * own code ran (evaluating it included), in order. Attributing by script URL keeps the page's own parsing
 * and layout out. How long each took is deliberately not returned: a loaded machine stretches any time, so
 * tests assert the structure (how the work is split) and `npm run bench` measures durations.
 */
export async function ourTasks(page: Page, act: () => Promise<void>): Promise<OurTask[]> {
  const path = join(tmpdir(), `claimlens-trace-${process.pid}-${Date.now()}.json`);
  await page.tracing.start({ path, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute'] });
  await act();
  await page.tracing.stop();
  type Event = { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; args?: { name?: string; data?: { url?: string } } };
  const events = (JSON.parse(readFileSync(path, 'utf8')) as { traceEvents: Event[] }).traceEvents;
  rmSync(path, { force: true });
  const mainThreads = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const ours = events.filter((e) => e.args?.data?.url?.startsWith('chrome-extension://'));
  const out: OurTask[] = [];
  for (const task of events) {
    if (task.name !== 'RunTask' || !mainThreads.has(`${task.pid}:${task.tid}`)) continue;
    const end = task.ts + (task.dur ?? 0);
    const inside = ours.filter((e) => e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts <= end);
    if (inside.length > 0) out.push({ kinds: [...new Set(inside.map((e) => e.name))] });
  }
  return out;
}

/**
 * Runs `act` under a Chromium trace and returns which of the extension's scripts the page's renderers compiled
 * or evaluated (paths inside the package, sorted): the eager content script alone on a page with nothing to
 * find, the full one too where it was injected.
 */
export async function extensionScriptsRun(page: Page, act: () => Promise<void>): Promise<string[]> {
  const path = join(tmpdir(), `claimlens-scripts-${process.pid}-${Date.now()}.json`);
  await page.tracing.start({ path, categories: ['devtools.timeline', 'v8.execute'] });
  await act();
  await page.tracing.stop();
  type Event = { name: string; args?: { data?: { url?: string } } };
  const events = (JSON.parse(readFileSync(path, 'utf8')) as { traceEvents: Event[] }).traceEvents;
  rmSync(path, { force: true });
  const urls = events.filter((e) => ['EvaluateScript', 'v8.compile'].includes(e.name) && e.args?.data?.url?.startsWith('chrome-extension://'));
  return [...new Set(urls.map((e) => new URL(e.args!.data!.url!).pathname))].sort();
}

/**
 * How a test file's browser starts: as a shopper who chose "Check every site" on the first-run page (the
 * default, which the tests of everything else assume), or fresh from the install, holding no host permission.
 */
export interface StartOptions {
  startAs?: 'every-site' | 'fresh';
}

/** One Chromium with the built extension and one fixture server for a test file, closed after it. */
export function useExtensionBrowser(options: StartOptions = {}): { browser: () => Browser; server: () => FixtureServer } {
  let browser: Browser | undefined;
  let server: FixtureServer | undefined;
  beforeAll(async () => {
    server = await serveFixtures();
    browser = await launchWithExtension();
    if ((options.startAs ?? 'every-site') === 'every-site') await chooseEverySite(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return { browser: () => browser!, server: () => server! };
}

/** The first-run page the extension opened on install (src/ui/WelcomePage.tsx), once it shows the choice. */
export async function welcomePage(browser: Browser): Promise<Page> {
  const target = await browser.waitForTarget((t) => t.type() === TargetType.PAGE && t.url().endsWith('/welcome.html'), { timeout: 20_000 });
  const page = await target.asPage();
  await page.waitForSelector('.access-button', { timeout: 20_000 });
  return page;
}

/**
 * Grants host `origins` to the extension as a shopper does on Chrome's extensions page: its "Site access"
 * control, through the page's own chrome.developerPrivate API (what the control calls). A test cannot click
 * the prompt that the extension's own permissions.request shows; once the shopper has granted the sites on the
 * extensions page, Chrome answers that request (still made by a click in our page) at once, without a prompt.
 */
export async function grantOnExtensionsPage(browser: Browser, origins: readonly string[]): Promise<void> {
  const id = await extensionId(browser);
  const page = await browser.newPage();
  await page.goto(`chrome://extensions/?id=${id}`);
  await page.evaluate(
    async (id: string, origins: string[]) => {
      const api = (chrome as unknown as { developerPrivate: { addHostPermission: (id: string, host: string) => Promise<void> } }).developerPrivate;
      for (const origin of origins) await api.addHostPermission(id, origin);
    },
    id,
    [...origins],
  );
  await page.close();
}

/** Clicks a button of an extension page by its text, as a shopper would (a real click: a user gesture). */
export async function clickButton(page: Page, text: string): Promise<void> {
  const button = await page.waitForSelector(`::-p-xpath(//button[normalize-space()=${JSON.stringify(text)}])`, { timeout: 20_000 });
  if (!button) throw new Error(`No button "${text}"`);
  await button.click();
}

/** Reaches a button of an extension page with Tab alone, from the top of the page, and presses Enter on it. */
export async function pressButtonWithKeyboard(page: Page, text: string): Promise<void> {
  await page.waitForSelector(`::-p-xpath(//button[normalize-space()=${JSON.stringify(text)}])`, { timeout: 20_000 });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let presses = 0; presses < 40; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => (document.activeElement instanceof HTMLButtonElement ? document.activeElement.textContent?.trim() : null));
    if (focused === text) {
      await page.keyboard.press('Enter');
      return;
    }
  }
  throw new Error(`Tab never reached the button "${text}"`);
}

/** Resolves with the eager script's registered matches once they equal `expected` (sorted). */
export async function waitForRegistration(browser: Browser, expected: readonly string[]): Promise<void> {
  const worker = await extensionWorker(browser);
  await worker.evaluate(async (expected: string[]) => {
    for (;;) {
      const scripts = await chrome.scripting.getRegisteredContentScripts();
      const matches = scripts.flatMap((s) => s.matches ?? []).sort();
      if (JSON.stringify(matches) === JSON.stringify([...expected].sort())) return;
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }, [...expected]);
}

/** "Check every site" on the first-run page, granted on the extensions page first (grantOnExtensionsPage says why). */
async function chooseEverySite(browser: Browser): Promise<void> {
  const welcome = await welcomePage(browser);
  await grantOnExtensionsPage(browser, ALL_SITES);
  await clickButton(welcome, 'Check every site');
  await waitForRegistration(browser, ALL_SITES);
  await welcome.close();
}

/**
 * Presses the toolbar button for the tab `page` (brought to the front first), as a click does: Chrome grants
 * activeTab for that tab and opens the popup. Puppeteer's triggerExtensionAction (CDP Extensions.triggerAction).
 * The toolbar popup closes as soon as anything else takes focus, so this reads the tab's id from it and closes it;
 * tests then open the popup as a page for that tab (openPopup), where the grant holds just the same.
 */
export async function pressToolbarButton(browser: Browser, page: Page): Promise<number> {
  const id = await extensionId(browser);
  const extension = (await browser.extensions()).get(id);
  if (!extension) throw new Error(`Extension ${id} is not listed by the browser`);
  await page.bringToFront();
  await page.triggerExtensionAction(extension);
  const target = await browser.waitForTarget((t) => t.url() === `chrome-extension://${id}/popup.html`, { timeout: 20_000 });
  const popup = await target.asPage();
  const tabId = await popup.evaluate(async () => (await chrome.tabs.query({ active: true, currentWindow: true }))[0]?.id);
  await popup.close();
  if (tabId === undefined) throw new Error('The toolbar popup found no active tab');
  return tabId;
}

/** Resolves once the claim card is open (`open`) or closed. */
export async function waitForCard(page: Page, open = true): Promise<void> {
  await page.waitForFunction(
    (open: boolean) => Boolean(document.querySelector('claimlens-host')?.shadowRoot?.querySelector('[role="dialog"]')) === open,
    { polling: BACKGROUND_SAFE },
    open,
  );
}

const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv3');
/** The add-on's id (wxt.config.ts, browser_specific_settings.gecko.id). */
const FIREFOX_ADDON_ID = 'claimlens@claimlens.invalid';
/**
 * Debian's Firefox ESR, driven over WebDriver BiDi, with the built Firefox add-on installed as a temporary
 * add-on (as about:debugging would). FIREFOX_PATH overrides the browser.
 */
async function launchFirefoxWithExtension(): Promise<Browser> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built add-on in ${FIREFOX_EXTENSION_DIR}: run \`npm run build:firefox\` first.`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    // Lets firefoxTabReport read the add-on's state from Firefox's own (chrome-scope) window.
    args: ['--remote-allow-system-access'],
    // A test cannot click Firefox's own permission prompt: with this profile preference Firefox grants an
    // optional permission that the add-on's permissions.request asks for (still from a click in its page) without one.
    extraPrefsFirefox: { 'extensions.webextOptionalPermissionPrompts': false },
  });
  try {
    const id = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (id !== FIREFOX_ADDON_ID) throw new Error(`Firefox installed the add-on as ${id}, expected ${FIREFOX_ADDON_ID}`);
  } catch (err) {
    await browser.close();
    throw err;
  }
  return browser;
}

/** One Firefox with the built add-on and one fixture server for a test file, closed after it. */
export function useFirefoxBrowser(options: StartOptions = {}): { browser: () => Browser; server: () => FixtureServer } {
  let browser: Browser | undefined;
  let server: FixtureServer | undefined;
  beforeAll(async () => {
    server = await serveFixtures();
    browser = await launchFirefoxWithExtension();
    if ((options.startAs ?? 'every-site') === 'every-site') {
      const welcome = await firefoxWelcomePage(browser);
      await clickButton(welcome, 'Check every site');
      await firefoxRegistration(welcome, ALL_SITES);
      await welcome.close();
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return { browser: () => browser!, server: () => server! };
}

/**
 * The first-run tab the add-on opened on install. WebDriver BiDi cannot navigate to a moz-extension:// page, but
 * it can drive one the add-on opened itself, and that page may then go to the add-on's other pages.
 */
export async function firefoxWelcomePage(browser: Browser): Promise<Page> {
  for (let tries = 0; tries < 200; tries++) {
    for (const page of await browser.pages()) {
      // Puppeteer does not follow the add-on's own navigation of the tab: ask the page where it is.
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && href.endsWith('/welcome.html')) {
        await page.waitForSelector('.access-button', { timeout: 20_000 });
        return page;
      }
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error('Firefox opened no first-run page for the add-on');
}

/** Resolves once the eager script is registered for exactly `expected`, asked from one of the add-on's pages. */
export async function firefoxRegistration(extensionPage: Page, expected: readonly string[]): Promise<void> {
  await extensionPage.waitForFunction(
    async (expected: string[]) => {
      const scripts = await browser.scripting.getRegisteredContentScripts();
      return JSON.stringify(scripts.flatMap((s) => s.matches ?? []).sort()) === JSON.stringify([...expected].sort());
    },
    { polling: 100, timeout: 20_000 },
    [...expected],
  );
}

/**
 * Presses the add-on's toolbar button for the selected tab, as a click does (Firefox's own triggerAction, which
 * grants activeTab and opens the popup panel), after bringing `page` to the front; closes the panel (tests open
 * the popup as a page for the tab, where the grant holds just the same) and returns the tab's id.
 */
export async function pressFirefoxToolbarButton(browser: Browser, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await inFirefoxChrome(
    browser,
    `(async (id) => {
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const global = ExtensionParent.apiManager.global;
      const extension = WebExtensionPolicy.getByID(id).extension;
      // A press while the popup is open closes it (and grants nothing): close any open popup panel first, and
      // the one this press opens after, as a click elsewhere would.
      const closePanels = () => document.querySelectorAll('panel').forEach((p) => p.state !== 'closed' && p.hidePopup());
      closePanels();
      await global.browserActionFor(extension).triggerAction(window);
      closePanels();
      if (!extension.tabManager.hasActiveTabPermission(gBrowser.selectedTab)) throw new Error('The toolbar button granted no activeTab');
      return String(global.tabTracker.getId(gBrowser.selectedTab));
    })(${JSON.stringify(FIREFOX_ADDON_ID)})`,
  );
  return Number(id);
}

/** The id Firefox's tabs API gives the tab showing `url` (the add-on has no `tabs` permission to look it up itself). */
export async function firefoxTabId(browser: Browser, url: string): Promise<number> {
  const id = await inFirefoxChrome(
    browser,
    `((url) => {
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const tab = [...gBrowser.tabs].find((t) => t.linkedBrowser.currentURI.spec === url);
      if (!tab) throw new Error('No tab shows ' + url);
      return String(ExtensionParent.apiManager.global.tabTracker.getId(tab));
    })(${JSON.stringify(url)})`,
  );
  return Number(id);
}

/** What Firefox holds for the add-on, from Firefox itself. */
export interface FirefoxInstalled {
  /** The installed manifest, as Firefox normalized it. */
  manifest: Record<string, unknown>;
  /** The origins the add-on may reach now. */
  origins: string[];
  /** The optional host permissions granted. */
  granted: string[];
  /** The lines Firefox's install prompt lists for these permissions, and its data-collection line. */
  installPrompt: { msgs: string[]; dataCollection: string | undefined };
  /** The lines of Firefox's prompt for "Check every site" (permissions.request for all http and https pages). */
  everySitePrompt: string[];
}

/** The add-on as installed, its grants, and what Firefox's own prompts say, from Firefox's own modules. */
export async function firefoxInstalled(browser: Browser): Promise<FirefoxInstalled> {
  const json = await inFirefoxChrome(
    browser,
    `(async (id, allSites) => {
      const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
      const { ExtensionData } = ChromeUtils.importESModule('resource://gre/modules/Extension.sys.mjs');
      const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
      const extension = WebExtensionPolicy.getByID(id).extension;
      const granted = await ExtensionPermissions.get(id);
      const addon = await AddonManager.getAddonByID(id);
      // The install prompt is built from addon.installPermissions (AddonManager's webextension-permission-prompt);
      // a permissions.request prompt from the requested ones, as type "optional" (ExtensionsUI).
      const install = ExtensionData.formatPermissionStrings({ addon, permissions: addon.installPermissions }, { collapseOrigins: true });
      const everySite = ExtensionData.formatPermissionStrings({ addon, type: 'optional', permissions: { permissions: [], origins: allSites } }, { collapseOrigins: true });
      return JSON.stringify({
        manifest: extension.manifest,
        origins: [...extension.allowedOrigins.patterns].map((p) => p.pattern),
        granted: granted.origins,
        installPrompt: { msgs: install.msgs, dataCollection: install.dataCollectionPermissions?.msg },
        everySitePrompt: everySite.msgs,
      });
    })(${JSON.stringify(FIREFOX_ADDON_ID)}, ${JSON.stringify(ALL_SITES)})`,
  );
  return JSON.parse(json) as FirefoxInstalled;
}

/** The BiDi connection under puppeteer's Firefox browser (not in its public types). */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/**
 * Evaluates `expression` (a string of JS returning a string, or a promise of one) in Firefox's own privileged
 * browser window, allowed by --remote-allow-system-access. BiDi may not open moz-extension:// pages or reach
 * the add-on's event page, so this is where a test can see what the toolbar and the add-on's storage hold.
 */
async function inFirefoxChrome(browser: Browser, expression: string): Promise<string> {
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: { context: string }[] };
  const context = tree.contexts[0]?.context;
  if (!context) throw new Error('Firefox exposed no chrome-scope window: was it launched with --remote-allow-system-access?');
  const evaluated = (await connection.send('script.evaluate', { target: { context }, expression, awaitPromise: true })).result as {
    type: string;
    result?: { value?: string };
    exceptionDetails?: { text: string };
  };
  if (evaluated.type !== 'success' || typeof evaluated.result?.value !== 'string') {
    throw new Error(`Evaluating in Firefox's browser window failed: ${evaluated.exceptionDetails?.text ?? JSON.stringify(evaluated)}`);
  }
  return evaluated.result.value;
}

/**
 * What the add-on's background filed for the tab showing `url` in Firefox: its storage.session report and
 * the tab's badge, as the popup would read them, through Firefox's internal extension modules.
 */
export async function firefoxTabReport(browser: Browser, url: string): Promise<{ tabId: number; findings: unknown[]; badge: string }> {
  const json = await inFirefoxChrome(
    browser,
    `(async (url, id) => {
      const extension = WebExtensionPolicy.getByID(id).extension;
      const { extensionStorageSession } = ChromeUtils.importESModule('resource://gre/modules/ExtensionStorage.sys.mjs');
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const global = ExtensionParent.apiManager.global;
      for (;;) {
        const all = await extensionStorageSession.get(extension, null);
        for (const [key, held] of Object.entries(all)) {
          // keepData: a plain deserialize() consumes the stored value, and the add-on could never read its report again.
          const report = held.deserialize(globalThis, true);
          if (report.url !== url) continue;
          const tabId = Number(key.slice('tab:'.length));
          const badge = global.browserActionFor(extension).action.getProperty(global.tabTracker.getTab(tabId), 'badgeText');
          return JSON.stringify({ tabId, findings: report.findings, badge });
        }
        await new Promise((ok) => setTimeout(ok, 50));
      }
    })(${JSON.stringify(url)}, ${JSON.stringify(FIREFOX_ADDON_ID)})`,
  );
  return JSON.parse(json) as { tabId: number; findings: unknown[]; badge: string };
}

/**
 * Presses one of the add-on's keyboard shortcuts in Firefox (`key` as in the manifest's suggested_key, e.g.
 * 'Alt+Shift+N'): fires the <key> Firefox registered for it in the browser window, as the keystroke would,
 * so commands.onCommand runs in the background with the active tab. Synthesized page input never reaches
 * the browser window's shortcuts.
 */
export async function pressFirefoxShortcut(browser: Browser, key: string): Promise<void> {
  const parts = key.split('+');
  const letter = parts.pop()!;
  const modifiers = parts.map((m) => m.toLowerCase()).sort().join(',');
  await inFirefoxChrome(
    browser,
    `((id, letter, modifiers) => {
      const keyset = document.getElementById('ext-keyset-id-' + id.replace(/[^a-z0-9_-]/gi, '_'));
      const match = [...(keyset?.querySelectorAll('key') ?? [])].find((k) =>
        k.getAttribute('key') === letter && (k.getAttribute('modifiers') ?? '').split(',').sort().join(',') === modifiers);
      if (!match) throw new Error('Firefox registered no shortcut ' + modifiers + '+' + letter + ' for ' + id);
      match.doCommand();
      return 'pressed';
    })(${JSON.stringify(FIREFOX_ADDON_ID)}, ${JSON.stringify(letter)}, ${JSON.stringify(modifiers)})`,
  );
}

/** One HTTP request Firefox made, with who triggered it. */
export interface FirefoxRequest {
  url: string;
  /** Origin of the principal that triggered the load (for a content script: its expanded principal's parts). */
  triggeredBy: string[];
  /** Whether that principal is the add-on's own (its moz-extension:// origin, or an expanded principal holding it). */
  ours: boolean;
}

/**
 * Records every HTTP(S) request the whole Firefox makes from now on, in its parent process (where every
 * channel passes, whichever page, frame, content script or event page started it), each attributed by its
 * triggering principal. `probe(url)` opens a request as the add-on itself, to show the recorder sees ours.
 */
export async function recordFirefoxRequests(browser: Browser): Promise<{
  read: () => Promise<FirefoxRequest[]>;
  probe: (url: string) => Promise<void>;
  stop: () => Promise<void>;
}> {
  const key = `__claimlensRequests${Date.now()}`;
  await inFirefoxChrome(
    browser,
    `((key, id) => {
      const ours = WebExtensionPolicy.getByID(id).mozExtensionHostname;
      const parts = (p) => p.isExpandedPrincipal ? p.QueryInterface(Ci.nsIExpandedPrincipal).allowlist : [p];
      const seen = [];
      const observer = { observe(subject) {
        const channel = subject.QueryInterface(Ci.nsIHttpChannel);
        const principal = channel.loadInfo.triggeringPrincipal;
        const origins = parts(principal).map((p) => p.origin);
        seen.push({ url: channel.URI.spec, triggeredBy: origins, ours: parts(principal).some((p) => p.addonId === id || p.origin === 'moz-extension://' + ours) });
      } };
      Services.obs.addObserver(observer, 'http-on-modify-request');
      window[key] = { seen, observer };
      return 'recording';
    })(${JSON.stringify(key)}, ${JSON.stringify(FIREFOX_ADDON_ID)})`,
  );
  return {
    read: async () => JSON.parse(await inFirefoxChrome(browser, `JSON.stringify(window[${JSON.stringify(key)}].seen)`)) as FirefoxRequest[],
    probe: async (url) => {
      await inFirefoxChrome(
        browser,
        `new Promise((resolve, reject) => {
          const { NetUtil } = ChromeUtils.importESModule('resource://gre/modules/NetUtil.sys.mjs');
          const channel = NetUtil.newChannel({
            uri: ${JSON.stringify(url)},
            loadingPrincipal: WebExtensionPolicy.getByID(${JSON.stringify(FIREFOX_ADDON_ID)}).extension.principal,
            securityFlags: Ci.nsILoadInfo.SEC_ALLOW_CROSS_ORIGIN_SEC_CONTEXT_IS_NULL,
            contentPolicyType: Ci.nsIContentPolicy.TYPE_FETCH,
          });
          NetUtil.asyncFetch(channel, (stream, status) => (Components.isSuccessCode(status) ? resolve('fetched') : reject(new Error('status ' + status))));
        })`,
      );
    },
    stop: async () => {
      await inFirefoxChrome(browser, `(Services.obs.removeObserver(window[${JSON.stringify(key)}].observer, 'http-on-modify-request'), delete window[${JSON.stringify(key)}], 'stopped')`);
    },
  };
}

/** Serious and critical violations only, as "rule: where" lines, so a failure says what to fix. */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  // @axe-core/puppeteer is typed against puppeteer 24, whose puppeteer-core is the one we drive (package.json).
  let axe = new AxePuppeteer(page);
  if (include) axe = axe.include(include);
  const results = await axe.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * One of the add-on's own pages (`popup.html?tabId=N`, `options.html`) in a new Firefox tab, once `ready` (a
 * selector) shows. Opened from the browser window as the add-on itself would open it, so the page runs in the
 * add-on's process with all of its APIs (a BiDi navigation loads it where storage.session never answers).
 */
export async function openFirefoxExtensionPage(browser: Browser, path: string, ready: string): Promise<Page> {
  const before = new Set(await browser.pages());
  const url = await inFirefoxChrome(
    browser,
    `((id, path) => {
      const policy = WebExtensionPolicy.getByID(id);
      const url = 'moz-extension://' + policy.mozExtensionHostname + '/' + path;
      gBrowser.selectedTab = gBrowser.addTab(url, { triggeringPrincipal: policy.extension.principal });
      return url;
    })(${JSON.stringify(FIREFOX_ADDON_ID)}, ${JSON.stringify(path)})`,
  );
  for (;;) {
    for (const page of await browser.pages()) {
      if (before.has(page)) continue;
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href === url) {
        await page.waitForSelector(ready, { timeout: 20_000 });
        return page;
      }
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

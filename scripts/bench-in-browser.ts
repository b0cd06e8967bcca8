/**
 * The bench's browser section: the built Chrome extension in Debian's Chromium (puppeteer-core, as the e2e
 * harness launches it), each page opened under a Chromium trace. From the trace: every main-thread task in
 * which our scripts ran (compiling and evaluating them included), in every renderer, frames too. Against it,
 * in the same page and the same run: the floor, a TreeWalker extraction of the body plus one pass of the
 * prefilter's combined expression, timed in the page itself. Ratios and PASS/MISS only; nothing asserted.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import puppeteer, { TargetType, type Browser, type Page } from 'puppeteer-core';

export interface BrowserBenchOptions {
  extensionDir: string;
  /** The prefilter's combined expression (`buildTriggerMatcher(prefilter).regex.source`), for the floor. */
  triggerSource: string;
  /** Throws when a text would wake Claimlens (a candidate or a cytokine name): the no-claim page must not. */
  assertNoCandidate: (text: string) => void;
}

interface PageFigures {
  /** Sum of the main-thread tasks that ran our code, ms. */
  totalMs: number;
  longestMs: number;
  tasks: number;
  /** Our scripts that were compiled or evaluated, by file. */
  scripts: string[];
  /** Floor: extraction + one regex pass in the same page, ms (median of 5); NaN where not measured. */
  floorMs: number;
}

const PLAIN = [
  'A light, fast-absorbing lotion that leaves skin soft and smooth all day long without any greasy feel.',
  'Formulated with glycerin, squalane and shea butter to support the moisture barrier through the seasons.',
  'Dermatologist tested and suitable for sensitive skin, this fragrance-free formula is gentle enough for daily use.',
  'Smooth a little over clean skin each morning, then finish with your usual sunscreen.',
  'The pump bottle keeps the formula fresh, and the recyclable carton is printed with plant-based inks.',
  'Customers with dry and combination skin said it sank in quickly and left no film under make-up.',
];
const CLAIM = 'Our serum contains live stem cells that renew your skin overnight.';

/** About `chars` of product copy in paragraphs; every 100th a claim when `claims`. */
function productPage(chars: number, claims: boolean): string {
  const paragraphs: string[] = [];
  let size = 0;
  for (let i = 0; size < chars; i++) {
    const p = claims && i % 100 === 7 ? CLAIM : `${PLAIN[i % PLAIN.length]} ${PLAIN[(i * 7 + 3) % PLAIN.length]} Item ${i}.`;
    paragraphs.push(`<p>${p}</p>`);
    size += p.length + 1;
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>Bench page</title></head><body><main>${paragraphs.join('\n')}</main></body></html>`;
}

/** A shop page with 20 ad-like iframes from another site (out-of-process frames, as real ad frames are). */
function framesPage(adOrigin: string): string {
  const frames = Array.from({ length: 20 }, (_, i) => `<iframe src="${adOrigin}/ad.html?slot=${i}" width="300" height="250" title="Advertisement"></iframe>`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>Frames</title></head><body><h1>Hydrating lotion</h1><p>${PLAIN[0]}</p>${frames.join('\n')}</body></html>`;
}

const AD = `<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0;font:14px sans-serif}</style></head><body>
<a href="#"><div style="width:300px;height:180px;background:#ddd"></div><b>Summer sale: 30% off sunscreen</b><br>Free delivery over 40. Shop now</a>
<script>setInterval(() => { document.querySelector('b').textContent = 'Summer sale: ' + (20 + Math.floor(Math.random() * 20)) + '% off sunscreen'; }, 700);</script>
</body></html>`;

/** Serves the pages (made once the port is known) on 127.0.0.1. */
async function serve(makePages: (port: number) => Record<string, string>): Promise<{ server: Server; port: number }> {
  let pages: Record<string, string> = {};
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const body = pages[path];
    if (body === undefined) res.writeHead(path === '/favicon.ico' ? 204 : 404).end();
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  pages = makePages(port);
  return { server, port };
}

type TraceEvent = { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; args?: { name?: string; data?: { url?: string } } };

/** Our main-thread tasks in a trace: whole tasks, so the microtasks and GC our code caused are counted too. */
function ourWork(events: TraceEvent[]): Omit<PageFigures, 'floorMs'> {
  const mainThreads = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const ours = events.filter((e) => e.args?.data?.url?.startsWith('chrome-extension://'));
  const scripts = new Set<string>();
  for (const e of ours) if (e.name === 'EvaluateScript' || e.name === 'v8.compile' || e.name === 'v8.compileModule') scripts.add(new URL(e.args!.data!.url!).pathname);
  let totalMs = 0;
  let longestMs = 0;
  let tasks = 0;
  for (const task of events) {
    if (task.name !== 'RunTask' || !mainThreads.has(`${task.pid}:${task.tid}`)) continue;
    const end = task.ts + (task.dur ?? 0);
    if (!ours.some((e) => e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts <= end)) continue;
    const ms = (task.dur ?? 0) / 1000;
    totalMs += ms;
    longestMs = Math.max(longestMs, ms);
    tasks++;
  }
  return { totalMs, longestMs, tasks, scripts: [...scripts].sort() };
}

/** Waits until the background has filed the tab's report for `url` (the scan is done), then lets frames settle. */
async function waitForReport(browser: Browser, url: string): Promise<void> {
  const target = await browser.waitForTarget((t) => t.type() === TargetType.SERVICE_WORKER && t.url().startsWith('chrome-extension://'));
  const worker = await target.worker();
  await worker!.evaluate(async (url: string) => {
    for (;;) {
      const all = await chrome.storage.session.get<Record<string, { url: string }>>(null);
      if (Object.values(all).some((r) => r.url === url)) return;
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }, url);
}

async function tracePage(browser: Browser, url: string, settleMs: number): Promise<{ page: Page; figures: Omit<PageFigures, 'floorMs'> }> {
  const page = await browser.newPage();
  const path = join(tmpdir(), `claimlens-bench-trace-${process.pid}-${Date.now()}.json`);
  await page.tracing.start({ path, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute', 'v8'] });
  await page.goto(url);
  await waitForReport(browser, url);
  await new Promise((ok) => setTimeout(ok, settleMs));
  await page.tracing.stop();
  const events = (JSON.parse(readFileSync(path, 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  rmSync(path, { force: true });
  return { page, figures: ourWork(events) };
}

/** Extraction (TreeWalker over the body's text) plus one pass of the combined expression, in the page's own world. */
async function floorMs(page: Page, triggerSource: string): Promise<number> {
  const runs = await page.evaluate((source: string) => {
    const out: number[] = [];
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const parts: string[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push((n as Text).data);
      const text = parts.join('\n');
      const regex = new RegExp(source, 'gi');
      let hits = 0;
      while (regex.exec(text)) hits++;
      out.push(performance.now() - started + hits * 0);
    }
    return out;
  }, triggerSource);
  return runs.sort((a, b) => a - b)[2]!;
}

const GOAL_RATIO = 1.5;
const GOAL_TASK_MS = 50;
const fmt = (ms: number) => ms.toFixed(1);
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

export async function benchInBrowser(options: BrowserBenchOptions): Promise<void> {
  const none = productPage(1_000_000, false);
  options.assertNoCandidate(none.replace(/<[^>]+>/g, '\n'));
  const { server, port } = await serve((port) => ({
    '/none.html': none,
    '/one.html': productPage(1_000_000, true),
    // The ads come from another site (localhost, the page 127.0.0.1), so Chromium runs them out of process, as real ad frames.
    '/frames.html': framesPage(`http://localhost:${port}`),
    '/ad.html': AD,
  }));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    pipe: true,
    enableExtensions: [options.extensionDir],
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    // A first page wakes the service worker and warms the browser, so no page below pays for that.
    const warm = await tracePage(browser, `${base}/one.html`, 300);
    await warm.page.close();
    const results: Record<string, PageFigures> = {};
    for (const [name, settle] of [['none', 500], ['one', 500], ['frames', 2000]] as const) {
      const { page, figures } = await tracePage(browser, `${base}/${name}.html`, settle);
      results[name] = { ...figures, floorMs: name === 'frames' ? Number.NaN : await floorMs(page, options.triggerSource) };
      await page.close();
    }
    const { none: n, one: o, frames: f } = results as Record<'none' | 'one' | 'frames', PageFigures>;
    console.log('\nIn Chromium, from a trace of the built extension (every main-thread task that ran our code, whole; evaluation included):');
    for (const [label, r] of [['1 MB, no claim', n], ['1 MB, 1 % claims', o], ['20 ad iframes', f]] as const) {
      const floor = Number.isNaN(r.floorMs) ? '' : `; floor (TreeWalker extraction + one regex, same page) ${fmt(r.floorMs)} ms`;
      console.log(`  ${label}: ours ${fmt(r.totalMs)} ms in ${r.tasks} tasks, longest ${fmt(r.longestMs)} ms${floor}; scripts evaluated: ${r.scripts.join(', ') || 'none'}`);
    }
    console.log(`  ${verdict(n.totalMs <= GOAL_RATIO * n.floorMs)}  no-claim 1 MB page: ours ${(n.totalMs / n.floorMs).toFixed(2)}× the floor (goal ≤ ${GOAL_RATIO}×)`);
    for (const [label, r] of [['no-claim 1 MB', n], ['1 % 1 MB', o]] as const) {
      console.log(`  ${verdict(r.longestMs <= GOAL_TASK_MS)}  ${label} page: longest task of ours ${fmt(r.longestMs)} ms (goal ≤ ${GOAL_TASK_MS} ms, loading included)`);
    }
    console.log(`  ----  20 ad-like iframes (another site, each scanning itself): ours ${fmt(f.totalMs)} ms in all, ${fmt(f.totalMs / 21)} ms a frame`);
  } finally {
    await browser.close();
    server.close();
  }
}

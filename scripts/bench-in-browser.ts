/**
 * The bench's browser section: the built Chrome extension in Debian's Chromium (puppeteer-core, as the e2e
 * harness launches it), each page opened under a Chromium trace. From the trace: every main-thread task in
 * which our scripts ran (compiling and evaluating them included), in every renderer, frames too. Against it,
 * in the same page and the same trace: the floor, a TreeWalker extraction of the body's text plus one pass of
 * the expression the first look runs, each run cold in a fresh isolated world as a content script is. Both
 * are summed in main-thread CPU time (the trace's thread time), with wall time beside it: the machine is
 * shared, and wall time there mostly measures the others. Ratios and PASS/MISS only; nothing asserted.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import puppeteer, { TargetType, type Browser, type Page } from 'puppeteer-core';
import { ALL_SITES } from '../src/settings/host-access.ts';

export interface BrowserBenchOptions {
  extensionDir: string;
  /** The expression the first look runs over a page's text (`wholeWordGate(matcher)`), for the floor. */
  floorExpression: RegExp;
  /** Throws when a text would wake Claimlens (a candidate or a cytokine name): the no-claim page must not. */
  assertNoCandidate: (text: string) => void;
}

interface PageFigures {
  /** Main-thread CPU time (the trace's thread time) of the tasks that ran our code, summed, ms. */
  totalMs: number;
  /** The same tasks' wall time (start to end, whatever else the machine was doing), ms. */
  wallMs: number;
  /** The longest of those tasks in CPU time, ms, and the longest in wall time (what a shopper would feel on this machine). */
  longestMs: number;
  longestWallMs: number;
  tasks: number;
  /** Each of those tasks' CPU time, ms, in order (for the no-claim page: the load whose total is the median). */
  taskMs: number[];
  /** Our scripts that were compiled or evaluated, by file. */
  scripts: string[];
  /** Floor: extraction + one regex pass in the same page, main-thread CPU time, ms (median of 5); NaN where not measured. */
  floorMs: number;
  /** The floor's wall time, ms (median of 5). */
  floorWallMs: number;
  /** Each floor run's CPU time, ms. */
  floorRuns: number[];
  /** Ours over the floor, load by load (each against its own floor, measured right after it), median; NaN where not measured. */
  ratio: number;
  /** The floor run first on a copy of the page no script of ours has read, ms of CPU (median over loads); NaN where not measured. */
  firstTouchMs: number;
  /** Ours over that floor, load by load, median; NaN where not measured. */
  firstTouchRatio: number;
}

const PLAIN = [
  'A light, fast-absorbing lotion that leaves skin soft and smooth all day long without any greasy feel.',
  'Formulated with glycerin, squalane and shea butter to support the moisture barrier through the seasons.',
  'Dermatologist tested and suitable for sensitive skin, this fragrance-free formula is gentle enough for daily use.',
  'Smooth a little over clean skin each morning, then follow with your usual sunscreen.',
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

type TraceEvent = {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, µs: what the task cost the main thread, however loaded the machine. */
  tdur?: number;
  args?: { name?: string; data?: { url?: string; message?: string } };
};

type OurWork = Omit<PageFigures, 'floorMs' | 'floorWallMs' | 'floorRuns' | 'ratio' | 'firstTouchMs' | 'firstTouchRatio'>;

/** The renderer main-thread tasks holding one of the `marks` (events of ours), each once. */
function tasksHolding(events: TraceEvent[], marks: TraceEvent[]): TraceEvent[] {
  const mainThreads = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  return events.filter((task) => {
    if (task.name !== 'RunTask' || !mainThreads.has(`${task.pid}:${task.tid}`)) return false;
    const end = task.ts + (task.dur ?? 0);
    return marks.some((e) => e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts <= end);
  });
}

/**
 * Our main-thread tasks in a trace: whole tasks, so the microtasks and GC our code caused are counted too.
 * Summed in thread time, as the floor is: on a shared, loaded machine wall time mostly measures the others.
 */
function ourWork(events: TraceEvent[]): OurWork {
  const ours = events.filter((e) => e.args?.data?.url?.startsWith('chrome-extension://'));
  const scripts = new Set<string>();
  for (const e of ours) if (e.name === 'EvaluateScript' || e.name === 'v8.compile' || e.name === 'v8.compileModule') scripts.add(new URL(e.args!.data!.url!).pathname);
  let totalMs = 0;
  let wallMs = 0;
  let longestMs = 0;
  let longestWallMs = 0;
  const tasks = tasksHolding(events, ours);
  for (const task of tasks) {
    totalMs += (task.tdur ?? task.dur ?? 0) / 1000;
    wallMs += (task.dur ?? 0) / 1000;
    longestMs = Math.max(longestMs, (task.tdur ?? task.dur ?? 0) / 1000);
    longestWallMs = Math.max(longestWallMs, (task.dur ?? 0) / 1000);
  }
  const taskMs = tasks.map((task) => (task.tdur ?? task.dur ?? 0) / 1000);
  return { totalMs, wallMs, longestMs, longestWallMs, tasks: tasks.length, taskMs, scripts: [...scripts].sort() };
}

/**
 * Starts as a shopper who chose "Check every site" on the first-run page (Claimlens installs reading no site,
 * issue 15): the sites granted as on the extensions page (its chrome.developerPrivate, as tests/e2e/harness.ts
 * does, since nothing can click the browser's own prompt), then the welcome page's button, then waits until
 * the background has registered the eager script for them.
 */
async function chooseEverySite(browser: Browser): Promise<void> {
  const welcomeTarget = await browser.waitForTarget((t) => t.type() === TargetType.PAGE && t.url().endsWith('/welcome.html'), { timeout: 20_000 });
  const welcome = await welcomeTarget.asPage();
  const id = new URL(welcome.url()).host;
  const extensions = await browser.newPage();
  await extensions.goto(`chrome://extensions/?id=${id}`);
  await extensions.evaluate(async (id: string, origins: string[]) => {
    const api = (chrome as unknown as { developerPrivate: { addHostPermission: (id: string, host: string) => Promise<void> } }).developerPrivate;
    for (const origin of origins) await api.addHostPermission(id, origin);
  }, id, [...ALL_SITES]);
  await extensions.close();
  const button = await welcome.waitForSelector('::-p-xpath(//button[normalize-space()="Check every site"])', { timeout: 20_000 });
  await button!.click();
  const worker = await (await browser.waitForTarget((t) => t.type() === TargetType.SERVICE_WORKER && t.url().startsWith(`chrome-extension://${id}/`))).worker();
  await worker!.evaluate(async (expected: string) => {
    for (;;) {
      const matches = (await chrome.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []).sort();
      if (JSON.stringify(matches) === expected) return;
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }, JSON.stringify([...ALL_SITES].sort()));
  await welcome.close();
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

/**
 * The floor, as a content script would run it: a TreeWalker over the body's text nodes, their text joined,
 * and one pass of the expression the first look runs (the prefilter's, held to whole words). Each run is one
 * task in a fresh isolated world, cold as our script is (its own DOM wrappers, its code not yet optimised),
 * and marked with `console.timeStamp` so the trace gives its thread time, the measure ours gets.
 */
function floorScript(source: string, flags: string, mark: string): string {
  return `(() => {
    console.timeStamp(${JSON.stringify(mark)});
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const parts = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push(n.data);
    const text = parts.join('\\n');
    return new RegExp(${JSON.stringify(source)}, ${JSON.stringify(flags)}).test(text);
  })()`;
}

const FLOOR_RUNS = 5;
const NO_CLAIM_LOADS = 5;
const FLOOR_MARK = 'claimlens-bench-floor';

/** Runs the floor `runs` times, each in a fresh isolated world (traced by the caller); returns the wall times. */
async function runFloor(page: Page, gate: RegExp, runs = FLOOR_RUNS): Promise<number[]> {
  const cdp = await page.createCDPSession();
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const walls: number[] = [];
    for (let run = 0; run < runs; run++) {
      const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: `claimlens-floor-${run}` });
      const timed = `(() => { const t = performance.now(); ${floorScript(gate.source, gate.flags, `${FLOOR_MARK}-${run}`)}; return performance.now() - t; })()`;
      const { result } = await cdp.send('Runtime.evaluate', { expression: timed, contextId: executionContextId, returnByValue: true });
      walls.push(result.value as number);
    }
    return walls;
  } finally {
    await cdp.detach();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/** Several loads of one page as one: medians of each figure (the floor's over all its runs), the worst longest task. */
function medianLoad(loads: PageFigures[]): PageFigures {
  const of = (pick: (f: PageFigures) => number) => median(loads.map(pick));
  return {
    totalMs: of((f) => f.totalMs),
    wallMs: of((f) => f.wallMs),
    longestMs: Math.max(...loads.map((f) => f.longestMs)),
    longestWallMs: Math.max(...loads.map((f) => f.longestWallMs)),
    tasks: of((f) => f.tasks),
    taskMs: [...loads].sort((a, b) => a.totalMs - b.totalMs)[loads.length >> 1]!.taskMs,
    scripts: [...new Set(loads.flatMap((f) => f.scripts))].sort(),
    floorMs: median(loads.flatMap((f) => f.floorRuns)),
    floorWallMs: of((f) => f.floorWallMs),
    floorRuns: loads.flatMap((f) => f.floorRuns),
    ratio: median(loads.map((f) => f.ratio)),
    firstTouchMs: of((f) => f.firstTouchMs),
    firstTouchRatio: of((f) => f.firstTouchRatio),
  };
}

/** The floor's thread times from the trace: each run's whole task, found by its mark. */
function floorFromTrace(events: TraceEvent[]): number[] {
  const marks = events.filter((e) => e.name === 'TimeStamp' && e.args?.data?.message?.startsWith(FLOOR_MARK));
  return marks.map((mark) => tasksHolding(events, [mark])[0]).filter((t) => t !== undefined).map((t) => (t.tdur ?? t.dur ?? 0) / 1000);
}

/** Opens `url` under a trace, waits for our report and `settleMs`, then (with `gate`) runs the floor in the same trace. */
async function tracePage(browser: Browser, url: string, settleMs: number, gate?: RegExp): Promise<{ page: Page; figures: PageFigures }> {
  const page = await browser.newPage();
  const path = join(tmpdir(), `claimlens-bench-trace-${process.pid}-${Date.now()}.json`);
  await page.tracing.start({ path, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute', 'v8'] });
  await page.goto(url);
  await waitForReport(browser, url);
  await new Promise((ok) => setTimeout(ok, settleMs));
  const floorWalls = gate ? await runFloor(page, gate) : [];
  // Let the last run's events reach the trace buffer before it closes.
  if (gate) await new Promise((ok) => setTimeout(ok, 100));
  await page.tracing.stop();
  const events = (JSON.parse(readFileSync(path, 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  rmSync(path, { force: true });
  const floors = floorFromTrace(events);
  if (gate && floors.length < 3) throw new Error(`the trace holds ${floors.length} of the floor's ${FLOOR_RUNS} runs`);
  const ours = ourWork(events);
  const floorMs = gate ? median(floors) : Number.NaN;
  return {
    page,
    figures: {
      ...ours,
      floorMs,
      floorWallMs: gate ? median(floorWalls) : Number.NaN,
      floorRuns: floors,
      ratio: ours.totalMs / floorMs,
      firstTouchMs: Number.NaN,
      firstTouchRatio: Number.NaN,
    },
  };
}

/**
 * The floor run once, first, on the same page loaded in a second Chromium without the extension, where nothing
 * else has read its text. The floor in the page itself runs after our script has read every text node, when
 * Chromium already holds each node's text as a V8 string (a cache shared by all worlds of the page): it then
 * skips a conversion our script paid. Measured with no extension: 30 ms for the first run on the 1 MB page,
 * 25 ms for the second.
 */
async function firstTouchFloor(plain: Browser, url: string, gate: RegExp): Promise<number> {
  const page = await plain.newPage();
  try {
    await page.goto(url);
    await new Promise((ok) => setTimeout(ok, 300));
    const path = join(tmpdir(), `claimlens-bench-first-touch-${process.pid}-${Date.now()}.json`);
    await page.tracing.start({ path, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'] });
    await runFloor(page, gate, 1);
    await new Promise((ok) => setTimeout(ok, 100));
    await page.tracing.stop();
    const events = (JSON.parse(readFileSync(path, 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
    rmSync(path, { force: true });
    const [ms] = floorFromTrace(events);
    if (ms === undefined) throw new Error('the trace holds no run of the first-touch floor');
    return ms;
  } finally {
    await page.close();
  }
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
  const launch = (extensions: string[]) =>
    puppeteer.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      pipe: true,
      ...(extensions.length > 0 ? { enableExtensions: extensions } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  const browser = await launch([options.extensionDir]);
  // The same pages without Claimlens, for the floor run first (firstTouchFloor).
  const plain = await launch([]);
  try {
    await chooseEverySite(browser);
    const base = `http://127.0.0.1:${port}`;
    // A first page wakes the service worker and warms the browser, so no page below pays for that.
    const warm = await tracePage(browser, `${base}/one.html`, 300);
    await warm.page.close();
    const results: Record<string, PageFigures> = {};
    // The no-claim page, whose ratio is the goal, loads NO_CLAIM_LOADS times (a fresh page each): each load's
    // ratio is taken against the floor run right after it, under the same load, and the median ratio is the
    // figure, so one busy moment on the shared machine does not make it.
    const loads: PageFigures[] = [];
    for (let load = 0; load < NO_CLAIM_LOADS; load++) {
      const { page, figures } = await tracePage(browser, `${base}/none.html?load=${load}`, 500, options.floorExpression);
      await page.close();
      figures.firstTouchMs = await firstTouchFloor(plain, `${base}/none.html?first-touch=${load}`, options.floorExpression);
      figures.firstTouchRatio = figures.totalMs / figures.firstTouchMs;
      loads.push(figures);
    }
    results.none = medianLoad(loads);
    for (const [name, settle] of [['one', 500], ['frames', 2000]] as const) {
      const { page, figures } = await tracePage(browser, `${base}/${name}.html`, settle, name === 'frames' ? undefined : options.floorExpression);
      results[name] = figures;
      await page.close();
    }
    const { none: n, one: o, frames: f } = results as Record<'none' | 'one' | 'frames', PageFigures>;
    console.log(
      '\nIn Chromium, from a trace of the built extension (every main-thread task that ran our code, whole; evaluation included;' +
        ' main-thread CPU time, wall time in brackets):',
    );
    for (const [label, r] of [[`1 MB, no claim (median of ${NO_CLAIM_LOADS} loads)`, n], ['1 MB, 1 % claims', o], ['20 ad iframes', f]] as const) {
      const floor = Number.isNaN(r.floorMs)
        ? ''
        : `; floor (TreeWalker extraction + one regex, cold, same page and trace) ${fmt(r.floorMs)} ms (${fmt(r.floorWallMs)})`;
      console.log(
        `  ${label}: ours ${fmt(r.totalMs)} ms (${fmt(r.wallMs)}) in ${r.tasks} tasks, longest ${fmt(r.longestMs)} ms (${fmt(r.longestWallMs)})${floor};` +
          ` scripts evaluated: ${r.scripts.join(', ') || 'none'}`,
      );
    }
    console.log(`  ----  no-claim 1 MB page, our tasks one by one (the median load), ms of CPU: ${n.taskMs.map(fmt).join(', ')}`);
    console.log(
      `  ${verdict(n.ratio <= GOAL_RATIO)}  no-claim 1 MB page: ours ${n.ratio.toFixed(2)}× the floor` +
        ` (median of the ${NO_CLAIM_LOADS} loads' ratios, each against its own floor; goal ≤ ${GOAL_RATIO}×)`,
    );
    console.log(
      `  ----  no-claim 1 MB page against the floor run first, on the same page in a Chromium without Claimlens: ours ${n.firstTouchRatio.toFixed(2)}×` +
        ` (floor ${fmt(n.firstTouchMs)} ms; median of the ${NO_CLAIM_LOADS} loads' ratios). The floor above runs after our script has read the` +
        ' page, when Chromium hands it the text from a cache; the verdict stays on that floor.',
    );
    for (const [label, r] of [['no-claim 1 MB', n], ['1 % 1 MB', o]] as const) {
      console.log(
        `  ${verdict(r.longestMs <= GOAL_TASK_MS)}  ${label} page: longest task of ours ${fmt(r.longestMs)} ms of main-thread CPU,` +
          ` ${fmt(r.longestWallMs)} ms wall (goal ≤ ${GOAL_TASK_MS} ms, loading included)`,
      );
    }
    console.log(`  ----  20 ad-like iframes (another site, each scanning itself): ours ${fmt(f.totalMs)} ms in all, ${fmt(f.totalMs / 21)} ms a frame`);
  } finally {
    await browser.close();
    await plain.close();
    server.close();
  }
}

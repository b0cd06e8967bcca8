/**
 * The eager content script's whole job, on every page and frame: read whether the site is paused, take a quick
 * look at the text (quick-look.ts: `textContent` and open shadow roots, no walk), and only where that wakes
 * extract the text, run the prefilter and ask whether the page may name a cytokine. Where nothing is found it
 * files the (empty) report and keeps watching the page (changes, SPA navigation, settings); the first candidate
 * sentence or cytokine name loads the rest of Claimlens into this frame (load-full.ts) and hands the page over
 * to it, with what was already extracted. A frame with no text or no candidate costs this look and nothing more.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { TriggerMatcher } from '../engine/claims/find-candidates.ts';
import type { Prefilter } from '../engine/types.ts';
import type { PageScanned } from '../messages.ts';
import { HOST_TAG, isInUiHost } from '../dom/ui-host.ts';
import { isPaused, readPauseSettings, SETTINGS_KEY, type PauseSettings } from '../settings/pause-settings.ts';
import type { EagerBrowser } from './eager-browser.ts';
import type { Handoff, StartFull } from './full-handoff.ts';
import { lookForCandidates, type CytokineHint, type FirstLook } from './look-for-candidates.ts';
import { quickGate, quickLookWakes, type QuickGate } from './quick-look.ts';
import { lazyTriggerMatcher, triggersInForce } from './triggers-in-force.ts';
import { watchChanges } from './watch-changes.ts';

export interface FirstLookEnv {
  browser: EagerBrowser;
  /** The prefilter's data, built when called (only where the gate wakes, or for the shopper's own rules). */
  loadPrefilter: () => Prefilter;
  /** The prefilter's expression, built at build time (`triggerSource(prefilter)`). */
  triggerPattern: string;
  version: string;
  /** Whether a text may name a cytokine (src/engine/cytokines/cytokine-hint.ts), asked in the prefilter's pass. */
  cytokineHint: CytokineHint;
  /** Loads the rest of Claimlens into this frame and returns its starter. */
  loadFull: () => Promise<StartFull>;
}

export function startFirstLook(ctx: ContentScriptContext, env: FirstLookEnv): void {
  const body = document.body;
  if (!body) return;
  // Only the top frame's report speaks for the tab (the background drops the others): frames stay silent.
  const isTop = window === window.top;
  const own = new AbortController();
  ctx.onInvalidated(() => own.abort());
  let settings: PauseSettings = readPauseSettings(undefined);
  let prefilter: Prefilter | undefined;
  const loadPrefilter = () => (prefilter ??= env.loadPrefilter());
  const builtIn = lazyTriggerMatcher(env.triggerPattern, loadPrefilter);
  // For the shopper's own rules, which are combined with the built-in prefilter (triggers-in-force.ts).
  const triggersEnv = {
    browser: env.browser,
    version: env.version,
    get prefilter() {
      return loadPrefilter();
    },
  };
  let triggers = builtIn;
  let version = env.version;
  let settingsLoaded = env.browser.storage.local
    .get(SETTINGS_KEY)
    .then((stored) => applySettings(readPauseSettings(stored[SETTINGS_KEY])))
    .catch(() => undefined);
  let generation = 0;
  let state: 'looking' | 'loading' | 'handed-over' = 'looking';
  /** Subtrees that changed while the full script loads. */
  const pending: Element[] = [];
  let reportedPaused: string | null = null;
  let queue: Promise<void> = Promise.resolve();
  const paused = () => isPaused(settings, location.href);
  let quick: { triggers: TriggerMatcher; gate: QuickGate } | undefined;
  /** The quick look's expression for the triggers in force (the shopper's own rules change them). */
  const quickGateFor = (matcher: TriggerMatcher) =>
    (quick?.triggers === matcher ? quick : (quick = { triggers: matcher, gate: quickGate(matcher.regex.source, env.cytokineHint.prefixes) })).gate;

  /** The shopper's own rules add trigger words, which only the background can compile. */
  async function applySettings(next: PauseSettings): Promise<void> {
    settings = next;
    ({ triggers, version } = await triggersInForce(next.userRules, triggersEnv, builtIn));
  }

  /** What the full script would report for a page where it found nothing. */
  function report(): void {
    const status = paused() ? 'paused' : 'done';
    reportedPaused = status === 'paused' ? location.href : null;
    if (!isTop) return;
    const scanned: PageScanned = {
      type: 'claimlens:page-scanned',
      url: location.href,
      title: document.title,
      status,
      version,
      findings: [],
      rules: {},
      quiet: [],
      cytokines: [],
      ingredientList: null,
      inList: [],
      named: [],
    };
    env.browser.runtime.sendMessage(scanned).catch(() => undefined);
  }

  function look(roots: Element[]): void {
    const gen = generation;
    queue = queue
      .then(async () => {
        await settingsLoaded;
        if (state === 'loading') pending.push(...roots);
        if (state !== 'looking' || gen !== generation) return;
        if (paused()) {
          if (reportedPaused !== location.href) report();
          return;
        }
        let bodyLook: FirstLook | undefined;
        let wanted = false;
        const deps = {
          exclude: (el: Element) => el.localName === HOST_TAG,
          // A callback of our own, not the bare resolver, so a trace attributes each slice to this script.
          yieldToPage: () => new Promise<void>((ok) => setTimeout(() => ok(), 0)),
          cancelled: () => ctx.isInvalid || gen !== generation,
        };
        for (const root of roots) {
          if (!root.isConnected) continue;
          // The quick look first (quick-look.ts): a subtree where it finds nothing needs no walk.
          const mayHave = await quickLookWakes(root, { ...deps, gate: quickGateFor(triggers) });
          if (mayHave === null) return;
          if (!mayHave) continue;
          const found = await lookForCandidates(root, { ...deps, triggers, cytokineHint: env.cytokineHint });
          if (found === null) return;
          if (root === document.body) bodyLook = found;
          wanted ||= found.candidates.length > 0 || found.mayNameCytokine;
        }
        if (wanted) void handOver(gen, bodyLook);
        else report();
      })
      .catch(() => undefined);
  }

  /** Loads the full script and gives it the page; the first look then stops listening. */
  async function handOver(gen: number, bodyLook: FirstLook | undefined): Promise<void> {
    state = 'loading';
    let start: StartFull;
    try {
      start = await env.loadFull();
    } catch {
      // Could not load (the frame navigated, the extension is reloading): the page stays as it was.
      state = 'looking';
      report();
      return;
    }
    if (ctx.isInvalid) return;
    state = 'handed-over';
    pending.push(...takeChanges());
    own.abort();
    // The first look at the body stands only if nothing (navigation, new settings) started the page over.
    const handoff: Handoff = { bodyLook: gen === generation ? bodyLook : undefined, pending: [...pending] };
    start(ctx, handoff);
  }

  const onMessage = (message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void) => {
    // The popup asks before it says "still scanning": a page we are not in (a PDF, a store page) cannot answer.
    if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'claimlens:ping') sendResponse(true);
  };
  env.browser.runtime.onMessage.addListener(onMessage);
  own.signal.addEventListener('abort', () => env.browser.runtime.onMessage.removeListener(onMessage));

  // A paused or resumed site, or new rules of the shopper's, start the page over; other changes show nothing new here.
  const onSettings = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes) || state === 'handed-over') return;
    const next = readPauseSettings(changes[SETTINGS_KEY]?.newValue);
    if (isPaused(settings, location.href) === isPaused(next, location.href) && settings.userRules === next.userRules) {
      report();
      return;
    }
    generation++;
    settings = next;
    settingsLoaded = applySettings(next).catch(() => undefined);
    report();
    look([document.body]);
  };
  env.browser.storage.onChanged.addListener(onSettings);
  own.signal.addEventListener('abort', () => env.browser.storage.onChanged.removeListener(onSettings));

  // A new view (SPA navigation): nothing found on the old one is true here (PITFALLS.md 5). Not WXT's
  // 'wxt:locationchange': its watcher adds a Navigation API listener, which cost every page and frame 2.5–3.7 ms
  // of main thread in Chromium, a sixth of the first look. A single-page shop's new view changes the DOM, which
  // the watcher below reports anyway; the address is compared then, and on history and hash events. The full
  // script, where it loads, follows 'wxt:locationchange' as before.
  let viewUrl = location.href;
  const onNewView = () => {
    if (location.href === viewUrl || state === 'handed-over') return false;
    viewUrl = location.href;
    generation++;
    report();
    ctx.setTimeout(() => look([document.body]), 300);
    return true;
  };
  for (const type of ['popstate', 'hashchange']) window.addEventListener(type, onNewView, { signal: own.signal });

  const takeChanges = watchChanges(document.documentElement, (roots) => onNewView() || look(roots), {
    ignore: isInUiHost,
    signal: own.signal,
  });
  look([body]);
}

/**
 * Claimlens on one page, once the first look (first-look.ts) has found a candidate or a cytokine name: scans it, paints the claims, opens the card on click or keyboard command, rescans
 * what changes, starts over on SPA navigation, and reports each state to the background. Every listener goes
 * through the content-script context, so invalidating the extension undoes all of it; every handler is
 * guarded, so nothing we do ever throws into the page's console.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Browser } from 'webextension-polyfill';
import { buildTriggerMatcher } from '../engine/claims/find-candidates.ts';
import { buildCytokineMatcher, type CytokineMatcher } from '../engine/cytokines/find-cytokines.ts';
import type { NormalisedAlias } from '../engine/cytokines/lexicon-types.ts';
import type { CandidateSentence, Prefilter } from '../engine/types.ts';
import type { VoiceCues } from '../engine/claims/page-voice.ts';
import { DEFAULT_SETTINGS, isPaused, isShown, loadSettings, watchSettings, type Settings } from '../settings/settings.ts';
import { clearHighlights, paintHighlights } from '../dom/paint-highlights.ts';
import { rangeAtPoint } from '../dom/hit-test.ts';
import { createUiHost, isInUiHost, HOST_TAG, type UiHost } from '../dom/ui-host.ts';
import type { MatchRequest, PageScanned, PageScannedAnswer } from '../messages.ts';
import { triggersInForce } from './triggers-in-force.ts';
import type { CrossCheck } from '../engine/types.ts';
import { isNavigateRequest, isPingRequest } from '../messages.ts';
import { PageClaims, type ClaimEntry } from './page-claims.ts';
import { pageCytokines, pageIngredientLists, pageQuietMentions } from './page-mentions.ts';
import { scanRoot, type MatchAnswer, type RootScan } from './scan-root.ts';
import { watchChanges } from './watch-changes.ts';
import { CardController } from './card-controller.ts';
import { NavigatorController } from './navigator-controller.ts';
import { loadCorner, saveCorner } from './navigator-corner.ts';
import { revealRange, whenShown } from '../dom/reveal-hidden.ts';
import { loadHiddenClaims, saveHiddenClaims } from './hidden-claims.ts';
import type { Handoff } from './full-handoff.ts';
import { ReadingMode } from './reading-mode.ts';
import { isReadingModeChange } from '../reading-mode-messages.ts';
import { switchRule } from '../settings/rule-switch.ts';
import type { FirstLook } from './look-for-candidates.ts';

export interface PageEnv {
  browser: Pick<Browser, 'runtime' | 'storage'>;
  prefilter: Prefilter;
  /** The prefilter's expression, built at build time (`triggerSource(prefilter)`). */
  triggerPattern: string;
  /** The cytokine lexicon's aliases, for the Cytokine Facts label. */
  cytokineAliases: NormalisedAlias[];
  /** Whether a text may name a cytokine: the cheap test run before the aliases' expression. */
  mayNameCytokine: (text: string) => boolean;
  version: string;
  cardCss: string;
  /** The highlight colours, for claims inside a page's shadow roots. */
  highlightCss: string;
}

/** Elements whose clicks belong to the page: a claim inside a link is still a link. */
const INTERACTIVE = 'a[href], button, input, select, textarea, label, summary, [role="button"], [role="link"], [role="tab"], [contenteditable]:not([contenteditable="false"])';

/** `handoff`: what the first look already did; the body's look is used instead of extracting it again. */
export function startClaimlens(ctx: ContentScriptContext, env: PageEnv, handoff: Handoff = { pending: [] }): void {
  const body = document.body;
  if (!body) return;
  const claims = new PageClaims();
  const cytokines = pageCytokines();
  const quiet = pageQuietMentions();
  const ingredientLists = pageIngredientLists();
  /** The background's reading of the claims against the ingredient list, for the card. */
  let crossChecks: CrossCheck[] = [];
  // Built on first need: a page whose text the hint clears never pays for the lexicon's expression.
  let cytokineMatcher: CytokineMatcher | undefined;
  const cytokineExpression = () => (cytokineMatcher ??= buildCytokineMatcher(env.cytokineAliases));
  const builtIn = buildTriggerMatcher(env.prefilter, env.triggerPattern);
  let triggers = builtIn;
  let version = env.version;
  // Nothing is scanned or painted until the settings say whether this site is paused and what shows.
  let settings: Settings = DEFAULT_SETTINGS;
  let settingsLoaded: Promise<void> = loadSettings(env.browser).then(applyRules);
  let painted = false;
  /** The address last reported as paused, so a paused page's changes do not each send a report. */
  let reportedPaused: string | null = null;
  let host: UiHost | undefined;
  const uiHost = () => (host?.host.isConnected ? host : (host = createUiHost(document, env.cardCss)));
  // Reading mode: the tab's highlights and navigator hidden until switched back or the tab navigates.
  const reading = new ReadingMode(env.browser, () => (host?.host.isConnected ? host : undefined), window === window.top, (fn, ms) => ctx.setTimeout(fn, ms));
  let generation = 0;
  let hidden = new Set<string>();
  let hiddenLoaded: Promise<void> = loadHidden();
  let queue: Promise<void> = Promise.resolve();

  const guard =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A) => {
      try {
        fn(...args);
      } catch {
        // A hostile or broken page must never see our errors.
      }
    };

  const card = new CardController(uiHost, {
    onNext: () => move(1),
    onPrevious: () => move(-1),
    onHide: (entry) => void hide(entry),
    onMute: (entry) => void mute(entry).catch(() => undefined),
    onClosed: () => undefined,
    crossChecksFor: (entry) => crossChecks.filter((c) => c.ruleId === entry.finding.ruleId),
  });
  // Frames scan and card their own claims, but one launcher per page is enough: the top frame's.
  const findingsNav =
    window === window.top
      ? new NavigatorController(
          uiHost,
          {
            onChoose: (entry) => void choose(entry).catch(() => undefined),
            loadCorner: () => loadCorner(env.browser, location.href),
            saveCorner: (corner) => saveCorner(env.browser, location.href, corner),
          },
          guard,
        )
      : undefined;

  /** Takes new settings; the shopper's own rules add their trigger words, which only the background can compile. */
  async function applyRules(loaded: { settings: Settings }): Promise<void> {
    settings = loaded.settings;
    ({ triggers, version } = await triggersInForce(settings.userRules, env, builtIn));
  }

  const paused = () => isPaused(settings, location.href);
  /** The claims the settings let through: the card, the keyboard, the popup and the report all see only these. */
  const shown = () => claims.list().filter((e) => isShown(e.finding, settings));

  async function loadHidden(): Promise<void> {
    hidden = await loadHiddenClaims(env.browser, location.href);
  }

  const match = async (candidates: CandidateSentence[], voice: VoiceCues): Promise<MatchAnswer> => {
    const request: MatchRequest = { type: 'claimlens:match', candidates, voice };
    return env.browser.runtime.sendMessage<MatchRequest, MatchAnswer>(request);
  };

  /** `bodyLook`: the first look at document.body, valid for the first scan only. */
  function scan(roots: Element[], bodyLook?: FirstLook): void {
    const gen = generation;
    queue = queue.then(async () => {
      await hiddenLoaded;
      await settingsLoaded;
      await reading.loaded;
      if (gen !== generation) return;
      if (paused()) {
        // Changes on a paused page need no new report: it was paused already.
        if (reportedPaused !== location.href) refresh();
        return;
      }
      const found: RootScan = { claims: [], cytokines: [], quiet: [], ingredientLists: [] };
      for (const root of roots) {
        if (!root.isConnected) continue;
        const look = gen === 0 && root === document.body ? bodyLook : undefined;
        const scanned = await scanRoot(root, {
          triggers,
          cytokines: cytokineExpression,
          mayNameCytokine: env.mayNameCytokine,
          match,
          exclude: (el) => el.localName === HOST_TAG,
          // A callback of our own, not the bare resolver, so a trace attributes each slice to this script.
          yieldToPage: () => new Promise((ok) => setTimeout(() => ok(), 0)),
          cancelled: () => ctx.isInvalid || gen !== generation,
        }, look);
        if (scanned === null) return;
        found.claims.push(...scanned.claims);
        found.cytokines.push(...scanned.cytokines);
        found.quiet.push(...scanned.quiet);
        found.ingredientLists.push(...scanned.ingredientLists);
      }
      claims.replaceWithin(roots, found.claims);
      cytokines.replaceWithin(roots, found.cytokines);
      quiet.replaceWithin(roots, found.quiet);
      ingredientLists.replaceWithin(roots, found.ingredientLists);
      claims.without(hidden);
      refresh();
    }).catch(() => undefined);
  }

  /** A new view or new rules: nothing found before stands. */
  function forgetFindings(): void {
    claims.clear();
    cytokines.clear();
    quiet.clear();
    ingredientLists.clear();
    crossChecks = [];
  }

  function refresh(): void {
    claims.prune();
    cytokines.prune();
    quiet.prune();
    ingredientLists.prune();
    const list = paused() ? [] : shown();
    // Reading mode hides what is painted, not what is found: the badge and the popup still count every claim.
    const visible = reading.hidden ? [] : list;
    if (visible.length > 0 || host || painted) paintHighlights(visible.map((e) => ({ severity: e.finding.severity, range: e.range })), env.highlightCss);
    painted = visible.length > 0;
    if (reading.hidden) card.close(true);
    else if (card.entry && !list.includes(card.entry)) card.close(false);
    const quietList = paused() ? [] : quiet.list();
    const rules: PageScanned['rules'] = {};
    for (const e of [...list, ...quietList]) rules[e.rule.id] ??= e.rule;
    const report: PageScanned = {
      type: 'claimlens:page-scanned',
      url: location.href,
      title: document.title,
      status: paused() ? 'paused' : 'done',
      version,
      findings: list.map((e) => e.finding),
      rules,
      quiet: quietList.map((e) => e.mention),
      cytokines: paused() ? [] : cytokines.list().map((e) => e.id),
      ...ingredientsOf(list),
    };
    reportedPaused = report.status === 'paused' ? report.url : null;
    env.browser.runtime
      .sendMessage(report)
      .then((answer: unknown) => {
        crossChecks = (answer as PageScannedAnswer | undefined)?.crossChecks ?? [];
      })
      .catch(() => undefined);
    guard(() => findingsNav?.update(visible))();
  }

  /**
   * The page's first ingredient list, which claims sit inside it (the list naming its own actives), and the
   * cytokines and growth factors the page's copy names outside it (actives the list should hold).
   */
  function ingredientsOf(list: readonly ClaimEntry[]): Pick<PageScanned, 'ingredientList' | 'inList' | 'named'> {
    const found = paused() ? undefined : ingredientLists.list()[0];
    if (!found) return { ingredientList: null, inList: [], named: [] };
    const inList: number[] = [];
    list.forEach((e, i) => {
      if (rangesMeet(e.range, found.range)) inList.push(i);
    });
    const named = [...new Set(cytokines.list().filter((e) => !rangesMeet(e.range, found.range)).map((e) => e.id))];
    return { ingredientList: found.list, inList, named };
  }

  function open(index: number, reveal: boolean): void {
    if (reading.hidden) return;
    const list = shown();
    const entry = list[index];
    if (!entry) return;
    if (reveal) {
      const element = entry.range.startContainer.parentElement;
      element?.scrollIntoView({ block: 'center', inline: 'nearest' });
    }
    card.open(entry, index, list.length);
  }

  /**
   * A claim chosen in the navigator: reveal the section that hides it when the page's markup says how, wait
   * until the page has shown it (frameworks render on a later frame), then scroll to it and open its card.
   */
  async function choose(entry: ClaimEntry): Promise<void> {
    const { outcome, steps } = revealRange(entry.range);
    if (outcome === 'hidden' || !(await whenShown(entry.range))) {
      findingsNav?.cannotOpen(entry);
      return;
    }
    const list = shown();
    const index = list.findIndex((e) => e.key === entry.key);
    if (index < 0) return;
    findingsNav?.revealed(steps);
    open(index, true);
  }

  function move(direction: 1 | -1): void {
    const list = shown();
    if (list.length === 0) return;
    const current = card.entry ? list.indexOf(card.entry) : -1;
    const next = current < 0 ? (direction > 0 ? 0 : list.length - 1) : (current + direction + list.length) % list.length;
    open(next, true);
  }

  /**
   * "Don't show claims like this": the rule goes off in the settings, so every open page drops its claims (each
   * watches the settings); here at once, with Undo in the card's place.
   */
  async function mute(entry: ClaimEntry): Promise<void> {
    const ruleId = entry.rule.id;
    const before = settings;
    card.showMuted(entry, guard(() => void unmute(entry).catch(() => undefined)));
    settings = { ...settings, disabledRules: [...new Set([...settings.disabledRules, ruleId])] };
    refresh();
    try {
      settings = await switchRule(env.browser, ruleId, false);
    } catch {
      // Not saved (storage refused): the claims come back rather than seeming muted until the next page.
      settings = before;
      card.close(true);
    }
    refresh();
  }

  /** Undo: the rule back on, and its card open again on the same claim. */
  async function unmute(entry: ClaimEntry): Promise<void> {
    settings = await switchRule(env.browser, entry.rule.id, true);
    refresh();
    const index = shown().indexOf(entry);
    if (index >= 0) open(index, false);
    else card.close(true);
  }

  async function hide(entry: ClaimEntry): Promise<void> {
    hidden.add(entry.key);
    card.close(true);
    claims.without(hidden);
    refresh();
    await saveHiddenClaims(env.browser, location.href, hidden);
  }

  ctx.addEventListener(
    window,
    'click',
    guard((event: MouseEvent) => {
      if (event.button !== 0 || event.defaultPrevented && !card.entry) return;
      const target = event.target as Element | null;
      if (isInUiHost(target)) return;
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || !getSelection()?.isCollapsed || target?.closest?.(INTERACTIVE)) {
        card.close(false);
        return;
      }
      const index = paused() || reading.hidden ? -1 : rangeAtPoint(document, shown().map((e) => e.range), event.clientX, event.clientY);
      if (index >= 0) open(index, false);
      else card.close(false);
    }),
    { capture: true },
  );

  ctx.addEventListener(
    window,
    'keydown',
    guard((event: KeyboardEvent) => {
      if (event.key === 'Escape' && card.entry) card.close(true);
    }),
  );

  let following = false;
  const follow = guard(() => {
    if (following || !card.entry) return;
    following = true;
    requestAnimationFrame(() => {
      following = false;
      card.follow();
    });
  });
  ctx.addEventListener(window, 'scroll', follow, { capture: true, passive: true });
  ctx.addEventListener(window, 'resize', follow, { passive: true });

  ctx.addEventListener(window, 'wxt:locationchange', guard(() => {
    // A new view: nothing found on the old one is true here (PITFALLS.md 5).
    generation++;
    card.close(false);
    forgetFindings();
    clearHighlights();
    reading.end();
    hiddenLoaded = loadHidden();
    refresh();
    ctx.setTimeout(() => scan([document.body]), 300);
  }));

  const onMessage = (message: unknown) => {
    // The popup asks before it says "still scanning": a page we are not in (a PDF, a store page) cannot answer.
    if (isPingRequest(message)) return Promise.resolve(true);
    if (isReadingModeChange(message)) {
      guard(() => {
        reading.apply(message);
        refresh();
      })();
      return undefined;
    }
    if (isNavigateRequest(message)) {
      if (reading.hidden) {
        reading.showAgain();
        refresh();
      }
      if (message.direction === 'next') move(1);
      else if (message.direction === 'previous') move(-1);
      else open(message.index ?? 0, true);
    }
    return undefined;
  };
  env.browser.runtime.onMessage.addListener(onMessage);

  // Settings changed in the options page or the popup: a threshold or a rule switched off only repaints; a
  // paused or resumed site, or new rules of the shopper's, start the page over.
  const stopWatching = watchSettings(env.browser, guard((next: Settings) => {
    const before = settings;
    if (isPaused(before, location.href) === isPaused(next, location.href) && before.userRules === next.userRules) {
      settings = next;
      refresh();
      return;
    }
    generation++;
    card.close(false);
    forgetFindings();
    settingsLoaded = applyRules({ settings: next });
    settings = next;
    refresh();
    scan([document.body]);
  }));

  ctx.onInvalidated(() => {
    stopWatching();
    env.browser.runtime.onMessage.removeListener(onMessage);
    card.close(false);
    clearHighlights();
    host?.host.remove();
  });

  watchChanges(document.documentElement, (roots) => scan(roots), { ignore: isInUiHost, signal: ctx.signal });
  scan([body], handoff.bodyLook);
  if (handoff.pending.length > 0) scan(handoff.pending);
}

function rangesMeet(a: Range, b: Range): boolean {
  try {
    return a.compareBoundaryPoints(Range.END_TO_START, b) < 0 && a.compareBoundaryPoints(Range.START_TO_END, b) > 0;
  } catch {
    return false; // In different shadow trees: not the same list.
  }
}

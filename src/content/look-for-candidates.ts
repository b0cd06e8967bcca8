/**
 * The first look at one subtree, the only work every page and frame pays for: extract its text in slices
 * (yielding to the page between them) and run the prefilter's one expression over it in windows. The eager
 * content script does this alone; the rest of Claimlens loads only where it finds a candidate sentence or a
 * cytokine name, and takes this result over rather than extracting again.
 */
import { TextExtractor, type ExtractOptions, type PageText } from '../dom/extract-text.ts';
import { findCandidates, type TriggerMatcher } from '../engine/claims/find-candidates.ts';
import type { CandidateSentence } from '../engine/types.ts';
import { lineWindows } from './line-windows.ts';

export interface FirstLook {
  page: PageText;
  candidates: CandidateSentence[];
  /** Whether the text may name a cytokine (`LookDeps.cytokineHint`'s answer); false when not asked. */
  mayNameCytokine: boolean;
}

/** The cytokine hint (src/engine/cytokines/cytokine-hint.ts), for a look that answers it in the same pass. */
export interface CytokineHint {
  /** The hint's expression (`cytokinePrefixSource`), which the gate also wakes on. */
  prefixes: string;
  /** The hint itself, asked only of a window where the gate woke. */
  test: (text: string) => boolean;
}

export interface LookDeps {
  triggers: TriggerMatcher;
  exclude: ExtractOptions['exclude'];
  /** Resolves after the page has had the main thread back for a moment. */
  yieldToPage: () => Promise<void>;
  /** True once the scan is no longer wanted (navigation, extension unloaded). */
  cancelled: () => boolean;
  /** Also answers whether the text may name a cytokine, in the gate's one pass (the eager first look). */
  cytokineHint?: CytokineHint;
}

/** A slice of work on the main thread stays well under the 50 ms that makes a long task. */
const SLICE_MS = 8;
const WINDOW = 200_000;

/**
 * A whole word's edges: no ASCII letter or digit before it, none after it. Shared with the quick look
 * (quick-look.ts), whose promise to wake wherever this gate would rests on reading edges the same way.
 */
export const FREE_BEFORE = '(?<![A-Za-z0-9])';
export const FREE_AFTER = '(?![A-Za-z0-9])';

const gates = new WeakMap<TriggerMatcher, Map<string, RegExp>>();

/**
 * The prefilter's expression held to whole words: no ASCII letter or digit touches a hit. A page with no
 * candidate has no hit, where the bare expression stops inside every "formula" and "blend" for
 * `findCandidates` to turn down (11,000 times on the bench's 1 MB page, three quarters of the first look's
 * regex time). It only answers yes more often than `findCandidates` finds a candidate, never less (a letter
 * or digit next to a hit rules it out there too), so a window without a hit needs no `findCandidates`.
 *
 * `cytokinePrefixes`: the gate also wakes where a cytokine name may begin, at the start of a token, so one
 * pass over the page answers both questions (a second pass for the hint cost the first look about as much as
 * the gate). A name it wakes on is one the hint would find or more (any case; an ASCII letter or digit before
 * it is the only thing that rules it out, where the hint rules out any letter or digit), never fewer.
 */
export function wholeWordGate(triggers: TriggerMatcher, cytokinePrefixes = ''): RegExp {
  let byPrefixes = gates.get(triggers);
  if (!byPrefixes) gates.set(triggers, (byPrefixes = new Map<string, RegExp>()));
  let gate = byPrefixes.get(cytokinePrefixes);
  if (!gate) {
    const words = `(?:${triggers.regex.source})${FREE_AFTER}`;
    const alternatives = cytokinePrefixes === '' ? words : `${words}|(?:${cytokinePrefixes})`;
    gate = new RegExp(`${FREE_BEFORE}(?:${alternatives})`, triggers.regex.flags.replace('g', ''));
    byPrefixes.set(cytokinePrefixes, gate);
  }
  return gate;
}

/** The subtree's text and candidate sentences; null when cancelled on the way. */
export async function lookForCandidates(root: Node, deps: LookDeps): Promise<FirstLook | null> {
  const extractor = new TextExtractor(root, { exclude: deps.exclude });
  for (;;) {
    const deadline = performance.now() + SLICE_MS;
    if (extractor.step(() => performance.now() > deadline)) break;
    await deps.yieldToPage();
    if (deps.cancelled()) return null;
  }
  const page = extractor.result();
  const hint = deps.cytokineHint;
  const gate = wholeWordGate(deps.triggers, hint?.prefixes);
  const candidates: CandidateSentence[] = [];
  let mayNameCytokine = false;
  // Windows of about 200 KB (a sentence never spans one): a few ms of regex each. The gate reads the window's
  // own text, so it never reads past it; a line break or the text's end bounds both sides.
  for (const window of lineWindows(page.text, WINDOW)) {
    if (gate.test(window.text)) {
      candidates.push(...findCandidates(page.text, deps.triggers, window.from, window.to));
      mayNameCytokine ||= hint?.test(window.text) ?? false;
    }
    if (!window.last) {
      await deps.yieldToPage();
      if (deps.cancelled()) return null;
    }
  }
  return { page, candidates, mayNameCytokine };
}
